"""Concatenated IZUPRMxx members (``IZUPRM=(00,01)``) folded into one model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath, PureWindowsPath

from ...codes import Severity
from ...diagnostics import Diagnostic, Related, make, sort_diagnostics
from ..result import ParseResult
from .build import _show
from .nodes import (
    SETTINGS,
    IzuPrm,
    Setting,
    SettingSpec,
    SettingValue,
    Statement,
    ValueKind,
)

__all__ = ["merge_members"]

# ---------------------------------------------------------------------------
# Concatenation: IZUPRM=(00,01)


def _member_name(path: str | None, index: int) -> str:
    if not path:
        return f"member {index + 1}"
    name = PureWindowsPath(path).name if "\\" in path else PurePosixPath(path).name
    return name or path


def _same(spec: SettingSpec, a: SettingValue, b: SettingValue) -> bool:
    if spec.kind is ValueKind.HOSTNAME and isinstance(a, str) and isinstance(b, str):
        return a.casefold() == b.casefold()
    if spec.kind is ValueKind.LIST and isinstance(a, tuple) and isinstance(b, tuple):
        return set(a) == set(b)
    return a == b


def _shown(value: SettingValue) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(value) + ")"
    return _show(str(value))


def merge_members(results: Sequence[ParseResult[IzuPrm]]) -> tuple[IzuPrm, tuple[Diagnostic, ...]]:
    """Fold concatenated members (``IZUPRM=(00,01)``, in that order) into one model.

    Policy (IBM documents none for IZUPRMxx; the z/OS convention for parmlib
    members of this syntax): a later member wins for every single-valued
    setting (each sub-keyword of COMMON_TSO, RESTAPI_FILE, INCIDENT_LOG,
    WLM_CLASSES and SEC_GROUPS counts on its own); PLUGINS lists are merged
    (union, first-seen order). Returns the merged model (all statements, in
    member order) and IZU205 findings: a warning at the later member's
    statement whenever two members set the same setting to different values,
    with a Related pointing at the other member's statement; an info finding
    when PLUGINS lists differ (they are merged, not replaced). The members'
    own findings stay in their results.
    """
    diags: list[Diagnostic] = []
    statements: list[Statement] = []
    current: dict[str, tuple[int, Setting]] = {}
    paths: list[str | None] = []
    for index, result in enumerate(results):
        model = result.model
        paths.append(result.source.path)
        statements.extend(model.statements)
        for setting in model.settings:
            if setting.is_default:
                continue
            spec = SETTINGS[setting.name]
            prev = current.get(setting.name)
            if prev is not None and prev[0] != index and not _same(spec, prev[1].value, setting.value):
                other_index, other = prev
                other_name = _member_name(paths[other_index], other_index)
                here = _member_name(paths[index], index)
                span = setting.span or result.tree.span
                other_span = other.span or span
                if spec.kind is ValueKind.LIST:
                    diags.append(
                        make(
                            "IZU205",
                            f"PLUGINS differs between {other_name} {_shown(other.value)} and {here} "
                            f"{_shown(setting.value)}; zlint merges the lists (unverified)",
                            span,
                            severity=Severity.INFO,
                            related=[Related(other_span, f"PLUGINS in {other_name}")],
                        )
                    )
                else:
                    diags.append(
                        make(
                            "IZU205",
                            f"{spec.name} is {_shown(setting.value)} in {here} but {_shown(other.value)} in "
                            f"{other_name}; the later member wins ({_shown(setting.value)})",
                            span,
                            related=[Related(other_span, f"{spec.name} in {other_name}")],
                            help="set it in one member only, or to the same value",
                        )
                    )
            current[setting.name] = (index, setting)
    merged = IzuPrm.from_statements(statements, path=None, members=paths or (None,))
    return merged, tuple(sort_diagnostics(diags))
