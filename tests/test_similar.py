"""The shared near-duplicate index: the same pairs as comparing every pair, far fewer comparisons."""
from similar_corpus import PHRASES, corpus

from newsgen import similar
from newsgen.check import SHINGLE_WORDS, duplicate_problems, shingles
from newsgen.sources import SENTENCE_JACCARD, _copy_pairs, story_sentences


def test_shingles_are_every_run_of_k_words():
    words = "one two three four five six".split()
    ids = [similar.word_id(w) for w in words]
    assert similar.shingles(words, 5) == {hash(tuple(ids[:5])), hash(tuple(ids[1:]))}
    assert similar.shingles(words[:4], 5) == frozenset()


def test_no_pair_that_reaches_the_share_is_missed():
    # Sets built to sit right at the threshold: b shares exactly min_shared of a.
    a = frozenset(range(100))
    for share in (0.4, 0.5, 0.8, 0.9):
        k = similar.min_shared(100, share)
        b = frozenset(range(100 - k, 300 - k))  # larger, sharing k elements of a
        filler = [frozenset(range(1000 + 50 * i, 1050 + 50 * i)) for i in range(20)]
        assert (0, 1) in similar.candidate_pairs([a, b, *filler], share), share


def test_check_finds_the_same_duplicates_as_comparing_every_pair():
    stories = corpus(300, words=200)
    found = duplicate_problems(stories, "seeds")
    assert found == duplicate_problems(stories, "seeds", similar.clusters_by_comparing)
    # The corpus does plant copies of both kinds, so the comparison is not vacuous.
    assert {p.severity for p in found} == {"error", "warning"}


def test_sources_finds_the_same_derived_stories_as_comparing_every_pair():
    stories = corpus(300, words=150)
    found = _copy_pairs(stories)
    assert found == _copy_pairs(stories, similar.all_pairs)
    overlaps = [overlap for _, _, overlap in found.values()]
    assert any(o >= 0.8 for o in overlaps) and any(o < 0.8 for o in overlaps), "copies and rewrites planted"


def _compared(n: int, vocabulary: int = 3000) -> tuple[int, int]:
    """Candidate pairs (whole articles for check, sentences for sources) on n stories,
    none copied, that all use the story's stock phrases."""
    stories = corpus(n, words=300, copies=False, vocabulary=vocabulary)
    assert all(any(p in " ".join(s.paragraphs).lower() for p in PHRASES) for s in stories)
    articles = [shingles(s.paragraphs, SHINGLE_WORDS) for s in stories]
    sentences = [sh for s in stories for sh in story_sentences(s)]
    return (len(list(similar.candidate_pairs(articles, 0.8))),
            len(list(similar.candidate_pairs(sentences, SENTENCE_JACCARD))))


def test_comparisons_grow_far_slower_than_the_square_of_the_corpus():
    (articles_150, sentences_150), (articles_600, sentences_600) = _compared(150), _compared(600)
    # Four times the stories: all pairs would be sixteen times the comparisons
    # (179,700 article pairs at 600 stories, and some 40 million sentence pairs).
    assert articles_600 <= 600
    assert sentences_600 <= 6 * max(sentences_150, 1), (sentences_150, sentences_600)
    assert sentences_600 <= 600 * 2


def test_a_tiny_vocabulary_still_compares_a_sliver_of_the_sentence_pairs():
    # 500 words: every sentence shares many 3-word runs with others, by chance.
    stories = corpus(600, words=300, copies=False, vocabulary=500)
    sentences = [sh for s in stories for sh in story_sentences(s)]
    compared = len(list(similar.candidate_pairs(sentences, SENTENCE_JACCARD)))
    assert compared <= len(sentences) ** 2 / 2 / 10_000, compared


def test_pairs_among_some_sets_are_every_near_pair_with_one_of_them():
    stories = corpus(120, words=150)
    sentences = [sh for s in stories for sh in story_sentences(s)]
    among = set(range(0, len(sentences), 5))

    def near(pairs):
        return {(i, j) for i, j in pairs if len(sentences[i] & sentences[j]) / len(sentences[i] | sentences[j]) >= SENTENCE_JACCARD}

    found = near(similar.candidate_pairs(sentences, SENTENCE_JACCARD, among))
    assert found == near(similar.all_pairs(sentences, SENTENCE_JACCARD, among))
    assert found and all(i in among or j in among for i, j in found)


def test_sets_sharing_a_part_of_many_others_are_not_all_compared():
    # Every set shares 10 of its 100 elements with every other (a template's stock
    # words); one pair shares 90: only that pair can reach 0.8 of the smaller set.
    stock = set(range(10))
    sets = [frozenset(stock | set(range(1000 * i, 1000 * i + 90))) for i in range(1, 40)]
    sets.append(frozenset(stock | set(range(1000, 1080)) | {99999} | set(range(5000000, 5000009))))
    assert similar.candidate_pairs(sets, 0.8) == [(0, len(sets) - 1)]


def test_shingles_are_the_same_in_every_process():
    # A rebuild compares shingles kept by the last build, run with another string hash seed.
    import os
    import subprocess
    import sys

    code = "from newsgen import similar; print(sorted(similar.shingles('a b c d e f g'.split(), 3)))"
    runs = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed},
                           capture_output=True, text=True, check=True).stdout for seed in ("1", "2")}
    assert runs == {f"{sorted(similar.shingles('a b c d e f g'.split(), 3))}\n"}


def test_pairs_joining_two_owners_are_every_near_pair_of_two_stories():
    stories = corpus(120, words=150)
    sentences, owners = [], []
    for s in stories:
        for sh in story_sentences(s):
            sentences.append(sh)
            owners.append((s.id,))

    def near(pairs):
        return {(i, j) for i, j in pairs if len(sentences[i] & sentences[j]) / len(sentences[i] | sentences[j]) >= SENTENCE_JACCARD}

    found = near(similar.candidate_pairs(sentences, SENTENCE_JACCARD, groups=owners))
    assert found == near(similar.all_pairs(sentences, SENTENCE_JACCARD, groups=owners))
    assert found and all(owners[i] != owners[j] for i, j in found)


def test_one_long_article_of_alike_sentences_is_not_compared_with_itself():
    # 3,000 sentences of one template in one story: every pair is near, none joins two stories.
    words = "the minister said on monday that about {} troops had been sent to region {}".split()
    sentences = [similar.shingles([w.format(n, n % 7) for w in words], 3) for n in range(3000)]
    assert similar.candidate_pairs(sentences, SENTENCE_JACCARD, groups=[("one",)] * len(sentences)) == []


def test_near_identical_sets_are_one_cluster_each_compared_once():
    """20,000 copies of a wire brief would be 200 million pairs; as a cluster, each
    copy is compared with its first only (memory and time grow with the corpus)."""
    base = frozenset(range(200))
    sets = [base - {i % 150} | {1000 + i % 7} for i in range(2000)]
    calls = []

    def match(i, j):
        calls.append((i, j))
        return 1.0

    found = similar.clusters(sets, 0.8, match)
    assert found == [(0, j, 1.0) for j in range(1, 2000)]
    assert len(calls) == 1999


def test_clusters_are_those_of_comparing_with_every_representative():
    stories = corpus(300, words=200)
    sets = [shingles(s.paragraphs, SHINGLE_WORDS) for s in stories]

    def match(i, j):
        a, b = sets[i], sets[j]
        common = len(a & b)
        return common if common >= 0.8 * min(len(a), len(b)) else None

    found = similar.clusters(sets, 0.8, match)
    assert found == similar.clusters_by_comparing(sets, 0.8, match)
    assert len(found) > 10


def _template_written(n: int, seed: int = 4) -> list[frozenset[int]]:
    """n articles, none a copy, each of twelve paragraphs drawn from a few speakers,
    statements and background lines with another figure: even their rarest runs of
    five words recur in dozens of others, as in a large corpus of one story."""
    import random

    rng = random.Random(seed)
    subjects = ["The defence ministry", "A senior official", "The intelligence agency", "The foreign minister",
                "The army chief", "A government spokesman"]
    bodies = ["said about {k} troops had been sent to the border region in recent weeks",
              "warned that the deployment would be a dangerous escalation of the war",
              "estimated that around {k} soldiers were now taking part in combat operations",
              "said at least {k} soldiers had been killed or wounded in fighting near the river",
              "told reporters that the allies were consulting closely on how to respond"]
    filler = ["Satellite images showed new activity at training grounds and ports.",
              "Diplomats have debated the question for weeks without a common statement.",
              "The movement of forces fits a pattern seen since the autumn.",
              "Neither government has confirmed the figures published by the ministry."]
    out = []
    for _ in range(n):
        paragraphs = [f"{rng.choice(subjects)} {rng.choice(bodies).format(k=f'{rng.randrange(1, 40) * 500:,}')}. "
                      + " ".join(rng.sample(filler, 2)) for _ in range(12)]
        out.append(shingles(paragraphs, SHINGLE_WORDS))
    return out


def test_articles_written_from_templates_are_clustered_with_few_comparisons():
    # One shared element is no test here (every look-up finds most articles): the
    # index needs as many hits as it looks up elements beyond the fewest, and still
    # finds what comparing with every representative finds.
    from newsgen.check import _same_article, similarity

    sets = _template_written(200)
    sets += [sets[7] | {1, 2}, sets[150] - set(list(sets[150])[:5])]  # two planted copies
    calls = {"index": 0, "reference": 0}

    def counted(kind):
        def match(i, j):
            calls[kind] += 1
            sim = similarity(sets[i], sets[j])
            return sim if _same_article(*sim) else None
        return match

    found = similar.clusters(sets, 0.8, counted("index"))
    assert found == similar.clusters_by_comparing(sets, 0.8, counted("reference"))
    assert [(i, j) for i, j, _ in found] == [(7, 200), (150, 201)]
    assert calls["index"] * 20 < calls["reference"], calls
