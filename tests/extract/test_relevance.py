import pytest

from newsgen.extract.relevance import keep, match_topics, matches
from newsgen.model import Topic

TOPICS = (
    Topic("deployment", "Deployment", ("North Korea", "troops", "DPRK")),
    Topic("casualties", "Casualties", ("killed in action", "losses")),
)


@pytest.mark.parametrize(
    "keyword, text, hit",
    [
        ("North Korea", "north korea's troops", True),
        ("North Korea", "North\nKorea said", True),
        ("North Korea", "North Koreans", False),
        ("troops", "a troopship", False),
        ("troops", "Troops.", True),
        ("killed in action", "soldiers killed in  action on Monday", True),
        ("DPRK", "the DPRK’s forces", True),
        ("Kim's", "Kim’s remarks", True),
        ("", "anything", False),
    ],
)
def test_keyword_matching_is_whole_words_case_insensitive(keyword, text, hit):
    assert matches(keyword, text) is hit


def test_match_topics_in_topic_order():
    assert match_topics("Heavy losses among North Korea's troops", TOPICS) == ("deployment", "casualties")
    assert match_topics("Seoul shares fell", TOPICS) == ()


def test_keeping_rule():
    assert keep(("deployment",), (), False, False, True)  # own match, even unattributed
    assert not keep((), (), True, False, True)  # unattributed, off-topic sentence in on-topic story
    assert keep((), (), True, True, True)  # attributed in on-topic story
    assert keep((), ("casualties",), False, True, True)  # its statement group is on topic
    assert not keep((), (), False, True, True)
    assert keep((), (), False, False, False)  # no topics configured: no filter


def test_a_whole_story_matches_like_its_sentences():
    # Long texts are matched without the per-sentence cache; the answer is the same.
    filler = "Markets were calm over the weekend. " * 80
    story = filler + "Officials counted heavy losses among North Korea’s troops. " + filler
    assert len(story) > 2000
    assert match_topics(story, TOPICS) == match_topics("heavy losses among North Korea’s troops", TOPICS)
    assert match_topics(filler * 2, TOPICS) == ()
