"""Findings kept across lint runs of one sysplex (the language server's).

:func:`zparse.engine.lint` takes a :class:`LintCache` and asks it for each
rule call's findings:

* a file rule's findings are kept per model object (the language server's
  parsers return the same parse result while a file's text is unchanged)
  and system; a file rule that also takes the sysplex (to name what a
  rejected statement costs) keeps them while every model of the sysplex
  is equal too, as a sysplex rule that declares nothing;
* a system rule's per system, while that system's models and paths are the
  same objects;
* a sysplex rule's while the facts it declares it reads
  (:mod:`zparse.sysplex.facts`) compare equal. Its findings may point into
  files that were edited meanwhile: each place is carried over to the new
  text when it lies outside the edited stretch (the text between the longest
  common prefix and suffix of the two versions), else the rule runs again.

What a run did not ask for is dropped at the start of the next run. The
findings are those of the rule before suppression comments and severity
overrides, which the engine applies afresh each run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .diagnostics import Diagnostic, Edit, Fix, Related
from .source import Source, Span

if TYPE_CHECKING:
    from .engine import Rule
    from .sysplex import Sysplex

__all__ = ["LintCache"]


class _Unmappable(Exception):
    pass


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # the longest prefix where a[:n] == b[:n]: binary search with C-speed compares
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, limit
    la, lb = len(a), len(b)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[la - mid:la - lo] == b[lb - mid:lb - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


class LintCache:
    """Per-rule findings of the previous runs, and the counts of the last run
    (``ran``: rule calls computed, ``reused``: taken from the cache)."""

    def __init__(self) -> None:
        self._old: dict[tuple[Any, ...], tuple[Any, list[Diagnostic]]] = {}
        self._new: dict[tuple[Any, ...], tuple[Any, list[Diagnostic]]] = {}
        self._sysplex: Sysplex | None = None
        self._sources: dict[str, Source] = {}
        self._facts: dict[frozenset[str] | None, tuple[Any, ...]] = {}
        self._regions: dict[tuple[int, int], tuple[int, int, int]] = {}
        self.ran = 0
        self.reused = 0
        self.computed: list[tuple[str, str | None]] = []  # (code, system) of each call run last time

    def _start(self, sysplex: Sysplex) -> None:
        self._old, self._new = self._new, {}
        self._sysplex = sysplex
        self._facts = {}
        self._regions = {}
        self.ran = self.reused = 0
        self.computed = []
        sources: dict[str, Source] = {}
        for f in sysplex.files:
            if f.result is not None:
                for src in (f.result.source, *f.result.includes):
                    if src.path is not None:
                        sources.setdefault(src.path, src)
        self._sources = sources

    def findings(self, rule: Rule, sysplex: Sysplex, args: Sequence[Any], system: str | None,
                 compute: Callable[[], list[Diagnostic]]) -> list[Diagnostic]:
        """The findings of one call of ``rule``: kept ones, or ``compute()``'s."""
        if sysplex is not self._sysplex:
            self._start(sysplex)
        wide = rule.scope == "file" and len(args) > 1 and args[1] is not None
        if wide:  # a file check that also gets the sysplex (what a rejection costs): its facts count too
            key: tuple[Any, ...] = ("file+sysplex", rule.code, id(args[0]), system)
            stamp: Any = (args[0], self._key_of(sysplex, None))
        elif rule.scope == "file":
            key = ("file", rule.code, id(args[0]), system)
            stamp = args[0]
        elif rule.scope == "system":
            s = args[0]
            key = ("system", rule.code, s.name)
            stamp = ((s.profile, s.izuprm, *s.izuprm_members),
                     (s.tcpip_path, s.tcpip_status, s.izuprm_paths, s.include_paths, s.folder,
                      tuple(sorted(s.symbols.items()))))
        else:
            key = ("sysplex", rule.code)
            stamp = self._key_of(sysplex, getattr(rule, "reads", None))
        scope = "wide" if wide else rule.scope
        hit = self._new.get(key) or self._old.get(key)
        if hit is not None and self._same(hit[0], stamp, scope):
            try:
                diags = hit[1] if scope not in ("sysplex", "wide") else [self._carry(d) for d in hit[1]]
            except _Unmappable:
                pass
            else:
                self.reused += 1
                self._new[key] = (stamp, diags)
                return diags
        diags = compute()
        self.ran += 1
        self.computed.append((rule.code, system))
        self._new[key] = (stamp, diags)
        return diags

    def _key_of(self, sysplex: Sysplex, reads: frozenset[str] | None) -> tuple[Any, ...]:
        if reads not in self._facts:
            from .sysplex.facts import facts_key

            self._facts[reads] = facts_key(sysplex, reads)
        return self._facts[reads]

    @staticmethod
    def _same(old: Any, new: Any, scope: str) -> bool:
        if scope == "wide":
            return old[0] is new[0] and bool(old[1] == new[1])
        if scope == "sysplex":
            return bool(old == new)
        if scope == "file":
            return old is new
        models, rest = old  # system scope: the same model objects, equal paths and symbols
        return (len(models) == len(new[0]) and all(a is b for a, b in zip(models, new[0]))
                and bool(rest == new[1]))

    # ------------------------------------------------------------ carrying places over
    def _span(self, span: Span) -> Span:
        old = span.source
        new = self._sources.get(old.path) if old.path is not None else None
        if new is None:
            raise _Unmappable
        if new is old:
            return span
        region = self._regions.get((id(old), id(new)))
        if region is None:
            a, b = old.text, new.text
            prefix = _common_prefix(a, b)
            suffix = _common_suffix(a, b, min(len(a), len(b)) - prefix)
            region = self._regions[(id(old), id(new))] = (prefix, len(a) - suffix, len(b) - len(a))
        prefix, old_end, delta = region
        if span.end <= prefix:
            return Span(new, span.start, span.end)
        if span.start >= old_end:
            return Span(new, span.start + delta, span.end + delta)
        raise _Unmappable

    def _carry(self, d: Diagnostic) -> Diagnostic:
        span = self._span(d.span)
        related = tuple(Related(self._span(r.span), r.message) for r in d.related)
        fix = d.fix
        if fix is not None:
            fix = Fix(fix.description, tuple(Edit(self._span(e.span), e.replacement) for e in fix.edits), fix.safe)
        if span is d.span and all(a.span is b.span for a, b in zip(related, d.related)) and fix == d.fix:
            return d
        return attrs.evolve(d, span=span, related=related, fix=fix)
