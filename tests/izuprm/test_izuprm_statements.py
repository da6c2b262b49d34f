"""Every IZUPRMxx statement: valid values, out of range, wrong type; the effective view."""

from __future__ import annotations

import pytest

from zparse.codes import Severity
from zparse.diagnostics import Diagnostic
from zparse.model.izuprm import (
    SETTINGS,
    Autostart,
    IzuPrm,
    SecGroups,
    TsoSettings,
    WlmClasses,
    parse_izuprm,
)
from zparse.syntax.izuprm import STATEMENTS


def only(text: str, code: str) -> Diagnostic:
    found = [d for d in parse_izuprm(text).diagnostics if d.code == code]
    assert len(found) == 1, parse_izuprm(text).diagnostics
    return found[0]


def apply_fix(text: str, d: Diagnostic) -> str:
    assert d.fix is not None
    for edit in sorted(d.fix.edits, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.replacement + text[edit.span.end :]
    return text


# ---- valid statements ---------------------------------------------------------

VALID: list[tuple[str, dict[str, object]]] = [
    ("ANGEL_PROC(IZUANG2)", {"ANGEL_PROC": "IZUANG2"}),
    ("AUTOSTART(CONNECT)", {"AUTOSTART": "CONNECT"}),
    ("autostart(local)", {"AUTOSTART": "LOCAL"}),
    ("AUTOSTART_GROUP('IZUDFLA')", {"AUTOSTART_GROUP": "IZUDFLA"}),
    ("AUTOSTART_GROUP(NONE)", {"AUTOSTART_GROUP": "NONE"}),
    ("CLOUD_SAF_PREFIX('IYV')", {"CLOUD_SAF_PREFIX": "IYV"}),
    ("CLOUD_SEC_ADMIN('SECADM1')", {"CLOUD_SEC_ADMIN": "SECADM1"}),
    (
        "COMMON_TSO ACCT(IZUACCT2) REGION(60000) PROC(IZUFPRC2)",
        {"COMMON_TSO ACCT": "IZUACCT2", "COMMON_TSO REGION": 60000, "COMMON_TSO PROC": "IZUFPRC2"},
    ),
    ("COMMON_TSO REGION(2096128)", {"COMMON_TSO REGION": 2096128, "COMMON_TSO ACCT": "IZUACCT"}),
    ("CSRF_SWITCH(OFF)", {"CSRF_SWITCH": "OFF"}),
    ("HOSTNAME('zosmf.example.com')", {"HOSTNAME": "zosmf.example.com"}),
    ("HOSTNAME('*')", {"HOSTNAME": "*"}),
    ("HOSTNAME('10.175.81.28')", {"HOSTNAME": "10.175.81.28"}),
    ("HOSTNAME('2001:db8::1')", {"HOSTNAME": "2001:db8::1"}),
    ("HOSTNAME(LOCALHOST)", {"HOSTNAME": "LOCALHOST"}),
    ("HTTP_SSL_PORT(1)", {"HTTP_SSL_PORT": 1}),
    ("HTTP_SSL_PORT(65535)", {"HTTP_SSL_PORT": 65535}),
    ("HTTP_SSL_PORT(010443)", {"HTTP_SSL_PORT": 10443}),
    ("INCIDENT_LOG UNIT('SYSDA')", {"INCIDENT_LOG UNIT": "SYSDA"}),
    ("JAVA_HOME('/usr/lpp/java/J17.0_64')", {"JAVA_HOME": "/usr/lpp/java/J17.0_64"}),
    ("KEYRING_NAME('zOSMFRing2')", {"KEYRING_NAME": "zOSMFRing2"}),
    ("KEYRING_NAME('IZUSVR/IZUKeyring.IZUDFLT')", {"KEYRING_NAME": "IZUSVR/IZUKeyring.IZUDFLT"}),
    ("LOGGING('*=warning:com.ibm.zoszmf.*=info')", {"LOGGING": "*=warning:com.ibm.zoszmf.*=info"}),
    ("PLUGINS(ISPF, INCIDENT_LOG)", {"PLUGINS": ("ISPF", "INCIDENT_LOG")}),
    ("PLUGINS(ISPF INCIDENT_LOG RESOURCE_MON)", {"PLUGINS": ("ISPF", "INCIDENT_LOG", "RESOURCE_MON")}),
    ("PLUGINS()", {"PLUGINS": ()}),
    (
        "RESTAPI_FILE ACCT(IZUACCT) REGION(65536) PROC(IZUFPROC)",
        {"RESTAPI_FILE ACCT": "IZUACCT", "RESTAPI_FILE REGION": 65536, "RESTAPI_FILE PROC": "IZUFPROC"},
    ),
    ("SAF_PREFIX('IZUDFLT')", {"SAF_PREFIX": "IZUDFLT"}),
    ("SAF_PREFIX('IzuPlex')", {"SAF_PREFIX": "IzuPlex"}),
    (
        "SEC_GROUPS USER(IZUUSER),ADMIN(IZUADMIN),SECADMIN(IZUSECAD)",
        {"SEC_GROUPS USER": "IZUUSER", "SEC_GROUPS ADMIN": "IZUADMIN", "SEC_GROUPS SECADMIN": "IZUSECAD"},
    ),
    ("SEC_GROUPS USER(ZUSER) ADMIN(ZADMIN)", {"SEC_GROUPS USER": "ZUSER", "SEC_GROUPS SECADMIN": "IZUSECAD"}),
    ("SERVER_PROC(IZUSVRA)", {"SERVER_PROC": "IZUSVRA"}),
    ("SESSION_EXPIRE(600)", {"SESSION_EXPIRE": 600}),
    ("TEMP_DIR('/tmp/zosmf')", {"TEMP_DIR": "/tmp/zosmf"}),
    ("UNAUTH_USER(IZUGST2)", {"UNAUTH_USER": "IZUGST2"}),
    ("USER_DIR('/global/zosmf/zosmfa')", {"USER_DIR": "/global/zosmf/zosmfa"}),
    (
        "WLM_CLASSES DEFAULT(IZUGHTTP) LONG_WORK(IZUGWORK)",
        {"WLM_CLASSES DEFAULT": "IZUGHTTP", "WLM_CLASSES LONG_WORK": "IZUGWORK"},
    ),
    ("WLM_CLASSES LONG_WORK(LONGW), DEFAULT(NORMW)", {"WLM_CLASSES DEFAULT": "NORMW"}),
]


@pytest.mark.parametrize(("text", "expected"), VALID, ids=[t for t, _ in VALID])
def test_valid_statement(text: str, expected: dict[str, object]) -> None:
    assert len(text) <= 71
    r = parse_izuprm(text + "\n")
    assert r.diagnostics == ()
    assert r.status == "clean"
    for name, value in expected.items():
        setting = r.model.setting(name)
        assert setting.value == value
        written = name.split()[-1] in text.upper()
        assert setting.is_default is not written
        if written:
            assert setting.span is not None
            assert setting.span.text.upper().startswith(name.split()[0])
            assert setting.span.text.strip() in text


def test_every_statement_of_the_reference_is_covered() -> None:
    covered = {t.split("(")[0].split()[0].upper() for t, _ in VALID}
    assert covered == set(STATEMENTS)
    names = {n for _, exp in VALID for n in exp}
    assert names == set(SETTINGS)


# ---- out of range, wrong type, wrong keyword ---------------------------------------------

INVALID: list[tuple[str, str, Severity, str]] = [
    # (statement, code, severity, words of the message)
    ("HTTP_SSL_PORT(0)", "IZU202", Severity.ERROR, "out of range: 1 to 65535"),
    ("HTTP_SSL_PORT(65536)", "IZU202", Severity.ERROR, "out of range"),
    ("HTTP_SSL_PORT(99999999999999999999999999)", "IZU202", Severity.ERROR, "out of range"),
    ("HTTP_SSL_PORT(443X)", "SYN004", Severity.ERROR, "expected a number from 1 to 65535"),
    ("HTTP_SSL_PORT('')", "SYN004", Severity.ERROR, "expected a number"),
    ("HTTP_SSL_PORT('1443')", "IZU202", Severity.INFO, "quoted number"),
    ("AUTOSTART(YES)", "IZU202", Severity.ERROR, "LOCAL or CONNECT"),
    ("AUTOSTART('')", "IZU202", Severity.ERROR, "LOCAL or CONNECT"),
    ("CSRF_SWITCH(MAYBE)", "IZU202", Severity.ERROR, "ON or OFF"),
    ("HOSTNAME('zosmf..example.com')", "IZU202", Severity.ERROR, "empty label"),
    ("HOSTNAME('bad!host')", "IZU202", Severity.ERROR, "not allowed"),
    ("HOSTNAME('-abc.example.com')", "IZU202", Severity.ERROR, "starts or ends with -"),
    ("HOSTNAME('10.1.2.999')", "IZU202", Severity.ERROR, "IPv4"),
    ("HOSTNAME('')", "IZU202", Severity.ERROR, "empty"),
    ("HOSTNAME('my_host.example.com')", "IZU202", Severity.WARNING, "underscore"),
    ("HOSTNAME('@HOSTNAME')", "IZU202", Severity.WARNING, "z/OS 2.2"),
    ("USER_DIR('global/zosmf')", "IZU202", Severity.ERROR, "absolute"),
    ("JAVA_HOME('usr/lpp/java')", "IZU202", Severity.WARNING, "absolute"),
    ("TEMP_DIR('tmp')", "IZU202", Severity.WARNING, "absolute"),
    ("CLOUD_SAF_PREFIX('IYUX')", "IZU202", Severity.ERROR, "at most 3"),
    ("CLOUD_SEC_ADMIN('TOOLONGID')", "IZU202", Severity.WARNING, "at most 8"),
    ("SERVER_PROC(IZUSVR123)", "IZU202", Severity.WARNING, "at most 8"),
    ("ANGEL_PROC(1ANGEL)", "IZU202", Severity.WARNING, "not a valid name"),
    ("ANGEL_PROC('izuang1')", "IZU202", Severity.WARNING, "not a valid name"),
    ("UNAUTH_USER(TOOLONGUSER)", "IZU202", Severity.WARNING, "at most 8"),
    ("SAF_PREFIX('IZU.DFLT')", "IZU202", Severity.WARNING, "not a valid name"),
    ("AUTOSTART_GROUP('TOOLONGNAME')", "IZU202", Severity.WARNING, "at most 8"),
    ("COMMON_TSO REGION(abc)", "SYN004", Severity.ERROR, "expected a number"),
    ("COMMON_TSO REGION(99999999)", "IZU202", Severity.WARNING, "range unverified"),
    ("COMMON_TSO ACCT('" + "A" * 41 + "')", "IZU202", Severity.WARNING, "at most 40"),
    ("RESTAPI_FILE PROC(TOOLONGPROC)", "IZU202", Severity.WARNING, "at most 8"),
    ("SESSION_EXPIRE(0)", "IZU202", Severity.WARNING, "at least 1"),
    ("SESSION_EXPIRE(1x)", "SYN004", Severity.ERROR, "expected a number"),
    ("INCIDENT_LOG UNIT('TOOLONGUNIT')", "IZU202", Severity.WARNING, "at most 8"),
    ("KEYRING_NAME('')", "IZU202", Severity.WARNING, "empty"),
    ("LOGGING('verbose')", "IZU202", Severity.WARNING, "component=level"),
    ("WLM_CLASSES DEFAULT(TOOLONGCLASS)", "IZU202", Severity.WARNING, "at most 8"),
    ("SEC_GROUPS USER(TOOLONGGROUP)", "IZU202", Severity.WARNING, "at most 8"),
    ("SEC_GROUPS ADMIN(A/B)", "IZU202", Severity.WARNING, "special characters"),
    ("SEC_GROUPS ADMIN(A-B)", "IZU202", Severity.WARNING, "not a valid name"),
    ("PLUGINS(ISPF, WORKLOAD_MGM)", "IZU202", Severity.WARNING, "did you mean WORKLOAD_MGMT"),
    ("PLUGINS(ISPF, INCIDENT_LOG, ISPF)", "IZU202", Severity.WARNING, "twice"),
    ("PLUGINS(ISPF, INCIDENT_LOG RESOURCE_MON)", "IZU202", Severity.INFO, "no comma between"),
]


@pytest.mark.parametrize(("text", "code", "severity", "words"), INVALID, ids=[i[0][:40] for i in INVALID])
def test_invalid_value(text: str, code: str, severity: Severity, words: str) -> None:
    assert len(text) <= 71
    d = only(text + "\n", code)
    assert d.severity is severity
    assert words in d.message
    # the span is the value itself
    assert d.span.text in text
    assert "(" not in d.span.text or "'" in d.span.text


def test_long_values_continued_over_lines_are_checked_too() -> None:
    value = "k" * 238
    first = "KEYRING_NAME('" + value[: 71 - len("KEYRING_NAME('")]
    rest = value[71 - len("KEYRING_NAME('") :]
    lines = [first]
    while len(rest) > 71:
        lines.append(rest[:71])
        rest = rest[71:]
    lines.append(rest + "')")
    r = parse_izuprm("\n".join(lines) + "\n")
    [d] = r.diagnostics
    assert (d.code, d.severity) == ("IZU202", Severity.WARNING)
    assert r.model.keyring_name == value


def test_error_level_value_does_not_take_effect() -> None:
    r = parse_izuprm("HTTP_SSL_PORT(10443)\nHTTP_SSL_PORT(70000)\nAUTOSTART(MAYBE)\n")
    assert r.model.http_ssl_port == 10443
    assert r.model.autostart is Autostart.LOCAL
    assert r.model.is_default("AUTOSTART")
    bad = r.model.statements[1].value
    assert bad is not None and not bad.valid and bad.text == "70000"


def test_warning_level_value_still_takes_effect() -> None:
    r = parse_izuprm("SERVER_PROC(IZUSVR123)\n")
    assert r.model.server_proc == "IZUSVR123"


def test_quoted_number_is_read_as_the_number() -> None:
    r = parse_izuprm("HTTP_SSL_PORT('1443')\n")
    assert r.model.http_ssl_port == 1443
    assert r.status == "clean"


def test_unquoted_special_characters_are_a_warning() -> None:
    d = only("SERVER_PROC(IZU.SVR)\n", "IZU202")
    assert d.severity is Severity.WARNING


# ---- wrong structure --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "words"),
    [
        ("HOSTNAME()", ")", "expected a value, found `)`"),
        ("HOSTNAME('a.b' 'c.d')", "'c.d'", "expected `)`"),
        ("HOSTNAME 'a.b'", "'a.b'", "expected `(`"),
        ("COMMON_TSO FOO(1)", "FOO", "expected ACCT, REGION or PROC"),
        ("SEC_GROUPS USER(A),,ADMIN(B)", ",", "expected USER, ADMIN or SECADMIN"),
        ("INCIDENT_LOG ('SYSDA')", "(", "expected UNIT"),
        ("WLM_CLASSES DEFAULT(A) (B)", "(", "expected"),
        ("PLUGINS(ISPF,,RESOURCE_MON)", ",", "expected a value"),
        ("PLUGINS(ISPF (X))", "(", "expected"),
        ("'quoted' AUTOSTART(LOCAL)", "'quoted'", "expected a statement keyword"),
        ("123", "123", "expected a statement keyword"),
        (")", ")", "expected a statement keyword"),
    ],
)
def test_malformed_statement(text: str, span: str, words: str) -> None:
    r = parse_izuprm(text + "\n")
    errors = [d for d in r.diagnostics if d.code == "SYN001"]
    assert len(errors) == 1, r.diagnostics
    assert errors[0].span.text == span
    assert words in errors[0].message


def test_unknown_statement_is_izu201_with_a_suggestion() -> None:
    d = only("HTTPS_PORT(10443)\n", "IZU201")
    assert d.span.text == "HTTPS_PORT"
    assert d.severity is Severity.ERROR
    d = only("HOSTNAM('a.b')\n", "IZU201")
    assert "did you mean HOSTNAME?" in d.message


def test_sub_keyword_on_its_own_is_izu201_naming_its_statement() -> None:
    d = only("REGION(50000)\n", "IZU201")
    assert "operand of COMMON_TSO and RESTAPI_FILE" in d.message


def test_unknown_statement_with_nested_operands_parses_as_one() -> None:
    r = parse_izuprm("FOO BAR(A, (B C), 'D')\nAUTOSTART(LOCAL)\n")
    assert [d.code for d in r.diagnostics] == ["IZU201"]
    unknown = r.model.statements[0]
    assert not unknown.known and unknown.keyword == "FOO"
    assert [v.text for v in unknown.values] == ["BAR", "A", "B", "C", "D"]


def test_statements_not_in_the_reference_are_unknown() -> None:
    for word in ("COUNTRY_LANGUAGE", "MAX_SESSIONS", "LONG_WEIGHT"):
        assert only(f"{word}(1)\n", "IZU201").span.text == word


# ---- the effective view -------------------------------------------------------


def test_defaults_of_an_empty_member() -> None:
    m = parse_izuprm("").model
    assert m.hostname == "*"
    assert m.http_ssl_port == 443
    assert m.autostart is Autostart.LOCAL
    assert m.autostart_group == "IZUDFLT"
    assert m.keyring_name == "IZUKeyring.IZUDFLT"
    assert m.saf_prefix == "IZUDFLT"
    assert m.user_dir == "/global/zosmf"
    assert m.server_proc == "IZUSVR1"
    assert m.angel_proc == "IZUANG1"
    assert m.plugins == ()
    assert m.java_home is None
    assert m.temp_dir == "/tmp"
    assert m.unauth_user == "IZUGUEST"
    assert m.session_expire == 495
    assert m.csrf_switch is True
    assert m.logging is None
    assert m.cloud_saf_prefix == "IYU"
    assert m.cloud_sec_admin is None
    assert m.incident_log_unit == "SYSALLDA"
    assert m.common_tso == TsoSettings(acct="IZUACCT", region=50000, proc="IZUFPROC")
    assert m.restapi_file == TsoSettings(acct="IZUACCT", region=None, proc="IZUFPROC")
    assert m.wlm_classes == WlmClasses(default="IZUGHTTP", long_work="IZUGWORK")
    assert m.sec_groups == SecGroups(user="IZUUSER", admin="IZUADMIN", secadmin="IZUSECAD")
    for name in SETTINGS:
        assert m.span_of(name) is None
        assert m.is_default(name)
    assert m == IzuPrm()


def test_unverified_defaults_say_so() -> None:
    m = parse_izuprm("").model
    autostart = m.setting("AUTOSTART")
    assert autostart.is_default and not autostart.default_verified
    assert autostart.note is not None and "unverified" in autostart.note
    assert m.setting("HTTP_SSL_PORT").default_verified
    unverified = {s.name for s in m.settings if not s.default_verified}
    assert {"AUTOSTART", "CSRF_SWITCH", "TEMP_DIR", "SESSION_EXPIRE", "INCIDENT_LOG UNIT"} <= unverified


def test_typed_accessors_and_spans_of_the_statements_that_set_them() -> None:
    text = (
        "HOSTNAME('zosmf.example.com')\n"
        "HTTP_SSL_PORT(10443) AUTOSTART(CONNECT)\n"
        "AUTOSTART_GROUP('IZUDFLA') KEYRING_NAME('IZUKeyring.IZUDFLT')\n"
        "SAF_PREFIX('IZUDFLT') USER_DIR('/global/zosmf/zosmfa')\n"
        "SERVER_PROC(IZUSVRA) ANGEL_PROC(IZUANG1)\n"
        "PLUGINS(ISPF,INCIDENT_LOG) CSRF_SWITCH(OFF)\n"
    )
    r = parse_izuprm(text, path="SYS1/IZUPRM0A")
    m = r.model
    assert r.diagnostics == ()
    assert (m.hostname, m.http_ssl_port, m.autostart) == ("zosmf.example.com", 10443, Autostart.CONNECT)
    assert (m.autostart_group, m.keyring_name, m.saf_prefix) == ("IZUDFLA", "IZUKeyring.IZUDFLT", "IZUDFLT")
    assert (m.user_dir, m.server_proc, m.angel_proc) == ("/global/zosmf/zosmfa", "IZUSVRA", "IZUANG1")
    assert m.plugins == ("ISPF", "INCIDENT_LOG")
    assert m.csrf_switch is False
    span = m.span_of("HTTP_SSL_PORT")
    assert span is not None and span.text == "HTTP_SSL_PORT(10443)"
    assert span.start_line_col() == (2, 1)
    assert span.path == "SYS1/IZUPRM0A"
    assert m.setting("HTTP_SSL_PORT").path == "SYS1/IZUPRM0A"
    value_span = m.setting("USER_DIR").value_span
    assert value_span is not None and value_span.text == "'/global/zosmf/zosmfa'"
    assert m.span_of("TEMP_DIR") is None
    assert m.path == "SYS1/IZUPRM0A"


def test_sub_keyword_settings_have_their_own_spans() -> None:
    m = parse_izuprm("COMMON_TSO ACCT(A1)\n  REGION(4096)\n").model
    assert m.common_tso == TsoSettings(acct="A1", region=4096, proc="IZUFPROC")
    setting = m.setting("common_tso region")
    assert setting.value_span is not None and setting.value_span.text == "4096"
    op = m.statements[0].operand("REGION")
    assert op is not None and op.span.text == "REGION(4096)" and op.keyword_span.text == "REGION"


def test_model_equality_ignores_layout_and_spans() -> None:
    a = parse_izuprm("HOSTNAME('h.example.com') AUTOSTART(LOCAL)\n").model
    b = parse_izuprm("/* x */\n  hostname ( 'h.example.com' )\n\n  AUTOSTART(\n local )\n", path="other").model
    assert a == b
    assert hash(a) == hash(b)
    c = parse_izuprm("HOSTNAME('H.example.com') AUTOSTART(LOCAL)\n").model
    assert a != c


def test_statements_as_written_are_kept_in_order() -> None:
    m = parse_izuprm("CSRF_SWITCH(ON)\nFOO(1)\nCSRF_SWITCH(OFF)\n").model
    assert [(s.keyword, s.known) for s in m.statements] == [
        ("CSRF_SWITCH", True),
        ("FOO", False),
        ("CSRF_SWITCH", True),
    ]
    assert [s.span.text for s in m.statements_of("csrf_switch")] == ["CSRF_SWITCH(ON)", "CSRF_SWITCH(OFF)"]
    assert m.csrf_switch is False


# ---- IZU203: repeated in one member ------------------------------------------------


def test_repeated_statement_last_wins_with_related_first() -> None:
    text = "CSRF_SWITCH(ON)\nSESSION_EXPIRE(495)\nCSRF_SWITCH(OFF)\n"
    r = parse_izuprm(text)
    [d] = r.diagnostics
    assert (d.code, d.severity) == ("IZU203", Severity.WARNING)
    assert d.span.text == "CSRF_SWITCH(OFF)"
    assert "last value (OFF) wins over ON on line 1" in d.message
    [rel] = d.related
    assert rel.span.text == "CSRF_SWITCH(ON)"
    assert r.model.csrf_switch is False
    assert r.model.span_of("CSRF_SWITCH") == d.span


def test_repeated_with_the_same_value() -> None:
    d = only("SESSION_EXPIRE(495)\nSESSION_EXPIRE(495)\n", "IZU203")
    assert "same value" in d.message


def test_repeated_sub_keyword_statement_merges_per_operand() -> None:
    r = parse_izuprm("COMMON_TSO ACCT(A1) REGION(100)\nCOMMON_TSO REGION(200)\n")
    assert [d.code for d in r.diagnostics] == ["IZU203"]
    assert r.model.common_tso == TsoSettings(acct="A1", region=200, proc="IZUFPROC")


def test_repeated_operand_inside_one_statement() -> None:
    d = only("COMMON_TSO ACCT(A1) ACCT(A2)\n", "IZU203")
    assert d.span.text == "ACCT(A2)"
    assert d.related[0].span.text == "ACCT(A1)"
    assert parse_izuprm("COMMON_TSO ACCT(A1) ACCT(A2)\n").model.common_tso.acct == "A2"


def test_repeated_plugins_are_merged() -> None:
    r = parse_izuprm("PLUGINS(ISPF)\nPLUGINS(INCIDENT_LOG, ISPF)\n")
    assert [d.code for d in r.diagnostics] == ["IZU203"]
    assert r.model.plugins == ("ISPF", "INCIDENT_LOG")
    assert len(r.model.setting("PLUGINS").statements) == 2


def test_repeated_unknown_statements_are_not_izu203() -> None:
    assert [d.code for d in parse_izuprm("FOO(1)\nFOO(2)\n").diagnostics] == ["IZU201", "IZU201"]


# ---- IZU204: values that must keep their case -----------------------------------

KEEP_CASE = [
    ("INCIDENT_LOG UNIT(sysda)", "INCIDENT_LOG UNIT", "sysda"),
    ("JAVA_HOME(/usr/lpp/java/J17.0_64)", "JAVA_HOME", "/usr/lpp/java/J17.0_64"),
    ("KEYRING_NAME(IZUKeyring.IZUDFLT)", "KEYRING_NAME", "IZUKeyring.IZUDFLT"),
    ("LOGGING(*=warning)", "LOGGING", "*=warning"),
    ("SAF_PREFIX(IzuPlex)", "SAF_PREFIX", "IzuPlex"),
    ("CLOUD_SAF_PREFIX(Iyu)", "CLOUD_SAF_PREFIX", "Iyu"),
    ("CLOUD_SEC_ADMIN(secadm)", "CLOUD_SEC_ADMIN", "secadm"),
    ("TEMP_DIR(/tmp)", "TEMP_DIR", "/tmp"),
    ("AUTOSTART_GROUP(izudfla)", "AUTOSTART_GROUP", "izudfla"),
    ("USER_DIR(/global/zosmf)", "USER_DIR", "/global/zosmf"),
]


@pytest.mark.parametrize(("text", "name", "kept"), KEEP_CASE, ids=[k[1] for k in KEEP_CASE])
def test_unquoted_value_that_must_keep_its_case(text: str, name: str, kept: str) -> None:
    source = f"/* before */ {text} /* after */\nAUTOSTART(LOCAL)\n"
    r = parse_izuprm(source)
    [d] = [d for d in r.diagnostics if d.code == "IZU204"]
    assert d.severity is Severity.WARNING
    assert d.span.text == kept
    assert name in d.message
    assert r.model.value_of(name) == kept.upper()
    assert d.fix is not None and d.fix.safe
    fixed = apply_fix(source, d)
    assert fixed == source.replace(kept, f"'{kept}'", 1)
    again = parse_izuprm(fixed)
    assert not [x for x in again.diagnostics if x.code == "IZU204"]
    assert again.model.value_of(name) == kept


def test_upper_case_plain_value_is_not_izu204() -> None:
    r = parse_izuprm("SAF_PREFIX(IZUDFLT) AUTOSTART_GROUP(NONE) INCIDENT_LOG UNIT(SYSDA)\n")
    assert r.diagnostics == ()


@pytest.mark.parametrize("text", ["HOSTNAME(ZOSMF.EXAMPLE.COM)", "HOSTNAME(zosmf-ha.example.com)",
                                  "KEYRING_NAME(IZUKEYRING.IZUDFLT)"])
def test_quotes_that_change_nothing_are_not_izu204(text: str) -> None:
    """Host names are case-insensitive; periods and hyphens need no quotes."""
    assert parse_izuprm(text + "\n").diagnostics == ()


def test_special_characters_need_quotes_even_in_upper_case() -> None:
    d = only("HOSTNAME(*)\n", "IZU204")
    assert "special characters" in d.message
    assert apply_fix("HOSTNAME(*)\n", d) == "HOSTNAME('*')\n"


def test_izu204_fix_keeps_sequence_numbers_in_place() -> None:
    line = "USER_DIR(/global/zosmf)".ljust(71) + " 00010000"
    text = line + "\nAUTOSTART(LOCAL)\n"
    d = only(text, "IZU204")
    fixed = apply_fix(text, d)
    new_line = fixed.splitlines()[0]
    assert new_line.startswith("USER_DIR('/global/zosmf')")
    assert len(new_line) == len(line)
    assert new_line[71:] == line[71:]
    assert parse_izuprm(fixed).model.user_dir == "/global/zosmf"


def test_izu204_has_no_fix_when_quotes_would_pass_column_71() -> None:
    text = "USER_DIR(/global/zosmf/" + "x" * 47 + ")\n"
    assert len(text.splitlines()[0]) == 71
    d = only(text, "IZU204")
    assert d.fix is None
    assert d.help is not None and "column 71" in d.help
