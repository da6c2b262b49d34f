"""The two sides of ``zlint diff``: folders, or git revisions read from git objects.

A side is a folder holding one sysplex (an inventory found in it or above
it, or system subfolders) or several (``zlint.toml`` files below it, each
one sysplex, matched between the sides by their path). A sysplex present
on one side only is compared with an empty one.

A git revision is read through the sysplex :class:`~zparse.sysplex.Loader`
and the inventory reader with a :class:`~zparse.review.gitsource.GitFiles`
source: the content comes from git objects (``git ls-tree``, ``git cat-file
--batch``), the paths are the work tree's, so both sides name the same
files. Nothing is checked out; the work tree and the index are never
touched.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from pathlib import Path

from ..sysplex import Loader, Sysplex, find_inventory, load_sysplex
from ..workspace.config import read_inventory
from .core import Linter, SysplexDiff, diff
from .gitsource import GitFiles, GitTree, git_toplevel

__all__ = ["compare_folders", "compare_git", "empty_sysplex", "git_sysplexes", "sysplexes_in"]

_SKIP = frozenset({"node_modules", "__pycache__", "venv", "site-packages", "build", "dist"})


def empty_sysplex(root: str, name: str = "") -> Sysplex:
    """A sysplex with no system: the side of a sysplex that does not exist yet (or any more)."""
    return Sysplex(name=name or os.path.basename(root), root=root, inventory=None, mode="discovered",
                   systems=())


def _inside(root: str, path: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in _SKIP


def sysplexes_in(folder: str, *, load: Callable[[str], Sysplex] = load_sysplex) -> dict[str, Sysplex]:
    """The sysplexes of a folder on disk, keyed by their folder relative to it (``.``).

    An inventory in ``folder`` or above it makes one sysplex; else each
    ``zlint.toml`` below it does; else ``folder`` is read as a folder of
    system subfolders. A missing folder has none."""
    top = os.path.abspath(folder)
    if not os.path.exists(top):
        return {}
    if os.path.isfile(top) or find_inventory(top) is not None:
        return {".": load(top)}
    nested: dict[str, Sysplex] = {}
    for here, dirs, files in os.walk(top):
        if "zlint.toml" in files and os.path.abspath(here) != top:
            nested[os.path.relpath(here, top).replace(os.sep, "/")] = load(os.path.join(here, "zlint.toml"))
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not _skipped(d))
    return dict(sorted(nested.items())) if nested else {".": load(top)}


def _git_inventory(tree: GitTree, folder: str) -> str | None:
    """The inventory of ``folder`` in the revision: found by walking up to the repository's top."""
    files = GitFiles(tree, tree.top)
    d = os.path.normpath(folder)
    while _inside(tree.top, d):
        cand = os.path.join(d, "zlint.toml")
        if files.is_file(cand):
            return cand
        py = os.path.join(d, "pyproject.toml")
        if files.is_file(py):
            text = files.read(py, "utf-8")
            try:
                tool = tomllib.loads(text).get("tool") if isinstance(text, str) else None
            except tomllib.TOMLDecodeError:
                tool = None  # read_inventory reports it when the table is there
                if isinstance(text, str) and "[tool.zlint" in text:
                    return py
            if isinstance(tool, dict) and "zlint" in tool:
                return py
        if d == tree.top:
            break
        d = os.path.dirname(d)
    return None


def _git_load(tree: GitTree, inventory: str, encoding: str | None) -> Sysplex:
    inv = read_inventory(Path(inventory), files=GitFiles(tree, os.path.dirname(inventory)))
    return Loader(GitFiles(tree, inv.root), encoding=encoding).inventory(inv)


def git_sysplexes(tree: GitTree, folder: str, *, encoding: str | None = None) -> dict[str, Sysplex]:
    """:func:`sysplexes_in` for ``folder`` (a work-tree path) as revision ``tree`` has it."""
    top = os.path.normpath(os.path.abspath(folder))
    files = GitFiles(tree, tree.top)
    if not files.is_dir(top):
        return {}
    inv = _git_inventory(tree, top)
    if inv is not None:
        return {".": _git_load(tree, inv, encoding)}
    nested: dict[str, Sysplex] = {}
    pending = [top]
    while pending:
        here = pending.pop()
        if here != top and files.is_file(os.path.join(here, "zlint.toml")):
            nested[os.path.relpath(here, top).replace(os.sep, "/")] = _git_load(
                tree, os.path.join(here, "zlint.toml"), encoding)
            continue
        pending.extend(os.path.join(here, e) for e in files.listdir(here)
                       if not _skipped(e) and files.is_dir(os.path.join(here, e)))
    if nested:
        return dict(sorted(nested.items()))
    return {".": Loader(GitFiles(tree, top), encoding=encoding).folder(top)}


def _pair(before: dict[str, Sysplex], after: dict[str, Sysplex], before_root: str, after_root: str,
          files_at: Callable[[str], str | None], linter: Linter | None) -> list[SysplexDiff]:
    out = []
    for key in sorted(set(before) | set(after)):
        b = before.get(key) or empty_sysplex(os.path.join(before_root, key), after[key].name)
        a = after.get(key) or empty_sysplex(os.path.join(after_root, key), b.name)
        out.append(diff(b, a, path=key, files_at=files_at(key), linter=linter))
    return out


def _shown(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return rel.replace(os.sep, "/")


def compare_folders(before: str, after: str, *, load: Callable[[str], Sysplex] = load_sysplex,
                    linter: Linter | None = None) -> list[SysplexDiff]:
    """Diff every sysplex of folder ``before`` against the same one in ``after``."""
    return _pair(sysplexes_in(before, load=load), sysplexes_in(after, load=load),
                 os.path.abspath(before), os.path.abspath(after),
                 lambda key: _shown(os.path.normpath(os.path.join(after, key))), linter)


def compare_git(base: str, head: str | None, path: str = ".", *, encoding: str | None = None,
                load: Callable[[str], Sysplex] = load_sysplex,
                linter: Linter | None = None) -> list[SysplexDiff]:
    """Diff ``path`` at revision ``base`` against revision ``head`` (None: the
    work tree, read with ``load``), both read from git objects.

    ``path`` is a folder of the work tree (default the current one); its
    sysplex root (the folder of the inventory found for it, or ``path``) is
    what is compared, so ``zlint diff --git HEAD`` works from any folder of
    a sysplex."""
    full = os.path.abspath(path)
    top = git_toplevel(full if os.path.isdir(full) else os.path.dirname(full) or ".")
    if not _inside(top, full):
        raise ValueError(f"{path} is not inside the git work tree at {top}")
    inv = find_inventory(full) if os.path.exists(full) else None
    root = os.path.dirname(str(inv)) if inv is not None and _inside(top, str(inv)) else full
    sides: list[dict[str, Sysplex]] = []
    for rev in (base, head):
        if rev is None:
            sides.append(sysplexes_in(root, load=load))
            continue
        with GitTree(top, rev) as tree:
            sides.append(git_sysplexes(tree, root, encoding=encoding))
    return _pair(sides[0], sides[1], root, root, lambda key: _shown(os.path.normpath(os.path.join(root, key))),
                 linter)
