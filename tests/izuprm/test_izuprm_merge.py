"""Concatenated members (IZUPRM=(00,01)): later wins, PLUGINS union, IZU205."""

from __future__ import annotations

from zparse.codes import Severity
from zparse.model.izuprm import Autostart, IzuPrm, merge_members, parse_izuprm
from zparse.model.result import ParseResult


def members(*texts: str) -> list[ParseResult[IzuPrm]]:
    return [parse_izuprm(t, path=f"SYS1/IZUPRM0{i}") for i, t in enumerate(texts)]


def test_later_member_wins_and_izu205_points_at_the_other_member() -> None:
    a = "AUTOSTART_GROUP('IZUDFLA')\nHTTP_SSL_PORT(443)\n"
    b = "SESSION_EXPIRE(600)\nAUTOSTART_GROUP('IZUDFLT')\n"
    merged, diags = merge_members(members(a, b))
    assert merged.autostart_group == "IZUDFLT"
    assert merged.http_ssl_port == 443
    assert merged.session_expire == 600
    [d] = diags
    assert (d.code, d.severity) == ("IZU205", Severity.WARNING)
    assert d.span.path == "SYS1/IZUPRM01"
    assert d.span.text == "AUTOSTART_GROUP('IZUDFLT')"
    assert "IZUPRM00" in d.message and "IZUPRM01" in d.message
    [rel] = d.related
    assert rel.span.path == "SYS1/IZUPRM00"
    assert rel.span.text == "AUTOSTART_GROUP('IZUDFLA')"
    assert merged.span_of("AUTOSTART_GROUP") == d.span
    assert merged.setting("HTTP_SSL_PORT").path == "SYS1/IZUPRM00"


def test_members_that_agree_are_quiet() -> None:
    merged, diags = merge_members(members("HOSTNAME('zosmf.example.com')\n", "HOSTNAME('ZOSMF.example.COM')\n"))
    assert diags == ()
    assert merged.hostname == "ZOSMF.example.COM"


def test_same_value_written_differently_is_no_conflict() -> None:
    _, diags = merge_members(members("HTTP_SSL_PORT(443)\nAUTOSTART(local)\n", "HTTP_SSL_PORT('443')\nAUTOSTART(LOCAL)\n"))
    assert diags == ()


def test_sub_keywords_are_compared_one_by_one() -> None:
    merged, diags = merge_members(
        members("COMMON_TSO ACCT(A1) REGION(100)\n", "COMMON_TSO REGION(100) PROC(P2)\n", "COMMON_TSO ACCT(A3)\n")
    )
    assert [(d.code, d.span.text) for d in diags] == [("IZU205", "COMMON_TSO ACCT(A3)")]
    assert merged.common_tso.acct == "A3"
    assert merged.common_tso.region == 100
    assert merged.common_tso.proc == "P2"


def test_each_later_member_is_compared_with_the_value_before_it() -> None:
    merged, diags = merge_members(
        members("HTTP_SSL_PORT(443)\n", "HTTP_SSL_PORT(10443)\n", "HTTP_SSL_PORT(20443)\n")
    )
    assert merged.http_ssl_port == 20443
    assert [(d.span.path, d.related[0].span.path) for d in diags] == [
        ("SYS1/IZUPRM01", "SYS1/IZUPRM00"),
        ("SYS1/IZUPRM02", "SYS1/IZUPRM01"),
    ]


def test_plugins_are_merged_with_an_info_finding() -> None:
    merged, diags = merge_members(members("PLUGINS(ISPF, INCIDENT_LOG)\n", "PLUGINS(RESOURCE_MON, ISPF)\n"))
    assert merged.plugins == ("ISPF", "INCIDENT_LOG", "RESOURCE_MON")
    [d] = diags
    assert (d.code, d.severity) == ("IZU205", Severity.INFO)
    assert "merges" in d.message
    assert len(merged.setting("PLUGINS").statements) == 2


def test_same_plugins_in_any_order_is_no_conflict() -> None:
    _, diags = merge_members(members("PLUGINS(ISPF, INCIDENT_LOG)\n", "PLUGINS(INCIDENT_LOG ISPF)\n"))
    assert diags == ()


def test_a_repeat_inside_one_member_is_not_izu205() -> None:
    merged, diags = merge_members(members("CSRF_SWITCH(ON)\nCSRF_SWITCH(OFF)\n"))
    assert diags == ()
    assert merged.csrf_switch is False


def test_defaults_of_a_member_do_not_override_an_earlier_setting() -> None:
    merged, diags = merge_members(members("AUTOSTART(CONNECT)\n", "HOSTNAME('h.example.com')\n"))
    assert diags == ()
    assert merged.autostart is Autostart.CONNECT


def test_invalid_value_in_a_later_member_does_not_win() -> None:
    merged, diags = merge_members(members("HTTP_SSL_PORT(10443)\n", "HTTP_SSL_PORT(70000)\n"))
    assert diags == ()
    assert merged.http_ssl_port == 10443


def test_merged_model_keeps_all_statements_in_member_order() -> None:
    merged, _ = merge_members(members("HOSTNAME('a.example.com')\n", "FOO(1)\nAUTOSTART(LOCAL)\n"))
    assert [s.keyword for s in merged.statements] == ["HOSTNAME", "FOO", "AUTOSTART"]
    assert merged.members == ("SYS1/IZUPRM00", "SYS1/IZUPRM01")


def test_merge_of_nothing_and_of_one_member() -> None:
    empty, diags = merge_members([])
    assert diags == () and empty == IzuPrm()
    one = parse_izuprm("HOSTNAME('a.example.com')\n")
    merged, diags = merge_members([one])
    assert diags == () and merged == one.model


def test_members_without_paths_are_numbered_in_messages() -> None:
    _, diags = merge_members([parse_izuprm("SAF_PREFIX('IZUA')\n"), parse_izuprm("SAF_PREFIX('IZUB')\n")])
    [d] = diags
    assert "member 1" in d.message and "member 2" in d.message
