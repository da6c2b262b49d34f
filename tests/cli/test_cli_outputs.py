"""Reporters on diagnostics built by hand: text, JSON, SARIF, GitHub."""

from __future__ import annotations

import json
import re

import pytest

from zparse.codes import Severity
from zparse.diagnostics import Diagnostic, Edit, Fix, Related, make
from zparse.outputs.common import Summary, clean, relpath, summary_sentence
from zparse.outputs.github import render_github
from zparse.outputs.jsonfmt import render_json
from zparse.outputs.sarif import FINGERPRINT_KEY, render_sarif, sarif_log
from zparse.outputs.text import render_statistics, render_text
from zparse.source import Source, Span

from .sarif_check import validate

PROFILE = (
    "IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1\n"
    "VIPADYNAMIC\n"
    "  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443\n"
    "    DESTIP 192.0.2.9 PREFERRED 192.0.2.2 BACKUP\n"
    "ENDVIPADYNAMIC\n"
)
OTHER = "IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1\n"


def _span(source: Source, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = source.text.index(needle, start + 1)
    return Span(source, start, start + len(needle))


@pytest.fixture
def sources(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s1 = Source(PROFILE, str(tmp_path / "SYS1" / "PROFILE.TCPIP"), "tcpip")
    s2 = Source(OTHER, str(tmp_path / "SYS2" / "PROFILE.TCPIP"), "tcpip")
    return s1, s2


@pytest.fixture
def diags(sources):
    s1, s2 = sources
    ha = make("HA301", "DESTIP 192.0.2.9 is not the DYNAMICXCF address of any system",
              _span(s1, "192.0.2.9"), system="SYS1",
              related=(Related(_span(s2, "192.0.2.2"), "SYS2 DYNAMICXCF"),),
              help="use the DYNAMICXCF address of the target system")
    syn = make("SYN009", "comment not preceded by a blank", Span(s1, 12, 12),
               fix=Fix("insert a blank before `;`", (Edit(Span(s1, 12, 12), " "),)))
    info = Diagnostic(code="HA304", severity=Severity.INFO, message="advice", span=_span(s2, "DYNAMICXCF"),
                      system="SYS2")
    return [ha, syn, info]


# ------------------------------------------------------------------ text
def test_text_header_is_compiler_style(diags):
    out = render_text(diags)
    first = out.splitlines()[0]
    assert first == ("SYS1/PROFILE.TCPIP:4:12: HA301 DESTIP 192.0.2.9 is not the DYNAMICXCF address "
                     "of any system [destip-not-dynamicxcf]")


def test_text_caret_underlines_the_span(diags):
    lines = render_text(diags[:1]).splitlines()
    src = next(ln for ln in lines if ln.startswith("4 |"))
    carets = lines[lines.index(src) + 1]
    assert src == "4 |     DESTIP 192.0.2.9 PREFERRED 192.0.2.2 BACKUP"
    col = carets.index("^")
    assert src[col : col + 9] == "192.0.2.9"
    assert carets.rstrip().endswith("^" * 9) and carets.count("^") == 9


def test_text_help_fix_and_related_lines(diags):
    out = render_text(diags)
    assert "  = help: use the DYNAMICXCF address of the target system" in out
    assert "  = related: SYS2/PROFILE.TCPIP:1:21: SYS2 DYNAMICXCF" in out
    assert "= fix: insert a blank before `;` (apply with --fix)" in out


def test_text_zero_width_span_gets_one_caret(diags):
    lines = render_text([diags[1]]).splitlines()
    assert lines[3].count("^") == 1


def test_text_multiline_span_underlines_to_end_of_first_line(sources):
    s1, _ = sources
    start = PROFILE.index("VIPADISTRIBUTE")
    d = make("TCP104", "multi", Span(s1, start, len(PROFILE)))
    lines = render_text([d]).splitlines()
    assert lines[3].count("^") == len("VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443")


def test_text_tabs_keep_carets_aligned(tmp_path):
    src = Source("\tVIPADEFINE\t255.255.255.0 10.1.1.1\n", str(tmp_path / "P"), "tcpip")
    d = make("SYN004", "bad", _span(src, "10.1.1.1"))
    lines = render_text([d]).splitlines()
    shown, carets = lines[2], lines[3]
    col = carets.index("^")
    assert shown[col : col + 8] == "10.1.1.1"


def test_text_undecodable_bytes_are_printable(tmp_path):
    text = "HOME 10.1.1.1 L\udcff1\n"
    src = Source(text, str(tmp_path / "P"), "tcpip")
    d = make("SYN010", "byte X'FF' \udcff", Span(src, text.index("\udcff"), text.index("\udcff") + 1))
    out = render_text([d])
    out.encode("utf-8")  # no lone surrogate left: printing cannot fail
    lines = out.splitlines()
    assert lines[3].index("^") == lines[2].index("\\xff")  # the byte, escaped, with its caret under it


def test_text_long_line_is_windowed(tmp_path):
    text = "X" * 300 + " BAD " + "Y" * 300 + "\n"
    src = Source(text, str(tmp_path / "P"), "tcpip")
    d = make("SYN002", "bad", _span(src, "BAD"))
    lines = render_text([d]).splitlines()
    assert len(lines[2]) < 140
    col = lines[3].index("^")
    assert lines[2][col : col + 3] == "BAD"


def test_text_color_only_when_asked(diags):
    assert "\x1b[" not in render_text(diags, color=False)
    colored = render_text(diags, color=True)
    assert "\x1b[1;31mHA301\x1b[0m" in colored
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == render_text(diags, color=False)


def test_text_no_source_is_one_line_each(diags):
    assert len(render_text(diags, show_source=False).splitlines()) == 3


@pytest.mark.parametrize(("counts", "sentence"), [
    ((0, 0, 0), "All checks passed."),
    ((3, 1, 0), "Found 3 errors, 1 warning."),
    ((1, 0, 2), "Found 1 error, 2 infos."),
    ((0, 2, 1), "Found 2 warnings, 1 info."),
])
def test_summary_sentence(counts, sentence):
    assert summary_sentence(*counts) == sentence


def test_statistics_counts_per_code(diags):
    out = render_statistics([*diags, diags[0]])
    assert out.splitlines() == [
        "2  HA301   destip-not-dynamicxcf",
        "1  HA304   dvipa-without-takeover",
        "1  SYN009  comment-without-blank (1 fixable)",
    ]


# ------------------------------------------------------------------ json
def test_json_contract_keys_and_values(diags):
    summary = Summary.of(diags, files=2, systems=2,
                         files_status={"SYS2/PROFILE.TCPIP": "clean", "SYS1/PROFILE.TCPIP": "recovered"})
    doc = json.loads(render_json(diags, summary))
    assert doc["version"] == 1
    assert set(doc) == {"version", "diagnostics", "summary"}
    first = doc["diagnostics"][0]
    assert {"code", "severity", "message", "system", "path", "range", "related"} <= set(first)
    assert first["code"] == "HA301" and first["severity"] == "error" and first["system"] == "SYS1"
    assert first["path"] == "SYS1/PROFILE.TCPIP"
    assert first["range"] == {"start": {"line": 4, "column": 12}, "end": {"line": 4, "column": 21}}
    assert first["related"] == [{"path": "SYS2/PROFILE.TCPIP",
                                 "range": {"start": {"line": 1, "column": 21},
                                           "end": {"line": 1, "column": 30}},
                                 "message": "SYS2 DYNAMICXCF"}]
    assert doc["summary"] == {"files": 2, "systems": 2, "errors": 1, "warnings": 1, "infos": 1,
                              "files_status": {"SYS1/PROFILE.TCPIP": "recovered",
                                               "SYS2/PROFILE.TCPIP": "clean"}}
    fix = doc["diagnostics"][1]["fix"]
    assert fix["safe"] is True and fix["edits"][0]["replacement"] == " "


def test_relpath_outside_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    assert relpath(str(tmp_path / "b" / "P")) == "../b/P"
    assert relpath("x/y") == "x/y"
    assert relpath(None) is None


def test_clean_keeps_length():
    assert clean("a\udcffb") == "a\ufffdb"


# ------------------------------------------------------------------ sarif
def test_sarif_is_valid_and_complete(diags):
    log = sarif_log(diags, docs={"HA301": "DESTIP must be a DYNAMICXCF address.\n\n## What it does\n..."})
    assert validate(log) == []
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "zlint"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"HA301", "HA304", "SYN009"}
    assert rules["HA301"]["fullDescription"]["text"] == "DESTIP must be a DYNAMICXCF address."
    assert rules["HA301"]["help"]["markdown"].startswith("DESTIP must be")
    res = run["results"][0]
    assert res["ruleId"] == "HA301" and res["level"] == "error"
    region = res["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 4, "startColumn": 12, "endLine": 4, "endColumn": 21}
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "SYS1/PROFILE.TCPIP"
    assert res["relatedLocations"][0]["message"]["text"] == "SYS2 DYNAMICXCF"
    assert run["results"][2]["level"] == "note"
    assert run["results"][1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": " "}


def test_sarif_fingerprint_ignores_line_numbers(sources, tmp_path):
    s1, _ = sources
    moved = Source("; a new comment line\n" + PROFILE, s1.path, "tcpip")
    a = make("HA301", "m", _span(s1, "192.0.2.9"))
    b = make("HA301", "m", _span(moved, "192.0.2.9"))
    fa = sarif_log([a], docs={})["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT_KEY]
    fb = sarif_log([b], docs={})["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT_KEY]
    assert fa == fb
    c = make("HA301", "other message", _span(s1, "192.0.2.9"))
    fc = sarif_log([c], docs={})["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT_KEY]
    assert fc != fa


def test_sarif_identical_lines_get_distinct_fingerprints(tmp_path):
    src = Source("FOO\nFOO\n", str(tmp_path / "P"), "tcpip")
    ds = [make("SYN002", "unknown FOO", _span(src, "FOO", 0)), make("SYN002", "unknown FOO", _span(src, "FOO", 1))]
    fps = [r["partialFingerprints"][FINGERPRINT_KEY] for r in sarif_log(ds, docs={})["runs"][0]["results"]]
    assert len(set(fps)) == 2


def test_sarif_render_is_json(diags):
    assert validate(json.loads(render_sarif(diags, docs={}))) == []


def test_sarif_validator_catches_problems():
    assert validate({"version": "2.0.0", "runs": []})
    bad = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "zlint", "rules": [{"id": "A"}]}},
                     "results": [{"ruleId": "B", "level": "fatal", "message": {"text": ""},
                                  "locations": []}]}]}
    problems = validate(bad)
    assert any("ruleId" in p for p in problems)
    assert any("level" in p for p in problems)
    assert any("locations" in p for p in problems)


# ------------------------------------------------------------------ github
def test_github_workflow_commands(diags):
    lines = render_github(diags).splitlines()
    assert lines[0].startswith("::error file=SYS1/PROFILE.TCPIP,line=4,col=12,endLine=4,endColumn=21,"
                               "title=HA301::DESTIP 192.0.2.9 is not")
    assert "%0Ause the DYNAMICXCF address" in lines[0]
    assert lines[1].startswith("::warning file=SYS1/PROFILE.TCPIP,line=1,col=13,")
    assert lines[2].startswith("::notice ")


def test_github_escapes_properties_and_data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = Source("X\n", str(tmp_path / "a,b:c%" / "P"), "tcpip")
    d = make("SYN002", "50% of\nlines", Span(src, 0, 1))
    line = render_github([d]).strip()
    assert "file=a%2Cb%3Ac%25/P," in line
    assert line.endswith("::50%25 of%0Alines [unknown-statement]")
