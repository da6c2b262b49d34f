"""The ``zlint`` command line: check, explain, rules, parse, report, diff, lsp.

``zlint check`` reads a sysplex (a ``zlint.toml`` inventory found by walking
up from each path, or a folder of system folders, or single files), runs the
rules and prints the findings (text, JSON, SARIF or GitHub workflow
commands). Exit codes: 0 no finding at or above ``--fail-on``, 1 findings at
or above it, 2 a usage or I/O problem. Bad input never shows a traceback.

The start-up stays light: this module imports only the standard library;
the sysplex loader, the engine, each reporter, the HA report and the LSP
server are imported by the subcommand that needs them. The LSP server is
loaded through :mod:`importlib` so that the check path never depends on
pygls (an import-linter contract checks that).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

if TYPE_CHECKING:
    from .codes import Severity
    from .diagnostics import Diagnostic
    from .outputs.common import Summary
    from .sysplex import Sysplex

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_INVENTORY_NAMES = ("zlint.toml", "pyproject.toml")


class UsageError(Exception):
    """A problem with the command line or the files it names: exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` returns a code."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise UsageError(message)


# ------------------------------------------------------------------ helpers
def _printable(text: str) -> str:
    from .outputs.common import printable

    return printable(text)


def _err(message: str) -> None:
    """One line on stderr: control characters and line breaks of names taken
    from input are escaped, so no line of it can be a terminal escape or a
    GitHub workflow command (``::error ...``)."""
    print(f"zlint: {_printable(message)}", file=sys.stderr)


def _use_color(choice: str, stream: TextIO) -> bool:
    """Colour on a terminal (``auto``) or on request; never with ``NO_COLOR``."""
    if os.environ.get("NO_COLOR"):
        return False
    if choice == "always":
        return True
    if choice == "never":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def _codes_list(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _severity(name: str) -> Severity:
    from .codes import Severity

    return Severity(name)


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _realpath(path: str) -> str:
    return os.path.realpath(os.path.abspath(path))


def _must_exist(path: str) -> None:
    """A usage error for a path that cannot be used: "no such file or directory"
    only when it is missing, "permission denied" when it cannot be reached."""
    try:
        os.stat(path)
    except PermissionError:
        raise UsageError(f"{path}: permission denied") from None
    except (OSError, ValueError) as e:
        if isinstance(e, OSError) and e.strerror and not isinstance(e, FileNotFoundError):
            raise UsageError(f"{path}: {e.strerror.lower()}") from None
        raise UsageError(f"{path}: no such file or directory") from None


def _write(text: str, stream: TextIO | None = None) -> None:
    (stream or sys.stdout).write(text)


def _write_utf8(text: str) -> None:
    """A document that must be UTF-8 (JSON, SARIF, HTML, Markdown) whatever the
    locale or ``PYTHONIOENCODING``: written as UTF-8 bytes when stdout has a
    byte buffer (as ruff does); undecodable bytes were already replaced."""
    from .outputs.common import clean

    data = clean(text).encode("utf-8")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


def _tolerant_streams() -> None:
    """Text output never raises UnicodeEncodeError: a character the locale
    cannot encode is written as a backslash escape (stderr does that already)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "strict") == "strict":
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a stream that cannot be reconfigured: leave it
                pass


# ------------------------------------------------------------------- check
_SKIP_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages", "build", "dist"})


def nested_inventories(folder: str) -> list[str]:
    """The ``zlint.toml`` files below ``folder`` (a repository holding several
    sysplexes), not descending into hidden folders or below an inventory."""
    found: list[str] = []
    for top, dirs, files in os.walk(folder):
        if "zlint.toml" in files and os.path.abspath(top) != os.path.abspath(folder):
            found.append(os.path.join(top, "zlint.toml"))
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
    return found


def _expand(paths: Sequence[str]) -> list[str]:
    """A folder with no inventory of its own (none there or above) but
    inventories below it stands for those inventories."""
    from .sysplex import find_inventory

    out: list[str] = []
    for path in paths:
        if os.path.isdir(path) and find_inventory(path) is None:
            nested = nested_inventories(path)
            if nested:
                out.extend(nested)
                continue
        out.append(path)
    return out


class _Run:
    """One ``zlint check``: the sysplexes behind the paths and the files to
    report on (``None``: report everything of that sysplex)."""

    def __init__(self, paths: Sequence[str], encoding: str | None) -> None:
        self.paths = list(paths)
        self.encoding = encoding
        self.sysplexes: list[tuple[Sysplex, set[str] | None]] = []
        self.unchecked: list[str] = []  # warnings: folders whose members no sysplex reads

    def load(self) -> None:
        """Read the sysplex behind every path, each sysplex once."""
        from .sysplex import find_inventory, load_sysplex

        groups: dict[str, tuple[Sysplex, set[str] | None]] = {}
        order: list[str] = []
        by_inventory: dict[str, Sysplex] = {}
        for path in self.paths:
            _must_exist(path)
        for path in _expand(self.paths):
            full = os.path.abspath(path)
            inv = find_inventory(full)
            cached = by_inventory.get(str(inv)) if inv is not None else None
            if cached is not None and (os.path.isdir(full) or full == str(inv) or full in cached.paths):
                sysplex = cached  # pre-commit passes many files of one sysplex: read it once
            else:
                sysplex = _load_sysplex(load_sysplex, path, self.encoding)
                if inv is not None and sysplex.mode == "inventory":
                    by_inventory[str(inv)] = sysplex
            key = _sysplex_key(sysplex, path)
            wanted = _wanted(sysplex, path)
            if wanted is not None and not wanted and os.path.isdir(path):
                self._warn_unchecked(sysplex, path)
            if key not in groups:
                groups[key] = (sysplex, wanted)
                order.append(key)
            else:
                old = groups[key][1]
                merged = None if old is None or wanted is None else old | wanted
                groups[key] = (groups[key][0], merged)
        self.sysplexes = [groups[k] for k in order]

    def _warn_unchecked(self, sysplex: Sysplex, folder: str) -> None:
        """A folder inside an inventory's folder that is no system of it: say so
        when it holds members (they would otherwise pass in silence)."""
        from .workspace.discover import recognise

        found: list[str] = []
        for top in (folder, *sorted(os.path.join(folder, d) for d in _listdir(folder)
                                    if not d.startswith(".") and os.path.isdir(os.path.join(folder, d)))):
            found += [os.path.join(top, e) for e in sorted(_listdir(top))
                      if recognise(e) and not os.path.isdir(os.path.join(top, e))]
        if not found:
            return
        shown = ", ".join(_rel(p) for p in found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
        message = (f"{_rel(folder)} is not a system of the inventory {_rel(sysplex.inventory or sysplex.root)}: "
                   f"its members ({shown}) were not checked; list them under [systems.NAME] there, or check "
                   "a member on its own with `zlint check FILE`")
        if message not in self.unchecked:
            self.unchecked.append(message)

    def lint(self, select: list[str] | None, ignore: list[str] | None) -> list[Diagnostic]:
        from .diagnostics import sort_diagnostics
        from .engine import lint

        out: list[Diagnostic] = []
        for sysplex, wanted in self.sysplexes:
            diags = lint(sysplex, select=select, ignore=ignore)
            out.extend(d for d in diags if wanted is None or _concerns(d, wanted))
        return sort_diagnostics(out)

    def statuses(self) -> tuple[dict[str, str], int]:
        """The parse status of every file read (by the path shown) and the number of systems."""
        from .outputs.common import relpath

        status: dict[str, str] = {}
        systems = 0
        for sysplex, _ in self.sysplexes:
            systems += len(sysplex.systems)
            for path, st in _file_status(sysplex).items():
                rel = relpath(path)
                if rel is not None:
                    status[rel] = st
        return status, systems

    def summary(self, diags: Sequence[Diagnostic]) -> Summary:
        from .outputs.common import Summary

        status, systems = self.statuses()
        return Summary.of(diags, files=len(status), systems=systems, files_status=status)


def _units(paths: Sequence[str]) -> list[list[str]]:
    """The expanded paths grouped by the sysplex they lead to, in order of
    first appearance: paths under one inventory form one unit (their
    sysplex is read once), a path without an inventory is a unit of its own."""
    from .sysplex import find_inventory

    units: dict[str, list[str]] = {}
    for path in _expand(paths):
        inv = find_inventory(os.path.abspath(path))
        key = "inv:" + _realpath(str(inv)) if inv is not None else "path:" + _realpath(path)
        units.setdefault(key, []).append(path)
    return list(units.values())


# ("ok", diags, statuses, systems, unchecked-warnings) or ("error", message, None, 0, [])
_UnitResult = tuple[str, Any, Any, int, list[str]]


def _check_unit(paths: Sequence[str], encoding: str | None, select: list[str] | None,
                ignore: list[str] | None) -> _UnitResult:
    """Load, lint and release the sysplexes of one unit: their findings, the
    parse status of each file (by the path shown) and the number of systems.

    The collector is frozen once the sysplexes are read: what the lint then
    allocates is short-lived, and the collections it triggers no longer walk
    the parse results (freed by reference counting when the unit is done).
    Errors come back as ``("error", message)`` so that a worker process
    reports them as the main process would."""
    import gc

    try:
        run = _Run(paths, encoding)
        run.load()
        gc.freeze()
        try:
            diags = run.lint(select, ignore)
            status, systems = run.statuses()
        finally:
            run.sysplexes = []
            gc.unfreeze()
        return "ok", diags, status, systems, run.unchecked
    except UsageError as e:
        return "error", str(e), None, 0, []
    except OSError as e:
        return "error", f"{e.filename}: {e.strerror or e}" if e.filename else str(e.strerror or e), None, 0, []
    except Exception as e:
        if type(e).__name__ == "InventoryError":
            return "error", str(e), None, 0, []
        raise


def _check_unit_args(args: tuple[Sequence[str], str | None, list[str] | None, list[str] | None]) -> _UnitResult:
    return _check_unit(*args)


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return max(os.cpu_count() or 1, 1)


def check_units(units: Sequence[Sequence[str]], encoding: str | None, select: list[str] | None,
                ignore: list[str] | None, jobs: int) -> list[_UnitResult]:
    """Check each unit, one sysplex at a time, in up to ``jobs`` worker
    processes (one fresh process per unit, so that its memory is returned
    when it is done); the results come back in the order of ``units``."""
    work = [(list(u), encoding, select, ignore) for u in units]
    jobs = min(jobs, len(work))
    if jobs <= 1:
        return [_check_unit_args(w) for w in work]
    import multiprocessing

    # fork: the workers start with zparse imported (no fork on Windows: the default)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(processes=jobs, maxtasksperchild=1) as pool:
        return list(pool.imap(_check_unit_args, work, chunksize=1))


def _listdir(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _load_sysplex(load: Callable[..., Sysplex], path: str, encoding: str | None) -> Sysplex:
    """``load(path)``, passing ``--encoding`` on when the loader takes one."""
    if encoding is None:
        return load(path)
    import inspect

    try:
        accepts = "encoding" in inspect.signature(load).parameters
    except (TypeError, ValueError):
        accepts = False
    if not accepts:
        raise UsageError("--encoding is not supported by this version of the sysplex loader; "
                         'set encoding = "cp1047" (or another code page) in zlint.toml instead')
    return load(path, encoding=encoding)


def _wanted(sysplex: Sysplex, path: str) -> set[str] | None:
    """The files whose findings to report for ``path`` (None: all of them).

    A member file: that file. The inventory, its folder or a folder above
    it: everything. A folder inside the inventory's folder: the files
    under it."""
    if os.path.basename(path) in _INVENTORY_NAMES and os.path.isfile(path):
        return None
    if not os.path.isdir(path):
        return {_realpath(path)}
    if sysplex.mode != "inventory":
        return None
    folder = _realpath(path)
    real_root = _realpath(sysplex.root)
    if folder == real_root or not folder.startswith(real_root.rstrip(os.sep) + os.sep):
        return None
    prefix = folder.rstrip(os.sep) + os.sep
    return {rp for rp in (_realpath(p) for p in sysplex.paths) if rp.startswith(prefix)}


def _sysplex_key(sysplex: Sysplex, path: str) -> str:
    """Paths that lead to one sysplex share a key: its inventory, or the
    folder of a discovered sysplex; a single file is its own sysplex."""
    if sysplex.mode == "inventory" and sysplex.inventory:
        return "inv:" + _realpath(sysplex.inventory)
    if sysplex.mode == "discovered":
        return "dir:" + _realpath(sysplex.root)
    return "path:" + _realpath(path)


def _file_status(sysplex: Sysplex) -> dict[str, str]:
    """Path -> parse status (clean, recovered, unreadable) of every file read.

    An INCLUDEd member has no parse of its own: it is ``recovered`` when a
    syntax error lies in it, else ``clean``."""
    out: dict[str, str] = {}
    broken: set[str] = set()
    for f in sysplex.files:
        out[f.path] = f.status
        for d in f.diagnostics:
            if d.code.startswith("SYN") and d.severity.value == "error" and d.span.path:
                broken.add(d.span.path)
    for f in sysplex.files:
        for inc in f.includes:
            out.setdefault(inc, "recovered" if inc in broken else "clean")
    return out


def _concerns(d: Diagnostic, wanted: set[str]) -> bool:
    """Whether a finding is located in, related to, or fixed in a wanted file."""
    paths = [d.span.path, *(r.span.path for r in d.related)]
    if d.fix is not None:
        paths.extend(e.span.path for e in d.fix.edits)
    return any(p is not None and _realpath(p) in wanted for p in paths)


def _fixable_in(d: Diagnostic, wanted: set[str] | None) -> bool:
    if d.fix is None or not d.fix.safe:
        return False
    return wanted is None or all(e.span.path is not None and _realpath(e.span.path) in wanted
                                 for e in d.fix.edits)


def _check_all(units: Sequence[Sequence[str]], encoding: str | None, select: list[str] | None,
               ignore: list[str] | None, jobs: int) -> tuple[list[Diagnostic], Summary, bool, list[str]]:
    """Every unit's findings in the deterministic order, the summary,
    whether any sysplex was found, and the "not checked" warnings."""
    from .diagnostics import sort_diagnostics
    from .outputs.common import Summary

    out: list[Diagnostic] = []
    status: dict[str, str] = {}
    systems = 0
    unchecked: list[str] = []
    for kind, diags, statuses, n, warnings in check_units(units, encoding, select, ignore, jobs):
        if kind == "error":
            raise UsageError(diags)
        out.extend(diags)
        status.update(statuses)
        systems += n
        unchecked.extend(w for w in warnings if w not in unchecked)
    diags = sort_diagnostics(out)
    summary = Summary.of(diags, files=len(status), systems=systems, files_status=status)
    return diags, summary, bool(units), unchecked


def cmd_check(args: argparse.Namespace) -> int:
    """``zlint check``."""
    from .outputs.common import fails, plural

    if args.statistics and args.format not in ("text", "json"):
        raise UsageError("--statistics works with --format text or json")
    fail_on = _severity(args.fail_on)
    select, ignore = _codes_list(args.select), _codes_list(args.ignore)
    _validate_codes(select, "--select")
    _validate_codes(ignore, "--ignore")
    _trust_config(args)
    run = _Run(args.paths or [args.config or "."], args.encoding)
    fix_failed = False
    if not args.fix:
        for path in run.paths:
            _must_exist(path)
        jobs = args.jobs if args.jobs is not None else default_jobs()
        diags, summary, found, unchecked = _check_all(_units(run.paths), args.encoding, select, ignore, jobs)
        if not args.quiet or not diags:
            for message in unchecked:
                _err(f"warning: {message}")
        _emit(args, diags, summary, nothing_checked=bool(unchecked) and not diags)
        if not found or (summary.files == 0 and summary.systems == 0 and not diags):
            if not args.quiet:
                _err("warning: no TCP/IP profile or IZUPRMxx member found in " + ", ".join(run.paths))
        return EXIT_FINDINGS if fails(diags, fail_on) else EXIT_OK
    run.load()
    if args.fix:
        from .outputs.fix import fix_until_stable

        wanted_all: set[str] | None = set()
        for _, wanted in run.sysplexes:
            wanted_all = None if wanted is None or wanted_all is None else wanted_all | wanted

        def fixable_findings() -> list[Diagnostic]:
            run.load()  # the files changed: read them again
            return [d if _fixable_in(d, wanted_all) else _without_fix(d) for d in run.lint(select, ignore)]

        _, results = fix_until_stable(fixable_findings, encoding=args.encoding)
        diags = run.lint(select, ignore)
        fixed = sum(r.fixes for r in results)
        note = sys.stdout if args.format == "text" else sys.stderr
        for r in results:
            if r.error:
                _err(f"error: {_rel(r.path)}: {r.error}")
                fix_failed = True
        if fixed and not args.quiet:
            files = sum(1 for r in results if r.fixes)
            print(f"Fixed {plural(fixed, 'finding')} in {plural(files, 'file')}.", file=note)
    else:
        diags = run.lint(select, ignore)
    summary = run.summary(diags)
    if not args.quiet or not diags:
        for message in run.unchecked:
            _err(f"warning: {message}")
    _emit(args, diags, summary, nothing_checked=bool(run.unchecked) and not diags)
    if not run.sysplexes or (summary.files == 0 and summary.systems == 0 and not diags):
        if not args.quiet:
            _err("warning: no TCP/IP profile or IZUPRMxx member found in " + ", ".join(run.paths))
    if fix_failed:
        return EXIT_USAGE  # an I/O problem: a file could not be fixed
    return EXIT_FINDINGS if fails(diags, fail_on) else EXIT_OK


def _trust_config(args: argparse.Namespace) -> None:
    """``--config PATH``, or an inventory named as a PATH: use and trust it (as
    ruff's ``--config``; an inventory found by walking up must pass the owner
    checks of :func:`zparse.workspace.config.trust_problem`, a named one is
    accepted, for this process)."""
    from .workspace.config import INVENTORY_NAMES, trust

    config = getattr(args, "config", None)
    named = [p for p in (getattr(args, "paths", None) or [getattr(args, "path", None)])
             if p and os.path.basename(p) in INVENTORY_NAMES and os.path.isfile(p)]  # named: chosen, trusted
    if config is not None:
        _must_exist(config)
        if not os.path.isfile(config) or os.path.basename(config) not in INVENTORY_NAMES:
            raise UsageError(f"--config {config}: expected a zlint.toml or pyproject.toml file")
        named.append(config)
    for p in named:
        trust(p)


def _without_fix(d: Diagnostic) -> Diagnostic:
    import attrs

    return attrs.evolve(d, fix=None)


def _rel(path: str) -> str:
    from .outputs.common import relpath

    return relpath(path) or path


def _validate_codes(codes: list[str] | None, flag: str) -> None:
    if not codes:
        return
    from .codes import CODES

    for c in codes:
        if c == "ALL":
            continue
        if not any(code.startswith(c) for code in CODES):
            raise UsageError(f"{flag}: {c!r} is not a code or a prefix of one{_did_you_mean(c)}")


def _did_you_mean(text: str) -> str:
    similar = _similar_codes(text)
    return f" (did you mean {', '.join(similar)}?)" if similar else ""


def _similar_codes(text: str) -> list[str]:
    """Codes close to ``text``: by spelling of the code, then of the rule name."""
    import difflib

    from .codes import CODES
    from .source import edit_distance

    t = text.upper()
    ranked = sorted((edit_distance(t, code), code) for code in CODES)
    close = [code for dist, code in ranked if dist <= 2][:6]
    names = {info.name.upper(): code for code, info in CODES.items()}
    for n in difflib.get_close_matches(t, list(names), n=3, cutoff=0.6):
        if names[n] not in close:
            close.append(names[n])
    if not close:
        family = t.rstrip("0123456789")
        close = [c for c in CODES if family and c.startswith(family)][:6]
    return close[:6]


def _emit(args: argparse.Namespace, diags: Sequence[Diagnostic], summary: Summary, *,
          nothing_checked: bool = False) -> None:
    fmt = args.format
    if args.statistics:
        if fmt == "json":
            import json
            from collections import Counter

            counts = Counter(d.code for d in diags)
            fixable = Counter(d.code for d in diags if d.fix is not None and d.fix.safe)
            from .codes import CODES

            rows = [{"code": c, "name": CODES[c].name if c in CODES else c.lower(), "count": n,
                     "fixable": fixable[c]} for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
            _write_utf8(json.dumps(rows, indent=2) + "\n")
            return
        from .outputs.text import render_statistics

        color = _use_color(args.color, sys.stdout)
        _write(render_statistics(diags, color=color))
        if not args.quiet:
            _write(summary.sentence() + "\n")
        return
    if fmt == "json":
        from .outputs.jsonfmt import render_json

        _write_utf8(render_json(diags, summary))
    elif fmt == "sarif":
        from .outputs.sarif import render_sarif

        _write_utf8(render_sarif(diags))
    elif fmt == "github":
        from .outputs.github import render_github

        _write(render_github(diags))
    else:
        from .outputs.text import render_text

        color = _use_color(args.color, sys.stdout)
        body = render_text(diags, color=color, show_source=not args.no_source)
        _write(body)
        if not args.quiet:
            if body:
                _write("\n")
            _write(("Nothing was checked (see the warning)." if nothing_checked else summary.sentence()) + "\n")
            n_fixable = sum(1 for d in diags if d.fix is not None and d.fix.safe)
            if n_fixable and not args.fix:
                _write(f"[*] {n_fixable} fixable with `zlint check --fix`.\n")


# ----------------------------------------------------------- explain, rules
def cmd_explain(args: argparse.Namespace) -> int:
    """``zlint explain CODE``: the rule's full documentation."""
    from .codes import CODES

    wanted = args.code.strip().upper()
    by_name = {info.name.upper(): code for code, info in CODES.items()}
    code = wanted if wanted in CODES else by_name.get(wanted)
    if code is None:
        similar = _similar_codes(wanted)
        hint = f"; similar codes: {', '.join(similar)}" if similar else ""
        _err(f"unknown code {args.code!r}{hint}. `zlint rules` lists every code.")
        return EXIT_USAGE
    info = CODES[code]
    from .engine import registry

    rule = registry().get(code)
    doc = rule.doc if rule and rule.doc else ""
    _write(f"{code} ({info.name}) · {info.severity.value} · {info.scope} scope\n\n")
    if doc:
        _write(doc.rstrip() + "\n")
    else:
        _write(info.summary + "\n\n(No detailed documentation for this code yet.)\n")
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    """``zlint rules``: the catalogue of codes."""
    from .codes import CODES
    from .engine import registry

    reg = registry()
    rows: list[dict[str, Any]] = [
        {"code": code, "name": info.name, "severity": info.severity.value, "scope": info.scope,
         "summary": info.summary, "documented": bool(reg.get(code) and reg[code].doc),
         "checked": bool(reg.get(code) and reg[code].check is not None) or info.scope == "parse"}
        for code, info in CODES.items()
    ]
    if args.format == "json":
        import json

        _write_utf8(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    wn = max(len(r["name"]) for r in rows)
    _write(f"{'CODE':<7} {'NAME':<{wn}}  {'SEVERITY':<8}  {'SCOPE':<7}  SUMMARY\n")
    for r in rows:
        _write(f"{r['code']:<7} {r['name']:<{wn}}  {r['severity']:<8}  {r['scope']:<7}  {r['summary']}\n")
    return EXIT_OK


# ------------------------------------------------------------------- parse
def guess_kind(path: str) -> str:
    """The kind of ``path`` by its name (:func:`zparse.workspace.discover.kind_of`); ``tcpip`` when the name says nothing."""
    from .workspace.discover import kind_of

    return kind_of(path) or "tcpip"


def _read_text(path: str, encoding: str | None) -> str:
    from .source import decode
    from .workspace.files import read_regular

    if os.path.isdir(path):
        raise UsageError(f"{path}: is a directory (zlint parse takes one file)")
    try:
        data = read_regular(path)  # a FIFO or a device is refused before it is opened
    except (OSError, ValueError) as e:
        raise UsageError(f"{path}: {getattr(e, 'strerror', None) or e}") from None
    try:
        return decode(data, encoding)[0]
    except LookupError:
        raise UsageError(f"--encoding: unknown encoding {encoding!r}") from None


def to_jsonable(value: Any, path: str | None = None) -> Any:
    """A model value as plain JSON data: attrs classes become objects (with a
    ``_type``), addresses and enums strings, spans ``"line:col-line:col"``
    (prefixed with the file when it is not ``path``, e.g. an INCLUDEd member)."""
    import enum
    import ipaddress

    import attrs

    from .source import Span

    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Span):
        sl, sc = value.start_line_col()
        el, ec = value.end_line_col()
        where = f"{sl}:{sc}-{el}:{ec}"
        if value.path is not None and value.path != path:
            from .outputs.common import relpath

            where = f"{relpath(value.path)}:{where}"
        return where
    if isinstance(value, enum.Enum):
        return value.value if isinstance(value.value, str) else value.name
    if isinstance(value, (ipaddress.IPv4Address, ipaddress.IPv6Address,
                          ipaddress.IPv4Network, ipaddress.IPv6Network)):
        return str(value)
    if attrs.has(type(value)):
        out: dict[str, Any] = {"_type": type(value).__name__}
        for f in attrs.fields(type(value)):
            if f.name == "source" or f.name.startswith("_"):
                continue  # the Source object, caches
            out[f.name] = to_jsonable(getattr(value, f.name), path)
        return out
    if isinstance(value, dict):
        return {str(to_jsonable(k, path)): to_jsonable(v, path) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [to_jsonable(v, path) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    return str(value)


def _tree_json(node: Any) -> dict[str, Any]:
    from .outputs.common import range_of
    from .source import Span
    from .syntax.cst import Node

    children: list[dict[str, Any]] = []
    for child in node.children:
        if isinstance(child, Node):
            children.append(_tree_json(child))
        elif not child.trivia:
            children.append({"type": child.type, "text": child.text,
                             "range": range_of(Span(node.source, child.start, child.end))})
    return {"kind": node.kind, "keyword": node.keyword, "range": range_of(node.span), "children": children}


def cmd_parse(args: argparse.Namespace) -> int:
    """``zlint parse FILE``: the syntax tree, the model and the diagnostics."""
    import json

    from . import parse
    from .outputs.common import LOSSY_NOTE, fails, json_text, printable, relpath

    kind = args.kind or guess_kind(args.file)
    symbols: dict[str, str] = {}
    for item in args.symbol or ():
        name, sep, val = item.partition("=")
        if not sep or not name:
            raise UsageError(f"--symbol {item!r}: expected NAME=VALUE")
        symbols[name.upper().strip("&.")] = val
    text = _read_text(args.file, args.encoding)
    try:
        result = parse(text, kind, path=args.file, symbols=symbols or None)
    except ImportError:
        raise UsageError(f"the {kind} parser is not available in this installation") from None
    diags = list(result.diagnostics)
    model = to_jsonable(result.model, args.file)
    if args.format == "json":
        from .outputs.jsonfmt import diagnostic_json

        doc = {
            "path": relpath(args.file),
            "kind": kind,
            "status": result.status,
            "tree": _tree_json(result.tree),
            "model": model,
            "diagnostics": [diagnostic_json(d) for d in diags],
        }
        _write_utf8(json_text(doc, on_lossy=lambda d: d.__setitem__("notes", [LOSSY_NOTE])))
    else:
        from .outputs.text import render_text

        def lines(text: str) -> str:
            return "".join(printable(line) + "\n" for line in text.split("\n"))

        _write(lines(f"# {relpath(args.file)} ({kind}, {result.status})") + "\n## tree\n")
        _write(lines(result.tree.dump()) + "\n## model\n")
        _write(lines(json.dumps(model, indent=2, ensure_ascii=False)) + "\n## diagnostics\n")
        body = render_text(diags, color=_use_color(args.color, sys.stdout))
        _write(body or "none\n")
    return EXIT_FINDINGS if fails(diags, _severity("error")) else EXIT_OK


# ------------------------------------------------------------------ report
def cmd_report(args: argparse.Namespace) -> int:
    """``zlint report``: the HA picture of a sysplex."""
    from .sysplex import load_sysplex

    _trust_config(args)
    path = args.path if args.path is not None else (args.config or ".")
    _must_exist(path)
    expanded = _expand([path])
    if len(expanded) > 1:
        shown = ", ".join(_rel(p) for p in expanded)
        raise UsageError(f"{path} holds several sysplexes ({shown}); name one of them")
    sysplex = _load_sysplex(load_sysplex, expanded[0], args.encoding)
    from .outputs.common import clean
    from .report import render_report

    text = render_report(sysplex, args.format)
    if args.output and args.output != "-":
        try:
            with open(args.output, "w", encoding="utf-8", newline="\n") as f:
                f.write(clean(text))
        except OSError as e:
            raise UsageError(f"{args.output}: {e.strerror or e}") from None
    elif args.format == "text":
        _write(text)
    else:
        _write_utf8(text)
    return EXIT_OK


# -------------------------------------------------------------------- diff
def cmd_diff(args: argparse.Namespace) -> int:
    """``zlint diff``: what a change does to each system and to failover."""
    from .review import render
    from .review.gitsource import GitError, is_revision
    from .review.sources import compare_folders, compare_git
    from .sysplex import load_sysplex

    fail_on = [x.strip() for v in args.fail_on or () for x in v.split(",") if x.strip()]
    for x in fail_on:
        if x not in render.FAIL_ON:
            raise UsageError(f"--fail-on: {x!r} is not one of {', '.join(render.FAIL_ON)}")

    def load(path: str) -> Sysplex:
        return _load_sysplex(load_sysplex, path, args.encoding)

    sides = list(args.sides)
    try:
        if args.git:
            if not sides:
                raise UsageError("--git needs a revision: zlint diff --git BASE [HEAD] [PATH]")
            base = sides.pop(0)
            head = sides.pop(0) if sides and is_revision(".", sides[0]) else None
            path = sides.pop(0) if sides else "."
            if sides:
                raise UsageError(f"unexpected arguments: {' '.join(sides)}")
            diffs = compare_git(base, head, path, encoding=args.encoding, load=load)
        else:
            if len(sides) != 2:
                raise UsageError("give two folders (zlint diff BEFORE AFTER) or revisions "
                                 "(zlint diff --git BASE [HEAD] [PATH])")
            for p in sides:
                if not os.path.exists(p):
                    raise UsageError(f"{p}: no such file or directory")
            diffs = compare_folders(sides[0], sides[1], load=load)
    except (GitError, ValueError) as e:
        raise UsageError(str(e)) from None
    if args.format == "json":
        _write(render.render_json(diffs))
    elif args.format == "markdown":
        _write(render.render_markdown(diffs))
    elif args.format == "github":
        _write(render.render_github(diffs))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            try:
                with open(summary, "a", encoding="utf-8") as f:
                    f.write(render.step_summary(diffs))
            except OSError as e:
                raise UsageError(f"GITHUB_STEP_SUMMARY {summary}: {e.strerror or e}") from None
    else:
        _write(render.render_text(diffs))
    return EXIT_FINDINGS if render.fails(diffs, fail_on) else EXIT_OK


# --------------------------------------------------------------------- lsp
def cmd_lsp(args: argparse.Namespace) -> int:
    """``zlint lsp``: the language server over stdio (needs ``zparse[lsp]``)."""
    import importlib

    try:
        server = importlib.import_module("zparse.lsp.server")
    except ImportError as e:
        missing = (e.name or "").split(".")[0]
        if missing in ("pygls", "lsprotocol"):
            _err(f"the language server needs {missing}: install zparse[lsp] "
                 "(pip install 'zparse[lsp]')")
        else:
            _err(f"the language server is not available in this installation ({e})")
        return EXIT_USAGE
    result = server.main()
    return int(result or 0)


# -------------------------------------------------------------------- main
def _build_parser() -> _Parser:
    parser = _Parser(
        prog="zlint",
        description="Lint z/OS TCP/IP profiles and z/OSMF IZUPRMxx members across a sysplex.",
        epilog="Run `zlint COMMAND --help` for the options of a command.",
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"zlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="lint files, folders or sysplex inventories",
                           description="Lint a sysplex. PATHs are folders (default .), zlint.toml "
                           "inventories or member files; for a file, its whole sysplex is read and "
                           "the findings in or related to that file are reported.")
    check.add_argument("paths", nargs="*", metavar="PATH")
    check.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text")
    check.add_argument("--select", metavar="CODES", help="only these codes or prefixes (comma-separated)")
    check.add_argument("--ignore", metavar="CODES", help="skip these codes or prefixes (comma-separated)")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                       help="lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes, then report what remains")
    check.add_argument("--statistics", action="store_true", help="count the findings per code")
    check.add_argument("-q", "--quiet", action="store_true", help="print the findings only, no summary")
    check.add_argument("--no-source", action="store_true", help="one line per finding, no source snippet")
    check.add_argument("--encoding", help="encoding of the member files (utf-8, cp1047, cp037, ...)")
    check.add_argument("-j", "--jobs", type=_jobs, metavar="N",
                       help="check up to N sysplexes at once, each in its own process (default: the cores)")
    check.add_argument("--config", metavar="PATH",
                       help="use (and trust) this zlint.toml or pyproject.toml; the PATHs default to it")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text output (auto: on a terminal; NO_COLOR always wins)")
    check.set_defaults(func=cmd_check)

    explain = sub.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("code", metavar="CODE", help="a code (HA301) or a rule name")
    explain.set_defaults(func=cmd_explain)

    rules = sub.add_parser("rules", help="list every code")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(func=cmd_rules)

    parse = sub.add_parser("parse", help="show one file's syntax tree, model and diagnostics")
    parse.add_argument("file", metavar="FILE")
    parse.add_argument("--kind", choices=("tcpip", "izuprm"),
                       help="file kind (default: izuprm for IZUPRM*, else tcpip)")
    parse.add_argument("--format", choices=("text", "json"), default="text")
    parse.add_argument("--encoding", help="encoding of the file (utf-8, cp1047, cp037, ...)")
    parse.add_argument("-D", "--symbol", action="append", metavar="NAME=VALUE",
                       help="a system symbol, e.g. -D SYSCLONE=01 (repeatable)")
    parse.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    parse.set_defaults(func=cmd_parse)

    report = sub.add_parser("report", help="the HA picture of a sysplex (DVIPAs, failover)")
    report.add_argument("path", nargs="?", default=None, metavar="PATH")
    report.add_argument("--format", choices=("text", "markdown", "html"), default="text")
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    report.add_argument("--encoding", help="encoding of the member files")
    report.add_argument("--config", metavar="PATH", help="use (and trust) this zlint.toml or pyproject.toml")
    report.set_defaults(func=cmd_report)

    diff = sub.add_parser("diff", help="what a change does to each system and to failover",
                          description="Compare two folders (BEFORE AFTER) or, with --git, two revisions "
                          "read from git objects (BASE [HEAD] [PATH]; no HEAD: the work tree): findings "
                          "new and fixed, effective configuration changes per system, failover before "
                          "and after.")
    diff.add_argument("sides", nargs="*", metavar="SIDE")
    diff.add_argument("--git", action="store_true", help="the sides are git revisions (no checkout)")
    diff.add_argument("--format", choices=("text", "markdown", "json", "github"), default="text")
    diff.add_argument("--fail-on", action="append", metavar="WHAT",
                      help="exit 1 on new-error, new-warning or lost-service (comma-separated or repeated)")
    diff.add_argument("--encoding", help="encoding of the member files")
    diff.set_defaults(func=cmd_diff)

    lsp = sub.add_parser("lsp", help="run the language server (needs zparse[lsp])")
    lsp.set_defaults(func=cmd_lsp)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``zlint`` with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    _tolerant_streams()
    parser = _build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except UsageError as e:
        _err(f"error: {e}")
        return EXIT_USAGE
    except SystemExit as e:  # --help, --version
        return int(e.code or 0) if isinstance(e.code, int) else EXIT_OK
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except UsageError as e:
        _err(f"error: {e}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as e:  # no traceback, ever; ZLINT_DEBUG=1 shows it
        return _unexpected(e)


def _unexpected(e: Exception) -> int:
    """Exit code 2 and a one-line message for what escaped a command."""
    name = type(e).__name__
    if any(c.__name__ == "InventoryError" for c in type(e).__mro__):  # not imported: keep start-up light
        _err(f"error: {e}")
        return EXIT_USAGE
    if isinstance(e, OSError):
        where = f"{e.filename}: " if e.filename else ""
        _err(f"error: {where}{e.strerror or e}")
        return EXIT_USAGE
    if os.environ.get("ZLINT_DEBUG"):
        import traceback

        traceback.print_exc()
    _err(f"internal error: {name}: {e} (set ZLINT_DEBUG=1 for the traceback; please report it)")
    return EXIT_USAGE


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
