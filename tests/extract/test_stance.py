"""Stance words in several phrasings: denies, declines, affirms (hedged kept apart)."""
import pytest

from newsgen.extract.hedges import find_hedges
from newsgen.extract.stance import find_stance


@pytest.mark.parametrize("text,word", [
    ("The Kremlin called the reports groundless.", "groundless"),
    ("Pyongyang's foreign ministry said the claims were baseless.", "baseless"),
    ("Peskov dismissed the report as fake news.", "fake news"),
    ("North Korea denied sending any soldiers to Russia.", "denied"),
    ("Moscow denies that foreign troops are fighting in Kursk.", "denies"),
    ("NATO said it had seen no evidence of troops in Ukraine.", "no evidence"),
    ("The ambassador said the report was not true.", "was not true"),
    ("North Korea has not sent any troops, the ministry said.", "has not sent"),
    ("Lavrov rejected the claims as a smear campaign.", "rejected the claims"),
])
def test_denials(text, word):
    stance, words = find_stance(text)
    assert stance == "denies", (text, stance, words)
    assert word in words


@pytest.mark.parametrize("text,word", [
    ("Kirby said the U.S. cannot confirm the reports.", "cannot confirm"),
    ("The spokesman said he had nothing to add.", "nothing to add"),
    ("The Pentagon will not comment on intelligence matters.", "will not comment"),
    ("A spokesperson declined to comment.", "declined to comment"),
    ("The United Nations has not confirmed the announcement.", "has not confirmed"),
    ("The ministry said it could not independently verify the claim.", "could not independently verify"),
    ("We won't speculate on that.", "won't speculate"),
    ("Officials would neither confirm nor deny the report.", "neither confirm nor deny"),
])
def test_refusals(text, word):
    stance, words = find_stance(text)
    assert stance == "declines", (text, stance, words)
    assert word in words


@pytest.mark.parametrize("text,hedged", [
    ("North Korea has sent about 10,000 troops to Russia, the Pentagon said.", False),
    ("If it's true that the soldiers are going there, it would mark a dangerous development.", True),
    ("We assess that North Korean soldiers have engaged in combat.", True),
])
def test_affirmations_with_hedges_kept_apart(text, hedged):
    stance, words = find_stance(text)
    assert stance == "affirms" and words == ()
    assert bool(find_hedges(text)) is hedged


def test_a_denial_outranks_a_refusal_and_background_denials_do_not_count():
    assert find_stance("We cannot confirm these groundless reports.")[0] == "denies"
    # Someone's earlier denial told as background is not this statement's stance.
    assert find_stance("Moscow, which had previously denied the deployment, confirmed it on Monday.")[0] == "affirms"
    assert find_stance("Despite denying it for months, Pyongyang said its forces took part.")[0] == "affirms"


def test_a_denial_word_inside_a_name_is_not_a_denial():
    text = "Andrii Kovalenko, who heads the Centre for Countering Disinformation, said the troops came under fire."
    assert find_stance(text) == ("affirms", ())
    assert find_stance("Fake, the ministry said of the report.")[0] == "denies"
