"""Keep the cyclic garbage collector out of parsing.

A parse of a large file allocates hundreds of thousands of small objects
that live as long as its result. With the collector running, each survivor is traversed again
and again as it ages through the generations, and these passes never free
anything: reference counting already frees parse garbage at once (the trees
hold no cycles). So the collector is paused while a parse builds, and what
a bulk build made is then put straight into the oldest generation, where only
a full collection looks at it, as it would at any long-lived data.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["PROMOTE_AFTER", "gc_paused"]

# Young objects (counted by the collector even while it is paused) above which
# a build counts as bulk: a 1,500-line profile leaves about 18,000, the few
# statements the language server reparses per keystroke a few hundred.
PROMOTE_AFTER = 10_000


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the collector; on exit, promote what was allocated meanwhile.

    The promotion (``gc.freeze()`` then ``gc.unfreeze()``) moves every young
    object, the caller's included, into the oldest generation; it frees and
    leaks nothing. It is done only after a bulk build (more than
    ``PROMOTE_AFTER`` new objects: a whole file, not the few statements the
    language server reparses per keystroke, whose young garbage the next young
    collection should still see), and never when the process has frozen
    objects of its own (``gc.get_freeze_count()``), which unfreezing would release.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if gc.get_count()[0] > PROMOTE_AFTER and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
