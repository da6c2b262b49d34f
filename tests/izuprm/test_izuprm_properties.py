"""Hypothesis: never raises, lossless on any text; generated members mean what they say."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from zparse.codes import Severity
from zparse.model.izuprm import (
    KNOWN_PLUGINS,
    SETTINGS,
    member_overrides,
    merge_members,
    parse_izuprm,
)
from zparse.syntax.izuprm import STATEMENTS

_NAME = os.environ.get("HYPOTHESIS_PROFILE", "dev")
PROFILE = settings.get_profile(f"izuprm-{_NAME}" if _NAME in ("dev", "ci", "fuzz") else "izuprm-dev")


def check_lossless(text: str) -> None:
    r = parse_izuprm(text)
    assert r.render() == text
    assert r.status in ("clean", "recovered", "unreadable")
    pos = 0
    for tok in r.tree.tokens():
        assert tok.start == pos and tok.text
        pos = tok.end
    assert pos == len(text)
    for d in r.diagnostics:
        assert 0 <= d.span.start <= d.span.end <= len(text)
        if d.fix is not None:
            for e in d.fix.edits:
                assert 0 <= e.span.start <= e.span.end <= len(text)
    if r.status == "clean":
        assert not [d for d in r.diagnostics if d.severity is Severity.ERROR and d.code.startswith("SYN")]


# ---- arbitrary text ----------------------------------------------------------


@PROFILE
@given(st.text())
def test_any_text_round_trips_and_never_raises(text: str) -> None:
    check_lossless(text)


FRAGMENTS = [
    *STATEMENTS,
    "ACCT", "REGION", "PROC", "UNIT", "DEFAULT", "LONG_WORK", "USER", "ADMIN", "SECADMIN",
    "hostname", "Plugins", "FOO", "x", "42", "/global/zosmf", "*",
    "(", ")", ",", "'", "''", "'abc'", "/*", "*/", "/*/", "*", "/",
    " ", "   ", "\t", "\n", "\r\n", "\r", "\x0c",
    "A" * 35, " " * 40, "0" * 8,
    "\udc80", "\udcff", "\ud800", "\x00", "é", "\u2028",
]


@PROFILE
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join))
def test_keyword_soup_round_trips_and_never_raises(text: str) -> None:
    check_lossless(text)


@PROFILE
@given(st.text(alphabet=st.sampled_from(list("()',/* \n\r\tAHOSTNAMEPLUGINS_019.\udc80")), max_size=400))
def test_small_alphabet_round_trips_and_never_raises(text: str) -> None:
    check_lossless(text)


# ---- generated members ------------------------------------------------------------


def quoted(content: str) -> str:
    return "'" + content.replace("'", "''") + "'"


UPPER_NAME = st.from_regex(r"[A-Z@#$][A-Z0-9@#$]{0,7}", fullmatch=True)
MIXED_NAME = st.from_regex(r"[A-Za-z@#$][A-Za-z0-9@#$]{0,7}", fullmatch=True)
LABEL = st.from_regex(r"[a-z]([a-z0-9-]{0,6}[a-z0-9])?", fullmatch=True)
HOST = st.lists(LABEL, min_size=1, max_size=3).map(".".join)
PATH = st.from_regex(r"(/[A-Za-z0-9._-]{1,8}){1,3}", fullmatch=True)
RING = st.text(alphabet=st.sampled_from(list("AZaz09./#'")), min_size=1, max_size=24)
ACCT = st.text(alphabet=st.sampled_from(list("ABCXYZ0189#")), min_size=1, max_size=12)
LOGGING = st.sampled_from(["*=info", "*=warning:com.ibm.zoszmf.*=info", "com.ibm.ws.*=fine:*=audit"])

# A value strategy draws (text as written, effective value).
Drawn = tuple[str, Any]


def written_word(value: str) -> st.SearchStrategy[Drawn]:
    """An unquoted keyword or name in any case; z/OSMF reads it in upper case."""
    return st.sampled_from([value, value.lower(), value.capitalize()]).map(lambda w: (w, value.upper()))


def name_value() -> st.SearchStrategy[Drawn]:
    return UPPER_NAME.flatmap(written_word)


def quoted_value(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[Drawn]:
    return strategy.map(lambda s: (quoted(s), s))


def number(lo: int, hi: int) -> st.SearchStrategy[Drawn]:
    return st.integers(lo, hi).map(lambda n: (str(n), n))


VALUES: dict[str, Callable[[], st.SearchStrategy[Drawn]]] = {
    "ANGEL_PROC": name_value,
    "AUTOSTART": lambda: st.sampled_from(["LOCAL", "CONNECT"]).flatmap(written_word),
    "AUTOSTART_GROUP": lambda: st.one_of(quoted_value(MIXED_NAME), UPPER_NAME.map(lambda s: (s, s))),
    "CLOUD_SAF_PREFIX": lambda: quoted_value(st.from_regex(r"[A-Za-z]{1,3}", fullmatch=True)),
    "CLOUD_SEC_ADMIN": lambda: quoted_value(MIXED_NAME),
    "COMMON_TSO ACCT": lambda: st.one_of(quoted_value(ACCT), UPPER_NAME.map(lambda s: (s, s))),
    "COMMON_TSO REGION": lambda: number(0, 9_999_999),
    "COMMON_TSO PROC": name_value,
    "CSRF_SWITCH": lambda: st.sampled_from(["ON", "OFF"]).flatmap(written_word),
    "HOSTNAME": lambda: st.one_of(quoted_value(HOST), st.just(("'*'", "*"))),
    "HTTP_SSL_PORT": lambda: number(1, 65535),
    "INCIDENT_LOG UNIT": lambda: quoted_value(UPPER_NAME),
    "JAVA_HOME": lambda: quoted_value(PATH),
    "KEYRING_NAME": lambda: quoted_value(RING),
    "LOGGING": lambda: quoted_value(LOGGING),
    "RESTAPI_FILE ACCT": lambda: quoted_value(ACCT),
    "RESTAPI_FILE REGION": lambda: number(0, 9_999_999),
    "RESTAPI_FILE PROC": name_value,
    "SAF_PREFIX": lambda: quoted_value(MIXED_NAME),
    "SEC_GROUPS USER": name_value,
    "SEC_GROUPS ADMIN": name_value,
    "SEC_GROUPS SECADMIN": name_value,
    "SERVER_PROC": name_value,
    "SESSION_EXPIRE": lambda: number(1, 100_000),
    "TEMP_DIR": lambda: quoted_value(PATH),
    "UNAUTH_USER": name_value,
    "USER_DIR": lambda: quoted_value(PATH),
    "WLM_CLASSES DEFAULT": name_value,
    "WLM_CLASSES LONG_WORK": name_value,
}

# A generated statement: its tokens (separators in between are drawn later),
# its effects ((setting, value) pairs in order) and whether it is unknown.
Generated = tuple[list[str], list[tuple[str, Any]], bool]


@st.composite
def statement(draw: st.DrawFn) -> Generated:
    keyword = draw(st.sampled_from([*sorted(STATEMENTS), "unknown"]))
    spelling = draw(st.sampled_from([str.upper, str.lower, str.title]))
    if keyword == "unknown":
        name = draw(st.from_regex(r"X[A-Z_]{2,10}", fullmatch=True))
        # with operands, so that it ends where it seems to (bare words after an unknown
        # keyword on its line belong to it: "XAA XAA" is one unknown statement)
        arg = draw(st.sampled_from(["()", "(1)", "(A, 'b')", "(A (B))"]))
        return [name + arg], [], True
    subs = STATEMENTS[keyword]
    if keyword == "PLUGINS":
        items = draw(st.lists(st.sampled_from(KNOWN_PLUGINS), max_size=5, unique=True))
        # one token per item (with its comma, if any) so that the layout can break lines between items
        glued = [item + (draw(st.sampled_from(["", ","])) if i < len(items) - 1 else "") for i, item in enumerate(items)]
        return [spelling(keyword), "(", *glued, ")"], [("PLUGINS", tuple(items))], False
    if not subs:
        text, value = draw(VALUES[keyword]())
        return [spelling(keyword), "(", text, ")"], [(keyword, value)], False
    chosen = draw(st.lists(st.sampled_from(subs), min_size=1, max_size=len(subs), unique=True))
    tokens = [spelling(keyword)]
    effects: list[tuple[str, Any]] = []
    for i, sub in enumerate(chosen):
        text, value = draw(VALUES[f"{keyword} {sub}"]())
        if i and draw(st.booleans()):
            tokens.append(",")
        tokens += [spelling(sub), "(", text, ")"]
        effects.append((f"{keyword} {sub}", value))
    return tokens, effects, False


SEPARATORS = st.sampled_from(
    [" ", " ", "  ", "\t", "\n", "\n  ", " /* c */ ", "/*n/*e*/st*/", "\n/* one\n two */\n", "\n\n", "\r\n"]
)


@st.composite
def member(draw: st.DrawFn) -> tuple[str, list[Generated]]:
    statements = draw(st.lists(statement(), max_size=12))
    sequence_numbers = draw(st.booleans())
    lines: list[str] = []
    line = ""

    def end_line(newline: str = "\n") -> None:
        nonlocal line
        if sequence_numbers:
            line = line.ljust(71) + f" {len(lines) + 1:08d}"
        lines.append(line + newline)
        line = ""

    def put(piece: str) -> None:
        nonlocal line
        parts = piece.replace("\r\n", "\n").split("\n")
        for i, part in enumerate(parts):
            if i:
                end_line("\r\n" if "\r\n" in piece else "\n")
            if len(line) + len(part) > 71:
                end_line()
                part = part.lstrip(" \t")
            line += part

    first = True
    for tokens, _, _ in statements:
        for tok in tokens:
            if not first:
                put(draw(SEPARATORS))
            put(tok)
            first = False
    if line or not lines:
        end_line(draw(st.sampled_from(["", "\n"])))
    return "".join(lines), statements


def expected_settings(statements: list[Generated]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    plugins: dict[str, None] = {}
    seen_plugins = False
    for _, effects, _ in statements:
        for name, value in effects:
            if name == "PLUGINS":
                seen_plugins = True
                plugins.update(dict.fromkeys(value))
            else:
                out[name] = value
    if seen_plugins:
        out["PLUGINS"] = tuple(plugins)
    return out


@PROFILE
@given(member())
def test_generated_member_means_what_it_says(generated: tuple[str, list[Generated]]) -> None:
    text, statements = generated
    check_lossless(text)
    r = parse_izuprm(text)
    errors = [d for d in r.diagnostics if d.severity is Severity.ERROR]
    assert [d.code for d in errors] == ["IZU201"] * sum(1 for _, _, unknown in statements if unknown), errors
    assert not [d for d in r.diagnostics if d.code.startswith("SYN")]
    assert len(r.model.statements) == len(statements)
    expected = expected_settings(statements)
    for name in SETTINGS:
        setting = r.model.setting(name)
        if name in expected:
            assert setting.value == expected[name], (name, text)
            assert not setting.is_default and setting.span is not None
        else:
            assert setting.is_default and setting.span is None


@PROFILE
@given(st.lists(member(), min_size=1, max_size=3))
def test_merging_generated_members_is_the_fold_of_their_statements(
    generated: list[tuple[str, list[Generated]]],
) -> None:
    results = [parse_izuprm(text, path=f"IZUPRM0{i}") for i, (text, _) in enumerate(generated)]
    merged = merge_members(results)
    expected = expected_settings([s for _, statements in generated for s in statements])
    for name, value in expected.items():
        assert merged.value_of(name) == value
    for o in member_overrides([r.model for r in results]):
        assert o.earlier < o.later and o.before.span is not None and o.after.span is not None
        assert o.before.span.path != o.after.span.path
        # the later value is the one in effect unless an even later member changed it again
        assert o.merged or merged.setting(o.name).span is not None


# ---- the IZU204 fix -------------------------------------------------------------


@PROFILE
@given(HOST, st.sampled_from([str.lower, str.upper, str.title]))
def test_an_unquoted_host_name_in_any_case_is_not_izu204(host: str, case: Callable[[str], str]) -> None:
    """DNS names are case-insensitive: folding changes nothing, periods and hyphens need no quotes."""
    written = case(host)
    r = parse_izuprm(f"HOSTNAME({written})\n")
    assert "IZU204" not in [d.code for d in r.diagnostics]
    assert r.model.hostname.casefold() == host.casefold()

KEEP_CASE = {
    "USER_DIR": PATH,
    "JAVA_HOME": PATH,
    "TEMP_DIR": PATH,
    "SAF_PREFIX": MIXED_NAME,
    "AUTOSTART_GROUP": MIXED_NAME,
    "CLOUD_SEC_ADMIN": MIXED_NAME,
    "KEYRING_NAME": st.from_regex(r"[A-Za-z][A-Za-z0-9.]{0,20}", fullmatch=True),
}


@st.composite
def member_with_unquoted_values(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    text, _ = draw(member())
    extra: dict[str, str] = {}
    lines = [text.rstrip("\n")] if text.strip() else []
    for keyword in draw(st.lists(st.sampled_from(sorted(KEEP_CASE)), min_size=1, max_size=3, unique=True)):
        value = draw(KEEP_CASE[keyword].filter(lambda v: any(c.islower() for c in v)))
        line = f"{keyword.lower()}({value})"
        if draw(st.booleans()):
            line = line.ljust(71) + f" {len(lines) + 1:08d}"  # sequence numbers must stay put
        lines.append(line)
        extra[keyword] = value
    return "\n".join(lines) + "\n", extra


@PROFILE
@given(member_with_unquoted_values())
def test_izu204_fixes_quote_the_values_and_change_nothing_else(generated: tuple[str, dict[str, str]]) -> None:
    text, extra = generated
    r = parse_izuprm(text)
    fixes = [d.fix for d in r.diagnostics if d.code == "IZU204"]
    assert len(fixes) == len(extra)
    edits = sorted((e for f in fixes if f is not None for e in f.edits), key=lambda e: e.span.start, reverse=True)
    fixed = text
    for e in edits:
        fixed = fixed[: e.span.start] + e.replacement + fixed[e.span.end :]
    again = parse_izuprm(fixed)
    assert not [d for d in again.diagnostics if d.code == "IZU204"]
    for keyword, value in extra.items():
        assert again.model.value_of(keyword) == value
    before = sorted((d.code, d.severity.value) for d in r.diagnostics if d.code != "IZU204")
    after = sorted((d.code, d.severity.value) for d in again.diagnostics)
    assert before == after
    # only quotes were added, and blanks before column 72 removed to keep columns 72-80 in place
    assert fixed.replace("'", "") .replace(" ", "") == text.replace("'", "").replace(" ", "")
    for old, new in zip(text.splitlines(), fixed.splitlines()):
        if len(old) > 71:
            assert new[71:] == old[71:]
