from pathlib import Path

import pytest

from newsgen.extract.hedges import find_hedges

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_sentence(prefix, contains):
    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    for line in text.splitlines():
        if contains in line:
            return line
    raise AssertionError(contains)


@pytest.mark.parametrize(
    "text, expected",
    [
        # conditionals
        ("If it’s true that the soldiers are going there, it would mark a dangerous development.", "if true"),
        ("If true, it would be a grave breach of the U.N. Charter.", "if true"),
        ("If that is true, Moscow is desperate, the spokesperson said.", "if true"),
        ("Kirby said that if North Korea has indeed deployed troops, it would be an escalation.", "if indeed"),
        ("The deployment, if confirmed, would violate sanctions.", "if verified"),
        ("This alleged deployment, if verified, would symbolize a rare alliance.", "if verified"),
        # confirmation
        ("We cannot confirm the accuracy of these figures.", "cannot confirm"),
        ("We can't confirm that at this time, Patel told reporters.", "cannot confirm"),
        ("Officials were unable to independently confirm the account.", "cannot confirm"),
        ("The ministry could not confirm the report.", "could not confirm"),
        ("The White House has not officially confirmed Seoul's announcement.", "not confirmed"),
        ("The figures have not been confirmed by Kyiv.", "not confirmed"),
        ("Reuters could not independently verify the claim.", "cannot verify"),
        ("The video could not be independently verified.", "cannot verify"),
        ("The account is unconfirmed.", "unconfirmed"),
        # reports
        ("According to media reports, 3,000 soldiers arrived in Vladivostok.", "according to reports"),
        ("North Korea has reportedly sent more troops.", "reportedly"),
        ("There have been reports of clashes in Kursk.", "reports"),
        ("Kim Jong Un's reported willingness to send troops drew criticism.", "reports"),
        ("Rumors of a second deployment spread in Seoul.", "rumors"),
        # attribution of doubt
        ("The alleged deployment drew condemnation.", "alleged"),
        ("Troops were allegedly bound for Russia.", "allegedly"),
        ("Kirby described this potential move as a sign of desperation.", "potential"),
        ("Actual numbers are potentially higher.", "potentially"),
        ("We do assess that North Korean soldiers have engaged in combat.", "assess"),
        ("The United States believes North Korea has suffered losses.", "believe"),
        ("The NIS estimated that 100 soldiers died.", "estimate"),
        ("Estimates indicate that Russian forces suffer heavy losses.", "estimate"),
        ("It is likely that more troops will follow.", "likely"),
        ("A ceasefire is unlikely before spring.", "unlikely"),
        ("The troops will probably be sent to Kursk.", "likely"),
        ("Seoul did not rule out the possibility.", "possible"),
        ("The soldiers appear to have been moved.", "appears"),
        ("The data suggests that losses are mounting.", "suggests"),
        ("I think that's a fair assessment.", "think"),
        ("It remains unclear how many troops are involved.", "unclear"),
        ("Officials said the troops are thought to be near the border.", "said to"),
        ("We're looking into the matter, Haq said.", "investigating"),
        # modals
        ("Russia may be seeking infantry support.", "may"),
        ("Russia might be seeking infantry support.", "might"),
        ("The deployment could prolong the war.", "could"),
    ],
)
def test_hedge_is_found(text, expected):
    assert expected in find_hedges(text)


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. confirmed North Korean fatalities on Monday.",
        "North Korea has sent more than 11,000 troops to Russia, the Pentagon said.",
        "Ryder said time will tell how the forces are integrated.",
        "The talks were held in May 2024 in Seoul.",
        "Theresa May spoke to reporters in London.",
        "Russia claimed the soldiers were volunteers.",
        "It would be a further breach of international law.",
        "They entered a war, and they are as such combatants.",
    ],
)
def test_no_hedge(text):
    assert find_hedges(text) == ()


def test_could_inside_could_not_confirm_is_not_counted_twice():
    assert find_hedges("The ministry could not confirm the report.") == ("could not confirm", "reports")


def test_canonical_order_and_uniqueness():
    text = "Reportedly, troops may move; reports say they may arrive, reportedly by train."
    assert find_hedges(text) == ("reportedly", "may", "reports")


def test_sentence_initial_may_is_a_modal():
    assert find_hedges("May it be that the reports are wrong?") == ("may", "reports")
    assert find_hedges("May 5 was the deadline.") == ()


def test_seed_sentences():
    patel = seed_sentence("001", "Vedant Patel")
    assert {"cannot confirm", "reports", "if true"} <= set(find_hedges(patel))
    kirby = seed_sentence("000", "On Monday, National Security")
    assert find_hedges(kirby)  # "reports", "if … indeed"
    assert "if indeed" in find_hedges(kirby)
    miller = seed_sentence("004", "In our view")
    assert find_hedges(miller) == ()


def test_could_confirm_states_what_is_confirmed():
    # Ability to confirm is no doubt; "could not confirm" and "could be" still hedge.
    assert find_hedges("Rutte said he could confirm that North Korean troops had been sent to Russia.") == ()
    assert find_hedges("He said he could not confirm the reports.")[0] == "could not confirm"
    assert find_hedges("The troops could be used in Kursk.") == ("could",)
