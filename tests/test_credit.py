"""Who is credited with a claim after extraction (newsgen.credit), with content/people.yaml."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsgen.config import load_config
from newsgen.credit import credited
from newsgen.model import Claim, Report, Speaker

PEOPLE = load_config(Path(__file__).parent.parent / "content")[0].people


def _claim(speaker: Speaker, text: str) -> Claim:
    return Claim("c", speaker, dt.date(2024, 10, 30), "stated", text, reports=(Report("s", text, 0),))


def test_a_joint_statement_credits_each_person_and_no_name_joins_two():
    text = "U.S. Defense Secretary Lloyd Austin and South Korean Defense Minister Kim Yong-hyun called on North Korea to withdraw."
    (c,) = credited([_claim(Speaker("lloyd-austin-and-kim-yong-hyun", "Lloyd Austin and Kim Yong-hyun", known=False), text)], PEOPLE)
    assert [s.name for s in c.speakers] == ["Lloyd Austin", "Kim Yong-hyun"]
    assert all(s.known and " and " not in s.name for s in c.speakers)


def test_a_description_joined_by_and_stays_one_speaker():
    sp = Speaker("u-s-and-south-korean-defense-officials", "U.S. and South Korean defense officials", known=False)
    (c,) = credited([_claim(sp, "U.S. and South Korean defense officials said it was a threat.")], PEOPLE)
    assert c.speaker == sp and c.joint == ()


def test_an_alias_matches_whatever_the_apostrophe():
    sp = Speaker("x", "Central Military Commission of the ruling Workers’ Party", known=False)
    (c,) = credited([_claim(sp, "A statement from the Central Military Commission said the troops took part.")], PEOPLE)
    assert c.speaker.known and c.speaker.id == "wpk-central-military-commission"


def test_an_institutions_statement_is_the_institutions_unless_the_person_is_named():
    kirby = Speaker("john-kirby", "John Kirby", org="White House")
    (c,) = credited([_claim(kirby, "The White House said North Korea had suffered significant losses.")], PEOPLE)
    assert c.speaker.id == "white-house"
    (named,) = credited([_claim(kirby, "Kirby said the White House would respond.")], PEOPLE)
    assert named.speaker.id == "john-kirby"
    (pronoun,) = credited([_claim(kirby, "He said the losses were significant.")], PEOPLE)
    assert pronoun.speaker.id == "john-kirby"
