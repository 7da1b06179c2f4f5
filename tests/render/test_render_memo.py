"""render.memo: the answers shared between pages are the ones each page would work out."""
from __future__ import annotations

from newsgen import urls
from newsgen.model import Quantity
from newsgen.render import memo
from newsgen.render.highlight import highlight_numbers


def test_links_from_pages_of_one_folder_are_each_pages_own():
    links = memo.Links()
    targets = ["index.html", "claims/a.html#x", "speakers/b.html", "static/site.css", "claims/a.html"]
    pages = ["index.html", "claims/a.html", "claims/b.html", "speakers/index.html", "index.html"]
    for page in pages:
        href = links.from_page(page)
        for t in targets:
            assert href(t) == urls.relative(t, page), (page, t)


def test_highlighted_text_is_reused_only_for_the_same_words():
    calls = []

    def counted(text, quantities):
        calls.append(text)
        return highlight_numbers(text, quantities)

    hl = memo.per_text(counted)
    q1, q2 = (Quantity(1500.0, text="1,500"),), (Quantity(15.0, text="15"),)
    text = "About 1,500 troops, 15 of them officers."
    assert hl(text, q1) == highlight_numbers(text, q1)
    assert hl(text, q1) == highlight_numbers(text, q1)
    assert hl(text, q2) == highlight_numbers(text, q2) != highlight_numbers(text, q1)
    assert len(calls) == 2


def test_per_object_answers_once_per_object():
    calls = []
    once = memo.per_object(lambda o: calls.append(o) or len(calls))
    a, b = ["a"], ["a"]
    assert (once(a), once(a), once(b)) == (1, 1, 2)


class _Reads:
    """Stands for deps.Reads: the keys a page's drawing looked up."""

    def __init__(self) -> None:
        self.keys: set = set()


def _page(frags: memo.Fragments, path: str, reads=None):
    return frags.for_page(memo.Links().from_page(path), reads)


def test_a_fragment_is_reused_where_its_links_read_the_same_and_its_reads_go_to_every_page():
    frags = memo.Fragments()
    drawn = []

    def card(obj, level):
        drawn.append((obj, level))
        reads.keys.add(("claim", obj[0]))
        return f"<{href(urls.speaker(obj[0]))}|{href(urls.claim(obj[0]))}:{level}>"

    claim = ("c1",)
    reads = first = _Reads()
    first.keys.add(("count", "claims"))  # the page read it before: still the card's too
    href, once = _page(frags, "outlets/a.html", first)
    assert once(card, claim, 3) == "<../speakers/c1.html|../claims/c1.html:3>"
    reads = second = _Reads()
    href, once = _page(frags, "topics/b.html", second)  # same depth, no link into either folder
    assert once(card, claim, 3) == "<../speakers/c1.html|../claims/c1.html:3>"
    assert len(drawn) == 1
    assert second.keys == {("claim", "c1")}
    assert first.keys == {("claim", "c1"), ("count", "claims")}
    # A link into the page's own folder reads otherwise, as do other depths and arguments.
    reads = _Reads()
    href, once = _page(frags, "speakers/x.html", reads)
    assert once(card, claim, 3) == "<c1.html|../claims/c1.html:3>"
    href, once = _page(frags, "index.html", reads)
    assert once(card, claim, 3) == "<speakers/c1.html|claims/c1.html:3>"
    href, once = _page(frags, "topics/b.html", reads)
    once(card, claim, 4)
    assert len(drawn) == 4
    href, once = frags.for_page(lambda target: "/base/" + target, reads)  # 404.html: absolute links
    assert once(card, claim, 3) == "</base/speakers/c1.html|/base/claims/c1.html:3>"
    href, once = _page(frags, "outlets/z.html", reads)
    assert once(card, claim, 3) == "<../speakers/c1.html|../claims/c1.html:3>"
    assert len(drawn) == 5


def test_a_fragment_drawn_inside_another_gives_it_its_links():
    frags = memo.Fragments()

    def inner(obj):
        return href(urls.speaker(obj))

    def outer(obj):
        return "[" + once(inner, obj) + "]"

    href, once = _page(frags, "outlets/a.html")
    once(inner, "s")  # drawn alone first: outer then reuses it, links and all
    assert once(outer, "s") == "[../speakers/s.html]"
    href, once = _page(frags, "speakers/a.html")
    assert once(outer, "s") == "[s.html]"


def test_a_fragment_of_an_equal_but_other_object_is_drawn_for_it():
    frags = memo.Fragments()
    _, once = _page(frags, "index.html")
    assert once(lambda o: str(id(o)), ["x"]) != once(lambda o: str(id(o)), ["x"])
