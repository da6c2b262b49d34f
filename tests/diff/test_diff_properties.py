"""Laws of the diff: a sysplex compared with itself is no change (every
example and every corpus file, each read as a one-system sysplex, loaded
twice so that nothing rests on object identity); swapping the sides swaps
additions and removals, new and fixed findings, dark and restored services."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from zparse.review import SysplexDiff, diff
from zparse.sysplex import load_sysplex

from .conftest import REPO

EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if (p / "zlint.toml").is_file())
CORPUS = REPO.parent / "shared" / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []


def _as_sysplex(tmp: Path, files: list[Path]) -> Path:
    """A discovered sysplex, one system per corpus file (SYSn/PROFILE.TCPIP or SYSn/IZUPRM00)."""
    for i, f in enumerate(files, 1):
        name = "IZUPRM00" if f.parent.name == "izuprm" else "PROFILE.TCPIP"
        (tmp / f"SYS{i}").mkdir(parents=True)
        shutil.copyfile(f, tmp / f"SYS{i}" / name)
    return tmp


def _swapped_matches(fwd: SysplexDiff, back: SysplexDiff) -> None:
    swap = {"added": "removed", "removed": "added", "changed": "changed"}
    assert sorted((c.system or "", c.kind, c.key, swap[c.change]) for c in fwd.changes) == \
        sorted((c.system or "", c.kind, c.key, c.change) for c in back.changes)
    assert {(f.code, f.system, f.fingerprint) for f in fwd.findings.new} == \
        {(f.code, f.system, f.fingerprint) for f in back.findings.fixed}
    status = {"dark": "restored", "restored": "dark", "added": "removed", "removed": "added"}
    assert {(s.lost, s.service, status.get(s.status, s.status)) for c in fwd.failover for s in c.changed} == \
        {(s.lost, s.service, s.status) for c in back.failover for s in c.changed}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_against_itself_is_empty(example: Path) -> None:
    d = diff(load_sysplex(example), load_sysplex(example))
    assert d.empty, (d.changes, d.findings.new, d.findings.fixed)
    if example.name.endswith("broken"):
        assert d.findings.unchanged  # its findings are matched, not new and fixed


@pytest.mark.skipif(not CORPUS_FILES, reason="the shared corpus is not next to this checkout")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_file_against_itself_is_empty(path: Path, tmp_path: Path) -> None:
    root = _as_sysplex(tmp_path, [path])
    d = diff(load_sysplex(root), load_sysplex(root))
    assert d.empty, (d.changes, d.findings.new, d.findings.fixed)


def test_whole_corpus_as_one_sysplex_against_itself_is_empty(tmp_path: Path) -> None:
    if not CORPUS_FILES:
        pytest.skip("the shared corpus is not next to this checkout")
    root = _as_sysplex(tmp_path, CORPUS_FILES)
    d = diff(load_sysplex(root), load_sysplex(root))
    assert d.empty


def test_examples_swapped() -> None:
    good, broken = (load_sysplex(REPO / "examples" / n) for n in ("zosmf-ha", "zosmf-ha-broken"))
    fwd, back = diff(good, broken), diff(broken, good)
    assert not fwd.empty
    _swapped_matches(fwd, back)


@pytest.mark.skipif(len(CORPUS_FILES) < 2, reason="the shared corpus is not next to this checkout")
def test_corpus_neighbours_swapped(tmp_path: Path) -> None:
    """Each corpus profile replaced by the next one, on SYS1: both directions agree."""
    profiles = [p for p in CORPUS_FILES if p.parent.name == "tcpip"]
    for i, (a, b) in enumerate(itertools.pairwise(profiles)):
        ra, rb = _as_sysplex(tmp_path / f"a{i}", [a]), _as_sysplex(tmp_path / f"b{i}", [b])
        sa, sb = load_sysplex(ra), load_sysplex(rb)
        _swapped_matches(diff(sa, sb), diff(sb, sa))


def test_zparse_diff_is_callable_whatever_was_imported() -> None:
    """The package is ``zparse.review``: importing it never hides the function ``zparse.diff``."""
    import zparse
    import zparse.review.sources

    sysplex = load_sysplex(REPO / "examples" / "zosmf-ha")
    assert zparse.diff(sysplex, sysplex).empty
