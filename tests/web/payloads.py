"""Active-content payloads for the browser tests: >= 200 strings, each trying to run script or load a canary URL.

Composed here from well-known vector shapes (OWASP XSS filter-evasion style): tags with event handlers,
script blocks, javascript: URLs, attribute and raw-text breakouts, template syntax. Every one either calls
window.__pwn(), calls alert(), or fetches CANARY, so a successful injection is always observable.
"""

from __future__ import annotations

ACTIONS = ["window.__pwn(1)", "alert(1)", "fetch('CANARY/f')", "new Image().src='CANARY/i'", "top.__pwn&&top.__pwn(2)"]

SHAPES = [
    "<script>{a}</script>",
    "<img src=x onerror=\"{a}\">",
    "<img src=CANARY/img>",
    "<svg onload=\"{a}\">",
    "<svg><script>{a}</script></svg>",
    "<body onload=\"{a}\">",
    "<iframe src=\"javascript:{a}\"></iframe>",
    "<a href=\"javascript:{a}\">click</a>",
    "\"><script>{a}</script>",
    "'><img src=x onerror={a}>",
    "\" autofocus onfocus=\"{a}\" x=\"",
    "' onmouseover='{a}' x='",
    "</title><script>{a}</script>",
    "</textarea><script>{a}</script>",
    "</script><script>{a}</script>",
    "</style><script>{a}</script>",
    "<details open ontoggle=\"{a}\">",
    "<input autofocus onfocus=\"{a}\">",
    "<video><source onerror=\"{a}\"></video>",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"{a}\">",
    "<object data=\"javascript:{a}\"></object>",
    "<embed src=\"javascript:{a}\">",
    "<link rel=stylesheet href=CANARY/css>",
    "<meta http-equiv=refresh content=\"0;url=CANARY/meta\">",
    "<base href=CANARY/>",
    "{{{{constructor.constructor('{a}')()}}}}",
    "${{{a}}}",
    "`${{{a}}}`",
    "<ScRiPt>{a}</sCrIpT>",
    "<scr<script>ipt>{a}</script>",
    "&lt;script&gt;{a}&lt;/script&gt;",
    "<svg><a xlink:href=\"javascript:{a}\"><text y=20>x</text></a></svg>",
    "<form action=\"javascript:{a}\"><button>go</button></form>",
    "<div style=\"background:url(CANARY/style)\">x</div>",
    "<noscript><p title=\"</noscript><img src=x onerror={a}>\">",
    "<!--<img src=\"--><img src=x onerror={a}//\">",
    "<?xml-stylesheet href=CANARY/xsl?>",
    "<svg><animate onbegin=\"{a}\" attributeName=x dur=1s>",
    "<marquee onstart=\"{a}\">x</marquee>",
    "<select autofocus onfocus=\"{a}\">",
    "<keygen autofocus onfocus=\"{a}\">",
    "<audio src=x onerror=\"{a}\">",
    "<x onclick=\"{a}\">click</x>",
    "<img srcset=\"CANARY/srcset 1x\" onload=\"{a}\">",
    "<table background=CANARY/tbl onmouseover=\"{a}\">",
]

URLS = [
    "javascript:window.__pwn(3)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "data:text/html,<script>window.__pwn(4)</script>", "vbscript:msgbox(1)", "CANARY/url\" onmouseover=\"alert(1)",
    "https://ok.example/\"><script>window.__pwn(5)</script>", "//CANARYHOST/proto-relative", "file:///etc/passwd",
]


def payloads(canary: str) -> list[str]:
    """All payloads with CANARY (http://127.0.0.1:PORT) filled in."""
    out = [shape.replace("{a}", action).replace("{{", "{").replace("}}", "}") for shape in SHAPES for action in ACTIONS]
    out = list(dict.fromkeys(out))
    return [p.replace("CANARYHOST", canary.split("//", 1)[1]).replace("CANARY", canary) for p in out]


def urls(canary: str) -> list[str]:
    return [u.replace("CANARYHOST", canary.split("//", 1)[1]).replace("CANARY", canary) for u in URLS]
