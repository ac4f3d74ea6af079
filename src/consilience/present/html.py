"""HTML renderings of the views (web UI, static report, `story --format html`); Jinja2 with autoescape on.

Nothing from the store is ever marked safe: every value goes through the template's escaping, text with
highlights is split into pieces in Python and each piece is escaped by the template, and the SVG pictures
are geometry computed here and drawn by the template with escaped labels.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import ChainableUndefined, Environment, PackageLoader
from markupsafe import Markup

# The server's Content-Security-Policy: no script at all, styles only from our own file, inline SVG allowed.
SERVER_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'"
)
STATUSES = ("corroborated", "single_source", "conflicting")
STATUS_LABEL = {"corroborated": "corroborated", "single_source": "single source", "conflicting": "conflicting"}
SAFE_SCHEMES = ("http", "https")
GROUP_COLOURS = 8  # CSS classes g0..g7 colour independence groups


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The one stylesheet, shipped as package data."""
    return resources.files("consilience.present").joinpath("static/style.css").read_text(encoding="utf-8")


def style_hash(css: str) -> str:
    """CSP source for an inline <style> with exactly this text (static pages cannot rely on 'self')."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode() + "'"


def static_csp() -> str:
    """The meta CSP of pages opened from disk: like the server's, with the inline stylesheet pinned by hash."""
    return f"default-src 'none'; style-src {style_hash(stylesheet())}; img-src data:; base-uri 'none'; form-action 'none'"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Autoescape on for every template, whatever its name; a missing field renders empty."""
    env = Environment(
        loader=PackageLoader("consilience.present", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=ChainableUndefined,
    )
    env.globals.update(status_label=STATUS_LABEL, safe_url=safe_url, short=short)
    return env


def safe_url(url: Any) -> str | None:
    """The URL when it is http(s) with a host (a link), else None (shown as text): no javascript:, data:, file:."""
    if not isinstance(url, str) or len(url) > 4096:
        return None
    text = url.strip()
    if any(ord(c) < 0x21 or c in '<>"\\`' for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return text


def short(value: Any, n: int = 12) -> str:
    return str(value or "")[:n]


class Links:
    """Where a page links to: the server's routes, a static site's relative files, or nowhere (one page)."""

    def __init__(self, mode: str = "server", depth: int = 0) -> None:
        self.mode = mode  # "server", "static" or "standalone"
        self.up = "../" * depth

    def _file(self, folder: str, key: str) -> str:
        return f"{self.up}{folder}/{file_name(key)}.html"

    def home(self) -> str | None:
        return {"server": "/", "static": f"{self.up}index.html"}.get(self.mode)

    def story(self, key: Any) -> str | None:
        return self._to("stories", key)

    def entity(self, key: Any) -> str | None:
        return self._to("entities", key)

    def article(self, key: Any) -> str | None:
        return self._to("articles", key)

    def page(self, name: str) -> str | None:
        """A list page: entities, articles, skipped."""
        return {"server": f"/{name}", "static": f"{self.up}{name}.html"}.get(self.mode)

    def css(self) -> str:
        return "/static/style.css"

    def _to(self, folder: str, key: Any) -> str | None:
        if not key:
            return None
        if self.mode == "server":
            return f"/{folder}/{quote(str(key), safe='')}"
        if self.mode == "static":
            return self._file(folder, str(key))
        return None


def file_name(key: str) -> str:
    """A file name for an id: ids are hex, anything else is hashed so no path can escape the folder."""
    if re.fullmatch(r"[A-Za-z0-9_-]{1,64}", key):
        return key
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def render(template: str, links: Links, static: bool = False, **context: Any) -> str:
    """One page: the static form carries its CSS inline and a meta CSP, the server form links the stylesheet."""
    css = Markup(stylesheet()) if static else None  # our own file, never store data
    return environment().get_template(template).render(
        links=links, inline_css=css, meta_csp=static_csp() if static else None, **context
    )


# -- pages -----------------------------------------------------------------------------------------------


MAX_SOURCE_ROWS = 300  # a story of thousands of articles lists the first ones; the API has all


def render_story_page(view: dict[str, Any], static: bool = True, links: Links | None = None) -> str:
    """A story's comparison as one complete HTML page (standalone by default: no links out, CSS inline)."""
    links = links or Links("standalone" if static else "server", depth=1)
    return render("story.html", links, static=static, **story_context(view))


def story_context(view: dict[str, Any]) -> dict[str, Any]:
    """What the story template needs beyond the view: outlets by article, the two pictures."""
    outlet_of = {s["article"]: s.get("outlet") or s.get("ref") or short(s["article"]) for s in view.get("sources", [])}
    group_of = {s["article"]: s.get("independence_group") for s in view.get("sources", [])}
    groups = sorted({g for g in group_of.values() if g}, key=_group_key)
    colour = {g: f"g{i % GROUP_COLOURS}" for i, g in enumerate(groups)}
    claims = [c for c in view.get("claims", []) if isinstance(c, dict)]
    counts = {s: sum(1 for c in claims if c.get("status") == s) for s in STATUSES}
    return {
        "view": view,
        "max_sources": MAX_SOURCE_ROWS,
        "outlet_of": outlet_of,
        "group_of": group_of,
        "colour": colour,
        "claims": claims,
        "counts": counts,
        "timeline": timeline_picture(view.get("sources", []), colour),
        "long_span": _long_span(view),
        "citations": citation_picture(view.get("sources", []), claims),
        "variant_outlets": lambda arts: sorted({outlet_of.get(a, short(a)) for a in arts}),
    }


def _long_span(view: dict[str, Any]) -> int | None:
    """The story's span in days when it is long enough to warn about, else None."""
    from consilience.present.text import LONG_STORY_DAYS, span_days

    days = span_days(view.get("first_seen"), view.get("last_seen"))
    return days if days is not None and days > LONG_STORY_DAYS else None


def render_stories_page(rows: list[dict[str, Any]], links: Links, static: bool = False, **context: Any) -> str:
    defaults = {"form": None, "total": len(rows), "page": 1, "pages": 1, "outlets": [], "query_string": lambda page: ""}
    return render("stories.html", links, static=static, rows=rows, **{**defaults, **context})


def render_entity_page(view: dict[str, Any], links: Links, static: bool = False) -> str:
    return render("entity.html", links, static=static, view=view, events=event_picture(view.get("timeline") or []))


def render_article_page(view: dict[str, Any], links: Links, static: bool = False) -> str:
    return render(
        "article.html", links, static=static, view=view,
        pieces=highlight(view.get("text") or "", view.get("mentions") or [], view.get("claims") or []),
    )


def render_list_page(kind: str, rows: list[dict[str, Any]], links: Links, static: bool = False, **context: Any) -> str:
    """The entities, articles or skipped list."""
    defaults = {"total": len(rows), "q": "", "page": 1, "pages": 1, "query_string": lambda page: ""}
    return render(f"{kind}.html", links, static=static, rows=rows, **{**defaults, **context})


def render_error_page(status: int, message: str, links: Links) -> str:
    return render("error.html", links, status=status, message=message)


# -- highlighted text ------------------------------------------------------------------------------------


def highlight(text: str, mentions: list[dict[str, Any]], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Split TEXT at every mention and claim boundary; each piece says which mention/claim covers it.

    The template escapes each piece; no markup is ever built by string concatenation here.
    """
    n = len(text)
    spans: list[tuple[int, int, str, int]] = []
    for kind, items in (("claim", claims), ("mention", mentions)):
        for i, item in enumerate(items):
            start, end = _int(item.get("start")), _int(item.get("end"))
            if start is None or end is None:
                continue
            start, end = max(0, min(start, n)), max(0, min(end, n))
            if start < end:
                spans.append((start, end, kind, i))
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [(k, i) for s, e, k, i in spans if s <= a and b <= e]
        claim = next((claims[i] | {"n": i + 1} for k, i in covering if k == "claim"), None)
        mention = next((mentions[i] for k, i in reversed(covering) if k == "mention"), None)
        pieces.append({"text": text[a:b], "claim": claim, "mention": mention})
    return pieces


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# -- pictures --------------------------------------------------------------------------------------------


def _when(value: Any) -> datetime | None:
    """A published timestamp as an aware datetime (naive ones read as UTC); None when unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _group_key(group: str) -> tuple[int, str]:
    digits = re.sub(r"\D", "", group)
    return (int(digits) if digits and len(digits) < 9 else 10**9, group)


def _even_ticks(first: datetime, span: float, x: Callable[[datetime], float], fmt: str) -> list[dict[str, Any]]:
    """Five ticks spread over a time axis of `span` seconds from `first` (one when it has no span)."""
    ticks = []
    for i in range(5 if span > 0 else 1):
        moment = first if span <= 0 else datetime.fromtimestamp(first.timestamp() + span * i / 4, tz=UTC)
        anchor = "start" if i == 0 and span > 0 else ("end" if i == 4 else "middle")
        ticks.append({"x": x(moment), "anchor": anchor, "label": moment.astimezone(UTC).strftime(fmt)})
    return ticks


def timeline_picture(sources: list[dict[str, Any]], colour: dict[str, str], width: int = 760) -> dict[str, Any]:
    """Geometry of the timeline: one lane per outlet, a dot per article at its publication time."""
    dated = [(s, _when(s.get("published"))) for s in sources]
    undated = [s for s, w in dated if w is None]
    dated = sorted([(s, w) for s, w in dated if w is not None], key=lambda p: p[1])
    lanes: list[str] = []
    for s, _ in dated:
        name = s.get("outlet") or s.get("ref") or short(s.get("article"))
        if name not in lanes:
            lanes.append(name)
    left, right, top, lane_h = 190, 30, 34, 28
    height = top + lane_h * max(1, len(lanes)) + 30
    if not dated:
        return {"width": width, "height": 60, "lanes": [], "dots": [], "ticks": [], "undated": undated, "empty": True}
    first, last = dated[0][1], dated[-1][1]
    span = (last - first).total_seconds()
    inner = width - left - right

    def x(moment: datetime) -> float:
        return round(left + (inner / 2 if span <= 0 else inner * (moment - first).total_seconds() / span), 1)

    fmt = "%d %b %H:%M" if span < 2 * 86400 else "%d %b %Y"
    ticks = _even_ticks(first, span, x, fmt)
    dots = []
    lane_of = {name: i for i, name in enumerate(lanes)}
    drawn: set[tuple[int, float, str]] = set()
    for s, moment in dated:
        lane = lane_of[s.get("outlet") or s.get("ref") or short(s.get("article"))]
        spot = (lane, round(x(moment)), colour.get(s.get("independence_group") or "", "gx"))
        if spot in drawn:  # a dot on the same pixel of the same lane and colour adds nothing
            continue
        drawn.add(spot)
        dots.append(
            {
                "x": x(moment),
                "y": top + lane_h * lane + lane_h // 2,
                "r": 7,
                "cls": colour.get(s.get("independence_group") or "", "gx"),
                "article": s.get("article"),
                "label": f"{s.get('outlet') or ''} {s.get('published') or ''} {s.get('title') or s.get('lead') or ''} "
                f"(group {s.get('independence_group') or '?'})",
            }
        )
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "axis_y": top + lane_h * len(lanes) + 4,
        "lanes": [{"label": _clip(name, 26), "full": name, "y": top + lane_h * i + lane_h // 2} for i, name in enumerate(lanes)],
        "dots": dots,
        "ticks": ticks,
        "undated": undated,
        "empty": False,
    }


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def _event_when(value: Any) -> tuple[datetime, str] | None:
    """An event date and how precise it is: 'day', or 'month'/'year' for "2023-03" or "2023"
    (drawn hollow, at the start of the period); None when there is no date to place."""
    if not isinstance(value, str):
        return None
    partial = _PARTIAL_DATE.match(value.strip())
    if partial:
        year, month = int(partial.group(1)), int(partial.group(2) or 1)
        if not 1 <= month <= 12:
            return None
        return datetime(year, month, 1, tzinfo=UTC), "month" if partial.group(2) else "year"
    moment = _when(value)
    return (moment, "day") if moment else None


def event_picture(timeline: list[dict[str, Any]], width: int = 760) -> dict[str, Any]:
    """Geometry of an entity's timeline: one lane per kind of event (arrested, sentenced,
    released...), a dot per event at its date, larger when more articles report it.

    Why a picture: a researcher following a prisoner wants the arc (arrest, sentence, release)
    and its gaps at a glance; the list below it keeps every quote and source."""
    placed = []
    undated = []
    for entry in timeline:
        when = _event_when(entry.get("when"))
        (placed if when else undated).append((entry, when))
    placed.sort(key=lambda p: p[1][0])
    if not placed:
        return {"empty": True, "undated": [e for e, _ in undated]}
    lanes: list[str] = []
    for entry, _ in placed:
        if str(entry.get("event")) not in lanes:
            lanes.append(str(entry.get("event")))
    left, right, top, lane_h = 130, 30, 20, 28
    first, last = placed[0][1][0], placed[-1][1][0]
    span = (last - first).total_seconds()
    inner = width - left - right

    def x(moment: datetime) -> float:
        return round(left + (inner / 2 if span <= 0 else inner * (moment - first).total_seconds() / span), 1)

    ticks = []
    if span >= 2 * 365 * 86400:  # years: a tick on each 1 January, at most about seven
        years = list(range(first.year + (first.month > 1 or first.day > 1), last.year + 1))
        for year in years[:: max(1, -(-len(years) // 7))]:
            ticks.append({"x": x(datetime(year, 1, 1, tzinfo=UTC)), "anchor": "middle", "label": str(year)})
    else:
        ticks = _even_ticks(first, span, x, "%d %b %Y")
    lane_of = {name: i for i, name in enumerate(lanes)}
    dots = []
    for entry, (moment, precision) in placed:
        sources = [s for s in entry.get("sources") or [] if isinstance(s, dict)]
        lane = lane_of[str(entry.get("event"))]
        dots.append({
            "x": x(moment),
            "y": top + lane_h * lane + lane_h // 2,
            "r": 5 + min(4, max(0, len(sources) - 1)),
            "cls": f"g{lane % GROUP_COLOURS}" + ("" if precision == "day" else " approx")
            + (" reported" if entry.get("dated_by") == "article" else ""),
            "article": sources[0].get("article") if sources else None,
            "label": f"{'reported ' if entry.get('dated_by') == 'article' else ''}{entry.get('when')} "
            f"{entry.get('event')}: {entry.get('statement') or ''} "
            f"({len(sources)} source{'' if len(sources) == 1 else 's'})",
        })  # fmt: skip
    axis_y = top + lane_h * len(lanes) + 4
    return {
        "empty": False,
        "width": width,
        "height": axis_y + 30,
        "left": left,
        "right": width - right,
        "axis_y": axis_y,
        "lanes": [{"label": _clip(name, 16), "full": name, "y": top + lane_h * i + lane_h // 2} for i, name in enumerate(lanes)],
        "dots": dots,
        "ticks": ticks,
        "undated": [e for e, _ in undated],
    }


def _clip(text: Any, n: int) -> str:
    text = str(text or "")
    return text if len(text) <= n else text[: n - 1] + "…"


def citation_picture(sources: list[dict[str, Any]], claims: list[dict[str, Any]], width: int = 960, max_nodes: int = 40) -> dict[str, Any]:
    """Geometry of who cites whom: outlet -> agency -> origin, from each claim support's attribution chain."""
    outlet_of = {s["article"]: s.get("outlet") or s.get("ref") or short(s["article"]) for s in sources}
    edges: dict[tuple[tuple[str, str], tuple[str, str]], int] = {}
    depth: dict[tuple[str, str], int] = {}
    label: dict[tuple[str, str], str] = {}
    weight: dict[tuple[str, str], int] = {}
    for claim in claims:
        for support in claim.get("support") or []:
            if not isinstance(support, dict):
                continue
            chain = support.get("chain")
            if not isinstance(chain, list):
                chain = [p for p in str(support.get("attributed_to") or "").split(" citing ") if p.strip()]
            chain = [str(c) for c in chain if str(c).strip()][:6]
            outlet = outlet_of.get(support.get("article"))
            if outlet is None or not chain:
                continue
            path = [("outlet", outlet)] + [("cited", c.strip().casefold()) for c in chain]
            label.setdefault(path[0], outlet)
            for i, (node, name) in enumerate(zip(path[1:], chain, strict=True), start=1):
                label.setdefault(node, name.strip())
                depth[node] = min(3, max(depth.get(node, 0), i))
            for a, b in zip(path, path[1:], strict=False):
                if a != b:
                    edges[(a, b)] = edges.get((a, b), 0) + 1
                    weight[a] = weight.get(a, 0) + 1
                    weight[b] = weight.get(b, 0) + 1
    for outlet in {outlet_of[s["article"]] for s in sources}:
        depth[("outlet", outlet)] = 0
        label.setdefault(("outlet", outlet), outlet)
    kept = sorted(depth, key=lambda n: (depth[n] != 0, -weight.get(n, 0), label[n]))[:max_nodes]
    columns: dict[int, list[tuple[str, str]]] = {}
    for node in kept:
        columns.setdefault(depth[node], []).append(node)
    ncols = max(columns) + 1 if columns else 1
    node_w, node_h, gap, top = 200, 24, 10, 30
    step = (width - 20 - node_w) / max(1, ncols - 1) if ncols > 1 else 0
    place: dict[tuple[str, str], tuple[float, float]] = {}
    nodes = []
    for col, members in columns.items():
        for row, node in enumerate(sorted(members, key=lambda n: (-weight.get(n, 0), label[n]))):
            x, y = 10 + col * step, top + row * (node_h + gap)
            place[node] = (x, y)
            nodes.append(
                {"x": round(x, 1), "y": y, "w": node_w, "h": node_h, "tx": round(x + 8, 1), "ty": y + 16,
                 "label": _clip(label[node], 28), "full": f"{label[node]} ({weight.get(node, 0)} links)",
                 "cls": "outlet" if node[0] == "outlet" else ("origin" if col == ncols - 1 else "agency")}
            )
    lines = []
    for (a, b), count in sorted(edges.items(), key=lambda e: -e[1]):
        if a not in place or b not in place:
            continue
        (ax, ay), (bx, by) = place[a], place[b]
        x1, y1 = ax + node_w, ay + node_h / 2
        x2, y2 = bx, by + node_h / 2
        if bx <= ax:  # a citation back to an earlier column: draw from the left edge
            x1 = ax
        mid = (x1 + x2) / 2
        lines.append(
            {"d": f"M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}",
             "w": round(1 + min(5.0, math.log2(count)), 1), "label": f"{label[a]} cites {label[b]} ({count} claim supports)"}
        )
    rows = max((len(m) for m in columns.values()), default=1)
    headers = ["outlet", "cites", "which cites", "which cites"][:ncols]
    return {
        "width": width,
        "height": top + rows * (node_h + gap) + 10,
        "nodes": nodes,
        "lines": lines,
        "headers": [{"x": round(10 + i * step, 1), "label": h} for i, h in enumerate(headers)],
        "empty": not lines,
        "dropped": max(0, len(depth) - len(kept)),
    }
