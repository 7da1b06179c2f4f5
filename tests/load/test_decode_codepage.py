"""Single-byte text: English with a few accents is Windows-1252, other scripts keep their page."""
from newsgen.load.decode import decode

ENGLISH = ("The naïve plan, a café owner said on Monday, was “not serious”. North Korean troops were seen "
           "in Kursk, officials said, and the ministry would not confirm the figure. ") * 4


def test_english_cp1252_is_not_read_as_a_central_european_page():
    text, problems = decode(ENGLISH.encode("cp1252"), "seeds/a.txt")
    assert text == ENGLISH
    (w,) = problems
    # The warning names the encoding used and words to check, not just "detected".
    assert w.severity == "warning" and "cp1252" in w.message and "'naïve'" in w.message


def test_czech_and_russian_keep_their_code_pages():
    czech = "Vláda uvedla, že severokorejští vojáci jsou v Rusku a že příští týden zveřejní další údaje. " * 5
    text, problems = decode(czech.encode("cp1250"), "seeds/cz.txt")
    assert text == czech and "cp1250" in problems[0].message
    russian = "Вооружённые силы КНДР направили войска в Россию, заявили в министерстве обороны. " * 5
    text, _ = decode(russian.encode("cp1251"), "seeds/ru.txt")
    assert text == russian
