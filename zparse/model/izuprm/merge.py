"""Concatenated IZUPRMxx members (``IZUPRM=(00,01)``) folded into one model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath, PureWindowsPath

import attrs

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

__all__ = ["Override", "member_overrides", "merge_members"]

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


@attrs.frozen(kw_only=True)
class Override:
    """A setting that a later member of a concatenation sets to another value
    than the member before it did (members counted from 0, in concatenation
    order). The later value wins; PLUGINS lists are merged instead
    (``merged``)."""

    name: str
    earlier: int
    later: int
    earlier_member: str
    later_member: str
    before: Setting
    after: Setting

    @property
    def merged(self) -> bool:
        """True for PLUGINS: both lists take effect (union)."""
        return SETTINGS[self.name].kind is ValueKind.LIST

    @property
    def shown_before(self) -> str:
        return _shown(self.before.value)

    @property
    def shown_after(self) -> str:
        return _shown(self.after.value)


def member_overrides(members: Sequence[IzuPrm]) -> tuple[Override, ...]:
    """Every setting a later member changes (``IZUPRM=(00,01)``: 01 against 00):
    the facts behind IZU205, which decides, knowing which systems read each
    member, whether an override is intended. Values are compared as z/OSMF
    reads them (host names without regard to case, PLUGINS as sets)."""
    out: list[Override] = []
    current: dict[str, tuple[int, Setting]] = {}
    for index, model in enumerate(members):
        for setting in model.settings:
            if setting.is_default:
                continue
            prev = current.get(setting.name)
            if prev is not None and prev[0] != index and not _same(SETTINGS[setting.name], prev[1].value, setting.value):
                out.append(Override(
                    name=setting.name, earlier=prev[0], later=index,
                    earlier_member=_member_name(members[prev[0]].path, prev[0]),
                    later_member=_member_name(model.path, index), before=prev[1], after=setting,
                ))
            current[setting.name] = (index, setting)
    return tuple(out)


def merge_members(results: Sequence[ParseResult[IzuPrm]]) -> IzuPrm:
    """Fold concatenated members (``IZUPRM=(00,01)``, in that order) into one model.

    Policy (IBM documents none for IZUPRMxx; the z/OS convention for parmlib
    members of this syntax): a later member wins for every single-valued
    setting (each sub-keyword of COMMON_TSO, RESTAPI_FILE, INCIDENT_LOG,
    WLM_CLASSES and SEC_GROUPS counts on its own); PLUGINS lists are merged
    (union, first-seen order). Returns the merged model: all statements, in
    member order, and in ``overrides`` what each later member changed
    (:func:`member_overrides`; the rule IZU205 judges them, knowing which
    systems read each member). The members' own findings stay in their results.
    """
    statements: list[Statement] = []
    paths: list[str | None] = []
    for result in results:
        paths.append(result.source.path)
        statements.extend(result.model.statements)
    overrides = member_overrides([r.model for r in results])
    return IzuPrm.from_statements(statements, path=None, members=paths or (None,), overrides=overrides)
