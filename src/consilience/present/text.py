"""Plain-text renderings of the views, for the terminal."""

from __future__ import annotations

import textwrap
from typing import Any


def _wrap(text: str, width: int = 100) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in text.split("\n\n"))


def render_article(view: dict[str, Any]) -> str:
    lines = [view.get("title") or "(untitled)", "=" * min(100, len(view.get("title") or "(untitled)"))]
    published = view.get("published") or "unknown date"
    if view.get("published_inferred"):
        published += f" (inferred from {view.get('published_source')!r})"
    meta = [
        ("id", view["id"]),
        ("ref", view.get("ref")),
        ("outlet", view.get("outlet")),
        ("byline", view.get("byline")),
        ("published", published),
        ("language", view.get("language")),
        ("url", view.get("url")),
        ("story", view.get("story")),
        ("sources", ", ".join(view.get("sources") or [])),
    ]
    lines += [f"{k:>10}: {v}" for k, v in meta if v]
    for flag in view.get("flags") or []:
        lines.append(f"{'note':>10}: {flag}")
    lines += ["", _wrap(view.get("text") or "")]
    mentions = view.get("mentions") or []
    if mentions:
        lines += ["", f"Mentions ({len(mentions)})"]
        for m in mentions:
            role = f", {m['role']}" if m.get("role") else ""
            entity = f" -> {m['entity']}" if m.get("entity") else ""
            lines.append(f"  {m['type']:<7} {m['text']}{role}{entity}")
    claims = view.get("claims") or []
    if claims:
        lines += ["", f"Claims ({len(claims)})"]
        for c in claims:
            tags = [c["kind"]]
            if c.get("hedged"):
                tags.append("hedged")
            who = f" [according to {c['attributed_to']}]" if c.get("attributed_to") else ""
            lines.append(f"  ({', '.join(tags)}) {c['statement']}{who}")
    return "\n".join(lines)
