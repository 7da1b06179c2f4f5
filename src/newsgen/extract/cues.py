"""The cue words and patterns of cues.yaml, read once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Cues:
    reporting_verbs: frozenset[str]
    needs_particle: dict
    needs_object: dict
    relay_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    first_person_plural: frozenset[str]
    issuer_nouns: frozenset[str]
    publication_verbs: frozenset[str]
    issuing_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    media_words: frozenset[str]
    person_nouns: frozenset[str]
    part_nouns: frozenset[str]
    quantifier_words: frozenset[str]
    titles: frozenset[str]
    title_kinds: dict
    as_naming_verbs: frozenset[str]
    subordinators: frozenset[str]
    standing_verbs: frozenset[str]
    title_phrases: dict
    title_abbreviations: dict
    org_words: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    same_occasion: frozenset[str]
    reply_words: frozenset[str]
    reply_verbs: frozenset[str]
    tie_verbs: frozenset[str]
    statement_verbs: frozenset[str]
    account_nouns: frozenset[str]
    scene_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    participle_openers: frozenset[str]
    other_occasion: frozenset[str]
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    spokesperson_titles: frozenset[str]
    single_holder_titles: frozenset[str]
    rank_words: frozenset[str]
    briefing_nouns: frozenset[str]
    interview_nouns: frozenset[str]
    background_words: frozenset[str]
    unnamed_words: frozenset[str]
    meeting_nouns: frozenset[str]
    meeting_verbs: frozenset[str]
    conversation_verbs: frozenset[str]
    generic_body_words: frozenset[str]
    date_bounds: frozenset[str]
    count_states: dict
    place_prepositions: frozenset[str]
    qualifiers_lower: frozenset[str]
    qualifiers_upper: frozenset[str]
    qualifiers_other: frozenset[str]
    pattern_pieces: dict
    hedge_patterns: tuple
    denial_patterns: tuple
    refusal_patterns: tuple


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = yaml.safe_load((Path(__file__).with_name("cues.yaml")).read_text(encoding="utf-8"))
    out = {}
    for name, kind in Cues.__annotations__.items():
        value = raw[name]
        if kind == "tuple":  # [pattern, canonical] pairs, in their order
            out[name] = tuple((str(p), str(c)) for p, c in value)
        elif isinstance(value, dict):
            out[name] = {k: tuple(v) if isinstance(v, list) else v for k, v in value.items()}
        else:
            out[name] = frozenset(str(w).lower() for w in value)
    return Cues(**out)


def patterns(name: str) -> list[tuple[str, str]]:
    """The [pattern, canonical] pairs of cues.yaml's `name`, each <PIECE> spelt out."""
    pieces = cues().pattern_pieces

    def spelt(p: str) -> str:
        while "<" in p and any(f"<{k}>" in p for k in pieces):
            for k, v in pieces.items():
                p = p.replace(f"<{k}>", v)
        return p
    return [(spelt(p), c) for p, c in getattr(cues(), name)]
