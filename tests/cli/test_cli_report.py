"""`zlint report`: the HA picture as text, Markdown (Mermaid) and HTML (inline SVG)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from zparse.cli import main

from .conftest import EXAMPLES

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plex(tmp_path, monkeypatch) -> Path:
    src = EXAMPLES / "zosmf-ha"
    dst = tmp_path / "plex"
    shutil.copytree(src, dst)
    monkeypatch.chdir(dst)
    return dst


@pytest.fixture
def dark(plex) -> Path:
    """SYS2's DYNAMICXCF no longer matches the BACKUP DESTIP: losing SYS1 leaves z/OSMF dark."""
    p = plex / "SYS2/PROFILE.TCPIP"
    p.write_text(p.read_text().replace("DYNAMICXCF 192.0.2.2 ", "DYNAMICXCF 192.0.2.3 "))
    return plex


def test_text_report_of_the_recipe(capsys, plex):
    code, out, err = run(capsys, "report")
    assert code == 0 and err == ""
    assert out.startswith("Sysplex PLEX1 (zlint.toml): 2 systems\n")
    assert "DVIPA 198.51.100.10 (zosmf.example.com)" in out
    assert "  owner:       SYS1 via VIPADEFINE" in out
    assert "    -> 192.0.2.1 SYS1 PREFERRED" in out and "    -> 192.0.2.2 SYS2 BACKUP" in out
    assert "  Lose SYS1: every service stays reachable" in out
    row = next(ln for ln in out.splitlines() if ln.startswith("  SYS1 ") and "z/OSMF" in ln)
    assert row.split()[:3] == ["SYS1", "198.51.100.10", "SYS2"] and row.split()[-2:] == ["SYS2", "ok"]
    assert "HA findings\n  none" in out


def test_text_report_shows_what_goes_dark(capsys, dark):
    _, out, _ = run(capsys, "report")
    assert "  Lose SYS1: goes dark: " in out
    row = next(ln for ln in out.splitlines() if ln.startswith("  SYS1 ") and "z/OSMF" in ln)
    assert row.split()[-2:] == ["nobody", "DARK"]
    assert "HA301" in out


def test_markdown_report_has_mermaid(capsys, plex):
    _, out, _ = run(capsys, "report", "--format", "markdown")
    assert out.startswith("# HA report: sysplex PLEX1\n")
    block = out.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert block.startswith("flowchart TB\n")
    assert "S_SYS1 ==>|owns| D_0" in block
    assert 'D_0 -->|"PREFERRED :443"| S_SYS1' in block
    assert 'D_0 -.->|"BACKUP :443"| S_SYS2' in block
    assert 'S_SYS2 -.->|"takes over if SYS1 is lost"| D_0' in block
    assert "| SYS1 | 198.51.100.10 | SYS2 | z/OSMF at 198.51.100.10 port 443 | SYS2 | ok |" in out


def test_markdown_marks_dark_dvipas(capsys, dark):
    _, out, _ = run(capsys, "report", "--format", "markdown")
    assert "  class D_0 dark" in out
    assert "**dark**" in out


def test_html_report_is_self_contained(capsys, plex, tmp_path):
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    code, out, err = run(capsys, "report", "--format", "html", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    html = target.read_text()
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<svg") == 1 and "</svg>" in html
    assert "<script" not in html and "<link" not in html and "@import" not in html
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", html)
    assert urls == []
    assert "url(" not in html.replace("url(#arrow-", "")
    for name in ("SYS1", "SYS2", "198.51.100.10", "zosmf.example.com", "takes over if SYS1 is lost"):
        assert name in html


def test_report_usage_errors(capsys, plex):
    assert run(capsys, "report", "missing-folder")[0] == 2
    code, _, err = run(capsys, "report", "-o", "/nonexistent/dir/r.html")
    assert code == 2 and "Traceback" not in err


def test_report_of_a_folder_without_dvipas(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i, name in enumerate(("SYSA", "SYSB"), 1):
        Path(name).mkdir()
        Path(name, "PROFILE.TCPIP").write_text(f"IPCONFIG DYNAMICXCF 192.0.2.{i} 255.255.255.0 1\n")
    code, out, _ = run(capsys, "report")
    assert code == 0
    assert "No dynamic VIPA in this sysplex." in out and "SYSA" in out and "SYSB" in out
    _, html, _ = run(capsys, "report", "--format", "html")
    assert "<svg" in html and "SYSB" in html


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make peers installs Debian's chromium)")
def test_html_report_renders_in_headless_chromium(capsys, dark, tmp_path):
    target = tmp_path / "report.html"
    assert run(capsys, "report", "--format", "html", "-o", str(target))[0] == 0
    profile = tmp_path / "chromium-profile"
    shot = tmp_path / "report.png"
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}"]
    dom = subprocess.run([*base, "--dump-dom", target.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = dom.stdout
    assert "<svg" in rendered and "</svg>" in rendered
    svg = rendered[rendered.index("<svg"):rendered.index("</svg>")]
    assert ">SYS1</text>" in svg and ">SYS2</text>" in svg and ">198.51.100.10</text>" in svg
    assert 'class="dvipa dark"' in svg  # losing SYS1 leaves the service dark
    assert "HA report: sysplex PLEX1" in rendered
    png = subprocess.run([*base, f"--screenshot={shot}", "--window-size=1200,1400", target.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert png.returncode == 0, png.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
