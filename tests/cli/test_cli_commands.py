"""`zlint` commands that need no sysplex: explain, rules, parse, lsp, usage errors."""

from __future__ import annotations

import builtins
import json
import subprocess
import sys
from pathlib import Path

import pytest

from zparse.cli import guess_kind, main
from zparse.codes import CODES

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "zosmf-ha"
GLUED = "VIPADYNAMIC\n VIPADEFINE 255.255.255.0 10.1.1.1;x\nENDVIPADYNAMIC\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ usage
@pytest.mark.parametrize("argv", [
    [], ["bogus"], ["check", "--format", "xml"], ["check", "--fail-on", "fatal"],
    ["check", "--select", "NOPE1"], ["explain"], ["parse"], ["report", "--format", "pdf"],
])
def test_usage_errors_exit_2_without_traceback(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "Traceback" not in err
    assert err.strip()


def test_help_and_version_exit_0(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "check" in out and "report" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("zlint ")


def test_check_missing_path_is_exit_2(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "no/such/PROFILE.TCPIP")
    assert code == 2
    assert out == ""
    assert err == "zlint: error: no/such/PROFILE.TCPIP: no such file or directory\n"


def test_unknown_select_code_suggests_similar(capsys):
    code, _, err = run(capsys, "check", "--select", "HA3O1")
    assert code == 2 and "HA301" in err


# ---------------------------------------------------------------- explain
def test_explain_prints_the_rule_doc(capsys):
    code, out, _ = run(capsys, "explain", "tcp104")
    assert code == 0
    assert out.startswith("TCP104 (hotstandby-roles) · error · file scope\n")
    assert "## Why is this bad?" in out and "EZZ0827I" in out


def test_explain_accepts_a_rule_name(capsys):
    code, out, _ = run(capsys, "explain", "hotstandby-roles")
    assert code == 0 and out.startswith("TCP104 ")


def test_explain_unknown_code_lists_similar(capsys):
    code, out, err = run(capsys, "explain", "TCP140")
    assert code == 2 and out == ""
    assert "unknown code 'TCP140'" in err
    assert "TCP104" in err and "TCP110" in err


# ------------------------------------------------------------------ rules
def test_rules_table_lists_every_code(capsys):
    code, out, _ = run(capsys, "rules")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "SCOPE", "SUMMARY"]
    assert [ln.split()[0] for ln in lines[1:]] == list(CODES)
    assert any(ln.split()[:3] == ["HA301", "destip-not-dynamicxcf", "error"] for ln in lines)


def test_rules_json(capsys):
    code, out, _ = run(capsys, "rules", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["code"] for r in rows] == list(CODES)
    tcp104 = next(r for r in rows if r["code"] == "TCP104")
    assert tcp104["name"] == "hotstandby-roles" and tcp104["severity"] == "error"
    assert tcp104["documented"] is True


# ------------------------------------------------------------------ parse
@pytest.mark.parametrize(("name", "kind"), [
    ("IZUPRM00", "izuprm"), ("izuprm01.txt", "izuprm"), ("PROFILE.TCPIP", "tcpip"), ("x.tcpip", "tcpip"),
    ("SYS1/IZUPRMXX", "izuprm"), ("anything", "tcpip"),
])
def test_guess_kind(name, kind):
    assert guess_kind(name) == kind


def test_parse_text_shows_tree_model_and_diagnostics(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("PROFILE.TCPIP").write_text(GLUED)
    code, out, _ = run(capsys, "parse", "PROFILE.TCPIP")
    assert code == 0  # a warning only
    assert out.startswith("# PROFILE.TCPIP (tcpip, clean)\n\n## tree\nfile\n  block VIPADYNAMIC\n")
    assert "      IPV4 '10.1.1.1'" in out
    assert '"_type": "VipaDefine"' in out and '"10.1.1.1"' in out and '"span": "2:2-2:35"' in out
    assert "PROFILE.TCPIP:2:35: SYN009 " in out


def test_parse_json(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("PROFILE.TCPIP").write_text(GLUED + "FOO BAR\n")
    code, out, _ = run(capsys, "parse", "PROFILE.TCPIP", "--format", "json")
    doc = json.loads(out)
    assert code == 1  # SYN002 is an error
    assert doc["kind"] == "tcpip" and doc["status"] == "recovered" and doc["path"] == "PROFILE.TCPIP"
    assert doc["model"]["vipa"][0]["addresses"] == ["10.1.1.1"]
    assert doc["model"]["vipa"][0]["mask"] == "255.255.255.0"
    assert doc["tree"]["kind"] == "file" and doc["tree"]["children"][0]["keyword"] == "VIPADYNAMIC"
    assert [d["code"] for d in doc["diagnostics"]] == ["SYN009", "SYN002"]
    assert doc["diagnostics"][1]["range"]["start"] == {"line": 4, "column": 1}


def test_parse_izuprm_by_name(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("IZUPRM00").write_text("HOSTNAME('zosmf.example.com')\nKEYRING_NAME(IZUKeyring.IZUDFLT)\n")
    code, out, _ = run(capsys, "parse", "IZUPRM00", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["kind"] == "izuprm"
    assert doc["model"]["_type"] == "IzuPrm" and "_index" not in doc["model"]
    assert doc["model"]["statements"][0]["keyword"] == "HOSTNAME"
    assert [d["code"] for d in doc["diagnostics"]] == ["IZU204"]
    code, out, _ = run(capsys, "parse", "IZUPRM00", "--kind", "tcpip", "--format", "json")
    assert json.loads(out)["kind"] == "tcpip"


def test_parse_with_symbols_and_encoding(capsys, tmp_path, monkeypatch):
    from zparse.source import encode

    monkeypatch.chdir(tmp_path)
    Path("PROFILE").write_bytes(encode("HOME 10.1.1.&SYSCLONE. LNK\n".replace("\n", "\x85"), "cp1047"))
    code, out, _ = run(capsys, "parse", "PROFILE", "--encoding", "cp1047", "-D", "SYSCLONE=7", "--format", "json")
    assert code == 0
    assert json.loads(out)["model"]["home"][0]["address"] == "10.1.1.7"


def test_parse_bad_arguments(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("P").write_text("X\n")
    assert run(capsys, "parse", "P", "--encoding", "nope")[0] == 2
    assert run(capsys, "parse", "P", "-D", "NOVALUE")[0] == 2
    code, _, err = run(capsys, "parse", str(tmp_path))
    assert code == 2 and "is a directory" in err


def test_parse_color_respects_no_color(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("PROFILE.TCPIP").write_text(GLUED)
    monkeypatch.delenv("NO_COLOR", raising=False)
    _, out, _ = run(capsys, "parse", "PROFILE.TCPIP", "--color", "always")
    assert "\x1b[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, "parse", "PROFILE.TCPIP", "--color", "always")
    assert "\x1b[" not in out


# -------------------------------------------------------------------- lsp
def test_lsp_without_pygls_says_what_to_install(capsys, monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "pygls" or name.startswith(("pygls.", "lsprotocol")):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    for mod in [m for m in sys.modules if m.startswith(("pygls", "lsprotocol", "zparse.lsp"))]:
        monkeypatch.delitem(sys.modules, mod)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    code, _, err = run(capsys, "lsp")
    assert code == 2
    if (Path(__file__).resolve().parents[2] / "zparse" / "lsp" / "server.py").exists():
        assert "install zparse[lsp]" in err
    else:
        assert "not available in this installation" in err
    assert "Traceback" not in err


def test_check_path_never_imports_pygls():
    code = (
        "import sys\n"
        "from zparse.cli import main\n"
        "main(['rules'])\n"
        "main(['explain', 'TCP104'])\n"
        f"main(['check', {str(EXAMPLE)!r}, '-q'])\n"
        f"main(['check', {str(EXAMPLE)!r}, '--format', 'sarif'])\n"
        f"main(['report', {str(EXAMPLE)!r}, '--format', 'html'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol'))\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_startup_imports_stay_light():
    code = (
        "import sys\n"
        "import zparse.cli\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('lark', 'pygls', 'lsprotocol', 'json')"
        " or m.startswith(('zparse.sysplex', 'zparse.engine', 'zparse.report', 'zparse.model', 'zparse.syntax')))\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_lsp_subcommand_serves_over_stdio():
    """`zlint lsp` starts the real server: initialize, shutdown, exit (exit code 0)."""
    def frame(obj: dict) -> bytes:
        body = json.dumps(obj).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    script = Path(sys.executable).parent / "zlint"
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "zparse.cli"]
    proc = subprocess.Popen([*cmd, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                "params": {"processId": None, "rootUri": None, "capabilities": {}}}))
        proc.stdin.flush()
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            chunk = proc.stdout.read(1)
            assert chunk, "the server closed its output"
            header += chunk
        length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
        reply = json.loads(proc.stdout.read(length))
        assert reply["id"] == 1 and "hoverProvider" in reply["result"]["capabilities"]
        proc.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        proc.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_lsp_takes_no_arguments(capsys):
    code, _, err = run(capsys, "lsp", "--tcp")
    assert code == 2 and "unrecognized arguments: --tcp" in err
