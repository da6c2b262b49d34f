"""The one place that opens member files: safe reads inside one folder.

Member files are read as bytes and decoded with :func:`zparse.source.decode`:
UTF-8 unless an encoding is given (``cp1047`` and the other EBCDIC code
pages, or any Python codec); a member downloaded in binary from z/OS
(EBCDIC, no line breaks) is split into 80-byte records. Nothing outside
``root`` is ever opened: a path whose real path (after symbolic links)
leaves it is refused with a message, never read.
"""

from __future__ import annotations

import os

import attrs

from ..source import decode

__all__ = ["EXTENSIONS", "Files", "Unreadable", "inside"]

EXTENSIONS = (".txt", ".tcpip")


@attrs.frozen
class Unreadable:
    """Why a file was not read (shown as the file's SYN013 or SYN007)."""

    message: str


def inside(real_root: str, path: str) -> bool:
    """Whether ``path`` (links followed) lies in the real folder ``real_root``."""
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


EXTENSIONS = (".txt", ".tcpip")


class Files:
    """Reads files, never outside ``root`` (real paths, links followed).

    The loader reads every member through one ``Files``; the language server
    hands it a subclass that returns open documents' unsaved text first
    (:meth:`read` is the only method it overrides).
    """

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(root)
        self.real_root = os.path.realpath(root)

    def check(self, path: str) -> str | None:
        """An error message when ``path`` may not be opened, else None."""
        if not inside(self.real_root, path):
            return f"{self.show(path)} leads outside {self.root} (a link?); it is not read"
        return None

    def show(self, path: str) -> str:
        rel = os.path.relpath(path, self.root)
        return rel.replace(os.sep, "/") if not rel.startswith("..") else path

    def read(self, path: str, encoding: str | None) -> str | Unreadable:
        """The decoded text of ``path``, or why it was not read."""
        problem = self.check(path)
        if problem is not None:
            return Unreadable(problem)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            return Unreadable(f"{self.show(path)} cannot be read: {exc.strerror or exc}")
        try:
            text, _bad = decode(data, encoding)
        except (LookupError, UnicodeError) as exc:
            return Unreadable(f"{self.show(path)} cannot be decoded as {encoding}: {exc}")
        return text

    def listdir(self, folder: str) -> list[str]:
        """The sorted entry names of ``folder`` inside ``root`` ([] when it cannot be listed)."""
        if self.check(folder) is not None:
            return []
        try:
            return sorted(os.listdir(folder))
        except OSError:
            return []

    def is_file(self, path: str) -> bool:
        """Whether ``path`` is a file (or a link to one) inside ``root``."""
        return self.check(path) is None and os.path.isfile(path)

    def is_dir(self, path: str) -> bool:
        """Whether ``path`` is a folder inside ``root``."""
        return self.check(path) is None and os.path.isdir(path)

    def find(self, folder: str, name: str) -> str | None:
        """The file ``name`` in ``folder``: exact, then any case, then with an extension."""
        if not self.is_dir(folder):
            return None
        entries = self.listdir(folder)
        files = [e for e in entries if os.path.isfile(os.path.join(folder, e))
                 or os.path.islink(os.path.join(folder, e))]
        if name in files:
            return os.path.join(folder, name)
        low = name.lower()
        for wanted in (low, *(low + ext for ext in EXTENSIONS)):
            hits = [e for e in files if e.lower() == wanted]
            if hits:
                return os.path.join(folder, hits[0])
        return None
