"""The one diagnostic type, shared by parsers, rules, reporters and the LSP."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .codes import CODES, Severity
from .source import Span

__all__ = ["Diagnostic", "Edit", "Fix", "Related", "Severity", "Suppression", "make", "sort_diagnostics"]


@attrs.frozen
class Suppression:
    """One ``zlint: ignore[...]`` comment, as the lexer found it.

    ``codes`` are the codes or prefixes it names (empty: every code);
    ``own_line``: the comment is alone on its line, so it also covers the
    line below. The engine reads these from the models, never from the text.
    """

    span: Span = attrs.field(eq=False)
    codes: frozenset[str]
    own_line: bool


@attrs.frozen
class Related:
    """Another place that explains a finding, possibly in another system's file."""

    span: Span
    message: str


@attrs.frozen
class Edit:
    """Replace the text of ``span`` with ``replacement``."""

    span: Span
    replacement: str


@attrs.frozen
class Fix:
    """Edits that together repair a finding. ``safe`` fixes are certain and
    applied by ``zlint check --fix``."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = True


@attrs.frozen(kw_only=True)
class Diagnostic:
    """A finding: a code, its severity, a message and where it is.

    ``system`` is the one system the finding concerns, when there is one.
    ``systems`` is set for a finding in a file that several systems read (a
    member INCLUDEd by several profiles, an IZUPRMxx member several systems
    list): every system, by name, that the finding concerns there, so that one
    defect is one finding; it is empty for a file of one system.
    """

    code: str
    severity: Severity
    message: str
    span: Span
    system: str | None = None
    related: tuple[Related, ...] = ()
    help: str | None = None
    fix: Fix | None = None
    systems: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        info = CODES.get(self.code)
        return info.name if info else self.code.lower()

    @property
    def path(self) -> str | None:
        return self.span.path

    @property
    def concerns(self) -> tuple[str, ...]:
        """Every system the finding concerns: ``systems``, else ``system``, else none."""
        if self.systems:
            return self.systems
        return (self.system,) if self.system else ()

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        return (self.span.path or "", self.span.start, self.span.end, self.code, self.system or "", self.message)


def make(
    code: str,
    message: str,
    span: Span,
    *,
    severity: Severity | None = None,
    related: Iterable[Related] = (),
    help: str | None = None,
    fix: Fix | None = None,
    system: str | None = None,
) -> Diagnostic:
    """Build a diagnostic with the code's default severity unless one is given."""
    return Diagnostic(
        code=code,
        severity=severity or CODES[code].severity,
        message=message,
        span=span,
        related=tuple(related),
        help=help,
        fix=fix,
        system=system,
    )


def sort_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Deterministic order: path, position, code, system, message; duplicates dropped."""
    seen: set[tuple[object, ...]] = set()
    out: list[Diagnostic] = []
    for d in sorted(diags, key=Diagnostic.sort_key):
        key = d.sort_key()
        if key in seen:
            continue
        seen.add(key)
        out.append(d)
    return out
