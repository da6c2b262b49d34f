"""IZUPRMxx record rules: columns, comments, quoting, continuation, blanks, bytes."""

from __future__ import annotations

import pytest

from zparse.codes import Severity
from zparse.model.izuprm import parse_izuprm
from zparse.source import Source
from zparse.syntax.izuprm import izuprm_grammar, parse_izuprm_syntax


def codes(text: str) -> list[str]:
    return [d.code for d in parse_izuprm(text).diagnostics]


def record(data: str, seq: str = "") -> str:
    """An 80-column record: data in columns 1-71, ``seq`` right-aligned in 72-80."""
    assert len(data) <= 71
    return data.ljust(71) + seq.rjust(9)


def tiles(text: str) -> None:
    """Every character belongs to exactly one token, in order."""
    tree = parse_izuprm_syntax(Source(text)).tree
    pos = 0
    for tok in tree.tokens():
        assert tok.start == pos, (tok, pos)
        assert tok.text
        pos = tok.end
    assert pos == len(text)


# ---- blanks, lines and statements ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "SESSION_EXPIRE(600)",
        "SESSION_EXPIRE (600)",
        "SESSION_EXPIRE ( 600 )",
        "  SESSION_EXPIRE\t(\t600\t)  ",
        "SESSION_EXPIRE\n(\n600\n)\n",
        "session_expire(600)",
        "SESSION_EXPIRE(600)\r\n",
        "SESSION_EXPIRE(600)\r",
        "\n\n   \nSESSION_EXPIRE(600)\n\n",
    ],
)
def test_blanks_and_lines_around_and_inside_parentheses(text: str) -> None:
    r = parse_izuprm(text)
    assert r.render() == text
    assert r.diagnostics == ()
    assert r.status == "clean"
    assert r.model.session_expire == 600
    tiles(text)


def test_several_statements_per_line() -> None:
    r = parse_izuprm("HTTP_SSL_PORT(10443) AUTOSTART(CONNECT)   SERVER_PROC(IZUSVRA)\n")
    assert r.diagnostics == ()
    assert (r.model.http_ssl_port, r.model.autostart.value, r.model.server_proc) == (10443, "CONNECT", "IZUSVRA")
    assert [n.keyword for n in r.tree.children if not hasattr(n, "trivia")] == [
        "HTTP_SSL_PORT",
        "AUTOSTART",
        "SERVER_PROC",
    ]


def test_one_statement_over_several_lines() -> None:
    text = "COMMON_TSO\n  ACCT(IZUACCT)\n  REGION(60000)\n  PROC(IZUFPROC)\nAUTOSTART(LOCAL)\n"
    r = parse_izuprm(text)
    assert r.diagnostics == ()
    assert r.model.common_tso.region == 60000
    nodes = [c for c in r.tree.children if not hasattr(c, "trivia")]
    assert [n.kind for n in nodes] == ["statement", "statement"]
    assert nodes[0].render().startswith("COMMON_TSO") and nodes[0].render().endswith("PROC(IZUFPROC)")


def test_empty_and_blank_members_are_clean_defaults() -> None:
    for text in ("", "\n", "   \n\n", "/* only a comment */\n"):
        r = parse_izuprm(text)
        assert r.render() == text
        assert r.diagnostics == ()
        assert r.status == "clean"
        assert r.model.hostname == "*"
        assert r.model.statements == ()


def test_statement_node_spans_cover_keyword_to_closing_parenthesis() -> None:
    text = "  HOSTNAME ( 'a.b' )  /* x */\n"
    r = parse_izuprm(text)
    st = r.model.statements[0]
    assert st.span.text == "HOSTNAME ( 'a.b' )"
    assert st.keyword_span.text == "HOSTNAME"
    assert st.value is not None and st.value.span.text == "'a.b'"


# ---- comments ------------------------------------------------------------


def test_comments_anywhere_inside_a_statement() -> None:
    text = "HOSTNAME /* a */ ( /* b */ 'h.example.com' /* c */ ) /* d */ AUTOSTART(\nLOCAL)\n"
    assert all(len(line) <= 71 for line in text.splitlines())
    r = parse_izuprm(text)
    assert r.diagnostics == ()
    assert r.model.hostname == "h.example.com"
    assert r.model.autostart.value == "LOCAL"


def test_nested_balanced_comment_is_one_comment() -> None:
    text = "/*c1/*c2*/still comment HOSTNAME('no')*/HOSTNAME('yes')\n"
    r = parse_izuprm(text)
    assert r.diagnostics == ()
    assert r.model.hostname == "yes"
    comments = [t for t in r.tree.tokens() if t.kind == "COMMENT"]
    assert [t.text for t in comments] == ["/*c1/*c2*/still comment HOSTNAME('no')*/"]


def test_comment_across_lines_hides_statements_inside_it() -> None:
    text = "/* start\nHOSTNAME('hidden')\n   end */ HOSTNAME('shown')\n"
    r = parse_izuprm(text)
    assert r.diagnostics == ()
    assert r.model.hostname == "shown"
    assert len(r.model.statements) == 1
    tiles(text)


def test_quote_inside_comment_does_not_open_a_string() -> None:
    r = parse_izuprm("/* don't do this */ HOSTNAME('x.example.com')\n")
    assert r.diagnostics == ()
    assert r.model.hostname == "x.example.com"


def test_comment_markers_inside_quotes_are_text() -> None:
    r = parse_izuprm("KEYRING_NAME('ring/*not*/a comment')\n")
    assert r.diagnostics == ()
    assert r.model.keyring_name == "ring/*not*/a comment"


def test_unterminated_comment_is_reported_at_its_start_and_the_next_line_still_parses() -> None:
    text = "AUTOSTART(CONNECT)\n  /* forgot to close\nHTTP_SSL_PORT(10443)\n"
    r = parse_izuprm(text)
    assert r.render() == text
    [d] = [d for d in r.diagnostics if d.code == "SYN005"]
    assert d.severity is Severity.ERROR
    assert d.span.text == "/*"
    assert d.span.start_line_col() == (2, 3)
    assert "unterminated comment" in d.message
    assert r.model.http_ssl_port == 10443
    assert r.status == "recovered"


def test_unbalanced_nested_comment_counts_as_unterminated() -> None:
    text = "/* a /* b */ c\nSESSION_EXPIRE(100)\n"
    r = parse_izuprm(text)
    [d] = r.diagnostics
    assert (d.code, d.span.start) == ("SYN005", 0)
    assert r.model.session_expire == 100


def test_unterminated_comment_on_last_line() -> None:
    text = "SESSION_EXPIRE(100) /* no end"
    r = parse_izuprm(text)
    assert r.render() == text
    assert [d.code for d in r.diagnostics] == ["SYN005"]
    assert r.model.session_expire == 100


def test_stray_comment_end_is_an_error_and_costs_nothing_else() -> None:
    text = "HOSTNAME('a.b') */ AUTOSTART(LOCAL)\n"
    r = parse_izuprm(text)
    [d] = r.diagnostics
    assert d.code == "SYN001"
    assert d.span.text == "*/"
    assert "expected" in d.message
    assert len(r.model.statements) == 2


def test_comment_closed_past_column_71_is_reported() -> None:
    text = "HOSTNAME('x.example.com') /* a comment that is long enough to reach beyond */\n" "AUTOSTART(LOCAL)\n"
    assert len(text.splitlines()[0]) > 75
    r = parse_izuprm(text)
    [d] = r.diagnostics
    assert d.code == "SYN005"
    assert d.span.text == "/*"
    assert "column 71" in d.message
    assert r.model.autostart.value == "LOCAL"


# ---- columns 72-80 -------------------------------------------------------


def test_sequence_numbers_in_columns_73_to_80_are_ignored_trivia() -> None:
    text = (
        record("HOSTNAME('zosmf.example.com')", "00010000")
        + "\n"
        + record("AUTOSTART(LOCAL)", "00020000")
        + "\n"
        + record("", "00030000")
        + "\n"
    )
    r = parse_izuprm(text)
    assert r.render() == text
    assert r.diagnostics == ()
    ignored = [t for t in r.tree.tokens() if t.kind == "IGNORED"]
    assert [t.text.strip() for t in ignored] == ["00010000", "00020000", "00030000"]
    assert all(t.trivia for t in ignored)
    assert r.model.hostname == "zosmf.example.com"


def test_anything_in_columns_72_to_80_is_ignored_even_keywords() -> None:
    text = "HOSTNAME('a.example.com')".ljust(71) + "HOSTNAME('b.example.com')\n"
    r = parse_izuprm(text)
    assert r.model.hostname == "a.example.com"
    assert len(r.model.statements) == 1


def test_full_80_column_records_with_blank_padding() -> None:
    text = record("AUTOSTART(CONNECT)") + "\n"
    assert len(text) == 81
    r = parse_izuprm(text)
    assert r.diagnostics == ()
    assert r.model.autostart.value == "CONNECT"


def test_statement_running_past_column_71_is_cut_and_the_error_says_why() -> None:
    text = "SESSION_EXPIRE(495)" + " " * 44 + "HOSTNAME('a.example.com')\nAUTOSTART(LOCAL)\n"
    r = parse_izuprm(text)
    [d] = [d for d in r.diagnostics if d.code == "SYN001"]
    assert d.help is not None and "columns 72-80" in d.help
    assert r.model.session_expire == 495
    assert r.model.autostart.value == "LOCAL"


def test_unknown_word_cut_at_column_71_gets_the_column_hint() -> None:
    text = "SESSION_EXPIRE(495)" + " " * 45 + "AUTOSTART(LOCAL)\n"
    r = parse_izuprm(text)
    [d] = r.diagnostics
    assert d.code == "IZU201"
    assert "AUTOSTA" in d.message and "AUTOSTART" in d.message
    assert d.help is not None and "columns 72-80" in d.help


# ---- quoting and continuation -------------------------------------------


def test_quoted_values_keep_case_and_unquoted_are_upper_cased() -> None:
    r = parse_izuprm("KEYRING_NAME('zOSMFRing2') SERVER_PROC(izusvra)\n")
    assert r.model.keyring_name == "zOSMFRing2"
    assert r.model.server_proc == "IZUSVRA"
    kr, sp = r.model.statements
    assert kr.value is not None and kr.value.quoted and kr.value.raw == "'zOSMFRing2'"
    assert sp.value is not None and not sp.value.quoted and sp.value.raw == "izusvra"


def test_doubled_quote_is_one_quote() -> None:
    r = parse_izuprm("KEYRING_NAME('it''s mine') LOGGING('''')\n")
    assert r.model.keyring_name == "it's mine"
    assert r.model.statements[1].values[0].text == "'"


def test_empty_quoted_string() -> None:
    r = parse_izuprm("CLOUD_SEC_ADMIN('')\n")
    assert r.model.statements[0].values[0].text == ""


def test_quoted_value_continued_from_column_71_to_column_1() -> None:
    value = "*=warning:com.ibm.zoszmf.*=info:com.ibm.zoszmf.environment.ui=finer"
    first = "LOGGING('" + value
    cut = 71 - len("LOGGING('")
    line1 = ("LOGGING('" + value[:cut])
    assert len(line1) == 71
    text = line1 + "\n" + value[cut:] + "')\nAUTOSTART(LOCAL)\n"
    assert first  # the whole value as one string, for comparison
    r = parse_izuprm(text)
    assert r.render() == text
    assert r.diagnostics == ()
    assert r.model.logging == value
    assert r.model.autostart.value == "LOCAL"
    [quoted] = [t for t in r.tree.tokens() if t.kind == "QUOTED"]
    assert quoted.text.count("\n") == 1


def test_continuation_skips_sequence_numbers_of_the_first_line() -> None:
    path = "/global/zosmf/" + "d" * 70
    line1 = "USER_DIR('" + path[: 71 - len("USER_DIR('")]
    rest = path[71 - len("USER_DIR('") :]
    text = record(line1, "00010000") + "\n" + record(rest + "')", "00020000") + "\n"
    r = parse_izuprm(text)
    assert r.diagnostics == ()
    assert r.model.user_dir == path


def test_quote_open_on_a_short_line_continues_padded_with_a_warning() -> None:
    text = "TEMP_DIR('/tmp/a\nb')\n"
    r = parse_izuprm(text)
    [d] = r.diagnostics
    assert (d.code, d.severity) == ("SYN005", Severity.WARNING)
    assert d.span.start == text.index("'")
    # the record is padded with blanks to column 71 before the splice (unverified z/OS behaviour)
    assert r.model.temp_dir == "/tmp/a" + " " * (71 - len("TEMP_DIR('/tmp/a")) + "b"


def test_unterminated_quote_is_reported_at_its_start_and_the_rest_still_parses() -> None:
    text = "HOSTNAME('zosmf.example.com)\nAUTOSTART(CONNECT)\nHTTP_SSL_PORT(10443)\n"
    r = parse_izuprm(text)
    assert r.render() == text
    syn005 = [d for d in r.diagnostics if d.code == "SYN005" and d.severity is Severity.ERROR]
    assert len(syn005) == 1
    assert syn005[0].span.start == text.index("'")
    assert syn005[0].span.end == syn005[0].span.start + 1
    assert r.model.autostart.value == "CONNECT"
    assert r.model.http_ssl_port == 10443
    # the broken statement costs only itself: no second error for its missing `)`
    assert [d.code for d in r.diagnostics if d.severity is Severity.ERROR] == ["SYN005"]


def test_quote_closed_past_column_71_is_reported() -> None:
    value = "*=warning:com.ibm.zoszmf.*=info:com.ibm.zoszmf.environment.ui=finer"
    text = f"LOGGING('{value}')\nHOSTNAME('h.example.com')\n"
    assert len(text.splitlines()[0]) > 72
    r = parse_izuprm(text)
    errors = [d for d in r.diagnostics if d.severity is Severity.ERROR]
    assert [d.code for d in errors] == ["SYN005"]
    assert "column 71" in errors[0].message
    assert r.model.hostname == "h.example.com"


def test_blank_lines_and_comments_inside_a_continued_statement() -> None:
    text = "PLUGINS(\n\n  ISPF, /* the ISPF plug-in */\n\n  INCIDENT_LOG\n)\n"
    r = parse_izuprm(text)
    assert r.diagnostics == ()
    assert r.model.plugins == ("ISPF", "INCIDENT_LOG")


# ---- undecodable bytes and odd characters ---------------------------------


def test_undecodable_bytes_are_reported_where_they_are() -> None:
    text = "HOSTNAME('caf\udcc3\udca9.example.com')\nAUTOSTART(LOCAL)\n"
    r = parse_izuprm(text)
    assert r.render() == text
    [d] = [d for d in r.diagnostics if d.code == "SYN010"]
    assert d.span.text == "\udcc3\udca9"
    assert "0xC3 0xA9" in d.message
    assert r.model.autostart.value == "LOCAL"


@pytest.mark.parametrize("text", ["\udc80", "A\udcffB(", "'\udc80", "/*\udc80", "\ud800x", "\x00\x01(\x7f)"])
def test_odd_characters_never_break_the_parser(text: str) -> None:
    r = parse_izuprm(text)
    assert r.render() == text
    tiles(text)


def test_tabs_and_form_feeds_are_blanks() -> None:
    r = parse_izuprm("HTTP_SSL_PORT\t(\f443\v)\n")
    assert r.diagnostics == ()
    assert r.model.http_ssl_port == 443


def test_grammar_is_compiled_once() -> None:
    assert izuprm_grammar() is izuprm_grammar()


@pytest.mark.parametrize("text", ["/*\n/*\n\n", "/*\n\n*/", "/*\n/*\n\n*/\n\n*/x", "'\n\n'", "/*a\n\n\n"])
def test_blank_lines_inside_comments_and_quotes_make_no_empty_tokens(text: str) -> None:
    assert parse_izuprm(text).render() == text
    tiles(text)
