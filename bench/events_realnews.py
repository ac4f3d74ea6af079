"""Event types on real news: 40 giveme5w1h sentences where the extractor found an event, judged by hand.

Run: .venv/bin/python bench/events_realnews.py [--errors [SPLIT]] [--draw K --seed S]

bench/claims_extract.py scores event types on items written for this project, where nearly every
trigger word is used in its event sense. Real news is not like that: "released a statement",
"the deal's value", "money transfers". These 40 sentences were drawn at random (seed 1122) from
giveme5w1h sentences in which the extractor of 2026-11-22 (commit 42901c6) found at least one
non-speech event; a person then wrote down which schema events each sentence really states
(`bench/data/events/realnews.jsonl`, pointing into ../shared/datasets by article id and span; no
article text is copied). Because the sentences were chosen by the extractor, the figure that
means something is precision; recall only counts events in sentences it already fired on.
Every third item (n % 3 == 0) of the first 40 is held out; `--errors` lists dev errors (or SPLIT's).
Items 40-79 ("dev2") were drawn later (seed 2211) from what the extractor of 15b1edd fires on:
they first estimated its precision unseen (0.56), then served to write the negation and
business-sense rules. Items 80-119 ("dev3", seed 3311) were drawn from what the extractor of
those rules fires on and labelled before any rule was written from them (unseen precision 0.60);
they then served to write the rules of the next pass. Items 120-159 ("dev4", seed 4411, drawn
with `--draw 40 --seed 4411` from the extractor of 7fdbced) were labelled blind, by someone who
saw only the sentences and the schema, neither the extractor's output nor its rules: 0.70 before
that pass; their errors were seen while it was written. Items 160-199 ("fresh", seed 5511, drawn
from the extractor of that pass, labelled blind the same way, their errors not read): 0.67 for
that pass and 0.69 for 7fdbced, so that pass fixed the kinds it saw and moved nothing unseen.
The next session should treat them as dev and draw again (`--draw 40 --seed <new>`).
Baseline in the same run: the trigger words of the English lexicon as they were before this
bench existed (commit f900be4), every match an event, no exclusions.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

from _paths import DATASETS

from consilience.extract.events import find_events
from consilience.extract.lexicon import load_lexicon
from consilience.extract.sentences import split_sentences

LABELS = Path(__file__).parent / "data" / "events" / "realnews.jsonl"
# the English trigger lexicon of commit f900be4, frozen here as the baseline
BASELINE_TRIGGERS: dict[str, list[str]] = {
 "arrest": [
  "arrest(?:s|ed|ing)?",
  "detain(?:s|ed|ing)?",
  "detention",
  "taken into custody",
  "apprehended",
  "jailed",
  "imprisoned"
 ],
 "sentence": [
  "sentenc(?:e|es|ed|ing) (?:\\w+ )?to",
  "sentenced",
  "convicted",
  "given (?:a )?(?:\\S+ )?(?:years?|months?)",
  "jail term",
  "prison term"
 ],
 "pardon": [
  "pardon(?:s|ed|ing)?",
  "granted clemency",
  "amnesty",
  "amnestied"
 ],
 "release": [
  "releas(?:e|es|ed|ing)",
  "freed",
  "frees",
  "freeing",
  "set free",
  "let go",
  "walked free"
 ],
 "transfer": [
  "transferr(?:ed|ing)",
  "transfers?",
  "deport(?:s|ed|ing|ation)",
  "expel(?:s|led|ling)",
  "expulsion",
  "headed to",
  "handed over",
  "extradit(?:e|ed|ion)",
  "sent to",
  "taken to",
  "arrived in",
  "exiled",
  "swap(?:ped)?",
  "exchange(?:d)?"
 ],
 "meeting": [
  "talks",
  "met with",
  "meets",
  "meeting",
  "visit(?:s|ed)?",
  "negotiat(?:ions|ed|ing)",
  "summit"
 ],
 "agreement": [
  "agreement",
  "deal",
  "agreed",
  "signed",
  "accord",
  "treaty"
 ],
 "sanctions_imposed": [
  "impos(?:e|es|ed|ing) (?:new |fresh |further )?sanctions",
  "sanctions (?:were|have been|had been) (?:imposed|expanded|extended)",
  "new sanctions",
  "restrictive measures were expanded",
  "sanctioned"
 ],
 "sanctions_lifted": [
  "lift(?:s|ed|ing)? (?:of )?(?:the )?sanctions",
  "lifting of (?:the )?sanctions",
  "repeal(?:s|ed|ing)? (?:the )?sanctions",
  "eas(?:e|es|ed|ing) (?:the )?sanctions",
  "sanctions relief",
  "sanctions (?:were|have been|had been) (?:lifted|eased|removed)",
  "remov(?:e|ed|ing) (?:the )?sanctions",
  "lifted (?:the )?sanctions"
 ],
 "death": [
  "died",
  "dies",
  "killed",
  "death of",
  "dead",
  "passed away"
 ],
 "injury": [
  "injured",
  "wounded",
  "hurt"
 ],
 "attack": [
  "attack(?:s|ed)?",
  "strike(?:s)?",
  "shelling",
  "shelled",
  "bomb(?:ed|ing)",
  "explosion"
 ],
 "election": [
  "election(?:s)?",
  "vote(?:d)?",
  "referendum",
  "re-elected",
  "elected"
 ]
}


def ours(sentence: str) -> set[str]:
    return {e.event_type for e in find_events(sentence, load_lexicon("en")) if e.event_type != "statement"}


def baseline(sentence: str) -> set[str]:
    return {
        etype
        for etype, pats in BASELINE_TRIGGERS.items()
        if any(re.search(rf"\b(?:{p})\b", sentence, re.IGNORECASE) for p in pats)
    }


def draw(texts: dict[str, str], labels: list[dict], k: int, seed: int) -> list[dict]:
    """k random sentences, not yet labelled, in which the current extractor finds an event: the
    next fresh set. Printed without the extractor's output, so whoever labels it does so blind."""
    seen = {(x["article"], x["start"]) for x in labels}
    pool = [
        {"article": aid, "start": s.start, "end": s.end, "text": s.text}
        for aid, text in sorted(texts.items())
        for s in split_sentences(text)
        if (aid, s.start) not in seen and ours(s.text)
    ]
    return random.Random(seed).sample(pool, k)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", nargs="?", const="dev", metavar="SPLIT",
                    help="list the sentences of SPLIT (default dev) that ours gets wrong")
    ap.add_argument("--draw", type=int, metavar="K", help="print K unlabelled sentences to label")
    ap.add_argument("--seed", type=int, default=4411, help="seed of --draw")
    args = ap.parse_args()
    rows = (json.loads(x) for x in gzip.open(DATASETS / "giveme5w1h-news-cluster/news_cluster.jsonl.gz"))
    texts = {str(r["id"]): r["text"] or "" for r in rows}
    labels = [json.loads(x) for x in LABELS.read_text(encoding="utf-8").splitlines() if x.strip()]
    if args.draw:
        for i, item in enumerate(draw(texts, labels, args.draw, args.seed), start=len(labels)):
            print(json.dumps({"n": i, **item}, ensure_ascii=False))
        return
    print(f"{len(labels)} sentences, {sum(bool(x['events']) for x in labels)} stating a schema event")
    print(f"{'split':8} {'system':12} {'P':>6} {'R*':>6}  tp/pred/gold   (R*: within sentences the extractor chose)")
    for split in dict.fromkeys(x["split"] for x in labels):
        sub = [x for x in labels if x["split"] == split]
        for name, fn in (("consilience", ours), ("baseline", baseline)):
            tp = npred = ngold = 0
            wrong = []
            for x in sub:
                sentence = texts[x["article"]][x["start"] : x["end"]]
                pred, gold = fn(sentence), set(x["events"])
                tp, npred, ngold = tp + len(pred & gold), npred + len(pred), ngold + len(gold)
                if pred != gold:
                    wrong.append((x["n"], sorted(pred), sorted(gold), sentence))
            p = tp / npred if npred else 0.0
            r = tp / ngold if ngold else 0.0
            print(f"{split:8} {name:12} {p:6.2f} {r:6.2f}  {tp}/{npred}/{ngold}")
            if args.errors and name == "consilience" and split == args.errors:
                errors = wrong
    if args.errors:
        for n, pred, gold, sentence in errors:
            print(f"\n#{n} got {pred} gold {gold}\n    {sentence[:220]}")


if __name__ == "__main__":
    main()
