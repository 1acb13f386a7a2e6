"""feedparser's own test corpus, every sample served on 127.0.0.1 and refreshed in one run.

The corpus (../shared/corpora/feedparser: ~2,100 malformed, odd and well-formed feeds in every
encoding, plus the historical gzip/deflate and HTTP-status samples) is the widest set of
strange feeds there is. One `marketwatch refresh` over all of them must finish without a
traceback and give every feed an outcome; where a sample's `Expect:` line says the feed has a
title or entries, marketwatch must store what feedparser itself finds in those bytes (the
intended semantics), after our text cleaning and our dedup by canonical link or guid.
"""

from __future__ import annotations

import codecs
import json
import re
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import COMPANIES, SHARED, Reply

CORPUS = SHARED / "corpora" / "feedparser"
HISTORICAL_HOST = "http://localhost:8097/"

pytestmark = pytest.mark.skipif(not (CORPUS / "tests").is_dir(), reason="../shared/corpora/feedparser is absent")

_BOMS = [(codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le")]
_SNIFF = [(b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"), (b"\x00<\x00", "utf-16-be"),
          (b"<\x00?\x00", "utf-16-le"), (b"<\x00!\x00", "utf-16-le"), (b"<\x00", "utf-16-le")]
_TITLE_EXPECT = re.compile(r"""feed\s*(?:\[\s*['"]title['"]\s*\]|\.title\b|\.get\(\s*['"]title['"])""")
_ENTRIES_EXPECT = re.compile(r"\bentries\b")


@dataclass
class Sample:
    name: str  # path under the corpus
    body: bytes
    expect: str = ""
    headers: dict[str, str] = field(default_factory=dict)  # from `Header:` lines
    status: int = 200

    @property
    def path(self) -> str:
        return "/corpus/" + self.name


def _text(data: bytes) -> str:
    """The sample decoded well enough to read its ASCII header comment (feedparser's helper rules)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, "replace")
    for head, encoding in _SNIFF:
        if data.startswith(head):
            return data.decode(encoding, "replace")
    return data.decode("latin-1")


def load_samples() -> list[Sample]:
    samples = []
    files = sorted(p for p in (CORPUS / "tests").rglob("*") if p.is_file())
    files += sorted(p for p in (CORPUS / "docs").rglob("*") if p.is_file())
    for path in files:
        body = path.read_bytes()
        text = _text(body)
        comment = text.split("-->", 1)[0] if "-->" in text else ""
        expect = re.search(r"Expect:\s*(.*?)\s*(?:-->|$)", text[: len(comment) + 3], re.S)
        headers = {}
        for line in re.findall(r"^\s*Header:\s*(.*)$", comment, re.M):
            name, _, value = line.partition(":")
            headers[name.strip()] = value.strip()
        if headers and not any(k.lower() == "content-type" for k in headers):
            headers["Content-Type"] = "text/xml"  # what feedparser's harness served by default
        samples.append(Sample(str(path.relative_to(CORPUS)), body, expect.group(1) if expect else "", headers))
    return samples


def historical_samples() -> list[Sample]:
    out = []
    compression = CORPUS / "historical" / "at-02b79cd7-parent" / "tests" / "compression"
    for path in sorted(compression.glob("*")):
        coding = "gzip" if path.suffix == ".gz" else "deflate"
        out.append(Sample(str(path.relative_to(CORPUS)), path.read_bytes(),
                          headers={"Content-Type": "application/atom+xml", "Content-Encoding": coding}))
    http = CORPUS / "historical" / "at-0d0c0d7f-parent" / "tests" / "http"
    for path in sorted(http.glob("*.xml")):
        sample = Sample(str(path.relative_to(CORPUS)), path.read_bytes())
        for line in re.findall(r"^Header:\s*(.*)$", path.read_text(), re.M):
            name, _, value = line.partition(":")
            name, value = name.strip(), value.strip()
            if name == "Status":
                sample.status = int(value)
            elif name == "Location":  # the old harness's host: point it at ours
                local = value.replace(HISTORICAL_HOST + "tests/http/", "/corpus/" + str(path.parent.relative_to(CORPUS))
                                      + "/")
                sample.headers[name] = local.replace(HISTORICAL_HOST + "-/return-304.xml", "/corpus/-/return-304")
            else:
                sample.headers[name] = value
        out.append(sample)
    return out


def _route(sample: Sample) -> Reply:
    body = sample.body if sample.status == 200 else b""
    if sample.status in (301, 302, 303, 307) or sample.status >= 400:
        body = sample.body if sample.status >= 400 else b""
    return Reply(sample.status, body, sample.headers)


def reference(sample: Sample) -> dict | None:
    """What feedparser itself makes of the bytes, with the headers marketwatch passes it."""
    import feedparser

    passed = {k.lower(): v for k, v in sample.headers.items()
              if k.lower() in ("content-type", "content-location", "content-language")}
    try:
        return feedparser.parse(sample.body, response_headers=passed, sanitize_html=False, resolve_relative_uris=False)
    except Exception:  # feedparser raises on a few hostile samples; marketwatch must report, not crash
        return None


def _write_config(directory: Path, urls: list[str]) -> Path:
    feeds = "".join(f'[[feeds]]\nurl = "{u}"\n\n' for u in urls)
    path = directory / "config.toml"
    settings = '[settings]\ndb = "corpus.db"\ntimeout = 20\nconcurrency = 48\nper_host = 48\n\n'
    path.write_text(settings + feeds + COMPANIES, encoding="utf-8")
    return path


def test_every_corpus_sample_refreshes_in_one_run(server, tmp_path):
    samples = load_samples() + historical_samples()
    assert len(samples) >= 2_100
    for sample in samples:
        server.routes[sample.path] = _route(sample)
    server.routes["/corpus/-/return-304"] = Reply(304)
    urls = [server.url(s.path) for s in samples]
    assert len(set(urls)) == len(urls)  # a config lists each feed once
    config = _write_config(tmp_path, urls)

    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "marketwatch", "refresh", "--config", str(config), "--json"],
                         capture_output=True, text=True, timeout=180, cwd=tmp_path)
    elapsed = time.monotonic() - started
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.returncode in (0, 1), run.stderr[-3000:]
    report = json.loads(run.stdout)
    assert elapsed < 120
    outcomes = {f["url"]: f for f in report["feeds"]}
    assert set(outcomes) == set(urls)
    assert all(f["status"] in ("ok", "error", "not-modified") for f in outcomes.values())
    assert all(f["error"] is None or "\n" not in f["error"] for f in outcomes.values())

    db = sqlite3.connect(tmp_path / "corpus.db")
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    feeds = {url: (fid, title, status, error) for fid, url, title, status, error
             in db.execute("select id, url, title, status, error from feeds")}
    assert set(feeds) == set(urls)
    assert all(status is not None for _, _, status, _ in feeds.values())  # every feed has its outcome stored
    stored: dict[int, dict[str, str]] = defaultdict(dict)
    carriers: dict[str, int] = defaultdict(int)
    for fid, sid, title in db.execute("select sf.feed_id, s.id, s.title from story_feeds sf "
                                      "join stories s on s.id = sf.story_id"):
        stored[fid][sid] = title
        carriers[sid] += 1

    from marketwatch.parse import story_id
    from marketwatch.text import clean_summary, clean_title
    from marketwatch.urls import safe_link

    problems: list[str] = []
    checked_titles = checked_entries = 0
    for sample, url in zip(samples, urls, strict=True):
        if sample.status != 200 or not re.search(_TITLE_EXPECT.pattern + "|" + _ENTRIES_EXPECT.pattern, sample.expect):
            continue
        ref = reference(sample)
        fid, title, status, error = feeds[url]
        if ref is None:
            if status != "error":
                problems.append(f"{sample.name}: feedparser raises, marketwatch says {status}")
            continue
        is_feed = bool(ref.entries or ref.get("version"))
        if _TITLE_EXPECT.search(sample.expect) and is_feed:
            want = clean_title(ref.feed.get("title")) or None
            if want:
                checked_titles += 1
                if title != want:
                    problems.append(f"{sample.name}: feed title {title!r}, feedparser has {want!r} ({error})")
        if _ENTRIES_EXPECT.search(sample.expect) and is_feed:
            want_ids: dict[str, str] = {}
            for raw in ref.entries:
                entry_title = clean_title(raw.get("title"))
                summary = clean_summary(raw.get("summary") or next(
                    (c.get("value") for c in raw.get("content") or () if c.get("value")), ""))
                if not entry_title and not summary:
                    continue
                guid = (raw.get("id") or "").strip() or None
                label = entry_title or summary[:120]
                sid = story_id(url, guid and clean_title(guid), safe_link(raw.get("link")), label)
                want_ids.setdefault(sid, label)
            if want_ids:
                checked_entries += 1
            got = stored.get(fid, {})
            if set(got) != set(want_ids):
                problems.append(f"{sample.name}: stored {sorted(got.values())!r}, "
                                f"feedparser has {sorted(want_ids.values())!r} ({status}: {error})")
            else:
                for sid, want in want_ids.items():
                    if carriers[sid] == 1 and got[sid] != want:
                        problems.append(f"{sample.name}: entry title {got[sid]!r}, feedparser has {want!r}")
    assert checked_titles > 300 and checked_entries > 400
    assert not problems, f"{len(problems)} samples differ:\n" + "\n".join(problems[:40])

    historical = [(s.name.rsplit("/", 1)[-1], u) for s, u in zip(samples, urls, strict=True) if "historical" in s.name]
    hist = {name: outcomes[u] for name, u in historical}
    titles = {name: feeds[u][1] for name, u in historical}
    for name in ("gzip.gz", "deflate.z", "deflate-no-headers.z", "http_status_301.xml", "http_status_302.xml",
                 "http_status_303.xml", "http_status_307.xml", "target.xml"):
        assert hist[name]["status"] == "ok", (name, hist[name])
    assert titles["gzip-not-compressed.gz"] == "gzip"  # labelled gzip, sent plain: taken as it is
    assert titles["deflate-not-compressed.z"] == "deflate"
    assert hist["http_status_404.xml"]["error"] == "HTTP 404 Not Found"
    assert hist["http_status_302-no-location.xml"]["status"] == "error"
    assert hist["http_redirect_to_304.xml"]["status"] == "not-modified"
