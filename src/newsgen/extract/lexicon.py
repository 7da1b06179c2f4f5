"""Regex fragments that hedges.py and stance.py both build their patterns from.

The extraction pipeline's cue words (reporting verbs, titles, media words …) are
data in cues.yaml; these two are pieces of the hedge and stance patterns.
"""
from __future__ import annotations

# Either apostrophe, as outlets print "can't" and "can’t".
APOSTROPHE = "['’]"
# Adverbs that may stand between a negation and its verb ("could not independently confirm").
NEGATION_ADVERBS = r"(?:\s+(?:independently|officially|immediately|publicly|yet|fully|formally|directly))*"
