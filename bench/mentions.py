"""Mention detection quality and speed on annotated English and Russian sentences.

Run: .venv/bin/python bench/mentions.py

Each sentence is one article. Scores: exact (same span and type) and partial (overlapping span,
same type) precision/recall/F1, on the dev split (<lang>.txt, which the rules were tuned on) and a
~30% held-out split (<lang>_holdout.txt, written after tuning and never tuned on), beside a
baseline measured in the same run:
"every capitalised word sequence not at the start of a sentence is a person".
"""

from __future__ import annotations

import re
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from consilience.extract.mention_lexicon import gazetteer
from consilience.extract.mentions import find_mentions
from consilience.resolve import names_api, resolve_entities

DATA = Path(__file__).parent / "data" / "mentions"
_MARK = re.compile(r"\[\[(.+?)\|(person|place|org)\]\]")
_BASELINE = re.compile(
    r"(?<![.!?]\s)(?<!^)\b[A-ZА-ЯЁІЎЄЇ][\w'’-]*(?:\s+[A-ZА-ЯЁІЎЄЇ][\w'’-]*)*", re.MULTILINE
)

Span = tuple[int, int, str]


@dataclass(frozen=True)
class Sentence:
    text: str
    gold: frozenset[Span]
    holdout: bool


def parse_line(line: str) -> tuple[str, frozenset[Span]]:
    """Strip [[surface|type]] marks; return the plain text and gold spans into it."""
    out, gold, pos = [], set(), 0
    for m in _MARK.finditer(line):
        out.append(line[pos : m.start()])
        start = sum(len(p) for p in out)
        out.append(m.group(1))
        gold.add((start, start + len(m.group(1)), m.group(2)))
        pos = m.end()
    out.append(line[pos:])
    return "".join(out), frozenset(gold)


def load(lang: str) -> list[Sentence]:
    rows = []
    for name, holdout in ((f"{lang}.txt", False), (f"{lang}_holdout.txt", True)):
        for line in (DATA / name).read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                text, gold = parse_line(line.strip())
                rows.append(Sentence(text, gold, holdout))
    return rows


def baseline(text: str) -> set[Span]:
    """Named baseline: capitalised word runs not at a sentence start, all called persons."""
    return {(m.start(), m.end(), "person") for m in _BASELINE.finditer(text)}


def rules(text: str, lang: str) -> set[Span]:
    return {(m.start, m.end, m.type) for m in find_mentions("s", text, lang)}


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlaps(a: Span, b: Span) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def score(pairs: list[tuple[set[Span], frozenset[Span]]]) -> dict[str, tuple[float, float, float]]:
    n_pred = sum(len(p) for p, _ in pairs)
    n_gold = sum(len(g) for _, g in pairs)
    exact = sum(len(p & g) for p, g in pairs)
    part_p = sum(sum(any(_overlaps(x, y) for y in g) for x in p) for p, g in pairs)
    part_r = sum(sum(any(_overlaps(x, y) for x in p) for y in g) for p, g in pairs)
    pp = part_p / n_pred if n_pred else 0.0
    pr = part_r / n_gold if n_gold else 0.0
    return {
        "exact": _prf(exact, n_pred, n_gold),
        "partial": (pp, pr, 2 * pp * pr / (pp + pr) if pp + pr else 0.0),
    }


def main() -> int:
    t0 = time.perf_counter()
    gazetteer()
    find_mentions("warm", "Мария Колесникова в Минске. Maria Kalesnikava in Minsk.", None)
    load_s = time.perf_counter() - t0
    print(f"gazetteer + lexicons load: {load_s:.2f} s (once per process)\n")
    header = f"{'lang':4} {'split':7} {'n':>3} {'system':8} {'exact P':>7} {'R':>5} {'F1':>5}  {'partial P':>9} {'R':>5} {'F1':>5}"
    print(header)
    print("-" * len(header))
    speed_mentions, speed_s, speed_chars = 0, 0.0, 0
    for lang in ("en", "ru"):
        data = load(lang)
        for split in ("dev", "holdout"):
            rows = [s for s in data if s.holdout == (split == "holdout")]
            for name in ("baseline", "rules"):
                pairs = []
                for s in rows:
                    t = time.perf_counter()
                    pred = baseline(s.text) if name == "baseline" else rules(s.text, lang)
                    if name == "rules":
                        speed_s += time.perf_counter() - t
                        speed_mentions += len(pred)
                        speed_chars += len(s.text)
                    pairs.append((pred, s.gold))
                sc = score(pairs)
                e, p = sc["exact"], sc["partial"]
                print(
                    f"{lang:4} {split:7} {len(rows):>3} {name:8} {e[0]:7.2f} {e[1]:5.2f} {e[2]:5.2f}"
                    f"  {p[0]:9.2f} {p[1]:5.2f} {p[2]:5.2f}"
                )
    # Speed on whole articles: the shared examples if present, else the sentences joined.
    from _paths import EXAMPLES

    examples = sorted(EXAMPLES.glob("*.txt"))
    texts = [p.read_text("utf-8") for p in examples] or ["\n".join(s.text for s in load("en"))]
    reps, n, chars = 20, 0, 0
    t = time.perf_counter()
    for _ in range(reps):
        for text in texts:
            n += len(find_mentions("x", text, "en"))
            chars += len(text)
    art_s = time.perf_counter() - t
    all_mentions = [
        m
        for lang in ("en", "ru")
        for i, s in enumerate(load(lang))
        for m in find_mentions(f"{lang}{i}", s.text, lang)
    ]
    t = time.perf_counter()
    resolve_entities(all_mentions[:2])  # loads consilience.names tables (timed separately)
    names_load_s = time.perf_counter() - t
    names_api.compare.cache_clear()
    names_api.keys.cache_clear()
    t = time.perf_counter()
    entities = resolve_entities(all_mentions)
    res_s = time.perf_counter() - t
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    print(
        f"speed, sentences: {speed_mentions / speed_s:,.0f} mentions/s, {speed_chars / speed_s / 1e3:,.0f} k chars/s"
    )
    print(
        f"speed, articles:  {n / art_s:,.0f} mentions/s, {reps * len(texts) / art_s:,.0f} articles/s "
        f"({chars / art_s / 1e3:,.0f} k chars/s)"
    )
    print(
        f"resolve: {len(all_mentions)} mentions from {sum(len(load(x)) for x in ('en', 'ru'))} "
        f"articles -> {len(entities)} entities in {res_s:.2f} s "
        f"({len(all_mentions) / res_s:,.0f} mentions/s; consilience.names first load {names_load_s:.1f} s)"
    )
    print(f"peak memory (max RSS): {rss_mb:,.0f} MB")
    long_article_rows()
    return 0


def _invented_article(sentences: int, seed: int = 1) -> str:
    """A long text of invented names: every sentence names four new two-word runs."""
    import random
    import string

    rng = random.Random(seed)

    def name() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(6)).capitalize()

    return " ".join(
        f"On Monday {name()} {name()} met the {name()} {name()} in {name()} {name()}, "
        f"said {name()} {name()}."
        for _ in range(sentences)
    )


def long_article_rows() -> None:
    """Time per character must not grow with an article's length (a per-run text scan once made
    a 670 KB article take 100 s). Baseline in the same run: the capitalised-run regex alone."""
    print("\nlong articles of invented names (4 new runs a sentence):")
    for sentences in (2000, 8000):
        text = _invented_article(sentences)
        t = time.perf_counter()
        found = find_mentions("long", text, "en")
        ours = time.perf_counter() - t
        t = time.perf_counter()
        base = baseline(text)
        base_s = time.perf_counter() - t
        print(f"  {len(text) / 1e3:,.0f} KB: rules {ours:.2f} s ({len(found):,} mentions, "
              f"{ours / len(text) * 1e6:.1f} us/char); baseline {base_s:.3f} s ({len(base):,} runs)")


if __name__ == "__main__":
    sys.exit(main())
