"""The typed model of IZUPRMxx members (z/OSMF parmlib).

* :mod:`~zparse.model.izuprm.nodes` -- the frozen attrs classes and the
  setting table (:data:`SETTINGS`), re-exported here;
* :mod:`~zparse.model.izuprm.build` -- :func:`parse_izuprm`, syntax tree to model;
* :mod:`~zparse.model.izuprm.merge` -- :func:`merge_members`, a member list in
  concatenation order folded into one model, and :func:`member_overrides`,
  what each later member changes (the facts IZU205 judges).

Independent of the TCP/IP model; only :mod:`zparse.sysplex` joins them.
"""

from __future__ import annotations

from .build import parse_izuprm
from .merge import Override, member_overrides, merge_members
from .nodes import (
    KNOWN_PLUGINS,
    SETTINGS,
    Autostart,
    IzuPrm,
    Operand,
    SecGroups,
    Setting,
    SettingSpec,
    SettingValue,
    Statement,
    TsoSettings,
    Value,
    ValueKind,
    WlmClasses,
)

__all__ = [
    "KNOWN_PLUGINS",
    "SETTINGS",
    "Autostart",
    "IzuPrm",
    "Operand",
    "Override",
    "SecGroups",
    "Setting",
    "SettingSpec",
    "SettingValue",
    "Statement",
    "TsoSettings",
    "Value",
    "ValueKind",
    "WlmClasses",
    "member_overrides",
    "merge_members",
    "parse_izuprm",
]
