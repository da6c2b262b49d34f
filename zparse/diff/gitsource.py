"""Read a tree of a git revision from git objects, without a checkout.

``git ls-tree`` lists the files under a path and one ``git cat-file
--batch`` process reads every blob; nothing in the work tree or the index
is touched. :meth:`GitTree.materialize` writes the blobs into a folder
(symbolic links and submodules are left out: nothing outside the tree is
ever read), where the ordinary loader reads them.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence

__all__ = ["GitError", "GitTree", "git_toplevel", "is_revision"]


class GitError(Exception):
    """git is missing, the folder is not in a repository, or a revision is unknown."""


def _git(cwd: str, args: Sequence[str], data: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(["git", "-C", cwd, *args], input=data, capture_output=True, check=False)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(msg[-1] if msg else f"git {' '.join(args)} failed")
    return proc.stdout


def git_toplevel(folder: str) -> str:
    """The top folder of the work tree that holds ``folder``."""
    return os.path.abspath(_git(folder, ["rev-parse", "--show-toplevel"]).decode().strip())


def is_revision(folder: str, rev: str) -> bool:
    """Whether ``rev`` names a commit in the repository of ``folder``."""
    if not rev or rev.startswith("-"):
        return False
    try:
        _git(folder, ["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"])
    except GitError:
        return False
    return True


class GitTree:
    """The files of revision ``rev`` in the repository of ``folder``."""

    def __init__(self, folder: str, rev: str) -> None:
        if rev.startswith("-"):
            raise GitError(f"{rev!r} is not a revision")
        self.top = git_toplevel(folder)
        self.rev = rev
        try:
            self.commit = _git(self.top, ["rev-parse", "--verify", f"{rev}^{{commit}}"]).decode().strip()
        except GitError:
            raise GitError(f"{rev!r} is not a commit of the repository at {self.top}") from None

    def entries(self, prefix: str = "") -> list[tuple[str, str, str]]:
        """``(mode, object id, path)`` of every file under ``prefix`` (relative to the top)."""
        spec = [prefix.strip("/")] if prefix.strip("/") not in ("", ".") else []
        out = _git(self.top, ["ls-tree", "-r", "-z", "--full-tree", self.commit, "--", *spec])
        rows = []
        for item in out.split(b"\0"):
            if not item:
                continue
            head, _, path = item.partition(b"\t")
            mode, kind, oid = head.decode().split()
            if kind == "blob":
                rows.append((mode, oid, path.decode("utf-8", "surrogateescape")))
        return rows

    def read_blobs(self, oids: Sequence[str]) -> list[bytes]:
        """The contents of the blobs ``oids``, in order, through one ``git cat-file --batch``."""
        if not oids:
            return []
        out = _git(self.top, ["cat-file", "--batch"], ("\n".join(oids) + "\n").encode())
        blobs: list[bytes] = []
        pos = 0
        for oid in oids:
            eol = out.index(b"\n", pos)
            header = out[pos:eol].decode().split()
            if len(header) != 3 or header[0] != oid:
                raise GitError(f"git cat-file: unexpected answer for {oid}")
            size = int(header[2])
            blobs.append(out[eol + 1:eol + 1 + size])
            pos = eol + 1 + size + 1
        return blobs

    def materialize(self, dest: str, prefix: str = "") -> int:
        """Write the regular files under ``prefix`` into ``dest`` (same relative paths);
        returns how many. Symbolic links (mode 120000) and submodules are skipped."""
        rows = [r for r in self.entries(prefix) if r[0] in ("100644", "100755")]
        real_dest = os.path.realpath(dest)
        for (_, _, path), data in zip(rows, self.read_blobs([oid for _, oid, _ in rows])):
            target = os.path.realpath(os.path.join(real_dest, path))
            if not target.startswith(real_dest + os.sep):
                continue  # a path that would leave the folder (never from git, but be sure)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as fh:
                fh.write(data)
        return len(rows)
