"""Error recovery: an error costs one statement, not the file."""

from __future__ import annotations

import zparse


def diags(text: str) -> list[tuple[str, int, int]]:
    r = zparse.parse(text, kind="tcpip")
    assert r.render() == text
    return [(d.code, *d.span.start_line_col()) for d in r.diagnostics]


def test_bad_statement_does_not_hide_the_next():
    r = zparse.parse("PORT 23 XYZ TN3270\nHOME 10.0.0.1 L1\n", kind="tcpip")
    assert [d.code for d in r.diagnostics] == ["SYN001"]
    assert r.model.home[0].link == "L1"
    assert r.status == "recovered"


def test_unknown_statement_is_syn002_and_each_gets_its_own():
    assert diags("FOOBAR 1 2\nBAZ\nARPAGE 5\n") == [("SYN002", 1, 1), ("SYN002", 2, 1)]


def test_block_without_end_is_syn003_at_its_start_and_the_rest_is_understood():
    text = "VIPADYNAMIC\n VIPADEFINE 255.255.255.0 10.1.1.1\nPORT 443 TCP IZUSVR1\n"
    r = zparse.parse(text, kind="tcpip")
    assert [(d.code, *d.span.start_line_col()) for d in r.diagnostics] == [("SYN003", 1, 1)]
    assert r.model.ports[0].port == 443
    assert len(r.model.vipa_defines) == 1


def test_error_inside_vipadynamic_resyncs_at_the_next_vipa_statement():
    text = ("VIPADYNAMIC\n VIPADEFINE 255.255.255.0 x.x.x.V\n VIPABACKUP 10 10.1.1.2\nENDVIPADYNAMIC\n"
            "ARPAGE 5\n")
    r = zparse.parse(text, kind="tcpip")
    assert [(d.code, *d.span.start_line_col()) for d in r.diagnostics] == [("SYN001", 2, 27)]
    assert "ignores the rest of this VIPADYNAMIC block" in r.diagnostics[0].message
    assert r.model.vipa_backups[0].lost
    assert r.model.arpage == 5
    assert r.model.has_unparsed_vipa and r.model.mentions_unparsed("X.X.X.V")


def test_expected_message_names_what_fits():
    r = zparse.parse("PORT 23 XYZ TN3270\n", kind="tcpip")
    assert "expected TCP or UDP" in r.diagnostics[0].message


def test_vipa_statement_outside_its_block():
    r = zparse.parse("VIPADEFINE 255.255.255.0 10.1.1.1\n", kind="tcpip")
    assert "only valid inside a VIPADYNAMIC block" in r.diagnostics[0].message


def test_stray_end_keyword():
    assert diags("ENDVIPADYNAMIC\nARPAGE 5\n") == [("SYN001", 1, 1)]


def test_unterminated_quote_is_syn005():
    assert ("SYN005", 2, 15) in diags('AUTOLOG\n X PARMSTRING "D=X\nENDAUTOLOG\n')


def test_sequence_numbers_in_columns_73_80_are_syn006_with_a_fix():
    line = "ARPAGE 20".ljust(72) + "00010000\n"
    r = zparse.parse(line, kind="tcpip")
    # z/OS reads the number as a new statement, so there is a syntax error too.
    assert sorted(d.code for d in r.diagnostics) == ["SYN001", "SYN006"]
    (d,) = [d for d in r.diagnostics if d.code == "SYN006"]
    assert d.span.start_line_col() == (1, 73)
    assert d.fix is not None and d.fix.edits[0].replacement == ""


def test_comment_reaching_column_73_is_not_a_sequence_number():
    assert diags("ARPAGE 20 ; " + "x" * 70 + "\n") == []


def test_glued_comment_is_a_warning():
    r = zparse.parse("BEGINROUTES\n ROUTE DEFAULT 10.1.1.1 L1 MTU 4096 REPL;CHG\nENDROUTES\n", kind="tcpip")
    assert [d.code for d in r.diagnostics] == ["SYN009"]
    assert r.model.routes[0].options[-1] == "REPLACEABLE"


def test_telnet_profile_is_recognised():
    r = zparse.parse("TelnetGlobals\n TCPIPJOBNAME TCPIP\nEndTelnetGlobals\n", kind="tcpip")
    assert r.diagnostics[0].code == "SYN002" and "Telnet" in r.diagnostics[0].message


def test_undecodable_bytes_are_reported_where_they_are():
    text = b"ARPAGE 5\nHOME 10.0.0.1 L\xff1\n".decode("utf-8", "surrogateescape")
    r = zparse.parse(text, kind="tcpip")
    assert ("SYN010", 2, 16) in [(d.code, *d.span.start_line_col()) for d in r.diagnostics]
    assert r.render() == text


def test_crlf_tabs_and_bom():
    text = "\ufeffARPAGE\t5\r\nSOMAXCONN 10\r\n"
    r = zparse.parse(text, kind="tcpip")
    assert not r.diagnostics and r.model.arpage == 5 and r.model.somaxconn == 10


def test_missing_name_before_a_statement_keyword_is_an_error_not_a_name():
    r = zparse.parse("LINK\nHOME 10.1.1.1 ETH1\n", kind="tcpip")
    assert [d.code for d in r.diagnostics] == ["SYN001"]
    assert "expected a name" in r.diagnostics[0].message
    assert r.model.home[0].link == "ETH1"


def test_invalid_distmethod_is_a_syntax_error():
    r = zparse.parse("VIPADYNAMIC\n VIPADISTRIBUTE DISTMETHOD FOO 10.1.1.1 DESTIP ALL\nENDVIPADYNAMIC\n")
    assert [d.code for d in r.diagnostics] == ["SYN001"]
    assert "HOTSTANDBY" in r.diagnostics[0].message
