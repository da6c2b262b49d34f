"""Rule registry and runner: one way to register, document and run every code.

A rule module under ``rules/`` has a Markdown module docstring (its
documentation, shown by ``zlint explain``) and either a check function
decorated with :func:`rule`, or, for codes the parsers emit themselves, a
call to :func:`documented`. Name, default severity and scope come from the
one code table, :data:`zparse.codes.CODES`.

:func:`lint` runs the rules over a :class:`~zparse.sysplex.Sysplex` by scope:

* ``file``: ``check(profile)`` once per system's TCP/IP profile (and per
  profile checked on its own); a check with a second parameter gets
  ``check(profile, sysplex)`` (None for a profile checked on its own), to
  tell what its finding costs across the systems; IZU-family file rules get
  ``check(izuprm)`` once per IZUPRMxx member;
* ``system``: ``check(system)`` once per :class:`~zparse.sysplex.System`;
* ``sysplex``: ``check(sysplex, index)`` once.

A single file checked on its own (``sysplex.mode == "file"``) runs the
file-scope rules only. Findings become diagnostics stamped with the code,
the severity (``[lint] severity`` override, else the finding's own, else the
table's) and the system. Codes are chosen with ``select``/``ignore`` (codes,
prefixes such as ``HA3``, or ``ALL``; the most specific entry wins, ``ignore``
on a tie; arguments win over ``[lint]`` in zlint.toml). A finding is
suppressed by a comment on its line or alone on the line above:
``; zlint: ignore[HA301,TCP104]`` in a profile, ``/* zlint: ignore[IZU204] */``
in parmlib; a bare ``zlint: ignore`` suppresses every code. A rule that
raises becomes one ZL001 diagnostic naming it; the other rules still run.

One defect is one finding: the same code and message at the same place is
reported once (:func:`one_per_defect`), however many systems or rule calls
produced it. A finding in a file that several systems read (a member
INCLUDEd by several profiles, an IZUPRMxx member several systems list)
carries every system it concerns in ``Diagnostic.systems`` and, for an
INCLUDEd member, a ``related`` note at each system's INCLUDE statement. Rules
therefore never de-duplicate their own findings.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .codes import CODES, Severity
from .diagnostics import Diagnostic, Fix, Related, Suppression, make, sort_diagnostics
from .selection import check_selectors, is_selected, selector_specificity
from .source import Span

if TYPE_CHECKING:
    from .lint_cache import LintCache
    from .sysplex import Sysplex

__all__ = [
    "Finding",
    "Rule",
    "Suppressions",
    "documented",
    "is_selected",
    "lint",
    "load_builtin_rules",
    "one_per_defect",
    "registry",
    "rule",
    "suppressed",
]


@attrs.frozen(kw_only=True)
class Finding:
    """What a check yields; the engine turns it into a Diagnostic."""

    span: Span
    message: str
    related: tuple[Related, ...] = ()
    help: str | None = None
    fix: Fix | None = None
    system: str | None = None
    severity: Severity | None = None  # only to lower/raise one finding on purpose


CheckFn = Callable[..., Iterable[Finding]]


@attrs.frozen
class Rule:
    """A registered code: its table entry, its doc and (for rules) its check.

    ``model`` is the model class a file-scope check takes (from the type of
    its first parameter: ``TcpipProfile``, ``IzuPrm``, ...); the engine calls
    the check once per model of that class, so a rule is scoped by what it
    reads, not by its code's prefix.
    """

    code: str
    name: str
    severity: Severity
    scope: str
    doc: str
    module: str
    check: CheckFn | None = None
    model: type | None = None
    reads: frozenset[str] | None = None  # sysplex rules: the facts read (zparse.sysplex.facts); None: all

    @property
    def summary(self) -> str:
        return CODES[self.code].summary


_REGISTRY: dict[str, Rule] = {}


def _module_doc(module: str) -> str:
    mod = sys.modules.get(module)
    return (mod.__doc__ or "").strip() if mod else ""


def _model_type(code: str, check: CheckFn) -> type:
    """The class of a file-scope check's first parameter (what the engine feeds it)."""
    params = list(inspect.signature(check).parameters.values())
    note = params[0].annotation if params else None
    if isinstance(note, str):  # postponed annotations: resolve the first one only
        try:
            note = eval(note, getattr(check, "__globals__", {}))
        except Exception:
            note = None
    want = note
    if not isinstance(want, type):
        raise TypeError(f"rule {code}: a file rule's first parameter must be annotated with the "
                        "model class it checks (TcpipProfile or IzuPrm)")
    return want


def _register(code: str, module: str, check: CheckFn | None, reads: frozenset[str] | None = None) -> Rule:
    info = CODES[code]
    model = _model_type(code, check) if check is not None and info.scope == "file" else None
    r = Rule(code, info.name, info.severity, info.scope, _module_doc(module), module, check, model, reads)
    _REGISTRY[code] = r
    return r


def rule(code: str, *, reads: Iterable[str] | None = None) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as the check of ``code``.

    ``reads`` (sysplex rules): the cross-system facts the check reads (names
    of :data:`zparse.sysplex.facts.FACTS`); the language server re-runs it
    only when one of them changed. None: it may read anything."""
    declared = frozenset(reads) if reads is not None else None

    def deco(fn: CheckFn) -> CheckFn:
        _register(code, fn.__module__, fn, declared)
        return fn

    return deco


def documented(code: str, module: str) -> None:
    """Register the documentation of a code that a parser emits itself."""
    _register(code, module, None)


def _rules_dir() -> Path | None:
    here = Path(__file__).resolve().parent
    for cand in (here / "rules", here.parent / "rules"):
        if (cand / "__init__.py").is_file():
            return cand
    return None


def load_builtin_rules() -> dict[str, Rule]:
    """Import every module of the built-in rules package once; return the registry.

    The package ships inside the wheel as ``zparse/rules``; in a checkout it
    is the top-level ``rules/`` folder. Either way it is imported under the
    name ``zparse.rules``.
    """
    if "zparse.rules" not in sys.modules:
        folder = _rules_dir()
        if folder is None:
            raise RuntimeError("the built-in rules folder is missing from this installation")
        spec = importlib.util.spec_from_file_location(
            "zparse.rules", folder / "__init__.py", submodule_search_locations=[str(folder)]
        )
        assert spec is not None and spec.loader is not None
        pkg = importlib.util.module_from_spec(spec)
        sys.modules["zparse.rules"] = pkg
        spec.loader.exec_module(pkg)
        for info in pkgutil.walk_packages([str(folder)], prefix="zparse.rules."):
            importlib.import_module(info.name)
    return dict(_REGISTRY)


def registry() -> dict[str, Rule]:
    """Every registered rule by code (the built-in rules are loaded first)."""
    return load_builtin_rules()


def rule_doc(code: str) -> str:
    r = registry().get(code.upper())
    return r.doc if r else ""



# ---------------------------------------------------------------- suppression comments

class Suppressions:
    """The ``zlint: ignore[...]`` comments of a sysplex, by file and line.

    Read from the models (the lexers found them in their comment tokens; a
    profile carries those of its INCLUDEd members too), never from the text.
    A comment covers findings that start on its line; a comment alone on its
    line also covers the line below.
    """

    def __init__(self, sysplex: Sysplex) -> None:
        self._at: dict[tuple[str | None, int], list[Suppression]] = {}
        seen: set[tuple[str | None, int]] = set()
        for f in sysplex.files:
            for sup in getattr(f.model, "suppressions", None) or ():
                key = (sup.span.path, sup.span.start)
                if key in seen:  # a member INCLUDEd by several profiles
                    continue
                seen.add(key)
                line = sup.span.start_line_col()[0]
                self._at.setdefault((sup.span.path, line), []).append(sup)

    def covers(self, diag: Diagnostic) -> bool:
        """Whether a comment suppresses ``diag``."""
        if not self._at:
            return False
        path = diag.span.path
        line = diag.span.start_line_col()[0]
        for ln, own_only in ((line, False), (line - 1, True)):
            for sup in self._at.get((path, ln), ()):
                if own_only and not sup.own_line:
                    continue
                if not sup.codes or "ALL" in sup.codes:
                    return True
                if any(selector_specificity(diag.code, c) is not None for c in sup.codes):
                    return True
        return False


def suppressed(diag: Diagnostic, suppressions: Suppressions) -> bool:
    """Whether an inline ``zlint: ignore`` comment covers ``diag`` (its start
    line, or a comment alone on the line right above it)."""
    return suppressions.covers(diag)


# ---------------------------------------------------------------- running


def _rules_of(rules: Iterable[Rule] | Mapping[str, Rule] | None) -> list[Rule]:
    if rules is None:
        found: Iterable[Rule] = load_builtin_rules().values()
    elif isinstance(rules, Mapping):
        found = rules.values()
    else:
        found = rules
    return sorted(found, key=lambda r: r.code)


def _calls(rule_: Rule, sysplex: Sysplex) -> Iterator[tuple[tuple[Any, ...], str | None]]:
    """The argument tuples a rule is called with, and the system each concerns."""
    if rule_.scope == "file":
        # A profile is checked as its system reads it (symbols and INCLUDEs
        # resolved), a standalone profile and every IZUPRMxx member on its own.
        # A check with a second parameter also gets the sysplex (None for a
        # file checked on its own) to name what a rejection costs.
        units: list[tuple[Any, str | None, bool]] = [(s.profile, s.name, False) for s in sysplex.systems
                                                     if s.profile is not None]
        units.extend((f.model, f.system if f.kind == "izuprm" else None, f.standalone)
                     for f in sysplex.files if f.model is not None and (f.standalone or f.kind == "izuprm"))
        wide = rule_.check is not None and len(inspect.signature(rule_.check).parameters) > 1
        for model, system, alone in units:
            if rule_.model is not None and isinstance(model, rule_.model):
                if wide:
                    yield (model, None if alone or sysplex.single_file else sysplex), system
                else:
                    yield (model,), system
        return
    if sysplex.single_file:
        return
    if rule_.scope == "system":
        for s in sysplex.systems:
            yield (s,), s.name
    elif rule_.scope == "sysplex":
        yield (sysplex, sysplex.index), None


def lint(sysplex: Sysplex, *, select: Sequence[str] | None = None, ignore: Sequence[str] | None = None,
         rules: Iterable[Rule] | Mapping[str, Rule] | None = None, cache: LintCache | None = None,
         ) -> list[Diagnostic]:
    """Every finding for ``sysplex``: the diagnostics of reading and parsing
    its files, then every registered rule by scope; selected, suppressed and
    stamped as described in the module docstring; deterministic order
    (:func:`~zparse.diagnostics.sort_diagnostics`), whatever the order of
    the systems in the inventory.

    With a ``cache`` (:class:`~zparse.lint_cache.LintCache`, kept across
    runs on new versions of one sysplex) a rule call whose inputs did not
    change is not run again.

    ``rules`` defaults to the built-in rules. Raises ValueError for a
    ``select``/``ignore`` entry that is not a code, a prefix or ALL.
    """
    check_selectors(select, "select")
    check_selectors(ignore, "ignore")
    config = sysplex.config

    def wanted(code: str) -> bool:
        return is_selected(code, config, select=select, ignore=ignore)

    out: list[Diagnostic] = [d for d in sysplex.diagnostics if wanted(d.code)]
    for r in _rules_of(rules):
        if r.check is None or not wanted(r.code) or r.scope == "parse":
            continue
        got: list[Diagnostic] = []
        try:
            for args, system in _calls(r, sysplex):
                if cache is None:
                    got.extend(_check(r, sysplex, args, system))
                else:
                    got.extend(cache.findings(r, sysplex, args, system,
                                              lambda: _check(r, sysplex, args, system)))  # noqa: B023
        except Exception as exc:  # a rule bug must not hide the other rules' findings
            if wanted("ZL001"):
                src = sysplex.first_source()
                out.append(make("ZL001", f"rule {r.code} ({r.name}) failed on this sysplex: "
                                f"{type(exc).__name__}: {exc}; the other rules still ran",
                                Span(src, 0, 0)))
            continue
        out.extend(got)
    lines = Suppressions(sysplex)
    final: list[Diagnostic] = []
    for d in one_per_defect(out, sysplex):
        if suppressed(d, lines):
            continue
        override = config.severity_for(d.code)
        final.append(attrs.evolve(d, severity=override) if override and override is not d.severity else d)
    return sort_diagnostics(final)


# ---------------------------------------------------------------- one defect, one finding


def _defect_key(d: Diagnostic) -> tuple[object, ...]:
    span = d.span
    where: object = span.path if span.path is not None else id(span.source)
    return (d.code, where, span.start, span.end, d.message)


class _Readers:
    """Which systems read a file, and where each INCLUDEs it (computed on demand, once)."""

    def __init__(self, sysplex: Sysplex) -> None:
        self.sysplex = sysplex
        self._readers: dict[str, tuple[str, ...]] = {}
        self._includes: dict[tuple[str, str], list[Span]] | None = None

    def of(self, path: str | None) -> tuple[str, ...]:
        if path is None:
            return ()
        got = self._readers.get(path)
        if got is None:
            got = self._readers[path] = tuple(sorted(self.sysplex.systems_of(path)))
        return got

    def include_spans(self, system: str, path: str) -> list[Span]:
        if self._includes is None:
            self._includes = {}
            for s in self.sysplex.systems:
                for inc in s.profile.includes if s.profile is not None else ():
                    if inc.path:
                        self._includes.setdefault((s.name, inc.path), []).append(inc.span)
        return self._includes.get((system, path), [])


def one_per_defect(diags: Iterable[Diagnostic], sysplex: Sysplex) -> list[Diagnostic]:
    """Merge the diagnostics that report one defect: same code, same message,
    same place. A file that each system reads on its own (a shared INCLUDE
    member parsed once per profile, a shared IZUPRMxx member) or a rule that
    meets the same fact from several sides gives several copies; they become
    one diagnostic naming every system it concerns (``systems``; a copy
    without a system stands for every system that reads the file), at the
    highest severity of the copies, with their ``related`` notes joined and,
    for an INCLUDEd member, a note at each system's INCLUDE statement.
    Linear in the number of diagnostics; the order of first appearance stays.
    """
    groups: dict[tuple[object, ...], list[Diagnostic]] = {}
    for d in diags:
        groups.setdefault(_defect_key(d), []).append(d)
    readers = _Readers(sysplex)
    return [_merge(group, readers) for group in groups.values()]


def _merge(group: list[Diagnostic], readers: _Readers) -> Diagnostic:
    first = group[0]
    path = first.span.path
    shared = readers.of(path)
    named = {name for d in group for name in d.concerns}
    if len(shared) > 1:
        if any(not d.concerns for d in group):
            named.update(shared)
        systems = tuple(sorted(named))
    elif len(named) > 1:
        systems = tuple(sorted(named))
    else:
        systems = ()
    if len(group) == 1 and not systems:
        return first
    related: dict[tuple[object, ...], Related] = {}
    for d in group:
        for r in d.related:
            related.setdefault((r.span.sort_key(), r.message), r)
    if path is not None and len(shared) > 1:
        for name in systems:
            for span in readers.include_spans(name, path):
                r = Related(span, f"{name} INCLUDEs this member")
                related.setdefault((span.sort_key(), r.message), r)
    severity = max((d.severity for d in group), key=lambda s: s.rank)
    if systems:
        system = systems[0] if len(systems) == 1 else None
    else:
        system = next(iter(named), None)
    return attrs.evolve(
        first, severity=severity, system=system, systems=systems, related=tuple(related.values()),
        help=next((d.help for d in group if d.help), None), fix=next((d.fix for d in group if d.fix), None),
    )


def _check(r: Rule, sysplex: Sysplex, args: tuple[Any, ...], system: str | None) -> list[Diagnostic]:
    """One call of a rule's check, its findings stamped as diagnostics."""
    assert r.check is not None
    return [Diagnostic(code=r.code, severity=f.severity or r.severity, message=f.message, span=f.span,
                       system=f.system or system or _system_of(sysplex, f.span), related=f.related,
                       help=f.help, fix=f.fix)
            for f in r.check(*args)]


def _system_of(sysplex: Sysplex, span: Span) -> str | None:
    names = sysplex.systems_of(span.path or "")
    return names[0] if len(names) == 1 else None
