"""The server never dies: malformed messages, unknown documents, huge documents, rapid
random edits (its text stays the client's), out-of-range positions."""

from __future__ import annotations

import asyncio
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import (
    ENV,
    LOOP,
    SERVER,
    codes,
    diagnostics_for,
    open_doc,
    published,
    replace,
    server_text,
    wait_until,
)

pytestmark = pytest.mark.asyncio(loop_scope=LOOP)

PROFILE = """\
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
     DESTIP 192.0.2.1 PREFERRED
ENDVIPADYNAMIC
"""


async def _still_answers(client: LanguageClient, uri: str) -> None:
    """A real request still gets a real answer."""
    syms = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert syms is not None


class RawSession:
    """A bare JSON-RPC peer over the server's stdio, to send what no LSP client library would."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc

    @classmethod
    async def start(cls) -> RawSession:
        proc = await asyncio.create_subprocess_exec(*SERVER, stdin=asyncio.subprocess.PIPE,
                                                    stdout=asyncio.subprocess.PIPE,
                                                    stderr=asyncio.subprocess.DEVNULL, env=ENV)
        return cls(proc)

    async def send_bytes(self, body: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        await self.proc.stdin.drain()

    async def send(self, message: dict[str, object]) -> None:
        await self.send_bytes(json.dumps(message).encode())

    async def receive(self, timeout: float = 20.0) -> dict[str, Any]:
        assert self.proc.stdout is not None
        length = 0
        while True:
            line = await asyncio.wait_for(self.proc.stdout.readline(), timeout)
            if not line:
                raise AssertionError("the server closed its output")
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
            elif line in (b"\r\n", b"\n") and length:
                body = await asyncio.wait_for(self.proc.stdout.readexactly(length), timeout)
                return json.loads(body)  # type: ignore[no-any-return]

    async def response(self, msg_id: int) -> dict[str, Any]:
        while True:
            msg = await self.receive()
            if msg.get("id") == msg_id and "method" not in msg:
                return msg

    async def close(self) -> None:
        await self.send({"jsonrpc": "2.0", "id": 9999, "method": "shutdown"})
        await self.response(9999)
        await self.send({"jsonrpc": "2.0", "method": "exit"})
        await asyncio.wait_for(self.proc.wait(), 20)


async def test_malformed_messages_get_errors_and_the_server_goes_on(plex: Path) -> None:
    s = await RawSession.start()
    try:
        await s.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                      "params": {"capabilities": {}, "rootUri": plex.as_uri()}})
        assert "result" in await s.response(1)
        await s.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
        await s.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "tcpip", "version": 1, "text": PROFILE}}})
        # A request with wrong params, an unknown method, a request without params.
        await s.send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
                      "params": {"textDocument": {"uri": 5}, "position": "nowhere"}})
        assert "error" in await s.response(2)
        await s.send({"jsonrpc": "2.0", "id": 3, "method": "zlint/noSuchMethod", "params": {}})
        assert (await s.response(3))["error"]["code"] == -32601
        await s.send({"jsonrpc": "2.0", "id": 4, "method": "textDocument/definition"})
        assert "error" in await s.response(4)
        # Notifications with wrong params; bytes that are not JSON; JSON that is not JSON-RPC.
        await s.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                      "params": {"textDocument": {"uri": uri}, "contentChanges": 7}})
        await s.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": -1, "character": 0},
                                          "end": {"line": 0, "character": 0}}, "text": "x"}]}})
        await s.send_bytes(b"{garbage")
        await s.send_bytes(b"[1, 2, 3]")
        await s.send({"hello": "world"})
        # The document is intact and requests are still answered.
        await s.send({"jsonrpc": "2.0", "id": 5, "method": "workspace/executeCommand",
                      "params": {"command": "zlint.documentText", "arguments": [uri]}})
        assert (await s.response(5))["result"] == PROFILE
        await s.send({"jsonrpc": "2.0", "id": 6, "method": "textDocument/documentSymbol",
                      "params": {"textDocument": {"uri": uri}}})
        assert [sym["name"] for sym in (await s.response(6))["result"]] == ["IPCONFIG", "VIPADYNAMIC"]
        await s.close()
        assert s.proc.returncode == 0
    finally:
        if s.proc.returncode is None:
            s.proc.kill()
            await s.proc.wait()


async def test_requests_for_unknown_documents_are_empty(client: LanguageClient) -> None:
    uri = "file:///nowhere/PROFILE.TCPIP"
    ident = types.TextDocumentIdentifier(uri=uri)
    pos = types.Position(line=3, character=4)
    assert await client.text_document_hover_async(types.HoverParams(text_document=ident, position=pos)) is None
    assert not await client.text_document_definition_async(types.DefinitionParams(text_document=ident, position=pos))
    assert not await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=ident))
    replace(client, uri, 2, (0, 0), (0, 0), "x")  # a change for a document never opened
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=ident))
    open_doc(client, "::not a uri::", PROFILE, "tcpip")
    assert set(codes(await diagnostics_for(client, "::not a uri::", 1))) == {"TCP104"}


async def test_out_of_range_positions_are_clamped(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    open_doc(client, uri, "PORT 1 TCP A\n")
    await diagnostics_for(client, uri, 1)
    replace(client, uri, 2, (0, 400), (0, 500), " NOAUTOLOG")  # past the end of line 0
    replace(client, uri, 3, (77, 0), (99, 9), "PORT 2 TCP B\n")  # past the end of the document
    assert await server_text(client, uri) == "PORT 1 TCP A NOAUTOLOG\nPORT 2 TCP B\n"
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=500, character=3)))
    assert hover is None
    assert codes(await diagnostics_for(client, uri, 3)) == []


async def test_huge_document(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    lines = ["IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1"]
    for n in range(1, 4001):
        a, b = divmod(n, 250)
        lines += [f"; device {n}", f"DEVICE D{n} MPCIPA", f"LINK L{n} IPAQENET D{n}", f"HOME 10.1.{a}.{b + 1} L{n}",
                  f"START L{n}"]
    lines.append("X" * 200_000)  # one absurdly long line (an unknown statement)
    text = "\n".join(lines) + "\n"
    open_doc(client, uri, text)
    diags = await diagnostics_for(client, uri, 1, timeout=120)
    assert codes(diags) == ["SYN002"]  # unknown statement (text past column 72 is text, no SYN006)
    assert {d.range.start.line for d in diags} == {len(lines) - 1}
    # An edit near the end of the 20,000 lines is diagnosed at the new version.
    replace(client, uri, 2, (len(lines) - 2, 0), (len(lines) - 2, 0), "FROB\n")
    diags = await diagnostics_for(client, uri, 2, timeout=60)
    assert codes(diags) == ["SYN002", "SYN002"]
    await _still_answers(client, uri)


# ---------------------------------------------------------------- random edits

_BREAK = re.compile(r"\r\n|\r|\n")
_PIECES = ["VIPADYNAMIC\n", "ENDVIPADYNAMIC\n", "PORT 443 TCP X\n", " ", "x", "192.0.2.9", "\r\n", "\r", "\n",
           "\f", "\u2028", "\x85", "😀", "日本", "é", ";c\n", "\t", '"q', ""]


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _BREAK.finditer(text)]


def _position(text: str, offset: int) -> types.Position:
    """The LSP position (UTF-16 columns; lines end at \\n, \\r\\n or \\r only) of a code-point offset."""
    starts = _line_starts(text)
    line = max(i for i, s in enumerate(starts) if s <= offset)
    col = sum(2 if ord(c) > 0xFFFF else 1 for c in text[starts[line]:offset])
    return types.Position(line=line, character=col)


def _valid_offset(text: str, offset: int) -> bool:
    return not (0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n")


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_random_edits_keep_the_server_text_equal_to_the_client_text(
        client: LanguageClient, plex: Path, seed: int) -> None:
    rng = random.Random(seed)
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    text = (plex / "SYS1" / "PROFILE.TCPIP").read_text(encoding="utf-8")
    open_doc(client, uri, text)
    version = 1
    for step in range(150):
        n = len(text)
        a = rng.randrange(n + 1)
        b = min(n, a + rng.choice([0, 0, 1, 2, 5, 30]))
        while not _valid_offset(text, a):
            a -= 1
        while not _valid_offset(text, b):
            b += 1
        ins = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(3)))
        start, end = _position(text, a), _position(text, b)
        version += 1
        changes: list[types.TextDocumentContentChangeEvent] = [
            types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end), text=ins)]
        text = text[:a] + ins + text[b:]
        if rng.random() < 0.1:  # sometimes two changes in one notification
            c = rng.randrange(len(text) + 1)
            while not _valid_offset(text, c):
                c -= 1
            p = _position(text, c)
            changes.append(types.TextDocumentContentChangePartial(range=types.Range(start=p, end=p), text="Z"))
            text = text[:c] + "Z" + text[c:]
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=changes))
        if step % 25 == 24:
            assert await server_text(client, uri) == text, f"step {step}"
            pos = _position(text, rng.randrange(len(text) + 1))
            await client.text_document_hover_async(types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri), position=pos))
            await _still_answers(client, uri)
    assert await server_text(client, uri) == text
    await diagnostics_for(client, uri, version, timeout=30)
    await asyncio.sleep(0.2)
    assert max(p.version or 0 for p in published(client) if p.uri == uri) == version


async def test_rapid_open_change_close_cycles(client: LanguageClient, plex: Path) -> None:
    uri = (plex / "SYS1" / "PROFILE.TCPIP").as_uri()
    for cycle in range(10):
        open_doc(client, uri, PROFILE, version=1)
        replace(client, uri, 2, (0, 0), (0, 0), f"; cycle {cycle}\n")
        client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
    open_doc(client, uri, PROFILE, version=1)
    await wait_until(lambda: "TCP104" in codes(client.diagnostics.get(uri, [])), what="final diagnostics")
    await _still_answers(client, uri)
