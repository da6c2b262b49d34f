"""One defect, one finding: a member several systems read is reported once,
naming the systems, and every output says the same (issue 15, items 13-14).

The cases are the ones of ``cases/`` (run through the whole engine); here the
merged diagnostic itself and its text, JSON, SARIF, GitHub and LSP forms are
checked, plus the laws of :func:`zparse.engine.one_per_defect`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from casefile import CASES, load_case, run_case
from hypothesis import given
from hypothesis import strategies as st
from pygls.workspace.position_codec import PositionCodec

from zparse.codes import Severity
from zparse.diagnostics import Diagnostic, Related
from zparse.engine import one_per_defect
from zparse.lsp.convert import Converter, DocLinks
from zparse.outputs.common import Summary
from zparse.outputs.github import render_github
from zparse.outputs.jsonfmt import report_json
from zparse.outputs.sarif import sarif_log
from zparse.outputs.text import render_text
from zparse.source import Source, Span
from zparse.sysplex import Sysplex


def _lint(case: str, tmp_path: Path) -> list[Diagnostic]:
    _, diags = run_case(load_case(CASES / case), tmp_path)
    return diags


def _only(diags: list[Diagnostic], code: str) -> Diagnostic:
    [d] = [d for d in diags if d.code == code]
    return d


def _rel(path: str | None, root: Path) -> str:
    return Path(path or "").resolve().relative_to(root.resolve()).as_posix()


def test_a_finding_in_a_shared_include_names_both_systems_and_their_includes(tmp_path: Path) -> None:
    d = _only(_lint("TCP112/fire_in_shared_include.txt", tmp_path), "TCP112")
    assert d.systems == ("SYS1", "SYS2")
    assert d.system is None
    assert d.severity is Severity.ERROR
    notes = {(_rel(r.span.path, tmp_path), r.span.start_line_col()[0], r.message) for r in d.related}
    assert notes == {("SYS1/PROFILE.TCPIP", 2, "SYS1 INCLUDEs this member"),
                     ("SYS2/PROFILE.TCPIP", 2, "SYS2 INCLUDEs this member")}


def test_a_finding_in_a_shared_izuprm_member_names_both_systems(tmp_path: Path) -> None:
    d = _only(_lint("IZU204/fire_once_in_shared_member.txt", tmp_path), "IZU204")
    assert d.systems == ("SYS1", "SYS2")
    assert d.related == ()  # nothing INCLUDEs a parmlib member: the systems list says who reads it


def test_a_finding_of_a_system_own_file_names_no_systems(tmp_path: Path) -> None:
    d = _only(_lint("TCP112/fire_noncontiguous_vipadefine_mask.txt", tmp_path), "TCP112")
    assert (d.system, d.systems, d.concerns) == ("SYS1", (), ("SYS1",))


def test_every_output_names_the_systems_alike(tmp_path: Path) -> None:
    diags = _lint("TCP112/fire_in_shared_include.txt", tmp_path)
    d = _only(diags, "TCP112")
    cwd = str(tmp_path)

    text = render_text([d], cwd=cwd)
    assert text.splitlines()[0].endswith("is not contiguous: IBM requires its one bits first, then zero bits "
                                         "(in SYS1, SYS2) [malformed-mask]")
    assert "= related: SYS1/PROFILE.TCPIP:2:9: SYS1 INCLUDEs this member" in text
    assert "(in SYS1, SYS2)" in render_text([d], cwd=cwd, show_source=False)

    [j] = report_json([d], Summary.of([d]), cwd)["diagnostics"]
    assert j["systems"] == ["SYS1", "SYS2"] and j["system"] is None
    assert {r["message"] for r in j["related"]} == {"SYS1 INCLUDEs this member", "SYS2 INCLUDEs this member"}
    json.dumps(j)

    [s] = sarif_log([d], docs={}, cwd=cwd)["runs"][0]["results"]
    assert "(in SYS1, SYS2)" in s["message"]["text"]
    assert s["properties"]["systems"] == ["SYS1", "SYS2"]
    assert [x["name"] for x in s["locations"][0]["logicalLocations"]] == ["SYS1", "SYS2"]
    assert len(s["relatedLocations"]) == 2

    assert "(in SYS1, SYS2) [malformed-mask]" in render_github([d], cwd)

    lsp = Converter(PositionCodec(), lambda p: Path(p).as_uri() if p and os.path.isabs(p) else None,
                    DocLinks("https://example.org/{code}")).diagnostic(d)
    assert "(in SYS1, SYS2)" in lsp.message
    assert lsp.data == {"system": None, "systems": ["SYS1", "SYS2"]}
    assert lsp.related_information is not None and len(lsp.related_information) == 2


def test_a_plain_finding_keeps_its_outputs(tmp_path: Path) -> None:
    d = _only(_lint("TCP112/fire_noncontiguous_vipadefine_mask.txt", tmp_path), "TCP112")
    assert "(in " not in render_text([d], cwd=str(tmp_path))
    [j] = report_json([d], Summary.of([d]), str(tmp_path))["diagnostics"]
    assert j["systems"] == ["SYS1"] and j["system"] == "SYS1"
    [s] = sarif_log([d], docs={}, cwd=str(tmp_path))["runs"][0]["results"]
    assert "properties" not in s and "(in " not in s["message"]["text"]


IZU205_SEVERITIES = {
    "fire_same_setting_in_two_per_system_members": [Severity.WARNING],
    "fire_shared_member_listed_last": [Severity.WARNING],
    "fire_members_shared_by_different_systems_is_info": [Severity.INFO],
    "fire_plugins_differ_is_info": [Severity.INFO],
    "fire_once_for_a_pair_both_systems_list": [Severity.WARNING],
}


@pytest.mark.parametrize("case", sorted(IZU205_SEVERITIES))
def test_izu205_severity(case: str, tmp_path: Path) -> None:
    diags = [d for d in _lint(f"IZU205/{case}.txt", tmp_path) if d.code == "IZU205"]
    assert [d.severity for d in diags] == IZU205_SEVERITIES[case]
    for d in diags:
        assert d.related and d.related[0].span.path != d.span.path


def test_izu205_of_a_pair_both_systems_list_is_one_finding_for_both(tmp_path: Path) -> None:
    d = _only(_lint("IZU205/fire_once_for_a_pair_both_systems_list.txt", tmp_path), "IZU205")
    assert d.systems == ("SYS1", "SYS2")


# ---------------------------------------------------------------- laws of one_per_defect

_SOURCE = Source("VIPADYNAMIC\n  VIPADEFINE 255.255.0.255 198.51.100.10\nENDVIPADYNAMIC\n", "SYS1/PROFILE.TCPIP")
_EMPTY = Sysplex(name="P", root=".", inventory=None, mode="discovered", systems=())

_diag = st.builds(
    lambda code, start, system, severity, note: Diagnostic(
        code=code, severity=severity, message=f"{code} at {start}", span=Span(_SOURCE, start, start + 3),
        system=system, related=(Related(Span(_SOURCE, 0, 1), note),) if note else ()),
    st.sampled_from(["TCP112", "HA301"]), st.integers(0, 4), st.sampled_from([None, "SYS1", "SYS2", "SYS3"]),
    st.sampled_from(list(Severity)), st.sampled_from([None, "a", "b"]))


def _key(d: Diagnostic) -> tuple[object, ...]:
    return (d.code, d.span.start, d.message)


@given(st.lists(_diag, max_size=12))
def test_one_per_defect_keeps_each_defect_once_with_all_it_knew(diags: list[Diagnostic]) -> None:
    merged = one_per_defect(diags, _EMPTY)
    assert len({_key(d) for d in merged}) == len(merged)
    assert {_key(d) for d in merged} == {_key(d) for d in diags}
    for m in merged:
        copies = [d for d in diags if _key(d) == _key(m)]
        assert set(m.concerns) == {n for d in copies for n in d.concerns}
        assert m.severity.rank == max(d.severity.rank for d in copies)
        assert {r.message for r in m.related} == {r.message for d in copies for r in d.related}
    assert one_per_defect(merged, _EMPTY) == merged
