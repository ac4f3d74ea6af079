"""ASGI middleware: the checks every request passes before any route runs, and the headers every response gets.

Host allowlist (DNS rebinding), cross-site write refusal (CSRF), a request body cap, and security headers.
Written as plain ASGI rather than Starlette's BaseHTTPMiddleware: it is cheaper per request and can refuse
a body while it streams.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

Scope = dict[str, Any]
Message = dict[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
MAX_BODY = 2 * 1024 * 1024


def split_host(value: str) -> tuple[str, int | None]:
    """'Example.org:8000' -> ('example.org', 8000); '[::1]:80' -> ('::1', 80); a bad port -> ('', None)."""
    value = value.strip().lower()
    if value.startswith("["):
        name, _, rest = value[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    elif value.count(":") == 1:
        name, _, port = value.partition(":")
    else:
        name, port = value, ""
    if port and not port.isdigit():
        return "", None
    return name.rstrip("."), int(port) if port else None


def is_loopback(host: str) -> bool:
    name = split_host(host)[0] if not host.startswith("::") else host
    return name in LOOPBACK_NAMES or name.startswith("127.")


def allowed_host_names(bound: str, extra: Iterable[str] = ()) -> set[str]:
    """Names a Host header may carry: loopback, the bound address, and this machine's names when bound to all."""
    names = set(LOOPBACK_NAMES) | {h.lower() for h in extra}
    bound = bound.strip("[]").lower()
    if bound in ("0.0.0.0", "::", ""):
        try:
            hostname = socket.gethostname()
            names |= {hostname.lower(), socket.getfqdn().lower()}
            names |= {info[4][0] for info in socket.getaddrinfo(hostname, None)}
        except OSError:
            pass
    else:
        names.add(bound)
    return names


class Guard:
    """Refuse foreign Host headers (421), cross-site writes (403) and large bodies (413); add security headers."""

    def __init__(self, app: ASGIApp, hosts: set[str], csp: str | None, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.hosts = hosts
        self.max_body = max_body
        headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
        ]
        if csp:
            headers.append((b"content-security-policy", csp.encode()))
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in self.headers if h[0] not in names]
            await send(message)

        host = headers.get("host", "")
        if split_host(host)[0] not in self.hosts:
            await refuse(send_secure, 421, "this server answers only to its own host name", "open it via http://127.0.0.1:PORT/")
            return
        if scope["method"] in UNSAFE_METHODS:
            reason = cross_site(headers, host)
            if reason:
                await refuse(send_secure, 403, reason, "send writes from this server's own pages or from a script, not from another site")
                return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await refuse(send_secure, 413, f"request body over {self.max_body} bytes", "send a smaller batch")
            return
        if scope["method"] in UNSAFE_METHODS:
            body = await read_body(receive, self.max_body)
            if body is None:
                await refuse(send_secure, 413, f"request body over {self.max_body} bytes", "send a smaller batch")
                return
            receive = replay(body)
        await self.app(scope, receive, send_secure)


def cross_site(headers: dict[str, str], host: str) -> str | None:
    """Why a write looks cross-site (Sec-Fetch-Site or a foreign Origin), or None."""
    fetch_site = headers.get("sec-fetch-site", "").lower()
    if fetch_site in ("cross-site", "same-site"):
        return f"cross-site write refused (Sec-Fetch-Site: {fetch_site})"
    origin = headers.get("origin")
    if origin is None:
        return None
    if origin.strip().lower() == "null":
        return "cross-site write refused (Origin: null)"
    try:
        parts = urlsplit(origin.strip())
        origin_port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
    except ValueError:
        return "cross-site write refused (unreadable Origin)"
    name, port = split_host(host)
    if (parts.hostname or "").lower() != name or origin_port != (port or 80):
        return "cross-site write refused (Origin is another site)"
    return None


async def read_body(receive: Callable[[], Awaitable[Message]], limit: int) -> bytes | None:
    """The whole request body, or None as soon as it passes LIMIT bytes."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def replay(body: bytes) -> Callable[[], Awaitable[Message]]:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def refuse(send: Callable[[Message], Awaitable[None]], status: int, error: str, hint: str) -> None:
    body = json.dumps({"error": error, "hint": hint}).encode()
    await send(
        {"type": "http.response.start", "status": status,
         "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]}
    )
    await send({"type": "http.response.body", "body": body})
