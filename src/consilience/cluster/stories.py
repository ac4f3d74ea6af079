"""Incremental story grouping: each new article joins the best-matching recent story or starts one.

Why single-pass with an inverted index: a re-run over the whole store per article would cost
O(store); here an article is scored only against stories that share one of its rarer keys
(content terms, entity ids, numbers, dates), with each posting list capped to its most recent
stories, so the cost per article stays flat as the store grows.

Content is average-link, as in agglomerative clustering: every article is a sublinear-tf, idf
weighted, L2-normalised vector, and a story keeps the sum of its members' vectors, so the mean
cosine of an article to all members is one sparse dot product divided by the member count (no
story norm to maintain). A few member vectors are kept too, and the mean of the article's top-k
member cosines is blended in, so a story that drifted keeps its recent thread.

Score = content (mean cosine, same language only; under two shared terms it counts 0)
      + average-link Dice of idf-weighted entities, numbers and dates, scaled by content
        similarity up to `channel_gate`, so shared names alone never join two same-language texts
      - a time penalty that is waived inside `horizon_days` when content is high
      - a conflict penalty when both sides name rare numbers or days and share none, weeks apart
        (entity evidence then counts 0: same actors, another event).
Across languages content is unavailable, so entities (required), numbers and dates carry it.

Bounded re-merge: when an article joins a story and also scored at least `merge_floor` against
another candidate, and the two stories score at least `merge_threshold` against each other
(average-link: mean cosine over all member pairs, from the two sums), the newer story folds into
the older, whose id stays. Retired ids are kept in `merges`, so `resolve`/`story_of` map them.
Two stories made mostly of headlines merge at a lower bar (`short_merge_threshold`).
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from itertools import islice
from operator import mul

from consilience.cluster.doc import StoryDoc, naive_utc, publication_order
from consilience.cluster.features import DocFeatures, doc_features

_UND = "und"


SMALL_STORE = 200  # articles; see StoryIndex._rare
RARE_SHARE, RARE_CAP = 0.01, 20  # a specific is rare when named by at most 1% of articles, <= 20
# From this many articles on the rarity bar is the constant cap, and document frequencies only
# grow, so a specific that stopped being rare never becomes rare again (see _story_has_rare).
STABLE_RARITY = int(RARE_CAP / RARE_SHARE)


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """One configuration for every dataset; the defaults were tuned on half of each benchmark."""

    stem: int = 6
    title_weight: float = 3.0
    max_chars: int = 5000
    year_chars: int = 600  # an undated article's year is read from its opening (the dateline)
    doc_terms: int = 80  # content terms kept per article vector
    story_terms: int = 400  # content terms kept per story sum and language
    story_keys: int = 100  # entities, numbers and dates kept per story (most frequent)
    story_days: int = 64  # distinct member days kept per story, for the gap to the nearest one
    members: int = 8  # member vectors kept per story for the top-k term
    top_k: int = 3
    member_weight: float = 0.5  # share of content from the top-k member mean (rest: all members)
    threshold: float = 0.18
    # An article with fewer content terms than this (a headline, a feed item with no body) joins
    # at `short_threshold`: its cosine rests on a few words (UCI headlines, tune half: 0.562 ->
    # 0.639; the full-text sets do not change; bench/stories.md).
    short_terms: int = 12
    short_threshold: float = 0.06
    w_entities: float = 0.30
    w_numbers: float = 0.30
    w_dates: float = 0.10
    channel_gate: float = 0.10  # content at which entities/numbers/dates count fully
    cross_entities: float = 0.60  # weights when no shared language lets content words count
    cross_numbers: float = 0.20
    cross_dates: float = 0.30
    grace_days: float = 3.0
    horizon_days: float = 30.0  # inside it, high content waives the time penalty
    content_high: float = 0.35
    penalty_rate: float = 0.02  # per doubling of the gap beyond the grace period
    penalty_max: float = 0.50
    specifics_conflict: float = 0.20  # both name rare numbers/dates, none shared (x doublings)
    conflict_days: float = 7.0  # ... counted in doublings of the gap beyond this
    shared_floor: float = 0.05  # number/date overlap (Dice) at or below this counts as none shared
    entity_conflict: float = 0.0  # both name rare entities, none shared (off: see bench/stories.md)
    year_penalty: float = 0.20  # per year apart beyond the first, when only years are known
    min_shared_terms: int = 2  # fewer shared content terms than this: content counts 0
    query_terms: int = 15
    candidates: int = 6
    posting_cap: int = 64  # stories read per key, most recent first
    common_share: float = 0.05  # keys in more than this share of articles do not retrieve
    merge_floor: float = 0.12  # another candidate the article scores this high against ... (0: off)
    merge_threshold: float = 0.25  # ... merges into its story when the two stories score this
    # ... or this, when both stories are mostly headlines (members under `short_terms`): a mean
    # cosine over few-word vectors stays low even within one event (UCI headlines, tune half:
    # 0.639 -> 0.834; giveme5w1h and ECB+ do not change; bench/stories.md).
    short_merge_threshold: float = 0.05


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
    conflict: float = 0.0  # part of `penalty`: rare specifics on both sides, none shared


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
    content: dict[str, dict[str, float]] = field(default_factory=dict)  # lang -> sum of unit vecs
    langs: dict[str, float] = field(default_factory=dict)  # members per language
    recent: list[tuple[str, dict[str, float]]] = field(default_factory=list)  # (lang, unit vec)
    entities: dict[str, float] = field(default_factory=dict)  # key -> members naming it
    numbers: dict[str, float] = field(default_factory=dict)
    dates: dict[str, float] = field(default_factory=dict)
    years: dict[str, float] = field(default_factory=dict)  # member years (published or inferred)
    mass: dict[str, float] = field(default_factory=dict)  # channel -> summed member key weights
    days: list[int] = field(default_factory=list)  # distinct member days (ordinals), sorted
    short: float = 0.0  # members with fewer than `short_terms` content terms (headlines)
    rare: list[str] | None = None  # cache: its numbers/dates still rare (derived, not persisted)


def _gap_days(when: datetime | None, story: _Story) -> float | None:
    """Days between an article and the story's nearest member day (not its span: a story that
    ran in March and again in December does not cover July)."""
    if when is None or story.first is None or story.last is None:
        return None
    days = story.days
    if not days:  # no member day kept: fall back to the span
        if story.first <= when <= story.last:
            return 0.0
        edge = story.first if when < story.first else story.last
        return abs((when - edge).total_seconds()) / 86400.0
    day = when.toordinal()
    i = bisect_left(days, day)
    near = min(abs(day - days[j]) for j in (i - 1, i) if 0 <= j < len(days))
    return float(near)


def _add_day(days: list[int], when: datetime, cap: int) -> None:
    """Keep a story's distinct member days sorted; past the cap the earliest days go."""
    day = when.toordinal()
    i = bisect_left(days, day)
    if i == len(days) or days[i] != day:
        days.insert(i, day)
        del days[: max(0, len(days) - cap)]


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Sparse dot product over the shared keys (a C-level set intersection finds them, and
    C-level maps multiply: this is the hottest loop of grouping)."""
    keys = a.keys() & b.keys()
    return sum(map(mul, map(a.__getitem__, keys), map(b.__getitem__, keys)))


def _dice(
    keys: dict[str, float], table: dict[str, float], mass: float, size: int
) -> tuple[float, list[tuple[float, str]]]:
    """Average-link Dice of idf-weighted key sets: the mean over the story's members of
    2|a & m| / (|a| + |m|), from the story's key counts and summed member key mass (no member
    sets kept). Pair statistics on the tune halves weigh it about as much as content cosine."""
    total = sum(keys.values())
    if not total or not table or not mass:
        return 0.0, []
    shared = [(w * table[k], k) for k, w in keys.items() if k in table]
    if not shared:
        return 0.0, []
    return min(1.0, 2 * sum([x for x, _ in shared]) / (size * total + mass)), shared


class StoryIndex:
    """Incremental story grouping with a persisted state; add articles in publication order."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        self.n_docs = 0
        self.df: dict[str, int] = {}
        self.stories: dict[str, _Story] = {}
        # key -> story ids in the order they last took the key (a dict: O(1) move-to-end, no
        # duplicates, so a cap of N recent entries means N distinct recent stories)
        self.postings: dict[str, dict[str, None]] = {}
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

    def _rare(self, key: str, own: float = 0.0) -> bool:
        """A specific worth a conflict: named by at most ~1% of articles seen (and at most 20),
        not counting the `own` articles of the story that names it.

        Why not count a story's own members: a story that grew large (a long-running event,
        a wire text printed 200 times) names its figures in more than 1% of the store, so they
        would stop looking specific and the story would absorb the next release with other
        figures (the synthetic stream of bench/stories.py showed stories growing into blobs).

        In a small store (a few hundred articles or fewer) one story's own articles are more than
        1% of it, so there a specific is rare when fewer than a third of the articles name it.
        """
        df = self.df.get(key, 0) - own
        if self.n_docs < SMALL_STORE:
            return df <= max(2, self.n_docs / 3)
        return df <= max(2, min(RARE_CAP, RARE_SHARE * self.n_docs))

    # --- features ------------------------------------------------------------------------
    def _features(self, doc: StoryDoc) -> DocFeatures:
        cfg = self.config
        return doc_features(
            doc,
            stem=cfg.stem,
            title_weight=cfg.title_weight,
            max_chars=cfg.max_chars,
            year_chars=cfg.year_chars,
        )

    def _doc_vectors(self, feats: DocFeatures) -> dict[str, dict[str, float]]:
        """The article's unit content vector (top terms) and idf-weighted key sets."""
        cfg = self.config
        idfs = self._idfs(feats.terms)
        terms = {t: (1.0 + math.log(c)) * i for (t, c), i in zip(feats.terms.items(), idfs)}
        if len(terms) > cfg.doc_terms:  # heaviest first, ties by term (tuples: no key function)
            top = sorted([(-v, t) for t, v in terms.items()])[: cfg.doc_terms]
            terms = {t: -neg for neg, t in top}
        norm = math.sqrt(sum([v * v for v in terms.values()])) or 1.0
        return {
            "terms": {t: v / norm for t, v in terms.items()},
            "entities": {e: self._idf("!" + e) for e in feats.entities},
            "numbers": {n: self._idf("#" + n) for n in feats.numbers},
            "dates": {d: self._idf("@" + d) for d in feats.dates},
        }

    def _keys(self, vecs: dict[str, dict[str, float]]) -> list[str]:
        """Retrieval keys of an article: its top content terms, entities, numbers and dates."""
        top = sorted([(-v, t) for t, v in vecs["terms"].items()])
        keys = [t for _, t in top[: self.config.query_terms]]
        keys += ["!" + e for e in sorted(vecs["entities"])]
        keys += ["#" + n for n in sorted(vecs["numbers"])]
        keys += ["@" + d for d in sorted(vecs["dates"])]
        return keys

    # --- candidate retrieval and scoring -------------------------------------------------
    def _candidates(self, keys: list[str]) -> list[_Story]:
        cfg = self.config
        limit = max(cfg.common_share * self.n_docs, 50)
        hits: defaultdict[str, float] = defaultdict(float)
        merges, postings, df, cap = self.merges, self.postings, self.df, cfg.posting_cap
        for key in keys:
            posting = postings.get(key)
            if not posting or df.get(key, 0) > limit:
                continue
            weight = self._idf(key)
            for sid in islice(reversed(posting), cap):
                if sid in merges:
                    sid = self.resolve(sid)
                hits[sid] += weight
        if not hits:
            return []
        # Only stories weighing at least the k-th best weight can rank in the top k; sorting
        # just those (ties included) gives the same list as sorting every hit, far cheaper.
        floor = heapq.nlargest(cfg.candidates, hits.values())[-1]
        stories = self.stories
        ranked = sorted(
            ((w, sid) for sid, w in hits.items() if w >= floor),
            key=lambda p: (-p[0], stories[p[1]].seq),
        )
        return [stories[sid] for _, sid in ranked[: cfg.candidates]]

    @staticmethod
    def _content_key(story: _Story, lang: str) -> str | None:
        """Which of the story's per-language sums an article in `lang` is compared with."""
        if lang in story.content:
            return lang
        if lang == _UND and story.content:
            return max(story.content, key=lambda k: (story.langs.get(k, 0), k))
        return _UND if _UND in story.content else None

    def _content(self, terms: dict[str, float], key: str, story: _Story) -> tuple[float, set[str]]:
        """Mean cosine to the story's members in one language, blended with the top-k members."""
        cfg = self.config
        total = story.content[key]
        # The shared terms as a set: the weighted list behind the evidence is built only for the
        # story the article joins (`_evidence`), not for all six candidates.
        shared = terms.keys() & total.keys()
        mean_all = sum(map(mul, map(terms.__getitem__, shared), map(total.__getitem__, shared)))
        mean_all /= max(story.langs.get(key, 1.0), 1.0)
        sims = sorted(
            [_dot(terms, vec) for mlang, vec in story.recent if mlang == key or _UND in (key, mlang)],
            reverse=True,
        )[: cfg.top_k]
        if not sims:
            return mean_all, shared
        top = sum(sims) / len(sims)
        return (1 - cfg.member_weight) * mean_all + cfg.member_weight * max(top, mean_all), shared

    def _penalty(
        self,
        vecs: dict[str, dict[str, float]],
        content: float,
        num: float,
        dat: float,
        when: datetime | None,
        year: int | None,
        story: _Story,
    ) -> tuple[float, float, float | None]:
        """Time penalty (waived inside the horizon when content is high) and conflict penalty."""
        cfg = self.config
        gap = _gap_days(when, story)
        penalty = conflict = 0.0
        if gap is not None and gap > cfg.grace_days:
            doublings = math.log2(gap / cfg.grace_days)
            middling = max(0.0, 1.0 - content / cfg.content_high)
            if gap > cfg.horizon_days:
                middling = max(middling, 0.5)  # past the horizon even a close text pays some
            penalty = min(cfg.penalty_max, cfg.penalty_rate * doublings * middling)
            # Both name rare numbers or days and share none: a repeat event, not a follow-up.
            if (
                gap > cfg.conflict_days
                and max(num, dat) <= cfg.shared_floor
                and self._has_rare(vecs, story)
            ):
                conflict = min(1.0, cfg.specifics_conflict * math.log2(gap / cfg.conflict_days))
        elif gap is None and year is not None and story.years:
            years_apart = min(abs(year - int(y)) for y in story.years)
            gap = 365.0 * years_apart
            penalty = min(cfg.penalty_max, cfg.year_penalty * max(0, years_apart - 1))
        if cfg.entity_conflict and vecs["entities"] and story.entities:
            mine = {e for e in vecs["entities"] if self._rare("!" + e)}
            theirs = {e for e, c in story.entities.items() if 2 * c >= story.size}
            theirs = {e for e in theirs if self._rare("!" + e)}
            if (
                mine
                and theirs
                and not mine & set(story.entities)
                and not theirs & set(vecs["entities"])
            ):
                conflict += cfg.entity_conflict * max(0.0, 1.0 - content / cfg.content_high)
        return penalty, conflict, gap

    def _rare_specifics(self, vecs: dict[str, dict[str, float]]) -> dict[str, float]:
        """The article's rare numbers and days (keys with their prefix); computed once per article."""
        rare = vecs.get("rare")
        if rare is None:
            keys = ["#" + n for n in vecs["numbers"]] + ["@" + d for d in vecs["dates"]]
            rare = vecs["rare"] = {k: 1.0 for k in keys if self._rare(k)}
        return rare

    def _has_rare(self, vecs: dict[str, dict[str, float]], story: _Story) -> bool:
        """Whether article and story both name a rare number or day-of-year."""
        return bool(self._rare_specifics(vecs)) and self._story_has_rare(story)

    def _story_has_rare(self, story: _Story) -> bool:
        """Whether a story names a rare number or day; cached per story once the bar is fixed.

        Checking all of a story's keys on every candidate grew with the store (the 100k-article
        profile); past STABLE_RARITY a key that stopped being rare is dropped for good.
        """
        if self.n_docs < STABLE_RARITY:
            return any(self._rare("#" + n, c) for n, c in story.numbers.items()) or any(
                self._rare("@" + d, c) for d, c in story.dates.items()
            )
        if story.rare is None:
            keys = ["#" + n for n in story.numbers] + ["@" + d for d in story.dates]
        else:
            keys = story.rare
        rare = []
        for k in keys:
            own = (story.numbers if k[0] == "#" else story.dates).get(k[1:])
            if own is not None and self._rare(k, own):
                rare.append(k)
        story.rare = rare
        return bool(story.rare)

    def _score(
        self,
        vecs: dict[str, dict[str, float]],
        lang: str,
        when: datetime | None,
        year: int | None,
        story: _Story,
    ) -> tuple[float, tuple]:
        """The article's score against one story, and the raw parts `_evidence` turns into an
        Evidence (only for the story it is kept for: the sorting there costs)."""
        cfg = self.config
        key = self._content_key(story, lang)
        content, shared_t = (0.0, set()) if key is None else self._content(vecs["terms"], key, story)
        if len(shared_t) < cfg.min_shared_terms:
            content = 0.0  # one shared word (a town, a name) is a topic at most, not an event
        n, mass = max(story.size, 1), story.mass
        ent, shared_e = _dice(vecs["entities"], story.entities, mass.get("e", 0.0), n)
        num, shared_n = _dice(vecs["numbers"], story.numbers, mass.get("n", 0.0), n)
        dat, shared_d = _dice(vecs["dates"], story.dates, mass.get("d", 0.0), n)
        penalty, conflict, gap = self._penalty(vecs, content, num, dat, when, year, story)
        if conflict and gap is not None and gap > cfg.horizon_days:
            ent = 0.0  # same actors weeks later with other figures: another event, not evidence
        score = self._combine(key is not None, content, ent, num, dat)
        terms_part = (vecs["terms"], story.content[key], shared_t) if key is not None else None
        parts = (terms_part, shared_e, shared_n, shared_d, content, ent, num, dat, gap)
        return score - penalty - conflict, (parts, penalty, conflict)

    def _combine(self, same_language: bool, content: float, ent: float, num: float, dat: float) -> float:
        """The score from its channels, for an article against a story or for two stories."""
        cfg = self.config
        if same_language:
            # Entities, numbers and dates add evidence only in proportion to content similarity:
            # shared names alone do not make two texts one event.
            gate = min(1.0, content / cfg.channel_gate)
            return content + gate * (cfg.w_entities * ent + cfg.w_numbers * num + cfg.w_dates * dat)
        if ent > 0:
            # No shared language: entities are required, numbers and dates carry the rest.
            return cfg.cross_entities * ent + cfg.cross_numbers * num + cfg.cross_dates * dat
        return 0.0  # another language and no shared entity: numbers alone are too weak

    @staticmethod
    def _evidence(raw: tuple) -> Evidence:
        """The readable evidence of one score: its parts and the top shared keys of each channel."""
        (terms_part, shared_e, shared_n, shared_d, content, ent, num, dat, gap), penalty, conflict = raw
        shared_t = []
        if terms_part is not None:  # built here, for the one story kept, not for every candidate
            terms, total, shared = terms_part
            shared_t = [(terms[t] * total[t], t) for t in shared]

        def top(pairs: list[tuple[float, str]], k: int) -> tuple[str, ...]:
            return tuple(x for _, x in sorted(pairs, key=lambda p: (-p[0], p[1]))[:k])

        return Evidence(
            terms=top(shared_t, 6),
            entities=top(shared_e, 6),
            numbers=top(shared_n, 6),
            dates=top(shared_d, 4),
            content=round(content, 4),
            entity=round(ent, 4),
            number=round(num, 4),
            date=round(dat, 4),
            gap_days=None if gap is None else round(gap, 2),
            penalty=round(penalty + conflict, 4),
            conflict=round(conflict, 4),
        )

    # --- updates -------------------------------------------------------------------------
    def _absorb(
        self,
        story: _Story,
        feats: DocFeatures,
        vecs: dict[str, dict[str, float]],
        lang: str,
        when: datetime | None,
    ) -> None:
        cfg = self.config
        story.size += 1
        story.short += len(feats.terms) < cfg.short_terms
        if when is not None:
            story.first = when if story.first is None or when < story.first else story.first
            story.last = when if story.last is None or when > story.last else story.last
            _add_day(story.days, when, cfg.story_days)
        total = story.content.setdefault(lang, {})
        story.langs[lang] = story.langs.get(lang, 0.0) + 1.0
        for term, v in vecs["terms"].items():
            total[term] = total.get(term, 0.0) + v
        if len(total) > 1.5 * cfg.story_terms:  # amortised: prune only past 1.5x the cap
            keep = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[: cfg.story_terms]
            story.content[lang] = dict(keep)
        if cfg.members:
            story.recent.append((lang, dict(vecs["terms"])))
            del story.recent[: -cfg.members]
        if feats.year is not None:
            story.years[str(feats.year)] = story.years.get(str(feats.year), 0.0) + 1.0
        for channel, table, keys in (
            ("e", story.entities, vecs["entities"]),
            ("n", story.numbers, vecs["numbers"]),
            ("d", story.dates, vecs["dates"]),
        ):
            for key in keys:
                if key not in table and story.rare is not None and channel != "e":
                    story.rare.append(("#" if channel == "n" else "@") + key)
                table[key] = table.get(key, 0.0) + 1.0
            story.mass[channel] = story.mass.get(channel, 0.0) + sum(keys.values())
            _prune(table, cfg.story_keys)

    def _index(self, story: _Story, keys: list[str]) -> None:
        cap, sid = self.config.posting_cap, story.id
        for key in keys:
            posting = self.postings.setdefault(key, {})
            posting.pop(sid, None)
            posting[sid] = None
            if len(posting) > 2 * cap:  # amortised: trim to the cap past twice the cap
                for old in list(islice(posting, len(posting) - cap)):
                    del posting[old]

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
        for doc in docs:
            self._count(self._features(doc))

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
        feats = self._features(doc)
        lang = (doc.language or _UND).lower()
        when = naive_utc(doc.published)
        vecs = self._doc_vectors(feats)
        keys = self._keys(vecs)
        best: tuple[float, _Story, Evidence] | None = None
        scored = []
        for story in self._candidates(keys):
            score, raw = self._score(vecs, lang, when, feats.year, story)
            scored.append((score, story))
            if best is None or score > best[0]:
                best = (score, story, raw)
        if best is not None:
            best = (best[0], best[1], self._evidence(best[2]))
        bar = cfg.threshold if len(feats.terms) >= cfg.short_terms else cfg.short_threshold
        if best is not None and best[0] >= bar:
            score, story, evidence = best
            result = Assignment(
                doc.id, story.id, False, round(score, 4), _why(score, evidence), evidence
            )
        else:
            story = _Story(id=doc.id, seq=self.n_docs)  # unique and rising, even after merges
            self.stories[story.id] = story
            reason = "no story above threshold"
            if best is not None:
                reason += f" (best {best[0]:.3f} < {bar}: {_why(*best[::2])})"
            result = Assignment(
                doc.id,
                story.id,
                True,
                0.0 if best is None else round(best[0], 4),
                reason,
                best[2] if best else Evidence(),
            )
        self._absorb(story, feats, vecs, lang, when)
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
            if other.id in self.merges:
                continue
            if story.content.keys() & other.content.keys():
                short = 2 * story.short >= story.size and 2 * other.short >= other.size
                bar = cfg.short_merge_threshold if short else cfg.merge_threshold
                together = self._story_score(other, story)
            else:
                # Two languages, no content words in common: the score is an article's
                # cross-language score (entities, numbers, dates), so it meets the join bar;
                # each story's majority keys are asked of the other, and the two means averaged.
                bar = cfg.threshold
                together = (self._story_score(other, story) + self._story_score(story, other)) / 2
            if together < bar:
                continue
            keep, gone = (story, other) if story.seq <= other.seq else (other, story)
            self._merge(keep, gone)
            merged.append(gone.id)
            story = keep
        return tuple(merged)

    def _story_score(self, a: _Story, b: _Story) -> float:
        """Average-link score of two stories: mean cosine over all member pairs (from the sums),
        plus gated key evidence and the penalties between their time spans."""
        content = 0.0
        for lang, total in a.content.items():
            other = b.content.get(lang)
            if other:
                pairs = a.langs.get(lang, 1.0) * b.langs.get(lang, 1.0)
                content = max(content, _dot(total, other) / pairs)
        vecs = {
            "terms": {},
            "entities": {e: self._idf("!" + e) for e, c in a.entities.items() if 2 * c >= a.size},
            "numbers": {k: self._idf("#" + k) for k, c in a.numbers.items() if 2 * c >= a.size},
            "dates": {d: self._idf("@" + d) for d, c in a.dates.items() if 2 * c >= a.size},
        }
        n, mass = max(b.size, 1), b.mass
        ent = _dice(vecs["entities"], b.entities, mass.get("e", 0.0), n)[0]
        num = _dice(vecs["numbers"], b.numbers, mass.get("n", 0.0), n)[0]
        dat = _dice(vecs["dates"], b.dates, mass.get("d", 0.0), n)[0]
        when = None
        if a.first is not None and b.first is not None and b.last is not None:
            when = a.first if a.first > b.last else a.last if a.last < b.first else b.first
        year = max((int(y) for y in a.years), default=None)
        penalty, conflict, _ = self._penalty(vecs, content, num, dat, when, year, b)
        # Two stories with no language in common (an English and a Russian one of one event) are
        # scored as one article across languages is.
        score = self._combine(bool(a.content.keys() & b.content.keys()), content, ent, num, dat)
        return score - penalty - conflict

    def _merge(self, keep: _Story, gone: _Story) -> None:
        """Fold story `gone` into `keep` (the older one keeps its id; `gone` retires)."""
        cfg = self.config
        keep.size += gone.size
        keep.short += gone.short
        for when in (gone.first, gone.last):
            if when is not None:
                keep.first = when if keep.first is None or when < keep.first else keep.first
                keep.last = when if keep.last is None or when > keep.last else keep.last
        for lang, total in gone.content.items():
            mine = keep.content.setdefault(lang, {})
            for term, v in total.items():
                mine[term] = mine.get(term, 0.0) + v
            if len(mine) > 1.5 * cfg.story_terms:
                keep.content[lang] = dict(
                    sorted(mine.items(), key=lambda kv: (-kv[1], kv[0]))[: cfg.story_terms]
                )
        for mine, theirs in (
            (keep.entities, gone.entities),
            (keep.numbers, gone.numbers),
            (keep.dates, gone.dates),
            (keep.years, gone.years),
            (keep.langs, gone.langs),
            (keep.mass, gone.mass),
        ):
            for key, v in theirs.items():
                mine[key] = mine.get(key, 0.0) + v
        for table in (keep.entities, keep.numbers, keep.dates):
            _prune(table, cfg.story_keys)
        keep.days = sorted(set(keep.days) | set(gone.days))[-cfg.story_days :]
        keep.recent = (keep.recent + gone.recent)[-cfg.members :] if cfg.members else []
        keep.rare = None  # recomputed from the merged tables when next needed
        del self.stories[gone.id]
        self.merges[gone.id] = keep.id

    # --- persistence ---------------------------------------------------------------------
    def state(self) -> dict:
        """A JSON-ready snapshot from which `from_state` rebuilds an equal index."""
        stories = []
        for s in self.stories.values():
            stories.append({
                "id": s.id, "seq": s.seq, "size": s.size,
                "first": s.first.isoformat() if s.first else None,
                "last": s.last.isoformat() if s.last else None,
                "content": s.content, "langs": s.langs, "recent": s.recent,
                "entities": s.entities, "numbers": s.numbers, "dates": s.dates, "years": s.years,
                "mass": s.mass, "days": s.days, "short": s.short,
            })  # fmt: skip
        return {
            "version": 2,
            "config": asdict(self.config),
            "n_docs": self.n_docs,
            "df": self.df,
            "stories": stories,
            "postings": {k: list(v) for k, v in self.postings.items()},
            "assigned": self.assigned,
            "merges": self.merges,
        }

    @classmethod
    def from_state(cls, state: dict) -> StoryIndex:
        """Rebuild an index from `state()` output (e.g. after loading it from the store).

        A version-1 state (centroid model) keeps its config fields that still exist, its
        document frequencies, assignments and merges; its stories restart (their vectors were
        weighted differently), so later articles start new stories rather than mis-score.
        """
        known = StoryConfig.__dataclass_fields__
        index = cls(StoryConfig(**{k: v for k, v in state["config"].items() if k in known}))
        index.n_docs = state["n_docs"]
        index.df = dict(state["df"])
        index.assigned = dict(state["assigned"])
        index.merges = dict(state.get("merges", {}))
        if state.get("version", 1) < 2:
            return index
        for s in state["stories"]:
            # Fields added within version 2 ("days", "short", ...) default to empty: a store
            # written by an earlier release loads, and its stories fill them as articles come.
            story = _Story(
                id=s["id"], seq=s["seq"], size=s["size"],
                first=datetime.fromisoformat(s["first"]) if s.get("first") else None,
                last=datetime.fromisoformat(s["last"]) if s.get("last") else None,
                content={k: dict(v) for k, v in s.get("content", {}).items()},
                langs=dict(s.get("langs", {})),
                recent=[(lang, dict(v)) for lang, v in s.get("recent", [])],
                entities=dict(s.get("entities", {})), numbers=dict(s.get("numbers", {})),
                dates=dict(s.get("dates", {})), years=dict(s.get("years", {})),
                mass=dict(s.get("mass", {})), days=list(s.get("days", [])),
                short=s.get("short", 0.0),
            )  # fmt: skip
            index.stories[story.id] = story
        index.postings = {k: dict.fromkeys(v) for k, v in state["postings"].items()}
        return index


def _prune(table: dict[str, float], cap: int) -> None:
    """Keep a story's most frequent keys once the table passes 1.5x its cap (amortised)."""
    if len(table) > 1.5 * cap:
        keep = sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]
        table.clear()
        table.update(keep)


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
    if ev.conflict:
        parts.append(f"of which {ev.conflict:.2f} for rare specifics on both sides, none shared")
    return "; ".join(parts)


def group_stories(
    docs: Iterable[StoryDoc], config: StoryConfig | None = None, *, warm: bool = True
) -> list[Assignment]:
    """Full pass: add every article in publication order; returns assignments in that order.

    With `warm`, document frequencies are first seeded from the same articles (a full pass
    knows its corpus, as a store does), so the earliest articles are not weighted by the
    degenerate idf of a near-empty index.
    """
    docs = sorted(docs, key=publication_order)
    index = StoryIndex(config)
    if warm:
        index.warm(docs)
    added = [index.add(doc) for doc in docs]
    return [replace(a, story_id=index.resolve(a.story_id)) for a in added]
