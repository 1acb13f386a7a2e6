"""Bodies as servers send them: compressed, mislabelled, damaged, or built to explode."""

from __future__ import annotations

import gzip
import zlib

import pytest
from conftest import SHARED

from marketwatch.decode import BadEncoding, Decoder, TooLarge

ATOM = b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>\n'


def decode(data: bytes, coding: str, step: int = 7, limit: int = 10_000) -> bytes:
    decoder = Decoder(coding, limit)
    for i in range(0, len(data), step):  # in small pieces, as a slow network delivers them
        decoder.feed(data[i:i + step])
    return decoder.finish()


@pytest.mark.parametrize("step", [1, 7, 1000])
def test_gzip_zlib_and_raw_deflate(step):
    raw = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    assert decode(gzip.compress(ATOM), "gzip", step) == ATOM
    assert decode(gzip.compress(ATOM), "x-gzip", step) == ATOM
    assert decode(zlib.compress(ATOM), "deflate", step) == ATOM
    assert decode(raw.compress(ATOM) + raw.flush(), "deflate", step) == ATOM
    assert decode(ATOM, "", step) == ATOM
    assert decode(ATOM, "identity", step) == ATOM


@pytest.mark.parametrize("step", [1, 7, 1000])
def test_mislabelled_truncated_and_damaged_bodies_keep_what_they_hold(step):
    assert decode(ATOM, "gzip", step) == ATOM  # labelled gzip, sent plain
    assert decode(ATOM, "deflate", step) == ATOM
    assert decode(gzip.compress(ATOM), "deflate", step) == ATOM  # gzip labelled deflate
    packed = gzip.compress(ATOM * 50)
    assert (ATOM * 50).startswith(decode(packed[: len(packed) // 2], "gzip", step))
    assert decode(packed[:-8] + b"\0" * 8, "gzip", step) == ATOM * 50  # a bad checksum
    assert decode(packed + b"junk after the stream", "gzip", step) == ATOM * 50
    assert decode(gzip.compress(ATOM) + gzip.compress(ATOM), "gzip", step) == ATOM * 2  # two members


@pytest.mark.parametrize("step", [1, 7, 1000])
def test_a_compressed_body_that_inflates_to_nothing_is_said_to_be_damaged(step):
    """Taken as a plain body mislabelled, a damaged gzip body was reported as "not well-formed XML"."""
    packed, zipped = gzip.compress(ATOM * 50), zlib.compress(ATOM * 50)
    for body, coding, name in [(packed[:10] + bytes(range(256)) * 2, "gzip", "gzip"),  # its data garbled
                               (packed[:12] + bytes([packed[12] ^ 0xFF]) + packed[13:], "gzip", "gzip"),
                               (packed[:8], "gzip", "gzip"),  # cut short in its header
                               (packed[:20] + b"\xff" * 64, "deflate", "gzip"),
                               (zipped[:2] + b"\xff" * 64, "deflate", "deflate")]:
        with pytest.raises(BadEncoding) as info:
            decode(body, coding, step)
        assert str(info.value) == f"the {name}-compressed body could not be decompressed (damaged or cut short)"


def test_a_gzip_bomb_stops_at_the_cap_without_inflating_it():
    bomb = gzip.compress(b"\0" * 50_000_000)  # ~50 KB that inflates to 50 MB
    with pytest.raises(TooLarge):
        decode(bomb, "gzip", step=65_536, limit=1_000_000)


def test_the_cap_counts_decoded_bytes():
    assert decode(gzip.compress(b"x" * 1000), "gzip", limit=1000) == b"x" * 1000
    with pytest.raises(TooLarge):
        decode(gzip.compress(b"x" * 1001), "gzip", limit=1000)
    with pytest.raises(TooLarge):
        decode(b"x" * 1001, "", limit=1000)


def test_encodings_we_never_asked_for_are_refused():
    for coding in ("br", "gzip, gzip", "zstd", "compress\x1b[31m"):
        with pytest.raises(BadEncoding) as info:
            Decoder(coding, 1000)
        assert "\x1b" not in str(info.value)


def test_feedparsers_historical_compression_samples():
    folder = SHARED / "corpora" / "feedparser" / "historical" / "at-02b79cd7-parent" / "tests" / "compression"
    if not folder.is_dir():
        pytest.skip("../shared/corpora/feedparser is absent")
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>\n'
    def sample(name: str, coding: str, step: int) -> bytes:
        return decode((folder / name).read_bytes(), coding, step)

    for step in (1, 7, 1000):
        assert sample("gzip.gz", "gzip", step) == atom
        assert sample("deflate.z", "deflate", step) == atom
        assert sample("deflate-no-headers.z", "deflate", step) == atom
        assert sample("gzip-not-compressed.gz", "gzip", step) == b"<feed><title>gzip</title></feed>"
        assert sample("deflate-not-compressed.z", "deflate", step) == b"<feed><title>deflate</title></feed>\n"
        assert sample("gzip-struct-error.gz", "gzip", step).startswith(b"<feed")
