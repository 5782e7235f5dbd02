"""Ingest: paths, folders, globs and stdin → ``RawDocument``s.

Formats: scraped text (.txt, .md), HTML (.html, .htm), JSON Lines (.jsonl,
.ndjson), WARC (.warc, .warc.gz) and RSS/Atom (.xml, .rss, .atom). A bad file
or record becomes a ``Rejected`` value naming the file, the line where there
is one, and the reason; the rest of the batch goes on.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import sys
import time
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from ..config import Settings
from ..models import GivenMeta, Notice, RawDocument, Rejected

Item = RawDocument | Rejected | Notice

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".warc.gz", ".arc", ".arc.gz"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES | FEED_SUFFIXES
STDIN = "-"


def suffix_of(path: str) -> str:
    name = os.path.basename(path).lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return os.path.splitext(name)[1]


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | Rejected]:
    """Files as given, folders walked recursively (known formats only), globs expanded."""
    for given in inputs:
        if given == STDIN:
            yield STDIN
        elif os.path.isdir(given):
            yield from _walk_folder(given)
        elif os.path.exists(given):
            yield given
        elif any(ch in given for ch in "*?["):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield Rejected(given, "no file matches this pattern")
            for match in matches:
                yield from (_walk_folder(match) if os.path.isdir(match) else [match])
        else:
            yield Rejected(given, "no such file or folder")


def _walk_folder(folder: str) -> Iterator[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(root, f) for f in files
                  if not f.startswith(".") and suffix_of(f) in KNOWN_SUFFIXES]
    yield from sorted(found)


def read_inputs(inputs: Iterable[str], settings: Settings) -> Iterator[Item]:
    for path in expand_inputs(inputs):
        if isinstance(path, Rejected):
            yield path
        else:
            yield from read_path(path, settings)


def read_path(path: str, settings: Settings) -> Iterator[Item]:
    if path == STDIN:
        yield from _read_stdin(settings)
        return
    kind = suffix_of(path)
    if kind not in KNOWN_SUFFIXES:
        yield Rejected(path, f"unsupported format {kind or '(no suffix)'!r}; "
                             f"known: {', '.join(sorted(KNOWN_SUFFIXES))}")
        return
    try:
        if kind in JSONL_SUFFIXES:
            with open(path, "rb") as fh:
                yield from read_jsonl(fh, path, settings)
        elif kind in WARC_SUFFIXES:
            with open(path, "rb") as fh:
                yield from read_warc(fh, path, settings)
        else:
            size = os.stat(path).st_size
            if size > settings.max_article_chars:
                yield _too_large(path, size, settings)
                return
            data = Path(path).read_bytes()
            if kind in FEED_SUFFIXES:
                yield from read_feed(data, path, settings)
            else:
                yield from read_single(data, path, "html" if kind in HTML_SUFFIXES else "text")
    except FileNotFoundError:
        yield Rejected(path, "file disappeared before it could be read")
    except IsADirectoryError:
        yield Rejected(path, "is a folder, not a file")
    except PermissionError:
        yield Rejected(path, "permission denied")
    except OSError as exc:
        yield Rejected(path, f"cannot read file ({exc.strerror or exc})")


def _too_large(source: str, size: int, settings: Settings, line: int | None = None) -> Rejected:
    return Rejected(source, f"too large for one article: {size / 1048576:.1f} MB, over the "
                            f"{settings.ingest_max_article_mb:g} MB limit (setting ingest.max_article_mb)",
                    line=line)


def decode(data: bytes, source: str, line: int | None = None) -> tuple[str, str] | Rejected:
    """Bytes → (text, encoding). UTF-8 first; legacy encodings via charset-normalizer."""
    if not data.strip():
        return Rejected(source, "empty file" if line is None else "empty record", line=line)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return Rejected(source, "broken UTF-16 text", line=line)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        return Rejected(source, "binary file, not text", line=line)
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding in ("utf_8", "utf_8_sig"):
        return Rejected(source, "invalid UTF-8, and no legacy encoding fits", line=line)
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return Rejected(source, f"invalid UTF-8, and not valid {best.encoding} either", line=line)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def read_single(data: bytes, source: str, fmt: str) -> Iterator[Item]:
    decoded = decode(data, source)
    if isinstance(decoded, Rejected):
        yield decoded
        return
    text, encoding = decoded
    if encoding not in ("utf-8", "utf-16"):
        yield Notice(source, f"not UTF-8; decoded as {encoding} (charset-normalizer)")
    if not text.strip():
        yield Rejected(source, "no text after decoding")
        return
    yield RawDocument(source=source, raw=text, format=fmt, encoding=encoding)  # type: ignore[arg-type]


# --- JSON Lines -------------------------------------------------------------

def read_jsonl(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Item]:
    seen_any = False
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        seen_any = True
        if len(line) > settings.max_article_chars:
            yield _too_large(source, len(line), settings, line=number)
            continue
        yield _jsonl_record(line, source, number)
    if not seen_any:
        yield Rejected(source, "empty file")


def _jsonl_record(line: bytes, source: str, number: int) -> Item:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return Rejected(source, "invalid UTF-8 in this line", line=number)
    except json.JSONDecodeError as exc:
        return Rejected(source, f"invalid JSON ({exc.msg} at column {exc.colno})", line=number)
    if not isinstance(record, dict):
        return Rejected(source, "a line must hold one JSON object", line=number)
    body, fmt = record.get("text"), "text"
    if not (isinstance(body, str) and body.strip()):
        body, fmt = record.get("html"), "html"
    if not (isinstance(body, str) and body.strip()):
        return Rejected(source, 'no "text" or "html" field with content', line=number)
    authors = record.get("authors") or ()
    if isinstance(authors, str):
        authors = (authors,)
    given = GivenMeta(
        external_id=_str_or_none(record.get("id")),
        url=_str_or_none(record.get("url")),
        outlet=_str_or_none(record.get("outlet")),
        published=_str_or_none(record.get("published")),
        title=_str_or_none(record.get("title")),
        authors=tuple(str(a) for a in authors if a),
    )
    return RawDocument(source=f"{source}#{number}", raw=body, format=fmt, given=given)  # type: ignore[arg-type]


def _str_or_none(value: object) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


# --- WARC --------------------------------------------------------------------

def read_warc(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    # warcio stops quietly at a truncated gzip member, so check the gzip stream first.
    damage, count = _gzip_damage(stream), 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or not _is_html(record):
                continue
            payload = record.content_stream().read(settings.max_article_chars + 1)
            name = f"{source}#{count + 1}"
            if len(payload) > settings.max_article_chars:
                count += 1
                yield _too_large(name, len(payload), settings)
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                damage = damage or "the last record is cut short"
                break
            count += 1
            decoded = decode(payload, name)
            if isinstance(decoded, Rejected):
                yield decoded
                continue
            given = GivenMeta(url=record.rec_headers.get_header("WARC-Target-URI"),
                              fetched=record.rec_headers.get_header("WARC-Date"))
            yield RawDocument(source=name, raw=decoded[0], format="html", given=given, encoding=decoded[1])
    except Exception as exc:  # warcio and zlib raise many kinds on damaged archives
        damage = f"{type(exc).__name__}: {exc}"
    if damage:
        yield Rejected(source, f"truncated or corrupt WARC after {count} HTML records ({damage})")
    elif count == 0:
        yield Rejected(source, "no HTML responses in this WARC file")


def _is_html(record) -> bool:
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
    return "html" in (content_type or "").lower()


def _gzip_damage(stream: BinaryIO) -> str | None:
    """Read a gzip stream to its end once; the reason if it is cut short or corrupt. Rewinds."""
    start = stream.tell()
    magic = stream.read(2)
    stream.seek(start)
    if magic != b"\x1f\x8b":
        return None
    try:
        with gzip.GzipFile(fileobj=stream) as unzipped:
            while unzipped.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as exc:
        return f"gzip: {exc}"
    finally:
        stream.seek(start)
    return None


# --- RSS / Atom --------------------------------------------------------------

def read_feed(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    import feedparser

    if not data.strip():
        yield Rejected(source, "empty file")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        yield Rejected(source, "not an RSS/Atom feed with items" + (f" ({reason})" if reason else ""))
        return
    outlet = _str_or_none(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        name = f"{source}#{number}"
        content = entry.get("content")
        body = content[0].get("value") if content else entry.get("summary")
        if not body or not body.strip():
            yield Rejected(name, "feed item has no content")
            continue
        if len(body) > settings.max_article_chars:
            yield _too_large(name, len(body), settings)
            continue
        given = GivenMeta(
            external_id=_str_or_none(entry.get("id")),
            url=_str_or_none(entry.get("link")),
            outlet=outlet,
            published=_feed_date(entry),
            title=_str_or_none(entry.get("title")),
            authors=tuple(a.get("name") for a in entry.get("authors", []) if a.get("name")),
        )
        yield RawDocument(source=name, raw=body, format="html", given=given)


def _feed_date(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


# --- stdin -------------------------------------------------------------------

def _read_stdin(settings: Settings) -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:512].lower()
    if head.startswith(b"{"):
        yield from read_jsonl(io.BytesIO(data), STDIN, settings)
    elif head.startswith(b"warc/") or data.startswith(b"\x1f\x8b"):
        yield from read_warc(io.BytesIO(data), STDIN, settings)
    elif b"<rss" in head or b"<feed" in head:
        yield from read_feed(data, STDIN, settings)
    elif len(data) > settings.max_article_chars:
        yield _too_large(STDIN, len(data), settings)
    else:
        yield from read_single(data, STDIN, "html" if head.startswith(b"<") else "text")
