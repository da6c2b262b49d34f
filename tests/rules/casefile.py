"""Shared harness of the rule tests: case files and rule-doc examples.

A case file (``tests/rules/cases/<CODE>/*.txt``, see README.md) is a
txtar-like text: header lines (``# expect: ...``, ``# codes: ...``,
``# min-severity: ...`` and free ``#`` comments), then ``-- path --``
sections holding the files of a sysplex (a ``zlint.toml`` among them, or
none: then each top-level folder is a system, as ``zlint check DIR`` finds
them). :func:`run_case` writes the files into a folder, loads the sysplex
with :func:`zparse.load_sysplex`, runs :func:`zparse.lint` with every rule,
and returns the findings as ``CODE@path:line:column`` strings.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

import zparse
from zparse.codes import Severity
from zparse.diagnostics import Diagnostic

CASES = Path(__file__).resolve().parent / "cases"
SECTION = re.compile(r"^-- (.+?) --[ \t]*(?:\r?\n|\Z)", re.M)
EXPECT = re.compile(r"^([A-Z]+[0-9]+)@(.+?):([0-9]+)(?::([0-9]+))?$")
_SEVERITY = {"info": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}


@attrs.frozen
class Expect:
    code: str
    path: str
    line: int
    column: int | None = None

    def matches(self, found: Expect) -> bool:
        return (self.code, self.path, self.line) == (found.code, found.path, found.line) and (
            self.column is None or self.column == found.column)

    def __str__(self) -> str:
        col = f":{self.column}" if self.column is not None else ""
        return f"{self.code}@{self.path}:{self.line}{col}"


@attrs.frozen
class Case:
    """One parsed case file."""

    name: str
    code: str
    expected: tuple[Expect, ...]
    codes: frozenset[str] | None  # None: every code
    min_severity: Severity
    files: Mapping[str, str] = attrs.field(hash=False)

    @property
    def fires(self) -> bool:
        return any(e.code == self.code for e in self.expected)


def parse_case(text: str, name: str = "case", code: str = "") -> Case:
    """Parse a case file's text (``code`` is its folder: the code under test)."""
    parts = SECTION.split(text)
    header = parts[0]
    files = {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}
    expected: list[Expect] = []
    codes: set[str] | None = {code} if code else set()
    min_sev = Severity.INFO
    for raw in header.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            raise ValueError(f"{name}: header lines start with '#': {raw!r}")
        m = re.match(r"#\s*(expect|codes|min-severity)\s*:\s*(.*)$", line)
        if m is None:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "expect":
            for item in re.split(r"[\s,]+", value):
                if not item or item == "none":
                    continue
                e = EXPECT.match(item)
                if e is None:
                    raise ValueError(f"{name}: bad expectation {item!r} (CODE@path:line[:column])")
                expected.append(Expect(e.group(1), e.group(2), int(e.group(3)),
                                       int(e.group(4)) if e.group(4) else None))
        elif key == "codes":
            words = [w.upper() for w in re.split(r"[\s,]+", value) if w]
            codes = None if "ALL" in words else (codes or set()) | set(words)
        else:
            if value.lower() not in _SEVERITY:
                raise ValueError(f"{name}: min-severity is info, warning or error, not {value!r}")
            min_sev = _SEVERITY[value.lower()]
    if codes is not None:
        codes |= {e.code for e in expected}
    return Case(name=name, code=code, expected=tuple(expected),
                codes=frozenset(codes) if codes is not None else None, min_severity=min_sev, files=files)


def case_files(code_prefix: str = "") -> list[Path]:
    """Every case file (of the codes starting with ``code_prefix``)."""
    return sorted(p for p in CASES.glob("*/*.txt") if p.parent.name.startswith(code_prefix))


def load_case(path: Path) -> Case:
    return parse_case(path.read_text(encoding="utf-8"), f"{path.parent.name}/{path.stem}",
                      path.parent.name)


def write_files(root: Path, files: Mapping[str, str]) -> None:
    """Write a case's files below ``root`` (paths with ``/``, never leaving it)."""
    for rel, text in files.items():
        parts = rel.split("/")
        assert ".." not in parts and not rel.startswith("/"), f"case path {rel!r} leaves the folder"
        target = root.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")


def found(diags: Iterable[Diagnostic], root: Path) -> list[Expect]:
    """Diagnostics as ``Expect`` entries with paths relative to ``root``."""
    out = []
    for d in diags:
        path = Path(d.span.path or "")
        try:
            rel = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            rel = str(path)
        line, col = d.span.start_line_col()
        out.append(Expect(d.code, rel, line, col))
    return out


def lint_folder(root: Path, target: Path | None = None) -> list[Diagnostic]:
    return zparse.lint(zparse.load_sysplex(str(target or root)))


def run_case(case: Case, root: Path) -> tuple[list[Expect], list[Diagnostic]]:
    """Materialise and lint a case; the compared findings and all diagnostics."""
    write_files(root, case.files)
    diags = lint_folder(root)
    chosen = [d for d in diags
              if (case.codes is None or any(d.code.startswith(c) for c in case.codes))
              and d.severity.rank >= case.min_severity.rank]
    return found(chosen, root), diags


def compare(expected: Iterable[Expect], got: Iterable[Expect]) -> tuple[list[Expect], list[Expect]]:
    """(missing, unexpected): an expectation without column matches any column."""
    pending = list(got)
    missing = []
    for e in sorted(expected, key=lambda e: e.column is None):
        hit = next((g for g in pending if e.matches(g)), None)
        if hit is None:
            missing.append(e)
        else:
            pending.remove(hit)
    return missing, pending


# ---------------------------------------------------------------- rule docs

FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```[ \t]*$", re.M | re.S)


def doc_sections(doc: str) -> tuple[str, list[tuple[str, str]]]:
    """(one-line summary, [(heading, body), ...]) of a rule doc."""
    parts = re.split(r"^## (.+)$", doc, flags=re.M)
    return parts[0].strip(), [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


@attrs.frozen
class Block:
    lang: str
    system: str | None
    text: str
    member: str | None = None


def doc_blocks(body: str) -> list[Block]:
    out = []
    for m in FENCE.finditer(body):
        info = m.group(1).split()
        lang = info[0] if info else ""
        tags = dict(w.split("=", 1) for w in info[1:] if "=" in w)
        out.append(Block(lang, tags.get("system"), m.group(2), tags.get("member")))
    return out


def _toml_value(v: Any) -> str:
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def _toml_key(k: str) -> str:
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else _toml_value(k)


def dump_toml(data: Mapping[str, Any]) -> str:
    """A small TOML writer for inventories: tables of scalars, lists and inline tables."""
    lines: list[str] = []

    def table(prefix: list[str], t: Mapping[str, Any]) -> None:
        scalars = {k: v for k, v in t.items() if not (isinstance(v, dict) and _is_table(k, prefix))}
        subs = {k: v for k, v in t.items() if k not in scalars}
        if prefix and (scalars or not subs):
            lines.append("[" + ".".join(_toml_key(p) for p in prefix) + "]")
        for k, v in scalars.items():
            lines.append(f"{_toml_key(k)} = {_toml_value(v)}")
        for k, v in subs.items():
            table([*prefix, k], v)

    table([], data)
    return "\n".join(lines) + "\n"


def _is_table(key: str, prefix: list[str]) -> bool:
    # inventory shape: top-level tables, [systems.NAME] tables, inline `symbols`/`severity`
    if not prefix:
        return True
    return prefix == ["systems"]


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            _merge(base[k], v)
        else:
            base[k] = v
    return base


def doc_files(blocks: list[Block]) -> tuple[dict[str, str], str | None] | None:
    """The files of a doc section and the path to lint (None: the folder).

    ``tcpip``/``izuprm`` blocks with ``system=NAME`` become NAME/PROFILE.TCPIP
    and NAME/IZUPRM00, 01, ... (or the name of ``member=NAME``) with a
    generated zlint.toml (``toml`` blocks are merged into it); blocks without
    ``system=`` belong to SYS1. A single block without ``system=`` is one
    file checked on its own. None when the section has nothing to lint (only
    ``text`` blocks).
    """
    real = [b for b in blocks if b.lang in ("tcpip", "izuprm", "toml")]
    members = [b for b in real if b.lang != "toml"]
    if not members:
        return None
    files: dict[str, str] = {}
    if len(members) == 1 and members[0].system is None and len(real) == 1:
        b = members[0]
        name = "PROFILE.TCPIP" if b.lang == "tcpip" else "IZUPRM00"
        return {name: b.text}, name
    systems: dict[str, dict[str, Any]] = {}
    extra: dict[str, Any] = {}
    for b in real:
        if b.lang == "toml":
            _merge(extra, tomllib.loads(b.text))
            continue
        name = b.system or "SYS1"
        entry = systems.setdefault(name, {})
        if b.lang == "tcpip":
            entry["tcpip"] = f"{name}/PROFILE.TCPIP"
            files[entry["tcpip"]] = b.text
        else:
            izu = entry.setdefault("izuprm", [])
            path = f"{name}/{b.member or f'IZUPRM{len(izu):02d}'}"
            izu.append(path)
            files[path] = b.text
    inventory = _merge({"sysplex": {"name": "PLEX1"}, "systems": systems}, extra)
    files["zlint.toml"] = dump_toml(inventory)
    return files, None


def combine(example: list[Block], instead: list[Block]) -> list[Block]:
    """The "Use instead" setup: the Example's blocks, each replaced by the
    block of "Use instead" for the same system and kind (a system that Use
    instead does not show is unchanged)."""
    keyed: dict[tuple[str, str | None], list[Block]] = {}
    for b in example:
        keyed.setdefault((b.lang, b.system), []).append(b)
    replaced: dict[tuple[str, str | None], list[Block]] = {}
    for b in instead:
        replaced.setdefault((b.lang, b.system), []).append(b)
    keyed.update(replaced)
    return [b for blocks in keyed.values() for b in blocks]


def codes_of(diags: Iterable[Diagnostic]) -> Counter[str]:
    return Counter(d.code for d in diags)
