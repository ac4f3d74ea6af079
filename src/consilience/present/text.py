"""Plain-text renderings of the views, for the terminal."""

from __future__ import annotations

import textwrap
from datetime import datetime
from typing import Any

from rich.table import Table

from consilience.normalise.text import clip


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


_STATUS = {"corroborated": "CORROBORATED", "single_source": "single source", "conflicting": "CONFLICTING"}


def _short(value: str | None, n: int = 12) -> str:
    return (value or "")[:n]


LONG_STORY_DAYS = 30  # past this span a story may hold a recurring topic's several events


def span_days(first: str | None, last: str | None) -> int | None:
    """Whole days between a story's first and last article (None when either is unknown)."""
    try:
        a, b = datetime.fromisoformat(first or ""), datetime.fromisoformat(last or "")
    except ValueError:
        return None
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return abs((b - a).days)


def render_story(view: dict[str, Any], markdown: bool = False) -> str:
    """A story as a comparison: sources and their independence, claims by status, naming differences."""
    h1, h2 = ("# ", "## ") if markdown else ("", "")
    title = view.get("title") or "(untitled story)"
    lines = [f"{h1}{title}"]
    if not markdown:
        lines.append("=" * min(100, len(title)))
    lines.append(f"story {view['id']}  ·  {view.get('first_seen') or '?'} .. {view.get('last_seen') or '?'}")
    days = span_days(view.get("first_seen"), view.get("last_seen"))
    episodes = view.get("episodes") or []
    if days is not None and days > LONG_STORY_DAYS:
        lines.append(
            f"note: its articles span {days} days; a story this long may hold several events of one "
            "topic. Check why each source joined (its reason below) before citing it as one event."
        )
    if len(episodes) > 1:
        lines += ["", f"{h2}Episodes ({len(episodes)}): reporting weeks apart, each compared on its own"]
        for e in episodes:
            span = _short(e.get("first"), 10) + ("" if (e.get("last") or "")[:10] == (e.get("first") or "")[:10] else f" .. {_short(e.get('last'), 10)}")
            n = len(e.get("articles", []))
            head = f": {e['title']}" if e.get("title") else ""
            lines.append(f"{'- ' if markdown else '  '}[ep {e['index'] + 1}] {span}: {n} article{'' if n == 1 else 's'}{head}")
    sources = view.get("sources", [])
    groups = sorted({s.get("independence_group") for s in sources if s.get("independence_group")})
    lines += ["", f"{h2}Sources ({len(sources)} articles, {len(groups)} independence group(s))"]
    label = {g: chr(ord("A") + i) if i < 26 else str(i) for i, g in enumerate(groups)}
    for s in sources:
        copy = "  copy of one text" if s.get("copy_group") else ""
        group = label.get(s.get("independence_group"), "?")
        bullet = "- " if markdown else "  "
        lines.append(
            f"{bullet}[{group}] {_short(s.get('published'), 16):<16} {s.get('outlet') or '(unknown outlet)'}: "
            f"{s.get('title') or s.get('lead') or ''}  ({_short(s['article'])}){copy}"
        )
        if s.get("independence_reason") and markdown is False and s is sources[0]:
            pass
    claims = view.get("claims", [])
    if view.get("compared"):
        note = view["compared"]
        lines += ["", f"Claims compared from {note['articles']} of {note['of']} articles: {note['why']}"]
    order = {"conflicting": 0, "corroborated": 1, "single_source": 2}
    lines += ["", f"{h2}Claims ({len(claims)})"]
    for c in sorted(claims, key=lambda c: (order.get(c.get("status"), 3), c.get("kind", ""), c.get("statement", ""))):
        tags = [_STATUS.get(c.get("status"), c.get("status") or "?"), c.get("kind", "")]
        if c.get("hedged"):
            tags.append("hedged")
        if len(episodes) > 1 and c.get("episode") is not None:
            tags.append(f"ep {c['episode'] + 1}")
        lines.append(f"{'- ' if markdown else '  '}[{', '.join(t for t in tags if t)}] {c.get('statement')}")
        if c.get("reason"):
            lines.append(f"      why: {c['reason']}")
        for sup in c.get("support", [])[:6]:
            who = f" — according to {sup['attributed_to']}" if sup.get("attributed_to") else ""
            outlet = next((s.get("outlet") for s in sources if s["article"] == sup.get("article")), None) or _short(sup.get("article"))
            lines.append(f"      {outlet}: \u201c{clip(sup.get('quote', ''), 220)}\u201d{who}")
    discrepancies = view.get("discrepancies", [])
    if discrepancies:
        lines += ["", f"{h2}Naming discrepancies"]
        for d in discrepancies:
            forms = "; ".join(
                f"{form} ({', '.join(_outlets(view, arts))})" for form, arts in (d.get("variants") or {}).items()
            )
            lines.append(f"{'- ' if markdown else '  '}{d.get('name')}: {forms}")
            if d.get("why"):
                lines.append(f"      why: {d['why']}")
    return "\n".join(lines)


def _outlets(view: dict[str, Any], article_ids: list[str]) -> list[str]:
    names = {s["article"]: s.get("outlet") or _short(s["article"]) for s in view.get("sources", [])}
    return sorted({names.get(a, _short(a)) for a in article_ids})


def render_entity(view: dict[str, Any]) -> str:
    lines = [f"{view['name']} ({view['type']}, {view['mentions']} mentions)", f"id {view['id']}", "", "Variants"]
    for form, outlets in view.get("variant_outlets", {}).items():
        lines.append(f"  {form}: {', '.join(outlets)}")
    if view.get("timeline"):
        lines += ["", "Timeline (~: no date in the text; the date the article reported it)"]
        for event in view["timeline"]:
            outlets = sorted({s.get("outlet") or _short(s["article"]) for s in event["sources"]})
            quote = event.get("quote") or event["statement"]
            quote = clip(quote, 110)
            when = ("~" if event.get("dated_by") == "article" else "") + (event.get("when") or "????")
            lines.append(f"  {when:<11}  {event['event']:<12} [{', '.join(outlets)}] \u201c{quote}\u201d")
    lines += ["", "Stories"]
    for story in view.get("stories", []):
        lines.append(f"  {_short(story['id'])}  {story.get('title') or ''}")
    lines += ["", "Articles"]
    for article in view.get("articles", []):
        lines.append(
            f"  {_short(article['id'])}  {_short(article.get('published'), 16):<16} "
            f"{article.get('outlet') or '':<24} {article.get('title') or ''}"
        )
    return "\n".join(lines)


def article_table(rows: list[dict[str, Any]], title: str | None = None) -> Table:
    """The `articles` rows as a terminal table (id prefix, date, outlet, language, title)."""
    table = Table(title=title, box=None, header_style="bold", title_justify="left")
    for name in ("id", "published", "outlet", "lang", "title"):
        table.add_column(name, overflow="fold" if name == "title" else "ellipsis", no_wrap=name != "title")
    for row in rows:
        table.add_row(row["id"][:12], (row["published"] or "")[:16], row["outlet"] or "", row["language"] or "", row["title"] or "")
    return table


def story_table(rows: list[dict[str, Any]], title: str | None = None) -> Table:
    """The `stories` rows as a terminal table: size, independence groups, claims by status."""
    table = Table(title=title, box=None, header_style="bold", title_justify="left")
    for name in ("id", "articles", "groups", "corr.", "single", "confl.", "first seen", "days", "ep.", "outlets", "title"):
        table.add_column(name, no_wrap=name not in ("title", "outlets"), overflow="fold")
    for row in rows:
        c = row["claims"]
        days = span_days(row.get("first_seen"), row.get("last_seen"))
        table.add_row(
            row["id"][:12], str(len(row["articles"])), str(row["independence_groups"]), str(c["corroborated"]),
            str(c["single_source"]), str(c["conflicting"]), (row["first_seen"] or "")[:10],
            "" if days is None else f"{days}{'!' if days > LONG_STORY_DAYS else ''}",
            str(row.get("episodes", 1)),
            ", ".join(row["outlets"])[:60], row["title"] or "",
        )
    return table
