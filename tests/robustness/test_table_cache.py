"""Issue 13 item 1: the LALR table cache can never run code, and a cache that
someone else could have written is never loaded.

Each case plants a file where a zlint process looks (or used to look) for its
tables, then builds the tables in a fresh process. The planted pickle would
create a marker file when unpickled; the planted JSON carries the right key
with a poisoned table. Neither may be used: no marker, the real table."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

BUILD = """
import json, sys
from zparse.syntax.grammar import compiled_tables
table, bounds = compiled_tables("izuprm.lark", ("statement",))
# state numbers change from one Lark build to the next (set order); the shape does not
print(json.dumps({"starts": sorted(bounds), "states": len(table), "cells": sum(map(len, table.values()))}))
"""

KEY = """
from zparse.syntax import grammar as g
print(f"{g._full_text('izuprm.lark')}|{g.lark_version()}|{('statement',)}|{g._TABLE_FORMAT}", end="")
"""


class _Plant:
    """Unpickling this runs ``open(marker, "w")``: what an attacker's file would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def _run(code: str, env: dict[str, str]) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    tmpdir = tmp_path / "shared-tmp"
    tmpdir.mkdir()
    return {**os.environ, "TMPDIR": str(tmpdir), "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "PYTHONDONTWRITEBYTECODE": "1"}


def _poisoned(key: str) -> str:
    return json.dumps({"key": key, "states": [[0, {}]], "rules": [], "bounds": {"statement": [0, 0]}})


def _plant_pickle(env: dict[str, str], marker: Path, key: str) -> None:
    """A hostile pickle under the name the old cache used in the shared temp folder."""
    name = f".zparse_lalr_izuprm.lark_{zlib.crc32(key.encode()):08x}_{os.getuid()}.pickle"
    (Path(env["TMPDIR"]) / name).write_bytes(pickle.dumps((key, _Plant(marker))))


# (case, how the cache folder / file is made hostile)
CASES = ["pickle-in-shared-tmp", "world-writable-folder", "group-writable-file", "symlinked-file",
         "foreign-owner", "corrupt-json", "stale-key", "wrong-types"]


@pytest.mark.parametrize("case", CASES)
def test_a_planted_cache_is_never_loaded(case: str, env: dict[str, str], tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    key = _run(KEY, env)
    real = json.loads(_run(BUILD, {**env, "XDG_CACHE_HOME": str(tmp_path / "clean")}))
    folder = Path(env["XDG_CACHE_HOME"]) / "zparse"
    folder.mkdir(parents=True, mode=0o700)
    cache = folder / f"lalr_izuprm.lark_{zlib.crc32(key.encode()):08x}.json"
    if case == "pickle-in-shared-tmp":
        _plant_pickle(env, marker, key)
        cache.write_bytes(pickle.dumps((key, _Plant(marker))))
    elif case == "world-writable-folder":
        cache.write_text(_poisoned(key))
        folder.chmod(0o777)
    elif case == "group-writable-file":
        cache.write_text(_poisoned(key))
        cache.chmod(0o664)
    elif case == "symlinked-file":
        elsewhere = tmp_path / "elsewhere.json"
        elsewhere.write_text(_poisoned(key))
        cache.symlink_to(elsewhere)
    elif case == "foreign-owner":
        if os.geteuid() != 0:
            pytest.skip("giving a file to another user needs root")
        cache.write_text(_poisoned(key))
        os.chown(cache, 65534, 65534)
    elif case == "corrupt-json":
        cache.write_bytes(b"\x80\x04not json at all")
    elif case == "stale-key":
        cache.write_text(_poisoned("another grammar"))
    elif case == "wrong-types":
        cache.write_text(json.dumps({"key": key, "states": [["0", {"A": "x"}]], "rules": [[1, [1, 2, 3], None]],
                                     "bounds": {"statement": [0, 0]}}))
    got = json.loads(_run(BUILD, env))
    assert not marker.exists(), "a planted pickle was unpickled"
    assert got == real
    mode = folder.stat().st_mode & 0o777
    if case in ("corrupt-json", "stale-key", "wrong-types"):  # a sound folder: the cache is rewritten
        assert json.loads(cache.read_text())["key"] == key
    if case == "world-writable-folder":
        assert mode == 0o777 and json.loads(cache.read_text())["states"] == [[0, {}]]  # left alone, not used


def test_the_cache_folder_is_created_private(env: dict[str, str]) -> None:
    _run(BUILD, env)
    folder = Path(env["XDG_CACHE_HOME"]) / "zparse"
    assert folder.stat().st_mode & 0o777 == 0o700
    [cache] = folder.glob("lalr_izuprm.lark_*.json")
    assert json.loads(cache.read_text())["key"].endswith("|4")
    assert not list(Path(env["TMPDIR"]).iterdir()), "nothing is written to the shared temp folder"
