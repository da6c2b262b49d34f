"""INCLUDE resolution: a data-set name in a profile -> a local member file.

``INCLUDE USER.TCPPARMS(VIPAS)`` is resolved through ``[include]``: the
longest data-set prefix that matches (whole qualifiers) names a local
folder; further qualifiers name a subfolder (``USER.TCPPARMS.SYS1(X)``
with ``"USER.TCPPARMS" = "tcpparms"`` -> ``tcpparms/SYS1/X``) and the
member is the file. A sequential data set (no member) is the file named
by the remaining qualifiers, or the mapped path itself when it is a file.
The member file is looked up by its exact name, then case-insensitively,
then with the extension ``.txt`` or ``.tcpip`` (any case): members keep
their z/OS name, and editors like an extension. Without an inventory
(discovered systems) there is no map: the member (or, for a sequential
data set, its last qualifier) is looked up in the including system's
folder, then in the folder given.

Data-set names with ``/`` (z/OS UNIX paths), invalid qualifiers or member
names (which covers ``..``) and files whose real path leaves the folder
give an error message, which the profile reports as SYN007.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from .files import Files, Unreadable

__all__ = ["IncludeResolver", "valid_dsn"]

_QUALIFIER = re.compile(r"[A-Z0-9@#$-]{1,8}")
_MEMBER = re.compile(r"[A-Z0-9@#$]{1,8}")


def valid_dsn(dsn: str) -> bool:
    return 0 < len(dsn) <= 44 and all(_QUALIFIER.fullmatch(q) for q in dsn.split("."))


class IncludeResolver:
    """The ``include_resolver`` of one system's profile: called with the
    data-set name of an INCLUDE, it returns ``(path, text)`` or an error
    message. ``read`` lists the member files read, in order."""

    def __init__(self, files: Files, include: Sequence[tuple[str, str]], encoding: str | None,
                 search: Sequence[str], mapped: bool) -> None:
        self.files = files
        self.include = sorted(include, key=lambda kv: -len(kv[0]))
        self.encoding = encoding
        self.search = tuple(search)
        self.mapped = mapped
        self.read: list[str] = []

    def __call__(self, dsn: str) -> tuple[str, str] | str:
        name = dsn.strip().strip("'\"").strip()
        if "/" in name or "\\" in name:
            return (f"INCLUDE {dsn}: z/OS UNIX path names are not resolved (only data sets mapped "
                    "to local folders through [include] in zlint.toml)")
        m = re.fullmatch(r"([^()\s]+)(?:\(([^()\s]*)\))?", name)
        if m is None:
            return f"INCLUDE {dsn}: not a data set name"
        dataset, member = m.group(1).upper(), m.group(2)
        if not valid_dsn(dataset):
            return f"INCLUDE {dsn}: {dataset} is not a valid data set name"
        if member is not None and not _MEMBER.fullmatch(member.upper()):
            return f"INCLUDE {dsn}: {member!r} is not a valid member name"
        path = self._locate(dataset, member.upper() if member else None)
        if isinstance(path, tuple):
            return path[0]
        got = self.files.read(path, self.encoding)
        if isinstance(got, Unreadable):
            return f"INCLUDE {dsn}: {got.message}"
        self.read.append(path)
        return path, got

    def _locate(self, dataset: str, member: str | None) -> str | tuple[str]:
        shown = f"{dataset}({member})" if member else dataset
        if not self.mapped:
            name = member or dataset.split(".")[-1]
            for place in self.search:
                found = self.files.find(place, name)
                if found is not None:
                    return self._guard(found, shown)
            where = " or ".join(self.files.show(f) + "/" for f in self.search)
            return (f"INCLUDE {shown}: no file {name} in {where} (list the systems in a zlint.toml "
                    "with an [include] map to resolve data sets)",)
        for prefix, target in self.include:
            if dataset != prefix and not dataset.startswith(prefix + "."):
                continue
            rest = dataset[len(prefix) + 1:]
            if member is None and not rest:
                if os.path.isfile(target):
                    return self._guard(target, shown)
                return (f"INCLUDE {shown}: [include] maps {prefix} to the folder "
                        f"{self.files.show(target)}/, which is not a file; add the member name",)
            folder: str = target
            want: str | None = member
            if rest:
                if member is None:
                    want = rest
                else:
                    sub = self._subfolder(target, rest)
                    if sub is None:
                        return (f"INCLUDE {shown}: no folder {rest} in {self.files.show(target)}/ "
                                f"([include] \"{prefix}\")",)
                    problem = self.files.check(sub)
                    if problem is not None:
                        return (f"INCLUDE {shown}: {problem}",)
                    folder = sub
            assert want is not None
            hit = self.files.find(folder, want)
            if hit is None:
                return (f"INCLUDE {shown}: no file {want} in {self.files.show(folder)}/ "
                        f"([include] \"{prefix}\")",)
            return self._guard(hit, shown)
        return (f"INCLUDE {shown}: no [include] entry in zlint.toml maps this data set to a "
                "local folder",)

    def _subfolder(self, folder: str, name: str) -> str | None:
        return self.files.find_folder(folder, name)

    def _guard(self, path: str, shown: str) -> str | tuple[str]:
        problem = self.files.check(path)
        if problem is not None:
            return (f"INCLUDE {shown}: {problem}",)
        return os.path.abspath(path)
