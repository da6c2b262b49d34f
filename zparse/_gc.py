"""Keep the cyclic garbage collector out of parsing.

A parse allocates hundreds of thousands of small objects that live as long
as its result. With the collector running, each survivor is traversed again
and again as it ages through the generations, and these passes never free
anything: reference counting already frees parse garbage at once (the trees
hold no cycles). So the collector is paused while a parse builds, and what
the parse built is then put straight into the oldest generation, where only
a full collection looks at it, as it would at any long-lived data.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the collector; on exit, promote what was allocated meanwhile.

    The promotion (``gc.freeze()`` then ``gc.unfreeze()``) moves every young
    object, the caller's included, into the oldest generation; it frees and
    leaks nothing. It is skipped when the process has frozen objects of its
    own (``gc.get_freeze_count()``), which unfreezing would release.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
