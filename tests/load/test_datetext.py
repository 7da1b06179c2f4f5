"""Explicit dates in page text: never a guessed year or day order."""
import datetime as dt

import pytest

from newsgen.load.datetext import date_bar, dateline, dateline_end, find_date, header_date, stamps

D = dt.date


@pytest.mark.parametrize("line,want", [
    ("Friday, November 22, 2024", D(2024, 11, 22)),
    ("Fri, 22 Nov 2024", D(2024, 11, 22)),
    ("2024.12.27 16:58", D(2024, 12, 27)),
    ("November 22, 2024 North Korea news", None),  # a date inside a line is not a date bar
    ("10/11/2024", None),  # October 11 or 10 November: never guess
])
def test_date_bar(line, want):
    assert date_bar(line) == want


@pytest.mark.parametrize("line,pub,upd", [
    ("Posted December 27, 2024 4:58 PM", D(2024, 12, 27), None),
    ("Published: 2024-10-18", D(2024, 10, 18), None),
    ("Published Oct. 18, 2024 Updated Oct. 19, 2024", D(2024, 10, 18), D(2024, 10, 19)),
    ("Updated Oct. 19, 2024 11:00 a.m. ET", None, D(2024, 10, 19)),
    ("입력 2024.12.27 16:58 수정 2024.12.28 09:10", D(2024, 12, 27), D(2024, 12, 28)),
    ("AIR DATE:  FRI 22 AUG 2025     TX: 21:00 KST", D(2025, 8, 22), None),
    ("Transcript posted: Dec. 31, 2024 09:10 EST", D(2024, 12, 31), None),
    ("Date: 2024.10.29", D(2024, 10, 29), None),
])
def test_stamps(line, pub, upd):
    st = stamps(line)
    assert (st.published, st.updated) == (pub, upd)


@pytest.mark.parametrize("line", ["Updated 2 hours ago", "Publishers met on Oct. 18, 2024", "Posted by admin",
                                  "Broadcasters met on Oct. 18, 2024", "Date of the visit: 2024.10.29"])
def test_not_stamps(line):
    assert stamps(line) is None


def test_datelines():
    dl = dateline("WASHINGTON, Dec. 16 (Yonhap) -- The U.S. said")
    assert (dl.text, dl.month, dl.day, dl.year, dl.credit) == ("WASHINGTON, Dec. 16 (Yonhap)", 12, 16, None, "Yonhap")
    assert dl.on() is None and dl.on(2024) == D(2024, 12, 16)
    assert dateline("KYIV, Ukraine (AP) — Ukraine said").credit == "AP"
    assert dateline("LONDON — Britain said").text == "LONDON"
    assert dateline("NATO - the alliance said") is None
    assert dateline("The United States believes") is None
    # Filed from two places: the wire's own form, not a sentence.
    dl = dateline("BRUSSELS/KYIV, Feb 3 (Reuters) - NATO said")
    assert (dl.text, dl.month, dl.day, dl.credit) == ("BRUSSELS/KYIV, Feb 3 (Reuters)", 2, 3, "Reuters")
    assert dateline_end("BRUSSELS/KYIV, Feb 3 (Reuters) - NATO said") == len("BRUSSELS/KYIV, Feb 3 (Reuters) - ")
    assert dateline("EU/NATO - the allies said") is None and dateline_end("EU/NATO - the allies said") == 0
    # A place in capitals and a single hyphen before a capitalised sentence.
    assert dateline("SEOUL - North Korea's foreign ministry said").text == "SEOUL"
    assert dateline("US - China talks resumed") is None  # too short to be a place alone
    # A place in Title Case with a wire's credit: "Seoul (AFP) —".
    assert dateline("Seoul (AFP) — Two soldiers said").credit == "AFP"
    assert dateline("Seoul (Friday) — Two soldiers said") is None
    # A wire that prints its name after the date without brackets ("TOKYO, Nov. 16 Kyodo -").
    dl = dateline("LIMA, Nov. 16 Kyodo - Japan's prime minister said")
    assert (dl.text, dl.month, dl.day, dl.credit) == ("LIMA, Nov. 16 Kyodo", 11, 16, "Kyodo")


def test_find_date_rejects_impossible_dates():
    assert find_date("February 30, 2024")[0] is None
    assert find_date("on 30 June 2024 and 1 July 2024")[0] == D(2024, 6, 30)


@pytest.mark.parametrize("line,want", [
    ("November 5, 2024 4:12 PM 3 min read", D(2024, 11, 5)),
    ("November 5, 2024 4:12 AM GMT+9 Updated 2 hours ago", D(2024, 11, 5)),
    ("2024.11.05 14:22", D(2024, 11, 5)),
    ("Tue 5 Nov 2024 04.12 EST", D(2024, 11, 5)),
    ("All News 10:12 November 05, 2024", D(2024, 11, 5)),  # a section label before it
    ("2 hours ago", None),
    ("Updated November 5, 2024", None),
    ("Last modified November 5, 2024", None),
    ("By Jane Doe November 5, 2024", None),
])
def test_header_date(line, want):
    assert header_date(line) == want


@pytest.mark.parametrize("line, want", [
    ("Wednesday 9 April 2025 · Lisbon", dt.date(2025, 4, 9)),
    ("9 April 2025 | Porto, Portugal", dt.date(2025, 4, 9)),
    ("9 April 2025 · the minister said", None),
])
def test_header_date_with_the_place_it_was_filed_from(line, want):
    assert header_date(line) == want


def test_relative_stamps():
    from newsgen.load.datetext import relative_stamp
    seen = dt.date(2025, 4, 9)
    assert relative_stamp("Published 5 hours ago").days(seen, dt.time(12, 0)) == {seen}
    assert relative_stamp("Published 5 hours ago").days(seen, dt.time(4, 0)) == {dt.date(2025, 4, 8)}
    assert relative_stamp("posted an hour ago").days(seen) == {dt.date(2025, 4, 8), seen}
    assert relative_stamp("Updated 10 min ago").updated
    assert relative_stamp("Published on 9 April") is None
    assert relative_stamp("Five hours ago, the minister said") is None


def test_clock_time_is_not_read_inside_a_numeric_date():
    from newsgen.load.datetext import clock_time
    assert clock_time("23.10.2024") is None
    assert clock_time("23.10.2024 19:52 KST") == dt.time(19, 52)
    assert clock_time("7.05pm") == dt.time(19, 5)
