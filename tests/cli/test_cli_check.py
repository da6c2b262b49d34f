"""`zlint check` end to end on real sysplexes (in-process, with capsys)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zparse.cli import main

from .conftest import EXAMPLES, REPO
from .sarif_check import validate

HEADER = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d{3}) (?P<msg>.+) \[[a-z0-9-]+\]$")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def clean(tmp_path, monkeypatch) -> Path:
    """A copy of examples/zosmf-ha (the IBM recipe: no finding); the current folder."""
    src = EXAMPLES / "zosmf-ha"
    dst = tmp_path / "plex"
    shutil.copytree(src, dst)
    monkeypatch.chdir(dst)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return dst


@pytest.fixture
def broken(clean) -> Path:
    """The recipe with three mistakes: SYS2's DYNAMICXCF is not the BACKUP DESTIP
    (HA301 and friends), a glued `;` comment (SYN009, fixable) and an unquoted
    mixed-case KEYRING_NAME (IZU204, fixable)."""
    _edit(clean / "SYS2/PROFILE.TCPIP", "DYNAMICXCF 192.0.2.2 ", "DYNAMICXCF 192.0.2.3 ")
    _edit(clean / "SYS1/PROFILE.TCPIP", "SYSPLEXMONITOR RECOVERY\n", "SYSPLEXMONITOR RECOVERY;glued\n")
    _edit(clean / "SYS2/IZUPRM0B", "KEYRING_NAME('IZUKeyring.IZUDFLT')", "KEYRING_NAME(IZUKeyring.IZUDFLT)")
    return clean


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# ------------------------------------------------------------- exit codes
def test_clean_sysplex_passes(capsys, clean):
    code, out, err = run(capsys, "check")
    assert (code, out, err) == (0, "All checks passed.\n", "")


def test_clean_sysplex_quiet_prints_nothing(capsys, clean):
    assert run(capsys, "check", "-q") == (0, "", "")


def test_broken_sysplex_text_output(capsys, broken):
    code, out, err = run(capsys, "check")
    assert code == 1 and err == ""
    headers = [HEADER.match(line) for line in out.splitlines() if HEADER.match(line)]
    codes = [m["code"] for m in headers]
    assert {"HA301", "SYN009", "IZU204"} <= set(codes)
    ha301 = next(m for m in headers if m["code"] == "HA301")
    assert ha301["path"] == "tcpparms/ZOSMFHA" and (ha301["line"], ha301["col"]) == ("8", "12")
    block = out[out.index(ha301.group(0)):].split("\n\n")[0].splitlines()
    assert block[2] == "8 |            192.0.2.2 BACKUP"
    assert block[3] == "  |            ^^^^^^^^^"
    assert any(line.startswith("  = help: ") for line in block)
    assert "  = related: SYS2/PROFILE.TCPIP:2:25: SYS2 DYNAMICXCF 192.0.2.3" in block
    lines = out.rstrip("\n").splitlines()
    assert re.fullmatch(r"Found \d+ errors?(, \d+ warnings?)?(, \d+ infos?)?\.", lines[-2])
    assert lines[-1] == "[*] 2 fixable with `zlint check --fix`."


@pytest.mark.parametrize(("fail_on", "select", "expected"), [
    ("error", "SYN009", 0),      # a warning only: below the default --fail-on
    ("warning", "SYN009", 1),
    ("info", "SYN009", 1),
    ("error", "HA301", 1),
    ("error", "TCP", 0),         # a prefix with no finding
])
def test_fail_on_and_select(capsys, broken, fail_on, select, expected):
    code, out, _ = run(capsys, "check", "--fail-on", fail_on, "--select", select, "--no-source")
    assert code == expected
    assert all(HEADER.match(ln)["code"].startswith(select) for ln in out.splitlines() if HEADER.match(ln))


def test_ignore_removes_codes(capsys, broken):
    _, out, _ = run(capsys, "check", "--ignore", "HA,SYN009", "--no-source", "-q")
    codes = {HEADER.match(ln)["code"] for ln in out.splitlines()}
    assert codes == {"IZU204"}


def test_statistics(capsys, broken):
    code, out, _ = run(capsys, "check", "--statistics", "--select", "SYN009,IZU204,HA301")
    assert code == 1
    assert out.splitlines() == [
        "1  HA301   destip-not-dynamicxcf",
        "1  IZU204  unquoted-mixed-case-value (1 fixable)",
        "1  SYN009  comment-without-blank (1 fixable)",
        "Found 1 error, 2 warnings.",
    ]
    _, out, _ = run(capsys, "check", "--statistics", "--format", "json", "--select", "SYN009")
    assert json.loads(out) == [{"code": "SYN009", "name": "comment-without-blank", "count": 1, "fixable": 1}]


# ------------------------------------------------------------ file arguments
def test_file_inside_inventory_reports_its_sysplex_findings(capsys, broken):
    _, out, _ = run(capsys, "check", "SYS1/IZUPRM0A", "--no-source", "-q")
    # SYS1's member: clean itself, but the HA findings that point at it (related) are reported
    codes = [HEADER.match(ln)["code"] for ln in out.splitlines()]
    assert "SYN009" not in codes and "IZU204" not in codes
    code2, out2, _ = run(capsys, "check", "SYS1/PROFILE.TCPIP", "--no-source", "-q")
    codes2 = [HEADER.match(ln)["code"] for ln in out2.splitlines()]
    assert "SYN009" in codes2 and "HA301" in codes2  # HA301 names SYS1's DYNAMICXCF as related
    assert "IZU204" not in codes2
    assert code2 == 1


def test_subfolder_of_an_inventory_reports_its_files(capsys, broken):
    _, out, _ = run(capsys, "check", "SYS2", "--no-source", "-q")
    paths = {HEADER.match(ln)["path"] for ln in out.splitlines()}
    codes = {HEADER.match(ln)["code"] for ln in out.splitlines()}
    assert "IZU204" in codes and "SYN009" not in codes  # SYN009 is in SYS1's profile
    assert "HA301" in codes  # located in tcpparms/, related to SYS2's DYNAMICXCF
    assert "SYS1/PROFILE.TCPIP" not in paths


def test_many_files_of_one_sysplex_read_it_once(capsys, broken, monkeypatch):
    import zparse.sysplex

    calls = []
    real = zparse.sysplex.load_sysplex

    def counting(path, *args, **kwargs):
        calls.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(zparse.sysplex, "load_sysplex", counting)
    code, _, _ = run(capsys, "check", "SYS1/PROFILE.TCPIP", "SYS2/PROFILE.TCPIP", "SYS2/IZUPRM0B", "zlint.toml")
    assert code == 1 and len(calls) == 1


def test_inventory_file_argument_reports_everything(capsys, broken):
    _, everything, _ = run(capsys, "check", "--no-source")
    _, via_toml, _ = run(capsys, "check", "zlint.toml", "--no-source")
    assert via_toml == everything


def test_file_outside_any_inventory_is_checked_alone(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("PROFILE.TCPIP").write_text(
        "VIPADYNAMIC\n  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443\n"
        "    DESTIP 192.0.2.1 PREFERRED 192.0.2.1 BACKUP\nENDVIPADYNAMIC\n")
    code, out, _ = run(capsys, "check", "PROFILE.TCPIP", "--no-source", "--format", "json")
    doc = json.loads(out)
    codes = {d["code"] for d in doc["diagnostics"]}
    assert code == 1
    assert "TCP105" in codes and not any(c.startswith("HA") for c in codes)
    assert doc["summary"]["files_status"] == {"PROFILE.TCPIP": "clean"}
    assert doc["summary"]["systems"] == 0


def test_two_files_of_one_sysplex_are_linted_once(capsys, broken):
    _, out, _ = run(capsys, "check", "SYS1/PROFILE.TCPIP", "SYS2/IZUPRM0B", "--no-source", "-q")
    lines = out.splitlines()
    assert len(lines) == len(set(lines))
    codes = {HEADER.match(ln)["code"] for ln in lines}
    assert {"SYN009", "IZU204", "HA301"} <= codes


# ------------------------------------------------------------- I/O problems
def test_folder_without_members_passes_with_a_warning(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("notes.txt").write_text("nothing to lint\n")
    code, out, err = run(capsys, "check")
    assert (code, out) == (0, "All checks passed.\n")
    assert err == "zlint: warning: no TCP/IP profile or IZUPRMxx member found in .\n"


def test_bad_inventory_is_exit_2_with_message(capsys, clean):
    (clean / "zlint.toml").write_text("[systems.SYS1]\ntcpip = 'NOPE/PROFILE'\n")
    code, out, err = run(capsys, "check")
    assert code == 2 and out == ""
    assert "zlint.toml" in err and "NOPE/PROFILE" in err and "Traceback" not in err


def test_unparsable_inventory_is_exit_2(capsys, clean):
    (clean / "zlint.toml").write_text("[systems\n")
    code, _, err = run(capsys, "check", "SYS1/PROFILE.TCPIP")
    assert code == 2 and "not valid TOML" in err


def test_listed_member_that_is_a_folder_is_exit_2(capsys, clean):
    (clean / "SYS1/IZUPRM0A").unlink()
    (clean / "SYS1/IZUPRM0A").mkdir()
    code, _, err = run(capsys, "check")
    assert code == 2 and "SYS1/IZUPRM0A" in err and "Traceback" not in err


def test_undecodable_bytes_are_a_finding_not_a_crash(capsys, clean):
    p = clean / "SYS1/PROFILE.TCPIP"
    p.write_bytes(p.read_bytes().replace(b"(PLEX1)", b"(PLEX\xff\xfe)"))
    code, out, err = run(capsys, "check")
    assert code == 1 and err == ""
    assert "SYS1/PROFILE.TCPIP:1:" in out and "SYN010" in out and "(PLEX\\xff\\xfe)" in out  # the bytes, escaped
    _, out, _ = run(capsys, "check", "--format", "json")
    assert any(d["code"] == "SYN010" for d in json.loads(out)["diagnostics"])


# ------------------------------------------------------------------ colour
def test_color_on_request_but_never_with_no_color(capsys, broken, monkeypatch):
    _, plain, _ = run(capsys, "check")
    _, colored, _ = run(capsys, "check", "--color", "always")
    assert "\x1b[" not in plain and "\x1b[" in colored
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == plain
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, "check", "--color", "always")
    assert out == plain


# ------------------------------------------------------------- formats
def test_json_contract(capsys, broken):
    code, out, _ = run(capsys, "check", "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert set(doc) == {"version", "diagnostics", "summary"} and doc["version"] == 1
    for d in doc["diagnostics"]:
        assert {"code", "severity", "message", "system", "path", "range", "related"} <= set(d)
        assert d["severity"] in ("error", "warning", "info")
        assert not Path(d["path"]).is_absolute() and (broken / d["path"]).is_file()
        assert d["range"]["start"]["line"] >= 1 and d["range"]["start"]["column"] >= 1
        for r in d["related"]:
            assert set(r) == {"path", "range", "message"}
    s = doc["summary"]
    assert {"files", "systems", "errors", "warnings", "infos"} <= set(s)
    assert s["systems"] == 2 and s["files"] == 5
    assert s["errors"] == sum(d["severity"] == "error" for d in doc["diagnostics"])
    assert s["files_status"] == {
        "SYS1/IZUPRM0A": "clean", "SYS1/PROFILE.TCPIP": "clean", "SYS2/IZUPRM0B": "clean",
        "SYS2/PROFILE.TCPIP": "clean", "tcpparms/ZOSMFHA": "clean"}


def test_json_reports_recovered_status(capsys, clean):
    _edit(clean / "SYS2/PROFILE.TCPIP", "PORT 443 TCP", "PORT 99999 TCP BAD BAD\nFOO BAR\nPORT 443 TCP")
    _, out, _ = run(capsys, "check", "--format", "json")
    assert json.loads(out)["summary"]["files_status"]["SYS2/PROFILE.TCPIP"] == "recovered"


def test_sarif_output_is_valid(capsys, broken):
    code, out, _ = run(capsys, "check", "--format", "sarif")
    log = json.loads(out)
    assert code == 1 and validate(log) == []
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert "## Why is this bad?" in rules["IZU204"]["help"]["text"]
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"HA301", "SYN009", "IZU204"}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "tcpparms/ZOSMFHA" in uris


def test_github_output(capsys, broken):
    code, out, _ = run(capsys, "check", "--format", "github", "--select", "HA301,SYN009")
    assert code == 1
    lines = out.splitlines()
    assert any(ln.startswith("::error file=tcpparms/ZOSMFHA,line=8,col=12,endLine=8,endColumn=21,title=HA301::")
               for ln in lines)
    assert any(ln.startswith("::warning file=SYS1/PROFILE.TCPIP,line=3,") for ln in lines)


# --------------------------------------------------------------------- fix
def test_fix_changes_only_the_intended_bytes_and_is_idempotent(capsys, broken):
    before = _snapshot(broken)
    code, out, _ = run(capsys, "check", "--fix", "--no-source")
    assert code == 1  # HA findings remain
    assert out.startswith("Fixed 2 findings in 2 files.\n")
    assert "SYN009" not in out and "IZU204" not in out and "HA301" in out
    assert "fixable with" not in out
    after = _snapshot(broken)
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {"SYS1/PROFILE.TCPIP", "SYS2/IZUPRM0B"}
    assert after["SYS1/PROFILE.TCPIP"] == before["SYS1/PROFILE.TCPIP"].replace(b"RECOVERY;glued", b"RECOVERY ;glued")
    assert after["SYS2/IZUPRM0B"] == before["SYS2/IZUPRM0B"].replace(
        b"KEYRING_NAME(IZUKeyring.IZUDFLT)", b"KEYRING_NAME('IZUKeyring.IZUDFLT')")
    # a second run changes nothing more
    code2, out2, _ = run(capsys, "check", "--fix", "--no-source")
    assert _snapshot(broken) == after
    assert code2 == 1 and not out2.startswith("Fixed")


def test_fix_with_a_file_argument_fixes_only_that_file(capsys, broken):
    before = _snapshot(broken)
    run(capsys, "check", "--fix", "SYS2/IZUPRM0B")
    after = _snapshot(broken)
    assert {k for k in before if before[k] != after[k]} == {"SYS2/IZUPRM0B"}


def test_fix_keeps_crlf(capsys, broken):
    p = broken / "SYS1/PROFILE.TCPIP"
    p.write_bytes(p.read_bytes().replace(b"\n", b"\r\n"))
    before = p.read_bytes()
    run(capsys, "check", "--fix", "--select", "SYN009")
    assert p.read_bytes() == before.replace(b"RECOVERY;glued\r\n", b"RECOVERY ;glued\r\n")


def test_fix_that_cannot_write_is_exit_2(capsys, broken, monkeypatch):
    import zparse.outputs.fix

    monkeypatch.setattr(zparse.outputs.fix, "_codec", lambda data, text, encoding: None)
    before = _snapshot(broken)
    code, _, err = run(capsys, "check", "--fix", "--no-source")
    assert code == 2
    assert "zlint: error: SYS1/PROFILE.TCPIP: changed on disk since it was read; not fixed" in err
    assert _snapshot(broken) == before


def test_fix_json_keeps_stdout_machine_readable(capsys, broken):
    code, out, err = run(capsys, "check", "--fix", "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert "Fixed 2 findings in 2 files." in err
    assert not {"SYN009", "IZU204"} & {d["code"] for d in doc["diagnostics"]}


# ------------------------------------------------------- the installed script
def _zlint() -> list[str]:
    script = Path(sys.executable).parent / "zlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "zparse.cli"]


def test_installed_script_on_the_example():
    proc = subprocess.run([*_zlint(), "check", "examples/zosmf-ha"], cwd=REPO, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "All checks passed.\n", "")


def test_installed_script_usage_error():
    proc = subprocess.run([*_zlint(), "check", "/nonexistent/PROFILE"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "no such file or directory" in proc.stderr and "Traceback" not in proc.stderr


def test_encoding_option(capsys, tmp_path, monkeypatch):
    """--encoding reaches the loader when it supports it; otherwise a clear usage error."""
    import inspect

    import zparse.sysplex
    from zparse.source import encode

    monkeypatch.chdir(tmp_path)
    Path("PROFILE.TCPIP").write_bytes(encode("TCPCONFIG RESTRICTLOWPORTS;x".ljust(80) * 2, "cp1047"))
    code, out, err = run(capsys, "check", "PROFILE.TCPIP", "--encoding", "cp1047", "--no-source", "-q")
    if "encoding" in inspect.signature(zparse.sysplex.load_sysplex).parameters:
        assert code == 0 and out.count("SYN009") == 2
    else:
        assert code == 2 and "--encoding" in err and "zlint.toml" in err


def test_folder_holding_several_sysplexes_checks_each(capsys, tmp_path, monkeypatch):
    for name in ("plex1", "plex2"):
        shutil.copytree(EXAMPLES / "zosmf-ha", tmp_path / "repo" / name)
    _edit(tmp_path / "repo/plex2/SYS2/PROFILE.TCPIP", "DYNAMICXCF 192.0.2.2 ", "DYNAMICXCF 192.0.2.3 ")
    monkeypatch.chdir(tmp_path / "repo")
    code, out, _ = run(capsys, "check", "--format", "json")
    doc = json.loads(out)
    assert code == 1 and doc["summary"]["systems"] == 4 and doc["summary"]["files"] == 10
    assert {d["path"].split("/")[0] for d in doc["diagnostics"]} == {"plex2"}
    code, _, err = run(capsys, "report")
    assert code == 2 and "plex1/zlint.toml" in err and "plex2/zlint.toml" in err
    assert run(capsys, "report", "plex1")[0] == 0
