"""Hover, outline, go to definition (across systems' files) and code actions, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from zparse.engine import registry

from .conftest import LOOP, codes, diagnostics_for, find_position, open_doc, replace, wait_until

pytestmark = pytest.mark.asyncio(loop_scope=LOOP)


def _text(plex: Path, rel: str) -> str:
    return (plex / rel).read_text(encoding="utf-8")


def _pos(text: str, needle: str, offset: int = 0) -> types.Position:
    line, col = find_position(text, needle, offset)
    return types.Position(line=line, character=col)


async def _hover(client: LanguageClient, uri: str, pos: types.Position) -> str:
    h = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos))
    assert h is not None
    assert isinstance(h.contents, types.MarkupContent)
    assert h.contents.kind == types.MarkupKind.Markdown
    return h.contents.value


async def _definition(client: LanguageClient, uri: str, pos: types.Position) -> list[types.Location]:
    got = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos))
    assert isinstance(got, list)
    return [g for g in got if isinstance(g, types.Location)]


async def _open_sysplex(client: LanguageClient, plex: Path) -> tuple[str, str, str, str]:
    u1 = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    u2 = (plex / "SYS2" / "PROFILE.TCPIP").as_uri()
    t1, t2 = _text(plex, "SYS1/PROFILE.TCPIP"), _text(plex, "SYS2/PROFILE.TCPIP")
    open_doc(client, u1, t1)
    open_doc(client, u2, t2)
    await diagnostics_for(client, u1, 1)
    await diagnostics_for(client, u2, 1)
    return u1, u2, t1, t2


# ---------------------------------------------------------------- hover


@pytest.mark.parametrize("needle,expected", [
    ("VIPADISTRIBUTE", ["**VIPADISTRIBUTE**", "DESTIP", "In effect: DISTMETHOD HOTSTANDBY",
                        "AUTOSWITCHBACK (default)", "PORT 443"]),
    ("VIPADEFINE", ["**VIPADEFINE**", "In effect: MOVEABLE IMMEDIATE"]),
    ("DYNAMICXCF", ["**IPCONFIG DYNAMICXCF**", "NODYNAMICXCF"]),
    ("HOTSTANDBY", ["**HOTSTANDBY**", "exactly one PREFERRED"]),
    ("PREFERRED", ["**PREFERRED**"]),
    ("NOAUTOLOG", ["**NOAUTOLOG**"]),
    ("INCLUDE", ["**INCLUDE**", "[include]"]),
    ("IPCONFIG", ["**IPCONFIG**", "Dynamic XCF address in effect: 192.0.2.1"]),
])
async def test_hover_on_statements_and_keywords(client: LanguageClient, plex: Path, needle: str,
                                                expected: list[str]) -> None:
    u1, _u2, t1, _t2 = await _open_sysplex(client, plex)
    text = await _hover(client, u1, _pos(t1, needle, 1))
    for e in expected:
        assert e in text, (e, text)


async def test_hover_on_an_address_tells_whose_it_is(client: LanguageClient, plex: Path) -> None:
    u1, _u2, t1, _t2 = await _open_sysplex(client, plex)
    text = await _hover(client, u1, _pos(t1, "192.0.2.2 BACKUP", 2))
    assert "dynamic XCF address of **SYS2**" in text
    text = await _hover(client, u1, _pos(t1, "198.51.100.10", 3))
    assert "DVIPA defined (VIPADEFINE) by **SYS1**" in text
    assert "backed up (VIPABACKUP rank 100) by **SYS2**" in text


async def test_hover_on_a_comment_is_empty(client: LanguageClient, plex: Path) -> None:
    u1, _u2, t1, _t2 = await _open_sysplex(client, plex)
    h = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=u1), position=_pos(t1, "profile of SYS1")))
    assert h is None


async def test_hover_on_a_finding_shows_the_rule_documentation(client: LanguageClient, plex: Path) -> None:
    u1, u2, t1, t2 = await _open_sysplex(client, plex)
    line, col = find_position(t1, "192.0.2.1 255")
    replace(client, u1, 2, (line, col), (line, col + 9), "192.0.2.11")
    await wait_until(lambda: "HA301" in codes(client.diagnostics.get(u2, [])), what="HA301 on SYS2")
    text = await _hover(client, u2, _pos(t2, "192.0.2.1 PREFERRED", 1))
    assert "**HA301**" in text
    doc = registry()["HA301"].doc
    assert doc and doc.splitlines()[0] in text


async def test_hover_on_izuprm_statement_shows_default_and_value(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "IZUPRM0A").as_uri()
    text = _text(plex, "SYS1/IZUPRM0A")
    open_doc(client, uri, text, "plaintext")
    await diagnostics_for(client, uri, 1)
    got = await _hover(client, uri, _pos(text, "AUTOSTART_GROUP", 2))
    assert "**AUTOSTART_GROUP**" in got
    assert "*Default:* 'IZUDFLT'" in got
    assert "*In effect:* IZUDFLA" in got
    got = await _hover(client, uri, _pos(text, "HTTP_SSL_PORT"))
    assert "*In effect:* 443 " not in got and "*In effect:* 443" in got


# ---------------------------------------------------------------- outline


async def test_document_symbols_outline_with_blocks(client: LanguageClient, plex: Path) -> None:
    u1, _u2, t1, _t2 = await _open_sysplex(client, plex)
    syms = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=u1)))
    assert syms is not None
    names = [s.name for s in syms if isinstance(s, types.DocumentSymbol)]
    assert names == ["IPCONFIG", "GLOBALCONFIG", "DEVICE OSA1", "LINK LOSA1", "HOME", "INTERFACE ETH1",
                     "VIPADYNAMIC", "INCLUDE", "PORT", "START LOSA1"]
    top = {s.name: s for s in syms if isinstance(s, types.DocumentSymbol)}
    assert top["IPCONFIG"].detail == "DYNAMICXCF 192.0.2.1"
    block = top["VIPADYNAMIC"]
    assert block.kind == types.SymbolKind.Namespace
    assert [c.name for c in block.children or []] == ["VIPADEFINE 198.51.100.10", "VIPADISTRIBUTE 198.51.100.10"]
    assert block.range.start.line == find_position(t1, "VIPADYNAMIC")[0]
    assert block.range.end.line == find_position(t1, "ENDVIPADYNAMIC")[0]
    assert top["INTERFACE ETH1"].kind == types.SymbolKind.Interface
    assert top["DEVICE OSA1"].selection_range.end.character == len("DEVICE")


async def test_document_symbols_of_izuprm(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "IZUPRM0A").as_uri()
    open_doc(client, uri, _text(plex, "SYS1/IZUPRM0A"), "plaintext")
    syms = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert syms is not None
    got = {s.name: s.detail for s in syms if isinstance(s, types.DocumentSymbol)}
    assert got["HOSTNAME"] == "zosmf.example.com"
    assert got["USER_DIR"] == "/global/zosmf/zosmfa"


# ---------------------------------------------------------------- definition


async def test_definition_of_destip_is_the_other_systems_dynamicxcf(client: LanguageClient, plex: Path) -> None:
    u1, u2, t1, t2 = await _open_sysplex(client, plex)
    locs = await _definition(client, u1, _pos(t1, "192.0.2.2 BACKUP", 4))
    assert locs[0].uri == u2
    assert locs[0].range.start == _pos(t2, "DYNAMICXCF 192.0.2.2")
    locs = await _definition(client, u1, _pos(t1, "192.0.2.1 PREFERRED", 4))
    assert locs[0].uri == u1
    assert locs[0].range.start == _pos(t1, "DYNAMICXCF 192.0.2.1")


async def test_definition_of_distributed_dvipa_is_its_vipadefine(client: LanguageClient, plex: Path) -> None:
    u1, u2, t1, t2 = await _open_sysplex(client, plex)
    locs = await _definition(client, u1, _pos(t1, "HOTSTANDBY 198.51.100.10", 14))
    assert (locs[0].uri, locs[0].range.start) == (u1, _pos(t1, "198.51.100.10"))
    assert any(loc.uri == u2 and loc.range.start == _pos(t2, "198.51.100.10") for loc in locs)
    # From SYS2 (which only backs the DVIPA up): its own VIPABACKUP first, then SYS1's VIPADEFINE.
    locs = await _definition(client, u2, _pos(t2, "HOTSTANDBY 198.51.100.10", 14))
    assert (locs[0].uri, locs[0].range.start) == (u2, _pos(t2, "198.51.100.10"))
    assert any(loc.uri == u1 for loc in locs)


async def test_definition_of_include_is_the_member(client: LanguageClient, plex: Path) -> None:
    u1, _u2, t1, _t2 = await _open_sysplex(client, plex)
    locs = await _definition(client, u1, _pos(t1, "USER.TCPPARMS(COMMON)", 5))
    assert [loc.uri for loc in locs] == [(plex / "tcpparms" / "COMMON").resolve().as_uri()]


@pytest.mark.parametrize("needle,target", [
    ("LOSA1\nINTERFACE", "LINK LOSA1"),      # HOME entry's link
    ("LOSA1\n", "LINK LOSA1"),              # same
    ("OSA1\nHOME", "DEVICE OSA1"),          # LINK's device
])
async def test_definition_of_names(client: LanguageClient, plex: Path, needle: str, target: str) -> None:
    u1, _u2, t1, _t2 = await _open_sysplex(client, plex)
    locs = await _definition(client, u1, _pos(t1, needle, 1))
    assert locs and locs[0].uri == u1
    line, col = find_position(t1, target)
    assert locs[0].range.start == types.Position(line=line, character=col + len(target.split()[0]) + 1)


async def test_definition_of_start_name(client: LanguageClient, plex: Path) -> None:
    u1, _u2, t1, _t2 = await _open_sysplex(client, plex)
    locs = await _definition(client, u1, _pos(t1, "START LOSA1", 7))
    assert locs[0].range.start == _pos(t1, "LOSA1 IPAQENET")


# ---------------------------------------------------------------- code actions


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply TextEdits (ASCII text) the way a client does: from the end backwards."""
    lines = text.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)

    def off(p: types.Position) -> int:
        return starts[p.line] + p.character

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:off(e.range.start)] + e.new_text + text[off(e.range.end):]
    return text


async def _actions(client: LanguageClient, uri: str, diags: list[types.Diagnostic]) -> list[types.CodeAction]:
    got = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diags[0].range,
        context=types.CodeActionContext(diagnostics=diags)))
    return [a for a in got or [] if isinstance(a, types.CodeAction)]


def _full_change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def test_safe_fix_is_offered_and_works(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    text = _text(plex, "SYS1/PROFILE.TCPIP").replace("IZUSVR* NOAUTOLOG", "IZUSVR* NOAUTOLOG;z/OSMF")
    open_doc(client, uri, text)
    diags = [d for d in await diagnostics_for(client, uri, 1) if d.code == "SYN009"]
    assert diags
    actions = await _actions(client, uri, diags)
    fix = next(a for a in actions if a.is_preferred)
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.diagnostics and fix.diagnostics[0].code == "SYN009"
    assert fix.edit is not None and fix.edit.changes is not None
    fixed = _apply(text, list(fix.edit.changes[uri]))
    assert "NOAUTOLOG ;z/OSMF" in fixed
    _full_change(client, uri, 2, fixed)
    assert "SYN009" not in codes(await diagnostics_for(client, uri, 2))


async def test_suppress_action_in_a_profile(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    text = _text(plex, "SYS1/PROFILE.TCPIP").replace("            192.0.2.2 BACKUP\n", "")
    open_doc(client, uri, text)
    diags = [d for d in await diagnostics_for(client, uri, 1) if d.code == "TCP104"]
    actions = await _actions(client, uri, diags)
    sup = next(a for a in actions if a.title == "Suppress TCP104 on this line")
    assert sup.edit is not None and sup.edit.changes is not None
    fixed = _apply(text, list(sup.edit.changes[uri]))
    assert "HOTSTANDBY 198.51.100.10 ; zlint: ignore[TCP104]\n" in fixed
    _full_change(client, uri, 2, fixed)
    assert "TCP104" not in codes(await diagnostics_for(client, uri, 2))


async def test_suppress_adds_to_an_existing_ignore_comment(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    text = _text(plex, "SYS1/PROFILE.TCPIP").replace("            192.0.2.2 BACKUP\n", "").replace(
        "HOTSTANDBY 198.51.100.10\n", "HOTSTANDBY 198.51.100.10 ; zlint: ignore[HA305]\n")
    open_doc(client, uri, text)
    diags = [d for d in await diagnostics_for(client, uri, 1) if d.code == "TCP104"]
    sup = next(a for a in await _actions(client, uri, diags) if a.title.startswith("Suppress"))
    assert sup.edit is not None and sup.edit.changes is not None
    assert "; zlint: ignore[HA305, TCP104]" in _apply(text, list(sup.edit.changes[uri]))


async def test_quote_fix_and_suppress_in_parmlib(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "IZUPRM0A").as_uri()
    text = _text(plex, "SYS1/IZUPRM0A").replace("USER_DIR('/global/zosmf/zosmfa')", "USER_DIR(/global/zosmf/zosmfa)")
    open_doc(client, uri, text, "plaintext")
    diags = [d for d in await diagnostics_for(client, uri, 1) if d.code == "IZU204"]
    actions = await _actions(client, uri, diags)
    quote = next(a for a in actions if a.is_preferred)
    assert quote.edit is not None and quote.edit.changes is not None
    assert "USER_DIR('/global/zosmf/zosmfa')" in _apply(text, list(quote.edit.changes[uri]))
    sup = next(a for a in actions if a.title == "Suppress IZU204 on this line")
    assert sup.edit is not None and sup.edit.changes is not None
    suppressed = _apply(text, list(sup.edit.changes[uri]))
    assert "USER_DIR(/global/zosmf/zosmfa) /* zlint: ignore[IZU204] */\n" in suppressed
    _full_change(client, uri, 2, suppressed)
    assert "IZU204" not in codes(await diagnostics_for(client, uri, 2))


async def test_parmlib_suppress_goes_above_a_full_line(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "IZUPRM0A").as_uri()
    long_line = "USER_DIR(/global/zosmf/zosmfa)" + " " * 34 + "/* x */"
    assert len(long_line) <= 71
    text = _text(plex, "SYS1/IZUPRM0A").replace("USER_DIR('/global/zosmf/zosmfa')", long_line)
    open_doc(client, uri, text, "plaintext")
    diags = [d for d in await diagnostics_for(client, uri, 1) if d.code == "IZU204"]
    sup = next(a for a in await _actions(client, uri, diags) if a.title.startswith("Suppress"))
    assert sup.edit is not None and sup.edit.changes is not None
    suppressed = _apply(text, list(sup.edit.changes[uri]))
    assert f"/* zlint: ignore[IZU204] */\n{long_line}\n" in suppressed
    _full_change(client, uri, 2, suppressed)
    assert "IZU204" not in codes(await diagnostics_for(client, uri, 2))
