"""The engine runner: scopes, selection, suppression comments, severities, crashes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from plexkit import RECIPE, RECIPE_SYS1, RECIPE_SYS2, loud, where, write

import zparse
from zparse.codes import Severity
from zparse.engine import Finding, Rule, is_selected, lint, load_builtin_rules
from zparse.model.tcpip import TcpipProfile
from zparse.source import Span
from zparse.sysplex import LintConfig, Sysplex, SysplexIndex, System, load_sysplex

TYPO = RECIPE_SYS1.replace("      192.0.2.2 BACKUP", "      192.0.2.22 BACKUP")
TOML2 = '[systems.SYS1]\ntcpip = "SYS1/PROFILE.TCPIP"\n[systems.SYS2]\ntcpip = "SYS2/PROFILE.TCPIP"\n'


def _typo_plex(tmp_path: Path, sys1: str = TYPO, toml: str = TOML2) -> Path:
    return write(tmp_path, {"zlint.toml": toml, "SYS1/PROFILE.TCPIP": sys1, "SYS2/PROFILE.TCPIP": RECIPE_SYS2})


@pytest.mark.parametrize(("code", "config", "select", "ignore", "expected"), [
    ("HA301", None, None, None, True),
    ("HA301", LintConfig(select=("TCP",)), None, None, False),
    ("HA301", LintConfig(select=("ALL",), ignore=("HA3",)), None, None, False),
    ("HA301", LintConfig(select=("HA301",), ignore=("HA3",)), None, None, True),   # more specific wins
    ("HA301", LintConfig(select=("HA3",), ignore=("HA3",)), None, None, False),    # tie: ignore wins
    ("HA301", LintConfig(ignore=("HA301",)), ["HA301"], None, True),              # arguments win
    ("HA301", LintConfig(select=("HA301",)), None, ["HA"], False),
    ("TCP104", LintConfig(select=("HA",)), None, ["HA301"], False),                # config still decides
    ("TCP104", LintConfig(select=("HA",)), ["ALL"], None, True),
    ("tcp104", None, ["tcp1"], None, True),
])
def test_is_selected(code: str, config: LintConfig | None, select: list[str] | None,
                     ignore: list[str] | None, expected: bool) -> None:
    assert is_selected(code, config, select=select, ignore=ignore) is expected


def test_select_ignore_arguments_and_config(tmp_path: Path) -> None:
    root = _typo_plex(tmp_path)
    sp = load_sysplex(root)
    assert {d.code for d in lint(sp)} >= {"HA301", "HA305"}
    assert {d.code for d in lint(sp, select=["HA301"])} == {"HA301"}
    assert "HA301" not in {d.code for d in lint(sp, ignore=["HA30"])}
    root2 = _typo_plex(tmp_path / "cfg", toml=TOML2 + '[lint]\nignore = ["HA305"]\n')
    sp2 = load_sysplex(root2)
    assert "HA305" not in {d.code for d in lint(sp2)}
    assert "HA305" in {d.code for d in lint(sp2, select=["HA305"])}
    with pytest.raises(ValueError, match="HA999"):
        lint(sp, select=["HA999"])


def test_severity_override_from_config(tmp_path: Path) -> None:
    root = _typo_plex(tmp_path, toml=TOML2 + '[lint]\nseverity = { HA3 = "info", HA301 = "warning" }\n')
    diags = lint(load_sysplex(root))
    sev = {d.code: d.severity for d in diags}
    assert sev["HA301"] is Severity.WARNING and sev["HA305"] is Severity.INFO


@pytest.mark.parametrize("comment", [
    "      192.0.2.22 BACKUP ; zlint: ignore[HA301]",
    "      192.0.2.22 BACKUP ; zlint: ignore[TCP104, HA301]",
    "      192.0.2.22 BACKUP ; zlint: ignore[ha3]",
    "      192.0.2.22 BACKUP ; zlint: ignore",
    "      ; zlint: ignore[HA301] -- typo kept on purpose\n      192.0.2.22 BACKUP",
])
def test_inline_suppression_in_a_profile(tmp_path: Path, comment: str) -> None:
    root = _typo_plex(tmp_path, RECIPE_SYS1.replace("      192.0.2.2 BACKUP", comment))
    assert "HA301" not in {d.code for d in lint(load_sysplex(root))}


@pytest.mark.parametrize("comment", [
    "      192.0.2.22 BACKUP ; zlint: ignore[HA390]",   # another code
    "      192.0.2.22 BACKUP ; zlint:ignored",          # not the syntax
    "      192.0.2.22 BACKUP;zlint: ignore[HA301]",     # no blank before ';': not a comment for z/OS
])
def test_suppression_needs_the_right_code_and_form(tmp_path: Path, comment: str) -> None:
    root = _typo_plex(tmp_path, RECIPE_SYS1.replace("      192.0.2.2 BACKUP", comment))
    assert "HA301" in {d.code for d in lint(load_sysplex(root))}


def test_a_comment_after_code_on_the_line_above_does_not_suppress(tmp_path: Path) -> None:
    sys1 = RECIPE_SYS1.replace("      192.0.2.1 PREFERRED", "      192.0.2.1 PREFERRED ; zlint: ignore[HA301]")
    root = _typo_plex(tmp_path, sys1.replace("      192.0.2.2 BACKUP", "      192.0.2.22 BACKUP"))
    assert "HA301" in {d.code for d in lint(load_sysplex(root))}


def test_inline_suppression_in_parmlib(tmp_path: Path) -> None:
    member = "HOSTNAME('zosmf.example.com')\n/* zlint: ignore[IZU204] */\nKEYRING_NAME(IZUKeyring.IZUDFLT)\n"
    write(tmp_path, {"zlint.toml": '[systems.SYS1]\nizuprm = ["IZUPRM00"]\n', "IZUPRM00": member})
    assert "IZU204" not in {d.code for d in lint(load_sysplex(tmp_path))}
    (tmp_path / "IZUPRM00").write_text(member.replace("/* zlint: ignore[IZU204] */\n", ""))
    assert "IZU204" in {d.code for d in lint(load_sysplex(tmp_path))}


def _crashing(scope: str) -> Rule:
    def check(*args: object) -> Iterator[Finding]:
        raise RuntimeError("boom")
        yield  # pragma: no cover

    model = TcpipProfile if scope == "file" else None  # a file rule is fed the models of its class
    return Rule("HA304", "dvipa-without-takeover", Severity.WARNING, scope, "doc", "tests", check, model)


@pytest.mark.parametrize("scope", ["file", "system", "sysplex"])
def test_a_crashing_rule_is_one_zl001_and_the_others_still_run(tmp_path: Path, scope: str) -> None:
    root = _typo_plex(tmp_path)
    rules = [r for r in load_builtin_rules().values() if r.code != "HA304"] + [_crashing(scope)]
    diags = lint(load_sysplex(root), rules=rules)
    zl = [d for d in diags if d.code == "ZL001"]
    assert len(zl) == 1
    assert "HA304" in zl[0].message and "boom" in zl[0].message
    assert zl[0].span.path == str(root / "SYS1" / "PROFILE.TCPIP") and zl[0].span.start == 0
    assert "HA301" in {d.code for d in diags}


def test_rules_by_scope_get_the_right_arguments(tmp_path: Path) -> None:
    root = write(tmp_path, RECIPE)
    seen: list[tuple[str, str]] = []

    def file_check(profile: object) -> Iterator[Finding]:
        seen.append(("file", type(profile).__name__))
        return iter(())

    def system_check(system: System) -> Iterator[Finding]:
        seen.append(("system", system.name))
        yield Finding(span=Span(zparse.Source("x", "p"), 0, 1), message=f"hello {system.name}")

    def sysplex_check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
        seen.append(("sysplex", type(index).__name__))
        return iter(())

    rules = [Rule("TCP101", "a", Severity.ERROR, "file", "", "t", file_check, TcpipProfile),
             Rule("IZU205", "b", Severity.WARNING, "system", "", "t", system_check),
             Rule("HA301", "c", Severity.ERROR, "sysplex", "", "t", sysplex_check)]
    diags = lint(load_sysplex(root), rules=rules)
    assert sorted(seen) == [("file", "TcpipProfile"), ("file", "TcpipProfile"), ("sysplex", "SysplexIndex"),
                            ("system", "SYS1"), ("system", "SYS2")]
    hello = [d for d in diags if d.message.startswith("hello")]
    assert [(d.system, d.severity) for d in hello] == [("SYS1", Severity.WARNING), ("SYS2", Severity.WARNING)]


def test_file_rule_findings_carry_the_system(tmp_path: Path) -> None:
    sys2 = RECIPE_SYS2.replace("      192.0.2.2 BACKUP", "      192.0.2.2 PREFERRED")
    root = write(tmp_path, {"zlint.toml": TOML2, "SYS1/PROFILE.TCPIP": RECIPE_SYS1, "SYS2/PROFILE.TCPIP": sys2})
    tcp = [d for d in lint(load_sysplex(root)) if d.code.startswith("TCP10")]
    assert tcp and all(d.system == "SYS2" for d in tcp)


def test_recipe_is_clean_and_output_is_deterministic(tmp_path: Path) -> None:
    root = write(tmp_path, RECIPE)
    first = lint(load_sysplex(root))
    assert loud(first) == []
    assert lint(load_sysplex(root)) == first
    root2 = _typo_plex(tmp_path / "typo")
    diags = lint(load_sysplex(root2))
    assert diags == sorted(diags, key=lambda d: d.sort_key())
    assert where(root2, diags) == where(root2, lint(load_sysplex(root2)))


def test_suppressions_come_from_comment_tokens_in_the_models(tmp_path: Path) -> None:
    """The models carry the comments the lexers found (no re-reading of lines):
    upper case works, and a comment in an INCLUDEd member suppresses there."""
    sys1 = TYPO.replace("192.0.2.22 BACKUP", "192.0.2.22 BACKUP ; ZLINT: IGNORE[HA301]")
    root = _typo_plex(tmp_path, sys1)
    sysplex = load_sysplex(root)
    profile = sysplex.system("SYS1").profile
    assert [s.codes for s in profile.suppressions] == [frozenset({"HA301"})]
    assert "HA301" not in {d.code for d in lint(sysplex)}


def test_a_suppression_in_an_included_member(tmp_path: Path) -> None:
    head, _, tail = TYPO.partition("VIPADYNAMIC")
    member = "VIPADYNAMIC" + tail.replace("192.0.2.22 BACKUP", "192.0.2.22 BACKUP ; zlint: ignore[HA301]")
    toml = TOML2.replace("[systems.SYS1]", '[include]\n"USER.TCPPARMS" = "tcpparms"\n\n[systems.SYS1]')
    root = write(tmp_path, {"zlint.toml": toml, "SYS1/PROFILE.TCPIP": head + "INCLUDE USER.TCPPARMS(VIPAS)\n",
                            "tcpparms/VIPAS": member, "SYS2/PROFILE.TCPIP": RECIPE_SYS2})
    sysplex = load_sysplex(root)
    assert [s.span.path for s in sysplex.system("SYS1").profile.suppressions] == [str(root / "tcpparms" / "VIPAS")]
    assert "HA301" not in {d.code for d in lint(sysplex)}
    (root / "tcpparms" / "VIPAS").write_text(member.replace(" ; zlint: ignore[HA301]", ""))
    assert "HA301" in {d.code for d in lint(load_sysplex(root))}
