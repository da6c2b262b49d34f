"""Diagnostics end to end: open, change (debounced, newest version only), save, close,
the whole sysplex (an edit of SYS1 re-publishes SYS2), non-file documents."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import (
    CONFIG,
    DOC_URL,
    LOOP,
    codes,
    diagnostics_for,
    find_position,
    init_params,
    latest,
    open_doc,
    published,
    replace,
    wait_until,
)

pytestmark = pytest.mark.asyncio(loop_scope=LOOP)

NO_BACKUP = """\
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
     DESTIP 192.0.2.1 PREFERRED
ENDVIPADYNAMIC
FROBNICATE 1
"""


def _text(plex: Path, rel: str) -> str:
    return (plex / rel).read_text(encoding="utf-8")


async def test_clean_sysplex_publishes_empty_diagnostics(client: LanguageClient, plex: Path) -> None:
    for rel in ("SYS1/PROFILE.TCPIP", "SYS2/PROFILE.TCPIP", "SYS1/IZUPRM0A"):
        open_doc(client, (plex / rel).as_uri(), _text(plex, rel), "plaintext")
    for rel in ("SYS1/PROFILE.TCPIP", "SYS2/PROFILE.TCPIP", "SYS1/IZUPRM0A"):
        assert await diagnostics_for(client, (plex / rel).as_uri(), 1) == []


async def test_open_broken_profile_reports_codes_with_doc_links(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    text = _text(plex, "SYS1/PROFILE.TCPIP").replace("            192.0.2.2 BACKUP\n", "") + "FROBNICATE 1\n"
    open_doc(client, uri, text)
    diags = await diagnostics_for(client, uri, 1)
    assert {"TCP104", "SYN002"} <= set(codes(diags))
    tcp104 = next(d for d in diags if d.code == "TCP104")
    assert tcp104.source == "zlint"
    assert tcp104.severity == types.DiagnosticSeverity.Error
    assert tcp104.code_description is not None
    assert tcp104.code_description.href == DOC_URL.format(code="TCP104")
    assert tcp104.range.start.line == find_position(text, "VIPADISTRIBUTE")[0]
    syn002 = next(d for d in diags if d.code == "SYN002")
    assert syn002.range.start == types.Position(line=text.count("\n") - 1, character=0)
    assert syn002.range.end == types.Position(line=text.count("\n") - 1, character=len("FROBNICATE"))


async def test_edit_of_sys1_republishes_sys2_without_saving(client: LanguageClient, plex: Path) -> None:
    """SYS1's DYNAMICXCF address changes: SYS2's DESTIP 192.0.2.1 no longer names a system (HA301)."""
    u1 = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    u2 = (plex / "SYS2" / "PROFILE.TCPIP").as_uri()
    t1 = _text(plex, "SYS1/PROFILE.TCPIP")
    open_doc(client, u1, t1)
    open_doc(client, u2, _text(plex, "SYS2/PROFILE.TCPIP"))
    assert await diagnostics_for(client, u2, 1) == []
    line, col = find_position(t1, "192.0.2.1 255")
    replace(client, u1, 2, (line, col), (line, col + len("192.0.2.1")), "192.0.2.11")
    await wait_until(lambda: any(p.uri == u2 and "HA301" in codes(p.diagnostics) for p in published(client)),
                     what="HA301 on SYS2")
    sys2 = latest(client, u2)
    ha301 = next(d for d in sys2 if d.code == "HA301")
    assert ha301.range.start.line == find_position(_text(plex, "SYS2/PROFILE.TCPIP"), "DESTIP")[0]
    related = ha301.related_information or []
    assert any(r.location.uri == u1 for r in related), related
    sys1_related = next(r for r in related if r.location.uri == u1)
    assert sys1_related.location.range.start.line == line
    # Nothing was saved: the file on disk still has the old address.
    assert "192.0.2.1 255" in _text(plex, "SYS1/PROFILE.TCPIP")
    # Undo the edit: both systems are clean again.
    replace(client, u1, 3, (line, col), (line, col + len("192.0.2.11")), "192.0.2.1")
    assert await diagnostics_for(client, u2, 1) is not None
    await wait_until(lambda: not latest(client, u2), what="SYS2 clean again")
    assert await diagnostics_for(client, u1, 3) == []


async def test_change_publishes_for_the_new_version(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    text = _text(plex, "SYS1/PROFILE.TCPIP")
    open_doc(client, uri, text)
    assert await diagnostics_for(client, uri, 1) == []
    line, _ = find_position(text, "START LOSA1")
    replace(client, uri, 2, (line, 0), (line, 0), "FROBNICATE\n")
    assert codes(await diagnostics_for(client, uri, 2)) == ["SYN002"]


@pytest_lsp.fixture(config=CONFIG, loop_scope=LOOP)
async def slow_client(lsp_client: LanguageClient, plex: Path):
    await lsp_client.initialize_session(init_params(plex, debounce=300))
    yield
    await lsp_client.shutdown_session()


async def test_burst_of_edits_is_coalesced_to_the_newest_version(slow_client: LanguageClient, plex: Path) -> None:
    client = slow_client
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    text = _text(plex, "SYS1/PROFILE.TCPIP")
    open_doc(client, uri, text)
    await diagnostics_for(client, uri, 1)
    before = len(published(client))
    line, _ = find_position(text, "START LOSA1")
    for v in range(2, 22):  # type FROBNICATE one character at a time
        replace(client, uri, v, (line, v - 2), (line, v - 2), "FROBNICATE "[(v - 2) % 11])
    last = await diagnostics_for(client, uri, 21)
    await asyncio.sleep(0.5)
    versions = [p.version for p in published(client)[before:] if p.uri == uri]
    assert versions == [21], versions
    assert "SYN002" in codes(last)


async def test_save_publishes_again(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    open_doc(client, uri, _text(plex, "SYS1/PROFILE.TCPIP"))
    await diagnostics_for(client, uri, 1)
    n = sum(1 for p in published(client) if p.uri == uri)
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    await wait_until(lambda: sum(1 for p in published(client) if p.uri == uri) > n, what="publish on save")


async def test_close_clears_diagnostics(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    open_doc(client, uri, NO_BACKUP)
    assert await diagnostics_for(client, uri, 1)
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    await wait_until(lambda: published(client)[-1].uri == uri and not published(client)[-1].diagnostics,
                     what="empty diagnostics after close")
    await asyncio.sleep(0.3)
    assert latest(client, uri) == []


async def test_closing_a_document_relints_the_others_with_the_disk_text(client: LanguageClient, plex: Path) -> None:
    u1 = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    u2 = (plex / "SYS2" / "PROFILE.TCPIP").as_uri()
    t1 = _text(plex, "SYS1/PROFILE.TCPIP").replace("DYNAMICXCF 192.0.2.1 ", "DYNAMICXCF 192.0.2.11 ")
    open_doc(client, u1, t1)
    open_doc(client, u2, _text(plex, "SYS2/PROFILE.TCPIP"))
    await wait_until(lambda: any(p.uri == u2 and "HA301" in codes(p.diagnostics) for p in published(client)),
                     what="HA301 on SYS2")
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=u1)))
    await wait_until(lambda: not latest(client, u2), what="SYS2 clean once SYS1's unsaved edit is gone")


@pytest.mark.parametrize("uri", [
    "zowe-ds:/ZOSMF/USER.TCPPARMS/PROFILE",
    "zowe-ds:/ZOSMF/SYS1.TCPPARMS(PROFILE)",
    "untitled:Untitled-1",
])
async def test_non_file_documents_are_linted_on_their_own(client: LanguageClient, uri: str) -> None:
    language = "tcpip" if uri.startswith("untitled") else "plaintext"
    open_doc(client, uri, NO_BACKUP, language)
    diags = await diagnostics_for(client, uri, 1)
    assert set(codes(diags)) == {"SYN002", "TCP104"}
    replace(client, uri, 2, (5, 0), (5, 0), "            192.0.2.2 BACKUP\n")
    assert "TCP104" not in codes(await diagnostics_for(client, uri, 2))


async def test_zowe_parmlib_member_is_recognised_by_member_name(client: LanguageClient) -> None:
    uri = "zowe-ds:/ZOSMF/SYS1.PARMLIB(IZUPRM0A)"
    open_doc(client, uri, "HTTP_SSL_PORT(99999)\nFROB(1)\n", "plaintext")
    assert {"IZU201", "IZU202"} <= set(codes(await diagnostics_for(client, uri, 1)))


@pytest.mark.parametrize("name,language", [("notes.txt", "plaintext"), ("README.md", "markdown")])
async def test_other_documents_are_ignored(client: LanguageClient, plex: Path, name: str, language: str) -> None:
    uri = (plex / name).as_uri()
    open_doc(client, uri, NO_BACKUP, language)
    marker = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    open_doc(client, marker, _text(plex, "SYS1/PROFILE.TCPIP"))
    await diagnostics_for(client, marker, 1)
    await asyncio.sleep(0.3)
    assert all(p.uri != uri for p in published(client))
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=1)))
    assert hover is None


@pytest.mark.parametrize("language", ["tcpip", "zos-tcpip"])
async def test_language_id_makes_any_file_a_profile(client: LanguageClient, tmp_path: Path, language: str) -> None:
    path = tmp_path / "loose" / "stack.conf"
    path.parent.mkdir()
    path.write_text(NO_BACKUP, encoding="utf-8")
    open_doc(client, path.as_uri(), NO_BACKUP, language)
    assert set(codes(await diagnostics_for(client, path.as_uri(), 1))) == {"SYN002", "TCP104"}


async def test_izuprm_findings_across_systems(client: LanguageClient, plex: Path) -> None:
    """Both servers in one autostart group (HA322) and an unquoted USER_DIR (IZU204)."""
    ua = (plex / "SYS1" / "IZUPRM0A").as_uri()
    ub = (plex / "SYS2" / "IZUPRM0B").as_uri()
    ta = _text(plex, "SYS1/IZUPRM0A").replace("USER_DIR('/global/zosmf/zosmfa')", "USER_DIR(/global/zosmf/zosmfa)")
    tb = _text(plex, "SYS2/IZUPRM0B").replace("IZUDFLB", "IZUDFLA")
    open_doc(client, ua, ta, "plaintext")
    open_doc(client, ub, tb, "plaintext")
    await wait_until(lambda: "HA322" in codes(client.diagnostics.get(ub, [])), what="HA322 on SYS2")
    await wait_until(lambda: "IZU204" in codes(client.diagnostics.get(ua, [])), what="IZU204 on SYS1")


async def test_profile_without_inventory_is_checked_alone(client: LanguageClient, tmp_path: Path) -> None:
    folder = tmp_path / "alone"
    folder.mkdir()
    text = NO_BACKUP.replace("192.0.2.1 PREFERRED", "192.0.2.77 PREFERRED\n            192.0.2.78 BACKUP")
    (folder / "PROFILE.TCPIP").write_text(text, encoding="utf-8")
    uri = (folder / "PROFILE.TCPIP").as_uri()
    open_doc(client, uri, text, "plaintext")
    # No sysplex: per-file rules only, so no HA301 for the unknown DESTIPs.
    assert codes(await diagnostics_for(client, uri, 1)) == ["SYN002"]


async def test_bad_inventory_falls_back_to_single_files(client: LanguageClient, plex: Path) -> None:
    (plex / "zlint.toml").write_text("[systems.SYS1\ntcpip = 'x'\n", encoding="utf-8")
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    open_doc(client, uri, NO_BACKUP)
    assert set(codes(await diagnostics_for(client, uri, 1))) == {"SYN002", "TCP104"}
    await wait_until(lambda: any("zlint.toml" in m.message for m in client.messages), what="warning message")


async def test_included_member_open_in_the_editor_is_used_unsaved(client: LanguageClient, plex: Path) -> None:
    """An edit of an INCLUDEd member (not saved) is seen by the profiles that include it."""
    u1 = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    um = (plex / "tcpparms" / "COMMON").as_uri()
    open_doc(client, u1, _text(plex, "SYS1/PROFILE.TCPIP"))
    assert await diagnostics_for(client, u1, 1) == []
    open_doc(client, um, _text(plex, "tcpparms/COMMON") + "FROBNICATE 2\n", "tcpip")
    diags = await diagnostics_for(client, um, 1)
    assert "SYN002" in codes(diags)
    assert diags[0].range.start.line == 3


async def test_included_member_is_recognised_whatever_its_name(client: LanguageClient, plex: Path) -> None:
    """COMMON is neither PROFILE* nor IZUPRM*: it is checked because a profile INCLUDEs it."""
    um = (plex / "tcpparms" / "COMMON").as_uri()
    u1 = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    open_doc(client, u1, _text(plex, "SYS1/PROFILE.TCPIP"))
    await diagnostics_for(client, u1, 1)
    open_doc(client, um, _text(plex, "tcpparms/COMMON") + "FROBNICATE 2\n", "plaintext")
    assert codes(await diagnostics_for(client, um, 1)) == ["SYN002"]
