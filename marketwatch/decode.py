"""Content-Encoding for feed bodies, decompressed under a cap.

httpx's own decoder inflates each network chunk in full (a 64 KB chunk of a gzip bomb is 64 MB);
this one never produces more than the cap allows. It is lenient where feed readers always were:
"deflate" may be zlib-wrapped, gzip or raw; a body labelled compressed that is not (it fails on
its first bytes) is taken as it is, unless it begins as gzip or zlib data do: then it is damaged,
and said to be (taken as a plain body, it was reported as "not well-formed XML"). A stream that
is truncated, has a bad checksum or is followed by junk yields what inflated before the fault.
Other encodings are refused: we only ask for gzip and deflate.
"""

from __future__ import annotations

import zlib

_GZIP = zlib.MAX_WBITS | 32  # gzip or zlib header, detected
_DEFLATE = [_GZIP, -zlib.MAX_WBITS]  # zlib-wrapped (or gzip, mislabelled), then raw


class TooLarge(Exception):
    """The body, on the wire or inflated, passed the cap."""


class BadEncoding(Exception):
    """A body we cannot decode; the message is the one line to report."""


class Decoder:
    """Feed it the raw body chunk by chunk; `finish()` gives at most `limit` decoded bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        codings = [c.strip().lower() for c in encoding.split(",")]
        codings = [c for c in codings if c not in ("", "identity")]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            printable = "".join(c if c.isprintable() else "?" for c in encoding)
            raise BadEncoding(f"unsupported content encoding: {printable[:40]}")
        self.limit = limit
        self.out = bytearray()
        self._modes = ([_GZIP] if codings[0] != "deflate" else list(_DEFLATE)) if codings else []
        self._zlib = zlib.decompressobj(self._modes[0]) if codings else None
        self._head = bytearray()  # every raw byte until something inflates, for the fallbacks
        self._started = False  # something inflated: no more fallbacks
        self._done = False  # a fault after some output: the rest is ignored

    def feed(self, data: bytes) -> None:
        if self._done:
            return
        if self._zlib is None:
            self._append(data)
            return
        if not self._started:
            self._head += data
        backup, mark, started = self._zlib.copy(), len(self.out), self._started
        try:
            self._inflate(data)
        except zlib.error:
            self._zlib, self._started = backup, started
            del self.out[mark:]
            self._salvage(data)

    def finish(self) -> bytes:
        if self._zlib is not None and not self._done:
            tail = self._zlib.flush()  # a truncated stream: what it held
            self._started = self._started or bool(tail)
            self._append(tail)
            if not self._started:  # too short or too odd to be compressed: the body as it is
                _refuse_damaged(self._head)
                return bytes(self._head)
        return bytes(self.out)

    def _inflate(self, data: bytes) -> None:
        while data:
            chunk = self._zlib.decompress(data, self.limit - len(self.out) + 1)
            if chunk:
                self._started = True
                self._append(chunk)
            if self._zlib.eof:  # a gzip body may hold several members, one after another
                self._started = True
                data = self._zlib.unused_data
                self._zlib = zlib.decompressobj(self._modes[0])
            elif self._zlib.unconsumed_tail and (chunk or len(self._zlib.unconsumed_tail) < len(data)):
                data = self._zlib.unconsumed_tail
            else:
                break

    def _salvage(self, data: bytes) -> None:
        """A fault in this chunk: replay it a byte at a time to keep what inflated before it."""
        try:
            for i in range(len(data)):
                self._inflate(data[i:i + 1])
        except zlib.error:
            pass
        if self._started:
            self._done = True
        else:
            self._fall_back()

    def _fall_back(self) -> None:
        """Nothing inflated from the first bytes: try the next mode, then take the body as it is."""
        self._modes.pop(0)
        head, self._head = bytes(self._head), bytearray()
        self.out.clear()
        if self._modes:
            self._zlib = zlib.decompressobj(self._modes[0])
            self.feed(head)
        else:
            _refuse_damaged(head)
            self._zlib = None
            self._append(head)

    def _append(self, data: bytes) -> None:
        if len(self.out) + len(data) > self.limit:
            raise TooLarge
        self.out += data


def _refuse_damaged(head: bytes) -> None:
    """A body that inflated to nothing but begins as compressed data does (gzip's magic bytes,
    or a zlib header) is not a plain body mislabelled: it is damaged or cut short."""
    if head.startswith(b"\x1f\x8b"):
        raise BadEncoding("the gzip-compressed body could not be decompressed (damaged or cut short)")
    if len(head) >= 2 and head[0] == 0x78 and head[1] in (0x01, 0x5E, 0x9C, 0xDA):
        raise BadEncoding("the deflate-compressed body could not be decompressed (damaged or cut short)")
