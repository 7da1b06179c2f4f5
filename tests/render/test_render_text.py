"""Highlighting, sentence finding and date wording."""
from __future__ import annotations

import datetime as dt

from newsgen.model import Claim, Quantity, Story
from newsgen.render.formatting import date_note, number, quantity, quote_adds
from newsgen.render.highlight import Mark, highlight_numbers, locate, mark_story


def test_highlight_numbers_escapes_the_rest():
    q = Quantity(1000, text="1,000")
    out = str(highlight_numbers("<b>1,000</b> & 1,000", [q]))
    assert out == '&lt;b&gt;<strong class="num">1,000</strong>&lt;/b&gt; &amp; <strong class="num">1,000</strong>'


def test_highlight_prefers_the_longer_quantity_text():
    out = str(highlight_numbers("more than 1,000 men", [Quantity(1000, text="1,000"), Quantity(1000, text="more than 1,000")]))
    assert out == '<strong class="num">more than 1,000</strong> men'


def test_locate_ignores_spacing_and_quote_style_and_wrong_paragraph_hint():
    pars = ("First one.", "He said  “it’s bad.” Then left.")
    assert locate(pars, "He said \"it's bad.\"", 1) == (1, 0, 20)
    assert locate(pars, "He said \"it's bad.\"", 0) == (1, 0, 20)  # hint wrong
    assert locate(pars, "Not there.", 0) is None
    assert locate(pars, "   ", 0) is None


def _claim(cid):
    return Claim(id=cid, speaker=None, said_on=None, date_basis=None, text="x")


def test_overlapping_sentences_nest_so_every_anchor_exists():
    story = Story(id="s", seed="s.txt", paragraphs=("A b c. D e f.",))
    marks = [(Mark(_claim("1"), "claim-1", "1.html", "one"), "A b c. D e f.", 0),
             (Mark(_claim("2"), "claim-2", "2.html", "two"), "D e f.", 0),
             (Mark(_claim("3"), "claim-3", "3.html", "three"), "c. D e f. more", 0)]
    pars, missing = mark_story(story, marks)
    html = str(pars[0])
    assert [m.anchor for m in missing] == ["claim-3"]
    assert html.count("<mark") == html.count("</mark>") == 2
    assert html.index('id="claim-1"') < html.index('id="claim-2"') < html.index("</mark>") < html.rindex("</mark>")


def test_partial_overlap_is_clipped_not_crossed():
    story = Story(id="s", seed="s.txt", paragraphs=("One two three four.",))
    marks = [(Mark(_claim("1"), "claim-1", "1.html", "one"), "One two three", 0),
             (Mark(_claim("2"), "claim-2", "2.html", "two"), "three four.", 0)]
    html = str(mark_story(story, marks)[0][0])
    # both anchors exist and tags are properly nested
    assert 'id="claim-1"' in html and 'id="claim-2"' in html
    assert html.index('id="claim-2"') < html.index("</mark>")
    assert html.endswith(" four.")


def test_date_notes():
    d = dt.date
    c = Claim(id="a", speaker=None, said_on=d(2024, 10, 21), date_basis="On Monday", text="x", placed_on=d(2024, 10, 21))
    n = date_note(c)
    assert n.text == "said Monday 21 Oct 2024" and n.datetime == "2024-10-21" and n.stated
    assert n.how == "On Monday" and n.basis == "On Monday" and not n.basis_differs
    c = Claim(id="a", speaker=None, said_on=None, date_basis=None, text="x", placed_on=d(2024, 10, 22))
    n = date_note(c)
    assert n.text == "date not stated · reported 22 Oct 2024" and not n.stated and n.how is None
    assert n.datetime == "2024-10-22"
    c = Claim(id="a", speaker=None, said_on=None, date_basis="last week", text="x", date_precision="week",
              date_range=(d(2024, 12, 9), d(2024, 12, 15)), placed_on=d(2024, 12, 9))
    assert date_note(c).text == "said in the week of 9 Dec 2024" and date_note(c).datetime == "2024-W50"
    c = Claim(id="a", speaker=None, said_on=None, date_basis="in November", text="x", date_precision="month",
              date_range=(d(2024, 11, 1), d(2024, 11, 30)))
    assert date_note(c).text == "said in November 2024" and date_note(c).datetime == "2024-11"
    c = Claim(id="a", speaker=None, said_on=None, date_basis=None, text="x")
    assert date_note(c).datetime is None and date_note(c).text == "date not stated · report undated"


def _how(basis: str, said: dt.date) -> str | None:
    c = Claim(id="a", speaker=None, said_on=said, date_basis=basis, text="x", placed_on=said)
    n = date_note(c)
    assert n.basis == basis  # the recorded words always travel with the note
    assert n.basis_differs == (n.how != basis)
    return n.how


def test_date_provenance_reads_short_for_the_common_shapes():
    d = dt.date
    assert (_how("weekday 'Monday' before publication 2024-10-22", d(2024, 10, 21))
            == "from “Monday”, counted back from publication on 22 Oct 2024")
    assert _how("weekday 'Wednesday' on publication day 2024-10-30", d(2024, 10, 30)) == "from “Wednesday”, the day of publication"
    assert (_how("explicit date 'November 6' (year from publication 2024-11-13)", d(2024, 11, 6))
            == "from “November 6” in the text, year from publication")
    assert _how("explicit date '6 Nov 2024'", d(2024, 11, 6)) == "from “6 Nov 2024” in the text"
    assert (_how("same statement as the sentence before by Jane Roe (2024-10-21)", d(2024, 10, 21))
            == "same statement as the sentence before")
    assert (_how("bare quotation continuing the statement before (2024-10-30)", d(2024, 10, 30))
            == "a quotation continuing the statement before")
    assert (_how("'Earlier in the day' → day of the statement before (2024-12-16) +0 = 2024-12-16", d(2024, 12, 16))
            == "from “Earlier in the day”: day of the statement before")


def test_date_provenance_falls_back_to_the_recorded_words():
    d = dt.date
    # an unknown shape: the recorded text, with its dates in words and its own date not repeated
    assert _how("refers to Roe's statement (2024-10-30)", d(2024, 10, 30)) == "refers to Roe's statement"
    assert (_how("'yesterday' 1 day(s) before publication 2024-10-22", d(2024, 10, 21))
            == "“yesterday” 1 day(s) before publication 22 Oct 2024")
    # a short form that drops a date only does so when that date is the claim's own
    assert (_how("same statement as the sentence before by Jane Roe (2024-10-20)", d(2024, 10, 21))
            == "same statement as the sentence before by Jane Roe (20 Oct 2024)")


def test_quotation_is_shown_only_when_the_text_does_not_contain_it():
    def claim(text: str, quote: str | None) -> Claim:
        return Claim(id="a", speaker=None, said_on=None, date_basis=None, text=text, quote=quote)

    assert not quote_adds(claim('He said “it is a dangerous escalation.”', "it is a dangerous escalation."))
    # straight against curly quotes, other spacing and case: still the same words
    assert not quote_adds(claim('He said "It is  a dangerous\nescalation."', "it is a ‘dangerous’ escalation."))
    assert quote_adds(claim("He called it a dangerous escalation.", "a very dangerous escalation"))
    assert not quote_adds(claim("No quotation here.", None)) and not quote_adds(claim("x", "  "))


def test_numbers_in_words():
    assert number(1000.0) == "1,000" and number(1.5) == "1.5" and number(None) == ""
    assert quantity(Quantity(None, low=1000, high=1200, unit="casualties")) == "1,000–1,200 casualties"
    assert quantity(Quantity(11000, qualifier="more than", unit="troops")) == "more than 11,000 troops"
