"""Apply the safe fixes of diagnostics to the files, changing no other byte.

Rules of the game:

- only ``Fix(safe=True)`` is applied (unless ``unsafe=True`` is asked for);
- fixes are taken in diagnostic order; a fix whose edits overlap an edit
  already taken is skipped whole (the next run may apply it once the text
  has settled: :func:`fix_until_stable` loops until nothing changes);
- an edit identical to one already taken (the same fix reported twice, e.g.
  for a member INCLUDEd by two systems) is applied once;
- a file is rewritten only if its bytes on disk still decode to exactly the
  text the diagnostics were computed on, and re-encode to exactly the same
  bytes (UTF-8 with undecodable bytes kept, or an EBCDIC code page, in
  80-byte records when the file had no line breaks). Line breaks are part of
  the text, so CRLF stays CRLF;
- a file is never left half written: the new bytes go to a temporary file
  in the same folder, flushed and fsynced, with the original's mode (and
  group, where allowed), then ``os.replace`` puts it in place. On any error
  the original is untouched, the temporary file removed, and the error names
  why (the caller names the file).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence

import attrs

from ..diagnostics import Diagnostic, Edit, Fix
from ..source import EBCDIC_CODEPAGES, decode, encode
from ..workspace.files import read_regular

__all__ = ["FileFix", "apply_fixes", "fix_until_stable", "replace_atomically", "write_fixes"]

_RECORD = 80


@attrs.frozen(kw_only=True)
class FileFix:
    """What happened to one file: fixes and edits applied, fixes skipped
    because they overlapped, and the reason when the file was not written."""

    path: str
    fixes: int = 0
    edits: int = 0
    skipped: int = 0
    error: str | None = None


def _conflicts(edit: Edit, taken: Sequence[Edit]) -> bool:
    a, b = edit.span.start, edit.span.end
    for t in taken:
        c, d = t.span.start, t.span.end
        if a < d and c < b:  # proper overlap (also an insertion strictly inside a range)
            return True
        if a == b == c == d:  # two different insertions at one point: the order is unclear
            return True
    return False


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int, int, int]:
    """Apply fixes (all of whose edits are offsets into ``text``).

    Returns ``(new text, fixes applied, edits applied, fixes skipped)``.
    """
    taken: list[Edit] = []
    keys: set[tuple[int, int, str]] = set()
    applied = skipped = 0
    for fix in fixes:
        new = [e for e in fix.edits if (e.span.start, e.span.end, e.replacement) not in keys]
        if not new:
            continue  # the same edits were already taken for another diagnostic
        if any(not 0 <= e.span.start <= e.span.end <= len(text) for e in new) or any(
            _conflicts(e, taken) for e in new
        ) or any(_conflicts(e, new[:i]) for i, e in enumerate(new)):
            skipped += 1
            continue
        taken.extend(new)
        keys.update((e.span.start, e.span.end, e.replacement) for e in new)
        applied += 1
    out: list[str] = []
    pos = 0
    for e in sorted(taken, key=lambda e: (e.span.start, e.span.end)):
        out.append(text[pos : e.span.start])
        out.append(e.replacement)
        pos = e.span.end
    out.append(text[pos:])
    return "".join(out), applied, len(taken), skipped


def _key(path: str) -> str:
    return os.path.realpath(os.path.abspath(path))


def _codec(data: bytes, text: str, encoding: str | None) -> str | None:
    """The encoding under which ``data`` decodes to exactly ``text``."""
    candidates = [encoding] if encoding else []
    candidates += ["utf-8", *EBCDIC_CODEPAGES]
    for enc in candidates:
        try:
            if decode(data, enc)[0] == text:
                return enc
        except (LookupError, UnicodeError):
            continue
    return None


def _encode(text: str, enc: str, original: bytes) -> bytes | None:
    """Encode like the original: EBCDIC without line breaks is 80-byte records."""
    if enc in EBCDIC_CODEPAGES:
        plain = decode(original, enc, record_length=len(original) + 1)[0]
        if "\n" not in plain and "\r" not in plain and len(original) > _RECORD:
            lines = text.split("\n")
            if any(len(line) > _RECORD for line in lines):
                return None
            last = len(original) % _RECORD or _RECORD
            padded = [line.ljust(_RECORD) for line in lines[:-1]]
            padded.append(lines[-1].ljust(min(max(len(lines[-1]), last), _RECORD)))
            return encode("".join(padded), enc)
    try:
        data = encode(text, enc)
    except UnicodeError:
        return None
    if enc in EBCDIC_CODEPAGES and b"\x15" in original and b"\x25" not in original:
        data = data.replace(b"\x25", b"\x15")  # the lines ended in NL (X'15'), decoded as "\n"
    return data


def replace_atomically(path: str, data: bytes) -> None:
    """Replace a regular file's bytes all at once, or not at all.

    Writes a temporary file next to ``path`` (same folder, so same file
    system), flushes and fsyncs it, gives it the original's mode (and owner
    and group where the user may), then renames it over ``path``. Raises
    OSError with the original untouched and no temporary file left behind."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise OSError(0, "not a regular file")
    folder, name = os.path.split(path)
    fd, tmp = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".zlint-fix")
    try:
        with open(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            if hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), stat.S_IMODE(st.st_mode))
            if hasattr(os, "fchown"):
                with contextlib.suppress(OSError):  # only root may give a file away; the group may fail too
                    os.fchown(f.fileno(), st.st_uid, st.st_gid)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):  # make the rename durable too (best effort, as git does)
            dfd = os.open(folder or ".", os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)


def write_fixes(diags: Sequence[Diagnostic], *, encoding: str | None = None,
                unsafe: bool = False) -> list[FileFix]:
    """Apply the fixes of ``diags`` to their files; one :class:`FileFix` per
    file that had a fix. Never raises for I/O problems: they become
    ``FileFix.error``."""
    by_file: dict[str, tuple[str, str, list[Fix]]] = {}
    mixed: dict[str, int] = {}
    for d in diags:
        fix = d.fix
        if fix is None or not fix.edits or not (fix.safe or unsafe):
            continue
        sources = {id(e.span.source) for e in fix.edits}
        paths = {e.span.path for e in fix.edits}
        first = fix.edits[0].span
        if len(paths) != 1 or first.path is None:
            continue  # edits across files (or text with no file): not applied automatically
        key = _key(first.path)
        entry = by_file.setdefault(key, (first.path, first.source.text, []))
        if len(sources) != 1 or first.source.text != entry[1]:
            mixed[key] = mixed.get(key, 0) + 1  # two different readings of one file
            continue
        entry[2].append(fix)
    results: list[FileFix] = []
    for key, (path, text, fixes) in by_file.items():
        try:
            data = read_regular(key)
        except OSError as e:
            results.append(FileFix(path=path, error=f"cannot read: {e.strerror or e}; not fixed"))
            continue
        enc = _codec(data, text, encoding)
        if enc is None:
            results.append(FileFix(path=path, error="changed on disk since it was read; not fixed"))
            continue
        if _encode(text, enc, data) != data:
            results.append(FileFix(path=path, error=f"cannot be written back byte for byte as {enc}; not fixed"))
            continue
        new_text, applied, edits, skipped = apply_fixes(text, fixes)
        skipped += mixed.get(key, 0)
        if applied == 0:
            results.append(FileFix(path=path, skipped=skipped))
            continue
        new = _encode(new_text, enc, data)
        if new is None:
            results.append(FileFix(path=path, skipped=skipped + applied,
                                   error=f"the fixed text cannot be encoded as {enc}; not fixed"))
            continue
        try:
            replace_atomically(key, new)
        except OSError as e:
            results.append(FileFix(path=path, error=f"cannot write: {e.strerror or e}; the file is unchanged"))
            continue
        results.append(FileFix(path=path, fixes=applied, edits=edits, skipped=skipped))
    return results


def fix_until_stable(lint: Callable[[], Sequence[Diagnostic]], *, encoding: str | None = None,
                     unsafe: bool = False, max_rounds: int = 10) -> tuple[list[Diagnostic], list[FileFix]]:
    """Lint, fix, lint again until no fix applies (or ``max_rounds``).

    Returns the remaining diagnostics and the per-file results merged over
    all rounds. Looping makes ``--fix`` idempotent: fixes skipped for an
    overlap in one round are applied in the next, and a second run changes
    nothing more.
    """
    merged: dict[str, FileFix] = {}
    diags = list(lint())
    for _ in range(max_rounds):
        results = write_fixes(diags, encoding=encoding, unsafe=unsafe)
        for r in results:
            old = merged.get(r.path)
            if old is None:
                merged[r.path] = r
            else:
                merged[r.path] = FileFix(path=r.path, fixes=old.fixes + r.fixes, edits=old.edits + r.edits,
                                         skipped=r.skipped, error=r.error or old.error)
        if not any(r.fixes for r in results):
            break
        diags = list(lint())
    return diags, list(merged.values())
