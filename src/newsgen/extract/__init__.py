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
    if name != "extract_claims":  # version() is a plain function below
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from newsgen.extract.claims import extract_claims

    globals()[name] = extract_claims  # found once; later lookups are plain attributes
    return extract_claims


__all__ = ["extract_claims", "version"]


def version() -> str:
    """What made the claims: the extractor's code and, once loaded, its model.

    Every store key of extraction results includes it, so a new model or a changed
    rule invalidates exactly the results they made.
    """
    import hashlib
    from pathlib import Path

    h = hashlib.blake2b(digest_size=12)
    here = Path(__file__).parent
    for f in sorted(here.rglob("*")):
        if f.suffix in (".py", ".yaml", ".json") and f.is_file():
            h.update(f.relative_to(here).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()
