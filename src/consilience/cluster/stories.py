"""Incremental story grouping: each new article joins the best-matching recent story or starts one.

Why single-pass with an inverted index: a re-run over the whole store per article would cost
O(store); here an article is scored only against stories that share one of its rarer keys
(content terms, entity ids, numbers, dates), with each posting list capped to its most recent
stories, so the cost per article stays flat as the store grows.

Score = content cosine (same language only, title terms boosted, incremental idf)
      + weighted cosines of entity ids, numbers and day-of-year dates
      - a penalty that grows with the time gap to the story.
Across languages the content term is unavailable, so entities, numbers and dates carry it.

Bounded re-merge: when an article joins a story and also scored at least `merge_floor` against
another candidate, and the two stories then score at least `merge_threshold` against each other
(one story's centroid and keys scored as one article against the other, time penalty included),
the newer story folds into the older, whose id stays. The retired id is kept in `merges`, so
`resolve`/`story_of` map old ids, and the assignment lists it in `merged` so a store can re-point
the retired story's rows. Cost: at most `candidates` story-to-story scores per article.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from consilience.cluster.doc import StoryDoc, naive_utc, publication_order
from consilience.cluster.features import DocFeatures, doc_features

_UND = "und"


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """One configuration for every dataset; the defaults were tuned on half of each benchmark."""

    stem: int = 6
    title_weight: float = 3.0
    max_chars: int = 5000
    year_chars: int = 600  # an undated article's year is read from its opening (the dateline)
    doc_terms: int = 60  # content terms kept per article vector
    story_terms: int = 300  # content terms kept per story centroid and language
    story_keys: int = 100  # entities, numbers and dates kept per story (most frequent)
    threshold: float = 0.24
    w_entities: float = 0.40
    w_numbers: float = 0.10
    w_dates: float = 0.15
    cross_entities: float = 0.60  # weights when no shared language lets content words count
    cross_numbers: float = 0.20
    cross_dates: float = 0.30
    grace_days: float = 7.0
    penalty_rate: float = 0.03  # per doubling of the gap beyond the grace period
    penalty_max: float = 0.50
    specifics_conflict: float = 0.25  # per doubling of the gap, when no number or day is shared
    anchor_relief: float = 1.0  # how far shared day-of-year dates cancel the time penalty
    members: int = 4  # recent member vectors kept per story for nearest-member similarity
    member_weight: float = 0.5  # share of the content score from the nearest member
    year_penalty: float = 0.20  # per year apart, when only years are known (undated articles)
    norm_refresh: float = 1.1  # recompute a story's norms once the corpus grew by this factor
    query_terms: int = 15
    candidates: int = 8
    posting_cap: int = 200
    common_share: float = 0.05  # keys in more than this share of articles do not retrieve
    merge_floor: float = 0.15  # another candidate the article scores this high against ... (0: off)
    merge_threshold: float = 0.45  # ... merges into its story when the two stories score this


@dataclass(frozen=True, slots=True)
class Evidence:
    """What tied an article to a story: shared keys, channel scores and the time gap."""

    terms: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    content: float = 0.0
    entity: float = 0.0
    number: float = 0.0
    date: float = 0.0
    gap_days: float | None = None
    penalty: float = 0.0


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went and why; `new` is true when it started its own story."""

    doc_id: str
    story_id: str
    new: bool
    score: float
    why: str
    evidence: Evidence = field(default_factory=Evidence)
    merged: tuple[str, ...] = ()  # stories this article bridged into `story_id` (their ids retire)


@dataclass(slots=True)
class _Story:
    id: str
    seq: int
    size: int = 0
    first: datetime | None = None
    last: datetime | None = None
    content: dict[str, dict[str, float]] = field(default_factory=dict)  # language -> term sums
    entities: dict[str, float] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    dates: dict[str, float] = field(default_factory=dict)
    years: dict[str, float] = field(default_factory=dict)  # member years (published or inferred)
    recent: list[tuple[str, dict[str, float]]] = field(default_factory=list)  # (lang, log-tf)
    langs: dict[str, float] = field(default_factory=dict)  # members per language
    # Weighted norms per channel, refreshed when the story changes, so scoring an article
    # costs O(article keys) per candidate instead of O(story keys).
    norms: dict[str, float] = field(default_factory=dict)
    norms_at: int = 0  # articles seen when the norms were computed


def _log_tf(terms: dict[str, float]) -> dict[str, float]:
    """Sub-linear term weights so one repeated word does not dominate a long article."""
    return {t: 1.0 + math.log(c) for t, c in terms.items()}


def _gap_days(when: datetime | None, story: _Story) -> float | None:
    """Days between an article and the nearest edge of a story's time span (0 inside it)."""
    if when is None or story.first is None or story.last is None:
        return None
    if story.first <= when <= story.last:
        return 0.0
    edge = story.first if when < story.first else story.last
    return abs((when - edge).total_seconds()) / 86400.0


class StoryIndex:
    """Incremental story grouping with a persisted state; add articles in publication order."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        self.n_docs = 0
        self.df: dict[str, int] = {}
        self.stories: dict[str, _Story] = {}
        self.postings: dict[str, list[str]] = {}
        self.assigned: dict[str, str] = {}
        self.merges: dict[str, str] = {}  # retired story id -> the story it merged into

    def resolve(self, story_id: str) -> str:
        """The live story a (possibly retired) story id now belongs to."""
        merges = self.merges
        while story_id in merges:
            story_id = merges[story_id]
        return story_id

    def story_of(self, doc_id: str) -> str | None:
        """The live story of an article added earlier, following merges."""
        sid = self.assigned.get(doc_id)
        return None if sid is None else self.resolve(sid)

    # --- weights -------------------------------------------------------------------------
    def _idf(self, key: str) -> float:
        """Smoothed idf from the articles seen so far (incremental: no corpus pass needed)."""
        return math.log((self.n_docs + 1) / (self.df.get(key, 0) + 1)) + 1.0

    def _idfs(self, keys: Iterable[str], prefix: str = "") -> list[float]:
        """idf of many keys at once; inlined because this is the hot loop of every update."""
        df, log, base = self.df, math.log, math.log(self.n_docs + 1) + 1.0
        return [base - log(df.get(prefix + k, 0) + 1) for k in keys]

    def _norm(self, raw: dict[str, float], prefix: str = "") -> float:
        idfs = self._idfs(raw, prefix)
        return math.sqrt(sum((v * i) ** 2 for v, i in zip(raw.values(), idfs)))

    @staticmethod
    def _match(
        doc: dict[str, float],
        idf: dict[str, float] | None,
        raw: dict[str, float],
        norm: float,
        doc_norm: float,
    ) -> tuple[float, list[tuple[float, str]]]:
        """Cosine of an article vector and a story's raw sums (weighted by idf when given)."""
        if not doc_norm or not norm:
            return 0.0, []
        if idf is None:
            shared = [(v * raw[k], k) for k, v in doc.items() if k in raw]
        else:
            shared = [(v * raw[k] * idf[k], k) for k, v in doc.items() if k in raw]
        if not shared:
            return 0.0, []
        return min(1.0, sum([x for x, _ in shared]) / (doc_norm * norm)), shared

    # --- features ------------------------------------------------------------------------
    def _doc_vectors(self, feats: DocFeatures) -> dict[str, dict[str, float]]:
        cfg = self.config
        idf = dict(zip(feats.terms, self._idfs(feats.terms)))
        terms = {t: w * idf[t] for t, w in _log_tf(feats.terms).items()}
        if len(terms) > cfg.doc_terms:
            terms = dict(sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[: cfg.doc_terms])
        return _with_norms(
            {
                "terms": terms,
                "entities": {e: self._idf("!" + e) for e in feats.entities},
                "numbers": {n: self._idf("#" + n) for n in feats.numbers},
                "dates": {d: self._idf("@" + d) for d in feats.dates},
                "idf": idf,
            }
        )

    def _keys(self, vecs: dict[str, dict[str, float]]) -> list[str]:
        """Retrieval keys of an article: its top content terms, entities, numbers and dates."""
        top = sorted(vecs["terms"].items(), key=lambda kv: (-kv[1], kv[0]))
        keys = [t for t, _ in top[: self.config.query_terms]]
        keys += ["!" + e for e in sorted(vecs["entities"])]
        keys += ["#" + n for n in sorted(vecs["numbers"])]
        keys += ["@" + d for d in sorted(vecs["dates"])]
        return keys

    # --- candidate retrieval and scoring -------------------------------------------------
    def _candidates(self, keys: list[str]) -> list[_Story]:
        cfg = self.config
        limit = max(cfg.common_share * self.n_docs, 50)
        hits: dict[str, float] = {}
        for key in keys:
            posting = self.postings.get(key)
            if not posting or self.df.get(key, 0) > limit:
                continue
            weight = self._idf(key)
            merges = self.merges
            for sid in posting[-cfg.posting_cap :]:
                if sid in merges:
                    sid = self.resolve(sid)
                hits[sid] = hits.get(sid, 0.0) + weight
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], self.stories[kv[0]].seq))
        return [self.stories[sid] for sid, _ in ranked[: cfg.candidates]]

    @staticmethod
    def _content_key(story: _Story, lang: str) -> str | None:
        """Which of the story's per-language centroids an article in `lang` is compared with."""
        if lang in story.content:
            return lang
        if lang == _UND and story.content:
            return max(story.content, key=lambda k: (story.langs.get(k, 0), k))
        return _UND if _UND in story.content else None

    def _score(
        self,
        vecs: dict[str, dict[str, float]],
        lang: str,
        when: datetime | None,
        year: int | None,
        story: _Story,
    ) -> tuple[float, Evidence]:
        cfg = self.config
        if self.n_docs > cfg.norm_refresh * story.norms_at + 10:
            self._refresh_norms(story)  # idf drifted; amortised O(log n) refreshes per story
        key = self._content_key(story, lang)
        content, shared_t = 0.0, []
        if key is not None:
            terms, idf = vecs["terms"], vecs["idf"]
            tn = vecs["norm"]["terms"]
            content, shared_t = self._match(
                terms, idf, story.content[key], story.norms["c:" + key], tn
            )
            near = 0.0
            for i, (mlang, member) in enumerate(story.recent):
                if mlang == key or _UND in (key, mlang):
                    near = max(near, self._match(terms, None, member, story.norms[f"m:{i}"], tn)[0])
            if near:
                content = (1 - cfg.member_weight) * content + cfg.member_weight * max(near, content)
        # Binary article vectors hold idf itself, so each doubles as its own idf table.
        ents, nums, dats = vecs["entities"], vecs["numbers"], vecs["dates"]
        dn, sn = vecs["norm"], story.norms
        ent, shared_e = self._match(ents, ents, story.entities, sn.get("e", 0.0), dn["entities"])
        num, shared_n = self._match(nums, nums, story.numbers, sn.get("n", 0.0), dn["numbers"])
        dat, shared_d = self._match(dats, dats, story.dates, sn.get("d", 0.0), dn["dates"])
        gap = _gap_days(when, story)
        penalty = 0.0
        if gap is not None and gap > cfg.grace_days:
            penalty = min(cfg.penalty_max, cfg.penalty_rate * math.log2(gap / cfg.grace_days))
            # A follow-up names the event's own day ("on 13 December"); a repeat event does not.
            penalty *= 1.0 - min(1.0, cfg.anchor_relief * dat)
            specifics = vecs["dates"] or vecs["numbers"]
            if specifics and (story.dates or story.numbers) and not dat and not num:
                # Weeks apart and not one number or day in common: a repeat, not a follow-up.
                penalty += min(1.0, cfg.specifics_conflict * math.log2(gap / cfg.grace_days))
        elif gap is None and year is not None and story.years:
            years_apart = min(abs(year - int(y)) for y in story.years)
            gap = 365.0 * years_apart
            penalty = min(cfg.penalty_max, cfg.year_penalty * max(0, years_apart - 1))
        if key is not None:
            score = content + cfg.w_entities * ent + cfg.w_numbers * num + cfg.w_dates * dat
        elif ent > 0:
            score = cfg.cross_entities * ent + cfg.cross_numbers * num + cfg.cross_dates * dat
        else:
            score = 0.0  # another language and no shared entity: numbers alone are too weak
        top = lambda pairs, n: tuple(k for _, k in sorted(pairs, key=lambda p: (-p[0], p[1]))[:n])  # noqa: E731
        evidence = Evidence(
            terms=top(shared_t, 6),
            entities=top(shared_e, 6),
            numbers=top(shared_n, 6),
            dates=top(shared_d, 4),
            content=round(content, 4),
            entity=round(ent, 4),
            number=round(num, 4),
            date=round(dat, 4),
            gap_days=None if gap is None else round(gap, 2),
            penalty=round(penalty, 4),
        )
        return score - penalty, evidence

    # --- updates -------------------------------------------------------------------------
    def _absorb(self, story: _Story, feats: DocFeatures, lang: str, when: datetime | None) -> None:
        cfg = self.config
        story.size += 1
        if when is not None:
            story.first = when if story.first is None or when < story.first else story.first
            story.last = when if story.last is None or when > story.last else story.last
        centroid = story.content.setdefault(lang, {})
        story.langs[lang] = story.langs.get(lang, 0.0) + 1.0
        # Each article adds a unit-length vector, so one long article does not outweigh the rest.
        idfs = dict(zip(feats.terms, self._idfs(feats.terms)))
        weighted = {t: w * idfs[t] for t, w in _log_tf(feats.terms).items()}
        norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
        # The centroid's weighted norm is updated term by term (O(article) instead of
        # O(story)); idf drift is caught by the periodic refresh in `_score`.
        sq = story.norms.get("c:" + lang, 0.0) ** 2
        for term, w in weighted.items():
            old = centroid.get(term, 0.0)
            new = centroid[term] = old + w / (norm * idfs[term])
            sq += (new * new - old * old) * idfs[term] ** 2
        story.norms["c:" + lang] = math.sqrt(max(sq, 0.0))
        pruned = len(centroid) > 1.5 * cfg.story_terms  # amortised: prune only past 1.5x the cap
        if pruned:
            scale = dict(zip(centroid, self._idfs(centroid)))
            keep = sorted(centroid.items(), key=lambda kv: (-kv[1] * scale[kv[0]], kv[0]))
            story.content[lang] = centroid = dict(keep[: cfg.story_terms])
        if cfg.members:
            top = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[: cfg.doc_terms]
            story.recent.append((lang, dict(top)))
            del story.recent[: -cfg.members]
        if feats.year is not None:
            story.years[str(feats.year)] = story.years.get(str(feats.year), 0.0) + 1.0
        for table, keys in (
            (story.entities, feats.entities),
            (story.numbers, feats.numbers),
            (story.dates, feats.dates),
        ):
            for key in keys:
                table[key] = table.get(key, 0.0) + 1.0
            if len(table) > 1.5 * cfg.story_keys:
                keep = sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))[: cfg.story_keys]
                table.clear()
                table.update(keep)
        if pruned or story.size <= 6:  # small stories: exact norms are cheap and idf moves most
            self._refresh_norms(story)
        else:
            self._refresh_small_norms(story)

    def _refresh_small_norms(self, story: _Story) -> None:
        """Recompute the norms of members and keys (small), leaving the content centroids'."""
        norms = story.norms
        for i, (_, member) in enumerate(story.recent):
            norms[f"m:{i}"] = math.sqrt(sum([v * v for v in member.values()]))
        norms["e"] = self._norm(story.entities, "!")
        norms["n"] = self._norm(story.numbers, "#")
        norms["d"] = self._norm(story.dates, "@")

    def _refresh_norms(self, story: _Story) -> None:
        """Recompute a story's channel norms with the current idf."""
        norms = {"c:" + lang: self._norm(c) for lang, c in story.content.items()}
        for i, (_, member) in enumerate(story.recent):
            norms[f"m:{i}"] = math.sqrt(sum(v * v for v in member.values()))
        norms["e"] = self._norm(story.entities, "!")
        norms["n"] = self._norm(story.numbers, "#")
        norms["d"] = self._norm(story.dates, "@")
        story.norms, story.norms_at = norms, self.n_docs

    def _index(self, story: _Story, keys: list[str]) -> None:
        cap = self.config.posting_cap
        for key in keys:
            posting = self.postings.setdefault(key, [])
            if story.id in posting[-8:]:
                continue
            posting.append(story.id)
            if len(posting) > 2 * cap:
                del posting[:-cap]

    def _count(self, feats: DocFeatures) -> None:
        self.n_docs += 1
        df = self.df
        for key in feats.terms:
            df[key] = df.get(key, 0) + 1
        for prefix, keys in (("!", feats.entities), ("#", feats.numbers), ("@", feats.dates)):
            for key in keys:
                df[prefix + key] = df.get(prefix + key, 0) + 1

    def warm(self, docs: Iterable[StoryDoc]) -> None:
        """Seed document frequencies from a background corpus so the first articles get sane idf."""
        cfg = self.config
        for doc in docs:
            feats = doc_features(
                doc,
                stem=cfg.stem,
                title_weight=cfg.title_weight,
                max_chars=cfg.max_chars,
                year_chars=cfg.year_chars,
            )
            self._count(feats)

    def add(self, doc: StoryDoc) -> Assignment:
        """Assign one article to a story (joining the best one above threshold, else a new one).

        Args:
            doc: the article; an id seen before returns its earlier story unchanged.
        Returns:
            The assignment with its score and a one-line reason.
        """
        if doc.id in self.assigned:
            sid = self.resolve(self.assigned[doc.id])
            return Assignment(doc.id, sid, False, 1.0, "already assigned")
        cfg = self.config
        feats = doc_features(
            doc,
            stem=cfg.stem,
            title_weight=cfg.title_weight,
            max_chars=cfg.max_chars,
            year_chars=cfg.year_chars,
        )
        lang = (doc.language or _UND).lower()
        when = naive_utc(doc.published)
        vecs = self._doc_vectors(feats)
        keys = self._keys(vecs)
        best: tuple[float, _Story, Evidence] | None = None
        scored = []
        for story in self._candidates(keys):
            score, evidence = self._score(vecs, lang, when, feats.year, story)
            scored.append((score, story))
            if best is None or score > best[0]:
                best = (score, story, evidence)
        if best is not None and best[0] >= cfg.threshold:
            score, story, evidence = best
            result = Assignment(
                doc.id, story.id, False, round(score, 4), _why(score, evidence), evidence
            )
        else:
            story = _Story(id=doc.id, seq=self.n_docs)  # unique and rising, even after merges
            self.stories[story.id] = story
            reason = "no story above threshold"
            if best is not None:
                reason += f" (best {best[0]:.3f} < {cfg.threshold}: {_why(*best[::2])})"
            result = Assignment(
                doc.id,
                story.id,
                True,
                0.0 if best is None else round(best[0], 4),
                reason,
                best[2] if best else Evidence(),
            )
        self._absorb(story, feats, lang, when)
        self._index(story, keys)
        self._count(feats)
        if not result.new and cfg.merge_floor:
            merged = self._bridge(story, scored)
            if merged:
                live = self.resolve(story.id)
                why = f"{result.why}; merged stories {', '.join(merged)} into {live}"
                result = replace(result, story_id=live, why=why, merged=merged)
        self.assigned[doc.id] = result.story_id
        return result

    # --- bounded re-merge -----------------------------------------------------------------
    def _bridge(self, story: _Story, scored: list[tuple[float, _Story]]) -> tuple[str, ...]:
        """Merge into `story` the other candidates this article also matched, when the two stories
        match each other as wholes: restores recall lost to arrival order without a regroup."""
        cfg = self.config
        merged = []
        for score, other in sorted(scored, key=lambda p: (-p[0], p[1].seq)):
            if other is story or score < cfg.merge_floor or other.id not in self.stories:
                continue
            if other.id in self.merges or self._story_score(other, story) < cfg.merge_threshold:
                continue
            keep, gone = (story, other) if story.seq <= other.seq else (other, story)
            self._merge(keep, gone)
            merged.append(gone.id)
            story = keep
        return tuple(merged)

    def _story_score(self, a: _Story, b: _Story) -> float:
        """Score story `a` against story `b` as if `a` were one article: its centroid and keys."""
        lang = max(a.langs, key=lambda k: (a.langs[k], k)) if a.langs else _UND
        centroid = a.content.get(lang, {})
        idf = dict(zip(centroid, self._idfs(centroid)))
        top = sorted(((t, v * idf[t]) for t, v in centroid.items()), key=lambda kv: (-kv[1], kv[0]))
        vecs = {
            "terms": dict(top[: 2 * self.config.doc_terms]),
            "idf": idf,
            "entities": {e: self._idf("!" + e) for e in a.entities},
            "numbers": {n: self._idf("#" + n) for n in a.numbers},
            "dates": {d: self._idf("@" + d) for d in a.dates},
        }
        when = None
        if a.first is not None and b.first is not None and b.last is not None:
            when = a.first if a.first > b.last else a.last if a.last < b.first else b.first
        year = max((int(y) for y in a.years), default=None)
        return self._score(_with_norms(vecs), lang, when, year, b)[0]

    def _merge(self, keep: _Story, gone: _Story) -> None:
        """Fold story `gone` into `keep` (the older one keeps its id; `gone` retires)."""
        cfg = self.config
        keep.size += gone.size
        for when in (gone.first, gone.last):
            if when is not None:
                keep.first = when if keep.first is None or when < keep.first else keep.first
                keep.last = when if keep.last is None or when > keep.last else keep.last
        for lang, centroid in gone.content.items():
            mine = keep.content.setdefault(lang, {})
            for term, v in centroid.items():
                mine[term] = mine.get(term, 0.0) + v
            if len(mine) > 1.5 * cfg.story_terms:
                scale = dict(zip(mine, self._idfs(mine)))
                ranked = sorted(mine.items(), key=lambda kv: (-kv[1] * scale[kv[0]], kv[0]))
                keep.content[lang] = dict(ranked[: cfg.story_terms])
        for mine, theirs in (
            (keep.entities, gone.entities),
            (keep.numbers, gone.numbers),
            (keep.dates, gone.dates),
            (keep.years, gone.years),
            (keep.langs, gone.langs),
        ):
            for key, v in theirs.items():
                mine[key] = mine.get(key, 0.0) + v
        keep.recent = (keep.recent + gone.recent)[-cfg.members :] if cfg.members else []
        del self.stories[gone.id]
        self.merges[gone.id] = keep.id
        self._refresh_norms(keep)

    # --- persistence ---------------------------------------------------------------------
    def state(self) -> dict:
        """A JSON-ready snapshot from which `from_state` rebuilds an equal index."""
        stories = []
        for s in self.stories.values():
            stories.append({
                "id": s.id, "seq": s.seq, "size": s.size,
                "first": s.first.isoformat() if s.first else None,
                "last": s.last.isoformat() if s.last else None,
                "content": s.content, "entities": s.entities,
                "numbers": s.numbers, "dates": s.dates, "years": s.years,
                "recent": s.recent, "langs": s.langs, "norms": s.norms, "norms_at": s.norms_at,
            })  # fmt: skip
        return {
            "version": 1,
            "config": asdict(self.config),
            "n_docs": self.n_docs,
            "df": self.df,
            "stories": stories,
            "postings": self.postings,
            "assigned": self.assigned,
            "merges": self.merges,
        }

    @classmethod
    def from_state(cls, state: dict) -> StoryIndex:
        """Rebuild an index from `state()` output (e.g. after loading it from the store)."""
        index = cls(StoryConfig(**state["config"]))
        index.n_docs = state["n_docs"]
        index.df = dict(state["df"])
        for s in state["stories"]:
            story = _Story(
                id=s["id"], seq=s["seq"], size=s["size"],
                first=datetime.fromisoformat(s["first"]) if s["first"] else None,
                last=datetime.fromisoformat(s["last"]) if s["last"] else None,
                content={k: dict(v) for k, v in s["content"].items()},
                entities=dict(s["entities"]), numbers=dict(s["numbers"]), dates=dict(s["dates"]),
                years=dict(s["years"]),
                recent=[(lang, dict(v)) for lang, v in s["recent"]],
                langs=dict(s["langs"]), norms=dict(s["norms"]), norms_at=s["norms_at"],
            )  # fmt: skip
            index.stories[story.id] = story
        index.postings = {k: list(v) for k, v in state["postings"].items()}
        index.assigned = dict(state["assigned"])
        index.merges = dict(state.get("merges", {}))
        return index


def _with_norms(vecs: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Add each channel's vector norm once per article, not once per candidate story."""
    vecs["norm"] = {
        k: math.sqrt(sum([v * v for v in vecs[k].values()]))
        for k in ("terms", "entities", "numbers", "dates")
    }
    return vecs


def _why(score: float, ev: Evidence) -> str:
    """One line a reader can check: the score, its parts and the shared keys behind them."""
    parts = [f"score {score:.3f}"]
    if ev.terms:
        parts.append(f"terms {ev.content:.2f} ({', '.join(ev.terms)})")
    if ev.entities:
        parts.append(f"entities {ev.entity:.2f} ({', '.join(ev.entities)})")
    if ev.numbers:
        parts.append(f"numbers {ev.number:.2f} ({', '.join(ev.numbers)})")
    if ev.dates:
        parts.append(f"dates {ev.date:.2f} ({', '.join(ev.dates)})")
    if ev.gap_days is not None:
        parts.append(f"gap {ev.gap_days:g} d, penalty {ev.penalty:.2f}")
    return "; ".join(parts)


def group_stories(docs: Iterable[StoryDoc], config: StoryConfig | None = None) -> list[Assignment]:
    """Full pass: add every article in publication order; returns assignments in that order."""
    index = StoryIndex(config)
    added = [index.add(doc) for doc in sorted(docs, key=publication_order)]
    return [replace(a, story_id=index.resolve(a.story_id)) for a in added]
