"""Origins: the last link of an attribution chain, folded into families via a small alias table + rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from consilience.compare.lexicon import data_json, fold
from consilience.compare.types import Origin
from consilience.model import Claim


def _table() -> dict:
    return data_json("origins.json")


def _has(text: str, phrase: str) -> bool:
    """Whole-word containment on folded text."""
    return f" {fold(phrase)} " in f" {text} "


def _unwrap(text: str) -> str:
    """Strip carriers and titles: "a Telegram channel affiliated with the X" -> "X", "Y's press service" -> "Y"."""
    table = _table()
    changed = True
    while changed:
        changed = False
        for wrapper in table["wrappers"]:
            w = fold(wrapper)
            at = f" {text} ".find(f" {w} ")
            if at >= 0:
                text = f" {text} "[at + len(w) + 2 :].strip()
                changed = True
        for suffix in table["wrapper_suffixes"]:
            s = fold(suffix)
            if text.endswith(" " + s) and len(text) > len(s) + 1:
                text = text[: -len(s) - 1].strip()
                changed = True
        tokens = text.split()
        while len(tokens) > 1 and tokens[0] in table["titles"]:
            tokens = tokens[1:]
            changed = True
        text = " ".join(tokens)
        if text.endswith(" s"):  # "lukashenko s" from the folded possessive
            text = text[:-2]
            changed = True
    return text


def _generic(text: str) -> bool:
    return any(text == fold(g) or text.endswith(" " + fold(g)) for g in _table()["generic"])


@lru_cache(maxsize=100_000)
def classify_origin(name: str) -> Origin:
    """The family of one cited source, without story context ("authorities" stays generic)."""
    table = _table()
    folded = fold(name)
    core = _unwrap(folded)
    for family in table["families"]:
        for phrase in family["match"]:
            if _has(core, phrase) or _has(folded, phrase):
                return Origin(
                    family["id"], family["label"], f"'{name}' is {family['label']} ('{phrase}')"
                )
    if _generic(core):
        for family in table["families"]:
            for q in family["qualifiers"]:
                if _has(core, q):
                    return Origin(
                        family["id"],
                        family["label"],
                        f"'{name}': '{q}' qualifies the generic '{core}'",
                    )
        return Origin(f"generic:{core}", name, f"'{name}' names no particular body")
    if core in {fold(a) for a in table["agencies"]}:
        return Origin(f"agency:{core}", name, f"'{name}' is a news agency reporting on its own")
    return Origin(f"named:{core}", name, f"'{name}' as written")


def own_reporting(outlet: str | None, article_id: str) -> Origin:
    """Unattributed text rests on the outlet itself: one newsroom, one origin."""
    who = outlet or article_id
    return Origin(
        f"own:{fold(who)}", f"{who} (own reporting)", f"no source named: rests on {who} itself"
    )


def story_origins(claims: Iterable[Claim], outlets: dict[str, str | None]) -> dict[int, Origin]:
    """Origin of each claim (by index); a generic "authorities" takes the story's most-cited government family."""
    claims = list(claims)
    raw: dict[int, Origin] = {}
    for i, c in enumerate(claims):
        chain = c.attribution.chain if c.attribution else ()
        # the outlet itself may open the chain; what matters is the last link
        if chain and not (
            len(chain) == 1 and fold(chain[0]) == fold(outlets.get(c.article_id) or "")
        ):
            raw[i] = classify_origin(chain[-1])
        else:
            raw[i] = own_reporting(outlets.get(c.article_id), c.article_id)
    return _resolve_generic(claims, raw)


def _resolve_generic(claims: list[Claim], raw: dict[int, Origin]) -> dict[int, Origin]:
    """Read an unqualified "authorities" as the government side most cited in the same article, else in the story."""
    families = {f["id"]: f for f in _table()["families"]}
    gov = [i for i, o in raw.items() if families.get(o.key, {}).get("class") == "government"]
    out = dict(raw)
    for i, o in raw.items():
        if not o.key.startswith("generic:") or o.key in {"generic:police", "generic:the police"}:
            continue
        for scope, pool in (
            (
                "in the same article",
                [j for j in gov if claims[j].article_id == claims[i].article_id],
            ),
            ("in this story", gov),
        ):
            ranked = Counter(raw[j].key for j in pool).most_common(2)
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                label = families[ranked[0][0]]["label"]
                out[i] = Origin(
                    ranked[0][0],
                    label,
                    f"unqualified '{o.label}' read as {label}, the government side most cited {scope}",
                )
                break
    return out
