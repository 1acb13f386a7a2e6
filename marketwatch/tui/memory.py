"""The dashboard process's garbage collection."""

from __future__ import annotations

import gc

_gc_frozen = False
YOUNG_FACTOR = 10  # the thresholds of a collection of the youngest objects,
OLD_FACTOR = 10  # and of a full one, times these


def freeze_gc() -> None:
    """Textual makes many short-lived objects, so Python's cyclic garbage collector runs often,
    and a full collection walks every object the process holds (modules, widgets, caches): ~25 ms
    every few keys, a visible hitch. What exists once the first panes are drawn lives as long as
    the app, so it is frozen out of the collections, which then walk only newer objects. Once per
    process: the tests run many apps in one."""
    global _gc_frozen
    if not _gc_frozen:
        _gc_frozen = True
        gc.freeze()
        # And fewer collections: every frame drawn makes thousands of objects, most freed at once.
        young, middle, old = gc.get_threshold()
        gc.set_threshold(young * YOUNG_FACTOR, middle, old * OLD_FACTOR)
