"""Claim extraction: from a story's body paragraphs to attributed, dated claims.

Low-level text analysis lives in small single-purpose modules:

- ``sentences``  — sentence splitting that respects quotations and abbreviations
- ``quantities`` — numbers with their qualifier and unit
- ``hedges``     — words that qualify a statement ("if true", "reportedly" …)

Date expressions are resolved by :mod:`newsgen.dates`.
"""
from newsgen.extract.claims import extract_claims  # noqa: E402,F401  (the public entry point)
