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
