"""What a parse leaves behind for the garbage collector.

zparse pauses the cyclic collector while it builds and then moves what it
built straight into the oldest generation (zparse/_gc.py). That is only
sound if a parse's objects never form reference cycles: reference counting
must free a dropped result, tree and model, on its own. These tests hold
that law on every seed document and on a whole sysplex, and check that the
promotion leaves the caller's collector settings as it found them.

The cycle tests freeze the heap the test starts with (``gc.freeze()``), so
their ``gc.collect()`` looks at the objects made during the test only: the
parse's. A full collection of the whole test process (every module, every
earlier test's survivors) cost about 0.2 s a test and checked nothing more
about the parse.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import zparse
from fuzz.corpus_io import seed_documents
from fuzz.gen import realistic_izuprm, realistic_profile
from zparse._gc import PROMOTE_AFTER, gc_paused
from zparse.sysplex import load_sysplex

ROOT = Path(__file__).resolve().parents[2]

DOCUMENTS = [
    *((kind, name, text) for kind, name, text in seed_documents(regressions=True)),
    ("tcpip", "generated profile", realistic_profile(3, 2, lines=1500)),
    ("izuprm", "generated member", realistic_izuprm(3, 2)),
    ("tcpip", "broken profile", 'VIPADYNAMIC\n VIPADEFINE 1.2.3\nPORT 99999 XX "\n\x00\ud800 ;x\n'),
    ("izuprm", "broken member", "HOSTNAME(\nSESSION_EXPIRE(99999999999) ?\n"),
]


@pytest.fixture
def quiet_gc() -> Iterator[None]:
    """A clean slate: nothing unreachable before the test, the collector as found after."""
    was = gc.isenabled()
    gc.collect()
    yield
    if was:
        gc.enable()


@pytest.fixture
def only_new_objects() -> Iterator[None]:
    """Collections during the test see only the objects made during it."""
    assert gc.get_freeze_count() == 0, "something else froze the heap"
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(("kind", "text"), [pytest.param(k, t, id=n) for k, n, t in DOCUMENTS])
def test_a_dropped_parse_result_leaves_no_cycles(kind: str, text: str, only_new_objects: None) -> None:
    result = zparse.parse(text, kind)
    assert result.tree.render() == text
    del result
    assert gc.collect() == 0


@pytest.mark.parametrize("example", ["zosmf-ha", "zosmf-ha-broken"])
def test_a_dropped_sysplex_leaves_no_cycles(example: str, only_new_objects: None) -> None:
    sysplex = load_sysplex(ROOT / "examples" / example)
    assert sysplex.systems
    del sysplex
    assert gc.collect() == 0


def test_gc_paused_restores_the_collector_and_keeps_the_objects(quiet_gc: None) -> None:
    gc.enable()
    with gc_paused():
        assert not gc.isenabled()
        built = [[i] for i in range(PROMOTE_AFTER + 1000)]
    assert gc.isenabled()
    assert built[999] == [999]
    # Promoted: in the oldest generation, not traversed again by young collections.
    assert any(o is built for o in gc.get_objects(generation=2))


def test_gc_paused_leaves_a_small_build_young(quiet_gc: None) -> None:
    """A keystroke's reparse is no bulk build: its young objects (and the
    caller's young garbage) stay where the next young collection sees them."""
    gc.enable()
    with gc_paused():
        built = [[i] for i in range(100)]
    assert not any(o is built for o in gc.get_objects(generation=2))


def test_gc_paused_leaves_a_disabled_collector_disabled(quiet_gc: None) -> None:
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_gc_paused_never_unfreezes_the_callers_frozen_objects(quiet_gc: None) -> None:
    gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            _ = [[i] for i in range(100)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
