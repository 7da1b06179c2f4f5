"""Claim extraction: from a story's body paragraphs to attributed, dated claims.

Low-level text analysis lives in small single-purpose modules:

- ``sentences``  — sentence splitting that respects quotations and abbreviations
- ``quantities`` — numbers with their qualifier and unit
- ``hedges``     — words that qualify a statement ("if true", "reportedly" …)

Date expressions are resolved by :mod:`newsgen.dates`.

`extract_claims` (claims.py, the public entry point) is imported on first use, not
with the package: modules that need one small part (stance, sentences) should not
pay for importing the whole extractor.
"""
from __future__ import annotations


def __getattr__(name: str):
    if name != "extract_claims":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from newsgen.extract.claims import extract_claims

    globals()[name] = extract_claims  # found once; later lookups are plain attributes
    return extract_claims


__all__ = ["extract_claims"]
