"""Severity, message style and related locations of the TCP1xx findings.

Runs the case files of cases/TCP1xx through the whole engine, as
test_rule_cases.py does (``casefile.run_case``), and looks at the findings
of the case's code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from casefile import CASES, case_files, load_case, run_case

from zparse.codes import CODES, Severity
from zparse.diagnostics import Diagnostic

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

# Documented in each rule's doc: where IBM says z/OS rejects it -> error; where
# the reference is unverified, the severity that does not cry wolf.
TABLE = {"TCP101": E, "TCP102": E, "TCP103": E, "TCP104": E, "TCP105": E, "TCP106": E,
         "TCP107": E, "TCP108": E, "TCP109": E, "TCP110": E, "TCP111": E, "TCP112": E}

SEVERITIES = {
    "TCP101/fire_define_mask_differs": [E],
    "TCP101/fire_identical_repeat_is_info": [INFO],
    "TCP101/fire_ipv6_same_interface": [E],
    "TCP103/fire_undefined_dvipa": [E],
    "TCP103/fire_defined_later_is_warning": [W],
    "TCP104/fire_two_preferred": [E],
    "TCP104/fire_target_without_role_is_warning": [W],
    "TCP109/fire_no_dynamicxcf": [E],
    "TCP109/fire_with_viparoute_is_warning": [W],
    "TCP110/fire_port_inside_earlier_range": [E],
    "TCP110/fire_reserved_and_job_is_warning": [W],
    "TCP112/fire_noncontiguous_vipadefine_mask": [E],
}

# Codes whose findings must point at the other location involved.
NEEDS_RELATED = {"TCP101", "TCP102", "TCP105"}

FIRING = [p for p in case_files("TCP1") if load_case(p).fires]


def _findings(case_id: str, root: Path) -> list[Diagnostic]:
    """The diagnostics of the case's own code, in the engine's order."""
    case = load_case(CASES / f"{case_id}.txt")
    _, everything = run_case(case, root / case_id)
    return [d for d in everything if d.code == case.code]


def test_code_table_severities_match_the_rule_docs() -> None:
    assert {c: CODES[c].severity for c in TABLE} == TABLE


@pytest.mark.parametrize("case_id", sorted(SEVERITIES))
def test_finding_severity(case_id: str, tmp_path: Path) -> None:
    assert [d.severity for d in _findings(case_id, tmp_path)] == SEVERITIES[case_id]


@pytest.mark.parametrize("case", FIRING, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_message_style(case: Path, tmp_path: Path) -> None:
    code = case.parent.name
    found = _findings(f"{code}/{case.stem}", tmp_path)
    assert found
    for f in found:
        assert f.message and not f.message.endswith("."), f.message
        assert f.message[0] != " " and "\n" not in f.message
        assert f.help, f"{code}: the fix belongs in help"
        assert f.span.end > f.span.start
        if code in NEEDS_RELATED:
            assert f.related, f"{code}: related location expected"


def test_tcp108_lists_the_lost_statements(tmp_path: Path) -> None:
    (f,) = _findings("TCP108/fire_roundrobin_with_roles", tmp_path)
    assert [r.span.start_line_col()[0] for r in f.related] == [6, 7]
    assert "2 later statements" in f.message and "EZZ0831I" in f.message


def test_tcp105_relates_both_destips(tmp_path: Path) -> None:
    (f,) = _findings("TCP105/fire_same_address_both_roles", tmp_path)
    assert f.span.start_line_col()[0] == 6
    assert [r.span.start_line_col()[0] for r in f.related] == [5, 6]


def test_messages_name_ibm_ids(tmp_path: Path) -> None:
    ids = {"TCP102": "EZZ8307I", "TCP104": "EZZ0827I", "TCP105": "EZZ0830I", "TCP106": "EZZ0829I",
           "TCP107": "EZZ0165I", "TCP108": "EZZ0831I"}
    cases = {"TCP102": "fire_dynamicxcf_address", "TCP104": "fire_two_preferred",
             "TCP105": "fire_same_address_both_roles", "TCP106": "fire_32_backups",
             "TCP107": "fire_hotstandby_destip_all", "TCP108": "fire_default_method_option"}
    for code, msg_id in ids.items():
        (f,) = _findings(f"{code}/{cases[code]}", tmp_path)
        assert msg_id in f.message
    (f,) = _findings("TCP104/fire_no_roles", tmp_path)
    assert "EZZ0826I" in f.message
