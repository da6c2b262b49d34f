"""The one place that opens member files: safe reads inside one folder.

Member files are read as bytes and decoded with :func:`zparse.source.decode`:
UTF-8 unless an encoding is given (``cp1047`` and the other EBCDIC code
pages, or any Python codec); a member downloaded in binary from z/OS
(EBCDIC, no line breaks) is split into 80-byte records. Nothing outside
``root`` is ever opened: a path whose real path (after symbolic links)
leaves it is refused with a message, never read.

Only regular files are read (:func:`read_regular`): a FIFO, socket or device
is refused after a ``stat``, before it is opened, so no read can block; a
file over the size limit (64 MiB unless ``[lint] max-file-size`` says
otherwise) is refused without being read. A folder's listing is read once
per :class:`Files` (one load), so resolving many INCLUDEs stays linear.
"""

from __future__ import annotations

import os
import stat

import attrs

from ..source import decode

__all__ = ["EXTENSIONS", "MAX_FILE_SIZE", "Files", "Refused", "Unreadable", "inside", "read_regular"]

EXTENSIONS = (".txt", ".tcpip")
MAX_FILE_SIZE = 64 << 20  # bytes; [lint] max-file-size in the inventory


class Refused(OSError):
    """A file that zlint does not read: not a regular file, or over the size limit."""


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a file"


def size_text(n: int) -> str:
    """``64 MiB``, ``1.5 KiB``, ``12 bytes``."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def read_regular(path: str, limit: int = MAX_FILE_SIZE) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    ``stat`` comes first: a FIFO, socket, character or block device (or a
    folder) raises :class:`Refused` without being opened, and so does a file
    over the limit. The file is then opened non-blocking and checked again on
    the descriptor (it may have been swapped since), and at most ``limit``
    bytes are read. Other problems raise OSError as ``open`` would."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise Refused(0, f"not a regular file ({_kind(st.st_mode)})", path)
    if st.st_size > limit:
        raise Refused(0, f"{size_text(st.st_size)}, over the size limit of {size_text(limit)} "
                         "([lint] max-file-size)", path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    with open(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise Refused(0, f"not a regular file ({_kind(st.st_mode)})", path)
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew since the stat
        raise Refused(0, f"over the size limit of {size_text(limit)} ([lint] max-file-size)", path)
    return data


@attrs.frozen
class Unreadable:
    """Why a file was not read (shown as the file's SYN013 or SYN007)."""

    message: str


def inside(real_root: str, path: str) -> bool:
    """Whether ``path`` (links followed) lies in the real folder ``real_root``."""
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


class _Listing:
    """One folder's entries, read once: sorted names, the entries that are not
    folders (files, links to files, FIFOs ...) and both by lower-case name."""

    __slots__ = ("folders_lower", "members", "members_lower", "names")

    def __init__(self) -> None:
        self.names: list[str] = []
        self.members: frozenset[str] = frozenset()
        self.members_lower: dict[str, str] = {}
        self.folders_lower: dict[str, str] = {}

    def fill(self, folder: str) -> None:
        names: list[str] = []
        members: set[str] = set()
        with os.scandir(folder) as it:
            for entry in it:
                names.append(entry.name)
                try:
                    is_dir = entry.is_dir()  # follows a link, as os.path.isdir does
                except OSError:
                    is_dir = False
                if not is_dir:
                    members.add(entry.name)
        names.sort()
        self.names = names
        self.members = frozenset(members)
        for name in names:
            (self.members_lower if name in members else self.folders_lower).setdefault(name.lower(), name)


class Files:
    """Reads files, never outside ``root`` (real paths, links followed).

    The loader reads every member through one ``Files``; the language server
    hands it a subclass that returns open documents' unsaved text first
    (:meth:`read` is the only method it overrides).
    """

    def __init__(self, root: str, *, max_size: int = MAX_FILE_SIZE) -> None:
        self.root = os.path.abspath(root)
        self.real_root = os.path.realpath(root)
        self.max_size = max_size
        self._listings: dict[str, _Listing] = {}
        self.list_errors: dict[str, str] = {}  # folder -> why it could not be listed

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
            data = read_regular(path, self.max_size)
        except Refused as exc:
            return Unreadable(f"{self.show(path)} is {exc.strerror}: it is not read")
        except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
            return Unreadable(f"{self.show(path)} cannot be read: {getattr(exc, 'strerror', None) or exc}")
        try:
            text, _bad = decode(data, encoding)
        except (LookupError, UnicodeError) as exc:
            return Unreadable(f"{self.show(path)} cannot be decoded as {encoding}: {exc}")
        return text

    def _listing(self, folder: str) -> _Listing:
        key = os.path.abspath(folder)
        hit = self._listings.get(key)
        if hit is None:
            hit = self._listings[key] = _Listing()
            if self.check(folder) is None:
                try:
                    hit.fill(folder)
                except (OSError, ValueError) as exc:
                    self.list_errors[key] = getattr(exc, "strerror", None) or str(exc)
        return hit

    def listdir(self, folder: str) -> list[str]:
        """The sorted entry names of ``folder`` inside ``root`` ([] when it cannot be
        listed; the reason is then in :attr:`list_errors`). Read once per folder."""
        return list(self._listing(folder).names)

    def list_error(self, folder: str) -> str | None:
        """Why ``folder`` could not be listed (e.g. "Permission denied"), or None."""
        self._listing(folder)
        return self.list_errors.get(os.path.abspath(folder))

    def is_file(self, path: str) -> bool:
        """Whether ``path`` is a file (or a link to one) inside ``root``."""
        return self.check(path) is None and os.path.isfile(path)

    def is_member(self, path: str) -> bool:
        """Whether ``path`` is something other than a folder inside ``root``: a
        file, or a FIFO or device that :meth:`read` will refuse with a reason."""
        if self.check(path) is not None:
            return False
        try:
            return not stat.S_ISDIR(os.stat(path).st_mode)
        except (OSError, ValueError):
            return False

    def is_dir(self, path: str) -> bool:
        """Whether ``path`` is a folder inside ``root``."""
        return self.check(path) is None and os.path.isdir(path)

    def find(self, folder: str, name: str) -> str | None:
        """The file ``name`` in ``folder``: exact, then any case, then with an extension."""
        if not self.is_dir(folder):
            return None
        listing = self._listing(folder)
        if name in listing.members:
            return os.path.join(folder, name)
        low = name.lower()
        for wanted in (low, *(low + ext for ext in EXTENSIONS)):
            hit = listing.members_lower.get(wanted)
            if hit is not None:
                return os.path.join(folder, hit)
        return None

    def find_folder(self, folder: str, name: str) -> str | None:
        """The subfolder ``name`` of ``folder``, in any case (the first in sorted order)."""
        if not self.is_dir(folder):
            return None
        hit = self._listing(folder).folders_lower.get(name.lower())
        return os.path.join(folder, hit) if hit is not None else None
