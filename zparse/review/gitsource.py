"""Read a git revision's files from git objects, without a checkout.

:class:`GitTree` lists a commit's tree once (``git ls-tree -r``) and reads
blobs through one ``git cat-file --batch`` process; nothing in the work
tree or the index is touched. :class:`GitFiles` is a
:class:`~zparse.workspace.files.Files` over such a tree, for the sysplex
:class:`~zparse.sysplex.Loader` and the inventory reader: paths are the
work tree's paths (so findings and annotations name the real files), the
content is the revision's. Symbolic links and submodules in the tree are
not files: nothing outside the repository is ever read.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from types import TracebackType

from ..source import decode
from ..workspace.files import EXTENSIONS, Files, Unreadable

__all__ = ["GitError", "GitFiles", "GitTree", "git_toplevel", "is_revision"]

_FILE_MODES = ("100644", "100755")


class GitError(Exception):
    """git is missing, the folder is not in a repository, or a revision is unknown."""


def _git(cwd: str, args: Sequence[str]) -> bytes:
    try:
        proc = subprocess.run(["git", "-C", cwd, *args], capture_output=True, check=False)
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
    """The files of revision ``rev`` of the repository whose work tree is at ``top``.

    Use it as a context manager: the ``git cat-file --batch`` process it
    starts on the first read ends with the ``with`` block (or :meth:`close`)."""

    def __init__(self, top: str, rev: str) -> None:
        if rev.startswith("-"):
            raise GitError(f"{rev!r} is not a revision")
        self.top = os.path.abspath(top)
        self.rev = rev
        try:
            self.commit = _git(self.top, ["rev-parse", "--verify", f"{rev}^{{commit}}"]).decode().strip()
        except GitError:
            raise GitError(f"{rev!r} is not a commit of the repository at {self.top}") from None
        self._blobs: dict[str, str] = {}
        self._dirs: dict[str, set[str]] = {"": set()}
        out = _git(self.top, ["ls-tree", "-r", "-z", "--full-tree", self.commit])
        for item in out.split(b"\0"):
            head, _, raw = item.partition(b"\t")
            if not raw:
                continue
            mode, kind, oid = head.decode().split()
            path = raw.decode("utf-8", "surrogateescape")
            parent, _, name = path.rpartition("/")
            self._add_dir(parent)
            self._dirs[parent].add(name)
            if kind == "blob" and mode in _FILE_MODES:
                self._blobs[path] = oid
        self._proc: subprocess.Popen[bytes] | None = None

    def _add_dir(self, path: str) -> None:
        if path in self._dirs:
            return
        self._dirs[path] = set()
        parent, _, name = path.rpartition("/")
        self._add_dir(parent)
        self._dirs[parent].add(name)

    # ------------------------------------------------------------ queries (paths relative to top)
    def is_file(self, rel: str) -> bool:
        return rel in self._blobs

    def is_dir(self, rel: str) -> bool:
        return rel in self._dirs

    def listdir(self, rel: str) -> list[str]:
        return sorted(self._dirs.get(rel, ()))

    def files(self) -> list[str]:
        """Every regular file of the revision, in path order."""
        return sorted(self._blobs)

    def read(self, rel: str) -> bytes | None:
        """The content of a regular file, or None when the revision has none there."""
        oid = self._blobs.get(rel)
        if oid is None:
            return None
        if self._proc is None:
            try:
                self._proc = subprocess.Popen(["git", "-C", self.top, "cat-file", "--batch"],
                                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            except OSError as exc:
                raise GitError(f"cannot run git: {exc.strerror or exc}") from None
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(oid.encode() + b"\n")
        self._proc.stdin.flush()
        header = self._proc.stdout.readline().split()
        if len(header) != 3 or header[0].decode() != oid:
            raise GitError(f"git cat-file: unexpected answer for {rel} in {self.rev}")
        data = self._proc.stdout.read(int(header[2]))
        self._proc.stdout.read(1)  # the newline after the content
        return data

    def close(self) -> None:
        if self._proc is not None:
            proc, self._proc = self._proc, None
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.close()
            proc.wait()
            proc.stdout.close()

    def __enter__(self) -> GitTree:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class GitFiles(Files):
    """A :class:`~zparse.workspace.files.Files` whose content comes from a git revision.

    ``root`` is a folder of the work tree (absolute); nothing outside it is read."""

    def __init__(self, tree: GitTree, root: str) -> None:
        super().__init__(root)
        self.tree = tree
        self.root = os.path.normpath(os.path.abspath(root))

    def _rel(self, path: str) -> str:
        rel = os.path.relpath(os.path.normpath(os.path.abspath(path)), self.tree.top).replace(os.sep, "/")
        return "" if rel == "." else rel

    def check(self, path: str) -> str | None:
        full = os.path.normpath(os.path.abspath(path))
        if full != self.root and not full.startswith(self.root.rstrip(os.sep) + os.sep):
            return f"{self.show(path)} lies outside {self.root}; it is not read"
        return None

    def read(self, path: str, encoding: str | None) -> str | Unreadable:
        problem = self.check(path)
        if problem is not None:
            return Unreadable(problem)
        data = self.tree.read(self._rel(path))
        if data is None:
            return Unreadable(f"{self.show(path)}: no such file in {self.tree.rev}")
        try:
            return decode(data, encoding)[0]
        except (LookupError, UnicodeError) as exc:
            return Unreadable(f"{self.show(path)} cannot be decoded as {encoding}: {exc}")

    def listdir(self, folder: str) -> list[str]:
        return [] if self.check(folder) is not None else self.tree.listdir(self._rel(folder))

    def is_file(self, path: str) -> bool:
        return self.check(path) is None and self.tree.is_file(self._rel(path))

    def is_dir(self, path: str) -> bool:
        return self.check(path) is None and self.tree.is_dir(self._rel(path))

    def find(self, folder: str, name: str) -> str | None:
        """The file ``name`` in ``folder``: exact, then any case, then with an extension."""
        files = [e for e in self.listdir(folder) if self.is_file(os.path.join(folder, e))]
        if name in files:
            return os.path.join(folder, name)
        low = name.lower()
        for wanted in (low, *(low + ext for ext in EXTENSIONS)):
            hits = [e for e in files if e.lower() == wanted]
            if hits:
                return os.path.join(folder, hits[0])
        return None
