"""Every class of bad input is skipped with a reason, in bounded time, and the good file lands.

These go through the real CLI, so the sandbox (worker process, wall clock, memory limit) is what
is tested, not a reader called directly.
"""

from __future__ import annotations

import gzip
import io
import json
import time
import zlib
from pathlib import Path

import pytest

from tests.conftest import json_out

GOOD = {"id": "good-1", "text": "The council of Dorvik approved the new budget on Tuesday after a long debate."}


def _gzip_bomb() -> bytes:
    # 300 MiB of zeros in ~300 KB: over the 256 MiB decompression cap.
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"\0" * (1 << 20)
    return b"".join([*(compressor.compress(chunk) for _ in range(300)), compressor.flush()])


def _warc_truncated() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    page = b"<html><body><article><p>" + b"Word " * 400 + b"</p></article></body></html>"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://x.example/", "response", payload=io.BytesIO(page), http_headers=headers))
    data = buffer.getvalue()
    return data[: len(data) // 2]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rss version="2.0"><channel><title>t</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<rss version="2.0"><channel><title>t</title><item><title>x</title><description>&secret; and more words here</description></item></channel></rss>"""

CASES = {
    "empty": ("empty.txt", lambda: b"", "empty"),
    "binary": ("image.txt", lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 50, "binary"),
    "undecodable": ("garbled.txt", lambda: bytes((i * 37) % 128 + 128 for i in range(4000)), "undecodable"),
    "truncated_gzip": ("article.txt.gz", lambda: gzip.compress(" ".join(f"word{i}" for i in range(5000)).encode())[:4000], "truncated"),
    "truncated_warc": ("crawl.warc.gz", _warc_truncated, "truncated"),
    "huge_line": ("huge.jsonl", lambda: b'{"text": "' + b"a" * (100 * 1024 * 1024) + b'"}\n', "too_large"),
    "deep_html": ("deep.html", lambda: b"<html><body>" + b"<div>" * 100_000 + b"<p>text</p>" + b"</div>" * 100_000 + b"</body></html>", "hostile"),
    "entity_bomb": ("bomb.rss", lambda: BILLION_LAUGHS, "hostile"),
    "external_entity": ("xxe.rss", lambda: EXTERNAL_ENTITY, "hostile"),
    "gzip_bomb": ("bomb.jsonl.gz", _gzip_bomb, "too_large"),
    "jsonl_not_object": ("list.jsonl", lambda: b'["not", "an", "object"]\n', "malformed"),
    "json_deep": ("deep.jsonl", lambda: b"[" * 100_000 + b"]" * 100_000 + b"\n", "hostile"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_skipped_with_reason_and_good_file_lands(case: str, tmp_path: Path, cli) -> None:
    name, make, reason = CASES[case]
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / name).write_bytes(make())
    (folder / "good.jsonl").write_text(json.dumps(GOOD) + "\n")
    started = time.monotonic()
    result = cli("ingest", str(folder), "--json", "--no-analyse", timeout=60)
    elapsed = time.monotonic() - started
    report = json_out(result)
    assert b"Traceback" not in result.stderr
    assert report["ingested"] == 1, report
    reasons = [s["reason"].split(":")[0] for s in report["skipped"] if name in s["input"]]
    assert reasons and reasons[0] == reason, report["skipped"]
    assert elapsed < 10 + 5, f"took {elapsed:.1f} s"  # 10 s budget plus the worker's start-up


def test_external_entity_is_never_read(tmp_path: Path, cli) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARY-7f3a")
    feed = EXTERNAL_ENTITY.replace(b"file:///etc/hostname", f"file://{secret}".encode())
    (tmp_path / "x.rss").write_bytes(feed)
    cli("ingest", str(tmp_path / "x.rss"), "--json")
    dump = cli("articles", "--json").stdout + cli("skipped", "--json").stdout
    assert b"CANARY-7f3a" not in dump


def test_hung_parser_costs_one_unit_and_the_rest_is_accounted_for() -> None:
    """With a clock too short for any unit, every unit still ends as exactly one outcome."""
    from consilience.ingest.sources import InputFile
    from consilience.ingest.worker import Task, run_sandboxed

    lines = b"\n".join(json.dumps({"id": i, "text": f"Article number {i} has enough words to count."}).encode() for i in range(6))
    task = Task(0, InputFile("x.jsonl", data=lines))
    outcomes = list(run_sandboxed([task], timeout=30.0))
    assert len(outcomes) == 6  # the normal path: six articles
    # Now a task whose reader blocks forever (stdin-like pipe that never closes).
    import os

    read_end, write_end = os.pipe()
    try:
        hung = Task(1, InputFile("/dev/fd/never", path=f"/proc/{os.getpid()}/fd/{read_end}"))
        started = time.monotonic()
        results = list(run_sandboxed([hung, Task(2, InputFile("y.jsonl", data=lines))], workers=1, timeout=1.5))
        elapsed = time.monotonic() - started
    finally:
        os.close(read_end)
        os.close(write_end)
    skipped = [u for t, u in results if t.id == 1]
    good = [u for t, u in results if t.id == 2]
    assert skipped and all(u.reason.value == "timeout" for u in skipped)
    assert len(good) == 6
    assert elapsed < 30
