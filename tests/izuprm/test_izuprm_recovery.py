"""Errors cost one statement: exact spans, "expected …" messages, resynchronisation."""

from __future__ import annotations

import pytest

from zparse.codes import Severity
from zparse.model.izuprm import Autostart, parse_izuprm
from zparse.syntax.cst import Node

NEXT = "AUTOSTART(CONNECT)\n"

BAD_STATEMENTS = [
    "HOSTNAME('a.example.com'",  # missing )
    "HOSTNAME('a.example.com' 'b')",
    "HOSTNAME 'a.example.com')",
    "HOSTNAME()",
    "HOSTNAME((('x')))",
    "HTTP_SSL_PORT(44 3)",
    "COMMON_TSO",
    "COMMON_TSO ACCT(A) REGION(",
    "SEC_GROUPS USER(A),",
    "INCIDENT_LOG UNIT",
    "PLUGINS(ISPF, INCIDENT_LOG",
    "PLUGINS ISPF",
    "WLM_CLASSES DEFAULT(A))",
    ")))",
    "'lonely quoted value'",
    "42",
    "*/",
    "=== not a statement ===",
    "HOSTNAME('zosmf.example.com)",  # unterminated quote
    "/* unterminated comment",
]


@pytest.mark.parametrize("bad", BAD_STATEMENTS)
def test_one_bad_statement_does_not_hide_the_next(bad: str) -> None:
    text = f"HTTP_SSL_PORT(10443)\n{bad}\n{NEXT}SESSION_EXPIRE(600)\n"
    r = parse_izuprm(text)
    assert r.render() == text
    errors = [d for d in r.diagnostics if d.severity is Severity.ERROR]
    assert errors, r.diagnostics
    assert r.status == "recovered"
    assert r.model.http_ssl_port == 10443
    assert r.model.autostart is Autostart.CONNECT
    assert r.model.session_expire == 600
    line2 = text.index(bad)
    for d in errors:
        assert line2 <= d.span.start < line2 + len(bad), (d, bad)
        assert d.span.end <= len(text)


# An unterminated comment or quote takes the rest of its line, by definition.
SAME_LINE = [b for b in BAD_STATEMENTS if "/*" not in b and b.count("'") % 2 == 0]


@pytest.mark.parametrize("bad", SAME_LINE)
def test_bad_statement_on_the_same_line_as_the_next(bad: str) -> None:
    text = f"{bad} AUTOSTART(CONNECT)\n"
    r = parse_izuprm(text)
    assert r.render() == text
    assert r.model.autostart is Autostart.CONNECT, r.diagnostics


def test_syntax_errors_say_what_was_expected() -> None:
    r = parse_izuprm("HOSTNAME('a.example.com' 'b')\nCOMMON_TSO ACCT(A) (B)\n")
    messages = [d.message for d in r.diagnostics if d.code == "SYN001"]
    assert messages == [
        "HOSTNAME: expected `)`, found a quoted value",
        "COMMON_TSO: expected `,`, ACCT, REGION, PROC or a statement keyword, found `(`",
    ]


def test_stray_token_after_a_complete_statement_keeps_the_statement() -> None:
    r = parse_izuprm("COMMON_TSO ACCT(A) (B)\nHOSTNAME('h.example.com'))\n")
    assert [d.message for d in r.diagnostics] == [
        "COMMON_TSO: expected `,`, ACCT, REGION, PROC or a statement keyword, found `(`",
        "expected a statement keyword, found `)`",
    ]
    assert r.model.common_tso.acct == "A"
    assert r.model.hostname == "h.example.com"


def test_missing_parenthesis_points_after_the_value() -> None:
    text = "JAVA_HOME('/usr/lpp/java/J17.0_64'\nHOSTNAME('h.example.com')\n"
    r = parse_izuprm(text)
    [d] = r.diagnostics
    assert d.code == "SYN001"
    assert d.span.text == "'/usr/lpp/java/J17.0_64'"
    assert d.message == "JAVA_HOME: expected `)` after the value, found the next statement HOSTNAME"
    assert r.model.hostname == "h.example.com"
    assert r.model.java_home is None


def test_missing_parenthesis_at_the_end_of_the_member() -> None:
    r = parse_izuprm("PLUGINS(ISPF")
    [d] = r.diagnostics
    assert d.span.text == "ISPF"
    assert d.message == "PLUGINS: expected `)`, `,` or a value after the value, found the end of the member"


def test_statement_keyword_used_as_a_plugins_value() -> None:
    # INCIDENT_LOG is both a statement and a plug-in: a value inside PLUGINS(...)
    r = parse_izuprm("PLUGINS(INCIDENT_LOG,\n  ISPF)\nINCIDENT_LOG UNIT('SYSDA')\n")
    assert r.diagnostics == ()
    assert r.model.plugins == ("INCIDENT_LOG", "ISPF")
    assert r.model.incident_log_unit == "SYSDA"


def test_statement_keyword_as_a_value_of_another_statement() -> None:
    r = parse_izuprm("AUTOSTART_GROUP(HOSTNAME) UNAUTH_USER(PLUGINS)\n")
    assert r.diagnostics == ()
    assert r.model.autostart_group == "HOSTNAME"
    assert r.model.unauth_user == "PLUGINS"


def test_unclosed_plugins_list_stops_at_the_next_statement() -> None:
    text = "PLUGINS(ISPF, INCIDENT_LOG\nHOSTNAME('h.example.com')\n"
    r = parse_izuprm(text)
    [d] = r.diagnostics
    assert d.code == "SYN001" and d.span.text == "INCIDENT_LOG"
    assert r.model.hostname == "h.example.com"
    assert r.model.plugins == ()


def test_unknown_statement_after_an_error_is_still_reported() -> None:
    text = "JAVA_HOME('/usr/lpp/java'\nHOSTNAM('h.example.com')\nAUTOSTART(LOCAL)\n"
    r = parse_izuprm(text)
    assert [d.code for d in r.diagnostics] == ["SYN001", "IZU201"]


def test_prose_line_costs_one_finding() -> None:
    text = "This member sets the z/OSMF options\nAUTOSTART(LOCAL)\n"
    r = parse_izuprm(text)
    assert [d.code for d in r.diagnostics] == ["IZU201"]
    assert r.diagnostics[0].span.text == "This"


def test_unknown_words_on_separate_lines_are_separate_findings() -> None:
    r = parse_izuprm("FOO\nBAR\n")
    assert [d.span.text for d in r.diagnostics] == ["FOO", "BAR"]


def test_error_nodes_keep_every_byte_in_the_tree() -> None:
    text = "HOSTNAME('a' 'b' /* c */ )\nAUTOSTART(LOCAL)\n"
    r = parse_izuprm(text)
    kinds = [c.kind for c in r.tree.children if not hasattr(c, "trivia")]
    assert kinds == ["error", "statement"]
    error = r.tree.children[0]
    assert isinstance(error, Node)
    assert error.render() == "HOSTNAME('a' 'b' /* c */ )"
    assert error.keyword == "HOSTNAME"


def test_status_clean_recovered_unreadable() -> None:
    assert parse_izuprm("AUTOSTART(LOCAL)\n").status == "clean"
    assert parse_izuprm("AUTOSTART(LOCAL) HOSTNAME(\n").status == "recovered"
    assert parse_izuprm("\x00\x01\x02 ((( ''' \n").status == "unreadable"
    assert parse_izuprm("TCPCONFIG TCPSENDBFRSIZE 256K\n").status == "unreadable"
    # warnings and infos do not make a member unclean
    assert parse_izuprm("CSRF_SWITCH(ON) CSRF_SWITCH(OFF) HTTP_SSL_PORT('1443')\n").status == "clean"


def test_a_tcpip_profile_read_as_izuprm_is_diagnosed_not_crashed() -> None:
    text = (
        "; PROFILE.TCPIP\n"
        "TCPCONFIG RESTRICTLOWPORTS\n"
        "IPCONFIG DATAGRAMFWD SYSPLEXROUTING DYNAMICXCF 10.1.1.1 255.255.255.0 1\n"
        "VIPADYNAMIC\n  VIPADEFINE 255.255.255.0 10.1.9.1\nENDVIPADYNAMIC\n"
    )
    r = parse_izuprm(text)
    assert r.render() == text
    assert r.diagnostics
    assert r.status == "unreadable"


def test_words_after_a_continued_quote_on_the_same_line_stay_in_an_unknown_statement() -> None:
    value = "x" * (71 - len("FOO '"))
    text = f"FOO '{value}\nyy' BAR\nBAZ\n"
    r = parse_izuprm(text)
    assert [d.span.text for d in r.diagnostics if d.code == "IZU201"] == ["FOO", "BAZ"]


def test_many_operands_in_one_statement_stay_linear() -> None:
    import time

    text = "COMMON_TSO " + "\n".join("ACCT(A)" for _ in range(20000)) + "\n"
    start = time.perf_counter()
    r = parse_izuprm(text)
    assert time.perf_counter() - start < 20
    assert r.model.common_tso.acct == "A"
    assert r.model.statements[0].operands[5].span.text == "ACCT(A)"


def test_an_internal_error_becomes_zl001_and_keeps_every_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    import zparse.model.izuprm.build as model

    def boom(*args: object) -> None:
        raise RuntimeError("boom")

    text = "HOSTNAME('a.example.com')\nAUTOSTART(CONNECT)\n"
    monkeypatch.setattr(model._Builder, "check_hostname", boom)
    r = parse_izuprm(text)
    assert r.render() == text
    assert [d.code for d in r.diagnostics] == ["ZL001"]
    assert r.model.autostart is Autostart.CONNECT  # the other statements still count

    monkeypatch.setattr(model, "parse_izuprm_syntax", boom)
    r = parse_izuprm(text)
    assert r.render() == text
    assert [d.code for d in r.diagnostics] == ["ZL001"]
    assert r.status == "unreadable"
