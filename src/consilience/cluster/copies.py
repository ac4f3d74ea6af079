"""Copies of one text (wire copy, syndication): MinHash LSH for candidates, then an exact check.

Word 4-gram shingles of the body (the headline is ignored, so a re-titled wire story still
matches). LSH on estimated Jaccard finds candidates in sub-linear time; each candidate is then
verified on the stored shingle hashes with containment (shared / smaller set), which tolerates
boilerplate lines added to or cut from one copy. Copies across languages are never copies.
The LSH threshold (Jaccard 0.2) sits far below the containment bar (0.7) on purpose: a short
wire copy inside a long page shares most of its shingles but has a low Jaccard, and a candidate
costs only one sorted-array intersection to verify.

The bar: on giveme5w1h pairs read by a person (bench/data/stories/copies_reviewed.toml), every
pair found at 0.6 and above was a copy, and lightly edited wire copies sat at 0.60 to 0.74; the
closest pair that is not a copy (two wire stories of different days sharing background) sat at
0.58. 0.7 keeps a margin above it (`bench/stories.py` prints the sweep).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from consilience.cluster.doc import StoryDoc, publication_order

_WORD_RE = re.compile(r"\w+")
_SHINGLE = 4
_NUM_PERM = 64


@dataclass(frozen=True, slots=True)
class CopyMatch:
    """A verified near-duplicate: which earlier article, its group, and the measured overlap."""

    doc_id: str
    group_id: str
    copy_of: str
    containment: float
    jaccard: float
    why: str


def shingles(text: str) -> np.ndarray:
    """Sorted unique 64-bit hashes of word 4-grams (blake2b: stable across runs, unlike hash())."""
    words = _WORD_RE.findall(text.lower())
    if len(words) < _SHINGLE:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)]
    hashes = [
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in grams
    ]
    return np.unique(np.array(hashes, dtype=np.uint64))


class CopyIndex:
    """Incremental near-duplicate index; `add` answers whether an article copies an earlier one."""

    def __init__(
        self, containment: float = 0.7, lsh_threshold: float = 0.2, min_shingles: int = 20
    ):
        self.containment = containment
        self.min_shingles = min_shingles
        self.lsh = MinHashLSH(threshold=lsh_threshold, num_perm=_NUM_PERM)
        self.sets: dict[str, np.ndarray] = {}
        self.language: dict[str, str | None] = {}
        self.group: dict[str, str] = {}
        self.order: dict[str, int] = {}
        self.last: CopyMatch | None = None

    def match(self, doc: StoryDoc) -> CopyMatch | None:
        """The best verified earlier copy of `doc`, or None; does not change the index."""
        sh = shingles(doc.text)
        return self._match(doc, sh, self._minhash(sh)) if len(sh) >= self.min_shingles else None

    @staticmethod
    def _minhash(sh: np.ndarray) -> MinHash:
        mh = MinHash(num_perm=_NUM_PERM, hashfunc=int)
        # datasketch hashes 32-bit values; fold the 64-bit shingle hashes so none is lost.
        mh.update_batch([int(h) for h in (sh ^ (sh >> np.uint64(32))) & np.uint64(0xFFFFFFFF)])
        return mh

    def _match(self, doc: StoryDoc, sh: np.ndarray, mh: MinHash) -> CopyMatch | None:
        best: CopyMatch | None = None
        for cand in sorted(self.lsh.query(mh), key=self.order.__getitem__):
            lang = self.language[cand]
            if doc.language and lang and doc.language.lower() != lang.lower():
                continue  # a translation is another text, not a copy
            other = self.sets[cand]
            shared = len(np.intersect1d(sh, other, assume_unique=True))
            containment = shared / min(len(sh), len(other))
            jaccard = shared / (len(sh) + len(other) - shared)
            if containment < self.containment:
                continue
            if best is None or containment > best.containment:
                why = (
                    f"copy of {cand}: {containment:.0%} of the shorter text's 4-word shingles "
                    f"shared (Jaccard {jaccard:.2f})"
                )
                best = CopyMatch(doc.id, self.group[cand], cand, containment, jaccard, why)
        return best

    def add(self, doc: StoryDoc) -> str | None:
        """Index an article; returns its copy group id (first article of the group) or None.

        Args:
            doc: the article; its body text is compared, never its title.
        Returns:
            The group id when `doc` is a verified near-duplicate of an earlier article, else None.
            The reason (estimated similarity) is left in `self.last`.
        """
        if doc.id in self.group:
            return self.group[doc.id] if self.group[doc.id] != doc.id else None
        sh = shingles(doc.text)
        self.last = None
        self.group[doc.id] = doc.id
        self.order[doc.id] = len(self.order)
        if len(sh) < self.min_shingles:
            return None  # too short to tell a copy from a shared phrase
        mh = self._minhash(sh)
        self.last = self._match(doc, sh, mh)
        self.sets[doc.id] = sh
        self.language[doc.id] = doc.language
        self.lsh.insert(doc.id, mh)
        if self.last is None:
            return None
        self.group[doc.id] = self.last.group_id
        return self.last.group_id


def find_copy_groups(docs: Iterable[StoryDoc]) -> dict[str, str]:
    """Every article in a copy group (the first included) -> group id (first by publication time)."""
    index = CopyIndex()
    out: dict[str, str] = {}
    for doc in sorted(docs, key=publication_order):
        group = index.add(doc)
        if group is not None:
            out[doc.id] = group
            out[group] = group
    return out
