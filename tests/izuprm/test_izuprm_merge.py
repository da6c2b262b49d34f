"""Concatenated members (IZUPRM=(00,01)): later wins, PLUGINS union, and the
overrides IZU205 judges (its severities are in tests/rules/cases/IZU205)."""

from __future__ import annotations

from zparse.model.izuprm import (
    Autostart,
    IzuPrm,
    Override,
    member_overrides,
    merge_members,
    parse_izuprm,
)
from zparse.model.result import ParseResult


def members(*texts: str) -> list[ParseResult[IzuPrm]]:
    return [parse_izuprm(t, path=f"SYS1/IZUPRM0{i}") for i, t in enumerate(texts)]


def merge(*texts: str) -> tuple[IzuPrm, tuple[Override, ...]]:
    results = members(*texts)
    return merge_members(results), member_overrides([r.model for r in results])


def test_later_member_wins_and_the_override_points_at_both_statements() -> None:
    a = "AUTOSTART_GROUP('IZUDFLA')\nHTTP_SSL_PORT(443)\n"
    b = "SESSION_EXPIRE(600)\nAUTOSTART_GROUP('IZUDFLT')\n"
    merged, overrides = merge(a, b)
    assert merged.autostart_group == "IZUDFLT"
    assert merged.http_ssl_port == 443
    assert merged.session_expire == 600
    [o] = overrides
    assert (o.name, o.earlier, o.later, o.merged) == ("AUTOSTART_GROUP", 0, 1, False)
    assert (o.earlier_member, o.later_member) == ("IZUPRM00", "IZUPRM01")
    assert o.after.span is not None and o.after.span.path == "SYS1/IZUPRM01"
    assert o.after.span.text == "AUTOSTART_GROUP('IZUDFLT')"
    assert o.before.span is not None and o.before.span.text == "AUTOSTART_GROUP('IZUDFLA')"
    assert (o.shown_before, o.shown_after) == ("IZUDFLA", "IZUDFLT")
    assert merged.span_of("AUTOSTART_GROUP") == o.after.span
    assert merged.setting("HTTP_SSL_PORT").path == "SYS1/IZUPRM00"


def test_members_that_agree_are_no_override() -> None:
    merged, overrides = merge("HOSTNAME('zosmf.example.com')\n", "HOSTNAME('ZOSMF.example.COM')\n")
    assert overrides == ()
    assert merged.hostname == "ZOSMF.example.COM"


def test_same_value_written_differently_is_no_override() -> None:
    _, overrides = merge("HTTP_SSL_PORT(443)\nAUTOSTART(local)\n", "HTTP_SSL_PORT('443')\nAUTOSTART(LOCAL)\n")
    assert overrides == ()


def test_sub_keywords_are_compared_one_by_one() -> None:
    merged, overrides = merge("COMMON_TSO ACCT(A1) REGION(100)\n", "COMMON_TSO REGION(100) PROC(P2)\n",
                              "COMMON_TSO ACCT(A3)\n")
    assert [(o.name, o.after.span.text if o.after.span else None) for o in overrides] == [
        ("COMMON_TSO ACCT", "COMMON_TSO ACCT(A3)")]
    assert merged.common_tso.acct == "A3"
    assert merged.common_tso.region == 100
    assert merged.common_tso.proc == "P2"


def test_each_later_member_is_compared_with_the_value_before_it() -> None:
    merged, overrides = merge("HTTP_SSL_PORT(443)\n", "HTTP_SSL_PORT(10443)\n", "HTTP_SSL_PORT(20443)\n")
    assert merged.http_ssl_port == 20443
    assert [(o.earlier, o.later) for o in overrides] == [(0, 1), (1, 2)]


def test_plugins_are_merged_and_their_difference_is_marked_merged() -> None:
    merged, overrides = merge("PLUGINS(ISPF, INCIDENT_LOG)\n", "PLUGINS(RESOURCE_MON, ISPF)\n")
    assert merged.plugins == ("ISPF", "INCIDENT_LOG", "RESOURCE_MON")
    [o] = overrides
    assert o.merged and o.name == "PLUGINS"
    assert len(merged.setting("PLUGINS").statements) == 2


def test_same_plugins_in_any_order_is_no_override() -> None:
    _, overrides = merge("PLUGINS(ISPF, INCIDENT_LOG)\n", "PLUGINS(INCIDENT_LOG ISPF)\n")
    assert overrides == ()


def test_a_repeat_inside_one_member_is_no_override() -> None:
    merged, overrides = merge("CSRF_SWITCH(ON)\nCSRF_SWITCH(OFF)\n")
    assert overrides == ()
    assert merged.csrf_switch is False


def test_defaults_of_a_member_do_not_override_an_earlier_setting() -> None:
    merged, overrides = merge("AUTOSTART(CONNECT)\n", "HOSTNAME('h.example.com')\n")
    assert overrides == ()
    assert merged.autostart is Autostart.CONNECT


def test_invalid_value_in_a_later_member_does_not_win() -> None:
    merged, overrides = merge("HTTP_SSL_PORT(10443)\n", "HTTP_SSL_PORT(70000)\n")
    assert overrides == ()
    assert merged.http_ssl_port == 10443


def test_merged_model_keeps_all_statements_in_member_order() -> None:
    merged, _ = merge("HOSTNAME('a.example.com')\n", "FOO(1)\nAUTOSTART(LOCAL)\n")
    assert [s.keyword for s in merged.statements] == ["HOSTNAME", "FOO", "AUTOSTART"]
    assert merged.members == ("SYS1/IZUPRM00", "SYS1/IZUPRM01")


def test_merge_of_nothing_and_of_one_member() -> None:
    assert merge_members([]) == IzuPrm() and member_overrides([]) == ()
    one = parse_izuprm("HOSTNAME('a.example.com')\n")
    assert merge_members([one]) == one.model
    assert member_overrides([one.model]) == ()


def test_members_without_paths_are_numbered() -> None:
    [o] = member_overrides([parse_izuprm("SAF_PREFIX('IZUA')\n").model, parse_izuprm("SAF_PREFIX('IZUB')\n").model])
    assert (o.earlier_member, o.later_member) == ("member 1", "member 2")


def test_the_merged_model_carries_its_overrides() -> None:
    results = members("HTTP_SSL_PORT(443)\n", "HTTP_SSL_PORT(10443)\n")
    merged = merge_members(results)
    assert merged.overrides == member_overrides([r.model for r in results])
    assert len(merged.overrides) == 1
