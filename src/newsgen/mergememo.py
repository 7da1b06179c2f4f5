"""The speaker buckets merged by earlier builds (timeline.merge_claims), kept in the store.

A record is one bucket's groups under its bucket_key, a digest of everything merging
that bucket reads; the key also carries the code's fingerprint, so edited merging
code never reuses an old answer. Only the buckets the last build used are kept.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Mapping, Sequence

from newsgen import store as stores
from newsgen.timeline import Groups

KIND = "merge"


class StoredMerges:
    def __init__(self, store: stores.Store):
        self.store = store
        from newsgen.cache import code_fingerprint

        self._version = code_fingerprint()

    def _key(self, bucket: str) -> str:
        return hashlib.sha256((self._version + "\0" + bucket).encode()).hexdigest()

    def known(self, keys: Sequence[str]) -> Mapping[str, Groups]:
        stored = self.store.get_many(KIND, [self._key(k) for k in keys], Groups)
        return {k: stored[self._key(k)] for k in keys if self._key(k) in stored}

    def learned(self, found: Mapping[str, Groups], used: Sequence[str]) -> None:
        self.store.put_many(KIND, [(self._key(k), v) for k, v in found.items()])
        if found:  # a build that merged nothing new leaves the same records in use
            self.store.retain(KIND, {self._key(k) for k in used})


def at(cache_dir: Path | None) -> StoredMerges | None:
    store = stores.at(cache_dir)
    return StoredMerges(store) if store is not None else None
