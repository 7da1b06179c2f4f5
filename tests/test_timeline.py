"""Claims from several stories become one ordered timeline."""
import datetime as dt
from dataclasses import replace

from newsgen.model import Claim, Quantity, Report, SeriesDef, Speaker, Story
from newsgen.timeline import assemble, claim_id, same_statement

D = dt.date
KIRBY = Speaker("john-kirby", "John Kirby", "spokesman", "White House")
MILLER = Speaker("matthew-miller", "Matthew Miller")


def claim(story, text, speaker=KIRBY, said_on=D(2024, 10, 21), paragraph=0, quantities=()):
    return Claim(id=f"{story}-{paragraph}", speaker=speaker, said_on=said_on, date_basis="on Monday" if said_on else None,
                 text=text, quantities=quantities, reports=(Report(story, text, paragraph),), placed_on=said_on)


STORIES = [Story("a", "a.txt", outlet="Alpha Daily", published=D(2024, 10, 22)),
           Story("b", "b.txt", outlet="Beta Wire", published=D(2024, 10, 22)),
           Story("c", "c.txt", outlet="Gamma", published=None)]


def test_same_statement_in_two_outlets_is_one_claim_with_two_reports():
    a = claim("a", "Kirby said Putin's growing desperation and isolation show in his reach to North Korea for infantry.")
    b = claim("b", "“Another demonstration of Putin’s growing desperation and his growing isolation,” Kirby said of North Korea.")
    assert same_statement(a, b)
    tl = assemble(STORIES, [a, b])
    (only,) = tl.claims
    assert [r.story for r in only.reports] == ["a", "b"]


def test_different_speaker_day_story_or_figures_stay_apart():
    text = "The troops suffered significant losses on the battlefield in the Kursk region this week."
    base = claim("a", text)
    assert not same_statement(base, claim("b", text, speaker=MILLER))
    assert not same_statement(base, claim("b", text, said_on=D(2024, 10, 22)))
    assert not same_statement(base, claim("a", text, paragraph=3))
    assert not same_statement(base, claim("b", text, speaker=None))
    q1, q2 = Quantity(1000, text="1,000"), Quantity(2000, text="2,000")
    assert not same_statement(claim("a", text, quantities=(q1,)), claim("b", text, quantities=(q2,)))
    assert same_statement(claim("a", text, quantities=(q1,)), claim("b", text, quantities=(q1,)))


def test_little_shared_wording_is_not_the_same_statement():
    a = claim("a", "Kirby said the U.S. is closely monitoring the reports with allies.")
    b = claim("b", "Kirby said Russia's losses are mounting as Putin's war drags on.")
    assert not same_statement(a, b)


def test_order_by_day_then_source_and_undated_last():
    c1 = claim("b", "Late statement about troops.", said_on=D(2024, 12, 16))
    c2 = claim("b", "Beta statement about troops.", said_on=D(2024, 10, 21), paragraph=1)
    c3 = claim("a", "Alpha statement about troops.", said_on=D(2024, 10, 21), speaker=MILLER)
    c4 = claim("a", "Undated but published.", said_on=None, paragraph=2)
    c5 = claim("c", "Nothing dated at all.", said_on=None)
    tl = assemble(STORIES, [c1, c2, c3, c4, c5])
    assert [c.text for c in tl.claims] == [c3.text, c2.text, c4.text, c1.text, c5.text]
    assert tl.claims[2].placed_on == D(2024, 10, 22) and tl.claims[2].said_on is None
    assert tl.claims[-1].placed_on is None


def test_ids_are_stable_unique_and_readable():
    a = claim("a", "One.")
    b = claim("a", "One.", paragraph=1)
    tl1 = assemble(STORIES, [a, b])
    tl2 = assemble(STORIES, [b, a])
    assert [c.id for c in tl1.claims] == [c.id for c in tl2.claims]
    assert len({c.id for c in tl1.claims}) == 2
    assert claim_id(a).startswith("john-kirby-")


def test_series_points_follow_units_context_and_exclusions():
    sent = Quantity(11000, unit="troops", qualifier="more than", text="more than 11,000 troops")
    dead = Quantity(200, unit="soldiers", qualifier="some", text="some 200 soldiers")
    c1 = claim("a", "Pyongyang has sent more than 11,000 troops to Russia.", quantities=(sent,))
    c2 = claim("b", "Some 200 Russian and North Korean soldiers were killed.", quantities=(dead,), said_on=None)
    c3 = claim("c", "Russia lost more than 11,000 troops in a month.", quantities=(sent,), paragraph=4)
    defs = [SeriesDef("nk", "NK troops", units=("troops", "soldiers"), context=("Pyongyang", "North Korean"), exclude=("killed",))]
    (series,) = assemble(STORIES, [c1, c2, c3], defs).series
    assert [(p.quantity.value, p.story, p.date) for p in series.points] == [(11000, "a", D(2024, 10, 21))]


def test_words_every_claim_shares_are_no_evidence_of_the_same_statement():
    wh = Speaker("white-house", "White House", kind="organization")
    filler = [claim(f"f{i}", f"North Korean troop deployment to Russia item {i} said.", speaker=MILLER) for i in range(12)]
    a = claim("a", "The White House has not officially confirmed the North Korean troop deployment to Russia.", speaker=wh, said_on=None)
    b = claim("b", "The White House announced it will release an official statement on the North Korean troop deployment to Russia.", speaker=wh, said_on=None)
    tl = assemble(STORIES, [a, b, *filler])
    assert sum(1 for c in tl.claims if c.speaker == wh) == 2


def test_same_quotation_merges_a_dated_and_an_undated_report():
    q = "“We will not stand by while these troops are thrown into the meat grinder,” Kirby said"
    a = claim("a", f"{q} on Monday.")
    a = replace(a, quote="We will not stand by while these troops are thrown into the meat grinder")
    b = claim("b", f"{q}.", said_on=None)
    b = replace(b, quote=a.quote, placed_on=D(2024, 10, 22))
    (merged,) = assemble(STORIES, [a, b]).claims
    assert merged.said_on == D(2024, 10, 21) and merged.date_basis == "on Monday"
    assert [r.story for r in merged.reports] == ["a", "b"]


def test_undated_report_needs_more_than_a_paraphrase_and_a_fitting_date():
    a = claim("a", "Kirby said the allies would consult closely on the deployment of the new troops to the front.")
    b = replace(claim("b", "Kirby said partners would talk about how the soldiers were sent to the front.", said_on=None),
                placed_on=D(2024, 10, 22))
    assert not same_statement(a, b)
    quote = "the most dangerous escalation we have seen in this war so far"
    late = replace(claim("b", "x", said_on=None), quote=quote, placed_on=D(2024, 12, 1))
    assert not same_statement(replace(a, quote=quote), late)  # published six weeks later: another occasion
    assert same_statement(replace(a, quote=quote), replace(late, placed_on=D(2024, 10, 23)))


def test_a_rate_never_joins_a_count_series_and_vague_amounts_join_by_their_words():
    count = SeriesDef("nk-cas", "NK casualties", units=("casualties", "dozens"), context=("losses",))
    rate = SeriesDef("ru-day", "RU per day", units=("casualties per day",))
    per_day = claim("a", "Austin said Russia's losses reached more than 1,200 casualties per day.",
                    quantities=(Quantity(1200, low=1200, unit="casualties per day", qualifier="more than",
                                         text="more than 1,200 casualties per day"),))
    dozens = claim("b", "Kirby said the losses number several dozens.", said_on=D(2024, 12, 16),
                   quantities=(Quantity(None, low=24, qualifier="several", text="several dozens"),))
    nk, ru = assemble(STORIES, [per_day, dozens], [count, rate]).series
    assert [p.claim for p in nk.points] == [claim_id(dozens)]
    assert [p.quantity.value for p in ru.points] == [1200]


def test_subject_must_stand_beside_the_number():
    d = SeriesDef("nk", "NK troops", units=("troops",), subject=("North Korean",))
    both = claim("a", "Ukraine said some 200 North Korean troops were at the front, far fewer than the 600,000 troops Russia has in Ukraine's Kursk and Donetsk and Zaporizhzhia regions today.",
                 quantities=(Quantity(200, qualifier="some", unit="troops", text="some 200 North Korean troops"),
                             Quantity(600000, unit="troops", text="600,000 troops Russia")))
    (series,) = assemble(STORIES, [both], [d]).series
    assert [p.quantity.value for p in series.points] == [200]


def test_undated_values_take_the_publication_day_or_window_and_say_so():
    d = SeriesDef("nk", "NK troops", units=("troops",))
    windowed = Story("w", "w.txt", published_window=(D(2024, 11, 7), D(2024, 11, 13)))
    q = (Quantity(10000, unit="troops", text="10,000 troops"),)
    published = claim("a", "The U.S. has said 10,000 troops went.", said_on=None, quantities=q)
    in_window = claim("w", "There are 10,000 troops in Russia, officials say.", said_on=None, quantities=q)
    (series,) = assemble(STORIES + [windowed], [published, in_window], [d]).series
    got = {p.story: (p.date, p.date_basis, p.window) for p in series.points}
    assert got == {"a": (D(2024, 10, 22), "published", None),
                   "w": (D(2024, 11, 7), "window", (D(2024, 11, 7), D(2024, 11, 13)))}


def test_claim_address_survives_a_corrected_typo_and_a_sentence_added_elsewhere():
    text = "Kirby said Putin's growing desperation shows in his reach to North Korea for infantry."
    typo = text.replace("desperation", "desparation").replace("infantry", "infnatry")
    other = claim("a", "Kirby also said the sanctions would stay in place for the whole year.", paragraph=3)
    before = assemble(STORIES, [claim("a", typo), other]).claims
    added = claim("a", "Kirby spoke to reporters at the White House briefing room.", paragraph=0)
    after = assemble(STORIES, [added, claim("a", text, paragraph=1), replace(other, reports=(Report("a", other.text, 4),))]).claims
    ids_before = {c.text: c.id for c in before}
    ids_after = {c.text: c.id for c in after}
    assert ids_after[text] == ids_before[typo]
    assert ids_after[other.text] == ids_before[other.text]
    assert len(set(ids_after.values())) == 3
    # a different sentence of the same speaker in the same story gets another address
    assert ids_after[added.text] not in ids_before.values()
# --- one statement across outlets: days that fit, a shared figure, per-report hedges ---

NIS = Speaker("nis", "National Intelligence Service", kind="organization")
Q12K = Quantity(12000, text="12,000")


def ranged(story, text, rng, speaker=NIS, quantities=(Q12K,), precision="month"):
    return Claim(id=f"{story}-r", speaker=speaker, said_on=None, date_basis="earlier this month", text=text,
                 quantities=quantities, reports=(Report(story, text, 0),), date_precision=precision,
                 date_range=rng, placed_on=rng[1])


def test_a_day_inside_the_other_reports_month_with_the_same_figure_is_one_statement():
    day = claim("a", "The spy agency said Friday that Pyongyang had decided to dispatch roughly 12,000 troops.",
                speaker=NIS, said_on=D(2024, 10, 18), quantities=(Q12K,))
    month = ranged("b", "The agency said earlier this month that North Korea would send about 12,000 soldiers.",
                   (D(2024, 10, 1), D(2024, 10, 31)))
    assert same_statement(day, month) and same_statement(month, day)


def test_a_day_outside_the_range_or_another_figure_or_speaker_stays_apart():
    day = claim("a", "The spy agency said that 12,000 troops were sent.", speaker=NIS, said_on=D(2024, 11, 2), quantities=(Q12K,))
    october = ranged("b", "The agency said that 12,000 troops were sent.", (D(2024, 10, 1), D(2024, 10, 31)))
    assert not same_statement(day, october)
    november = ranged("b", "The agency said that 10,000 troops were sent.", (D(2024, 11, 1), D(2024, 11, 30)),
                      quantities=(Quantity(10000, text="10,000"),))
    assert not same_statement(day, november)
    other = ranged("b", "The ministry said that 12,000 troops were sent.", (D(2024, 11, 1), D(2024, 11, 30)),
                   speaker=Speaker("mnd", "Ministry of National Defense", kind="organization"))
    assert not same_statement(day, other)


def test_a_range_needs_a_specific_figure_not_just_a_count_of_two():
    two = (Quantity(2, text="two"),)
    day = claim("a", "Zelensky said two soldiers were captured.", speaker=Speaker("z", "Volodymyr Zelensky"),
                said_on=D(2025, 1, 11), quantities=two)
    week = ranged("b", "Zelensky offered to swap the two men.", (D(2025, 1, 6), D(2025, 1, 12)),
                  speaker=Speaker("z", "Volodymyr Zelensky"), quantities=two, precision="week")
    assert not same_statement(day, week)


def test_one_day_one_speaker_and_the_same_figure_is_one_statement_despite_other_wording():
    z = Speaker("z", "Volodymyr Zelensky")
    q = (Quantity(3000, low=3000, text="more than 3,000"),)
    a = claim("a", "More than 3,000 North Korean soldiers have been killed or wounded in Kursk, Zelensky said on Monday.",
              speaker=z, said_on=D(2024, 12, 23), quantities=q)
    b = claim("b", "On Monday, Zelensky said the number of North Koreans killed and wounded exceeded 3,000.",
              speaker=z, said_on=D(2024, 12, 23), quantities=q)
    assert same_statement(a, b)


def test_two_people_sharing_a_surname_are_never_one_speaker():
    a = claim("a", "Kim said 3,000 troops were sent.", speaker=Speaker("kim-yong-hyun", "Kim Yong-hyun"))
    b = claim("b", "Kim said 3,000 troops were sent.", speaker=Speaker("kim-jong-un", "Kim Jong Un"))
    assert not same_statement(a, b)


def test_a_merged_claim_keeps_each_reports_hedges_and_shows_the_wording_naming_the_speaker():
    lead = replace(claim("a", "North Korea has probably sent 10,000 troops, the Pentagon said Monday.",
                         quantities=(Quantity(10000, text="10,000"),)), hedged=True, hedges=("probably",))
    lead = replace(lead, reports=(replace(lead.reports[0], hedges=("probably",)),))
    named = claim("b", "Kirby said Monday that 10,000 troops had been sent.", quantities=(Quantity(10000, text="10,000"),))
    (one,) = assemble(STORIES, [lead, named]).claims
    assert one.text == named.text and one.hedges == () and not one.hedged
    assert [r.hedges for r in one.reports] == [("probably",), ()]
