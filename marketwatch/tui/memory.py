"""The dashboard process's garbage collection."""

from __future__ import annotations

import gc

_gc_frozen = False


def freeze_gc() -> None:
    """Textual makes many short-lived objects, so Python's cyclic garbage collector runs often,
    and a full collection walks every object the process holds (modules, widgets, caches): ~25 ms
    every few keys, a visible hitch. What exists once the first panes are drawn lives as long as
    the app, so it is frozen out of the collections, which then walk only newer objects. Once per
    process: the tests run many apps in one.

    Collections of the youngest objects run ten times less often (every frame drawn makes
    thousands of objects, most freed at once; the alliance filter took 100 ms instead of 75 with
    the default). The older generations keep their thresholds: raising those ten times as well
    kept the resident set growing for as long as keys were pressed, in an app meant to stay open
    all day. As it is, 5,000 keys in the demo took it from 58 MB to a plateau of 97 MB, reached
    after about 3,000."""
    global _gc_frozen
    if not _gc_frozen:
        _gc_frozen = True
        gc.freeze()
        young, middle, old = gc.get_threshold()
        gc.set_threshold(young * 10, middle, old)
