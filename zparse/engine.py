"""Rule registry: one way to register and document every code.

A rule module under ``rules/`` has a Markdown module docstring (its
documentation, shown by ``zlint explain``) and either a check function
decorated with :func:`rule`, or, for codes the parsers emit themselves, a
call to :func:`documented`. Name, default severity and scope come from the
one code table, :data:`zparse.codes.CODES`.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path


import attrs

from .codes import CODES, Severity
from .diagnostics import Fix, Related
from .source import Span

__all__ = ["Finding", "Rule", "documented", "load_builtin_rules", "registry", "rule"]


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
    code: str
    name: str
    severity: Severity
    scope: str
    doc: str
    module: str
    check: CheckFn | None = None

    @property
    def summary(self) -> str:
        return CODES[self.code].summary


_REGISTRY: dict[str, Rule] = {}


def _module_doc(module: str) -> str:
    mod = sys.modules.get(module)
    return (mod.__doc__ or "").strip() if mod else ""


def _register(code: str, module: str, check: CheckFn | None) -> Rule:
    info = CODES[code]
    r = Rule(code, info.name, info.severity, info.scope, _module_doc(module), module, check)
    _REGISTRY[code] = r
    return r


def rule(code: str) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as the check of ``code``."""

    def deco(fn: CheckFn) -> CheckFn:
        _register(code, fn.__module__, fn)
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
    return load_builtin_rules()


def rule_doc(code: str) -> str:
    r = registry().get(code.upper())
    return r.doc if r else ""


