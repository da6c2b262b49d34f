"""Fixtures of the language-server tests: a real server process driven over stdio.

One server process serves the whole session (starting one costs about a
second, which per test was most of these tests' time). ``client`` hands each
test that server's pytest-lsp client with a workspace folder of its own: a
fresh copy of ``data/plex`` (two systems, zlint.toml, IZUPRMxx members, an
INCLUDEd member) under the test's ``tmp_path``, so its documents have URIs no
other test uses. After the test, every document it left open is closed, its
folder is removed from the workspace, and the client's records are cleared:
each test starts with no open document, no publish and no message. Every
``textDocument/publishDiagnostics`` the server sends is kept, with its
version, in ``client.published``.

The tests run in the session's event loop (``LOOP``), the one the shared
client lives in.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
SERVER = [sys.executable, "-m", "zparse.lsp.server"]
DOC_URL = "https://zlint.example/rules/{code}"
CACHE = tempfile.mkdtemp(prefix="zlint-lsp-tests-")  # the default rule-doc pages land here
ENV = {**os.environ, "XDG_CACHE_HOME": CACHE}


LOOP = "session"  # the event loop of the shared server's client, and of the tests that use it


class RecordingClient(LanguageClient):
    """A pytest-lsp client that also records every publishDiagnostics with its
    version (``published``) and the documents it has open (``open_uris``)."""

    def __init__(self) -> None:
        super().__init__(converter_factory=default_converter)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.open_uris: set[str] = set()

    def text_document_did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        self.open_uris.add(params.text_document.uri)
        super().text_document_did_open(params)

    def text_document_did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        self.open_uris.discard(params.text_document.uri)
        super().text_document_did_close(params)


def make_client() -> RecordingClient:
    client = RecordingClient()

    def publish(client: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    register_lsp_features(client, features)
    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=make_client, server_env=ENV)


@pytest.fixture
def plex(tmp_path: Path) -> Path:
    """A fresh copy of data/plex (zlint.toml, SYS1, SYS2, tcpparms)."""
    dest = tmp_path / "plex"
    shutil.copytree(DATA / "plex", dest)
    return dest


def init_params(root: Path | None, **options: Any) -> types.InitializeParams:
    opts = {"debounce": 10, "docUrl": DOC_URL}
    opts.update(options)
    opts = {k: v for k, v in opts.items() if v is not None}
    return types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=root.as_uri() if root else None,
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)] if root else None,
        initialization_options=opts,
    )


@pytest_lsp.fixture(config=CONFIG, scope="session")
async def shared_client(lsp_client: LanguageClient):
    """The session's server, initialised without a workspace folder (each test adds its own)."""
    await lsp_client.initialize_session(init_params(None))
    yield
    await lsp_client.shutdown_session()


def _folders(added: Sequence[Path] = (), removed: Sequence[Path] = ()) -> types.DidChangeWorkspaceFoldersParams:
    def folder(p: Path) -> types.WorkspaceFolder:
        return types.WorkspaceFolder(uri=p.as_uri(), name=p.name)

    return types.DidChangeWorkspaceFoldersParams(event=types.WorkspaceFoldersChangeEvent(
        added=[folder(p) for p in added], removed=[folder(p) for p in removed]))


@pytest_asyncio.fixture(loop_scope=LOOP)
async def client(shared_client: RecordingClient, plex: Path) -> AsyncIterator[RecordingClient]:
    """The shared server with this test's ``plex`` as its one workspace folder."""
    c = shared_client
    assert not c.open_uris and not c.published, "the previous test left state behind"
    c.workspace_did_change_workspace_folders(_folders(added=[plex]))
    yield c
    for uri in sorted(c.open_uris):
        c.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
    c.workspace_did_change_workspace_folders(_folders(removed=[plex]))
    # A round trip: the server has handled the closes (and sent their empty
    # publishes) before it answers.
    await server_text(c, "file:///zlint-tests/sync")
    c.published.clear()
    c.diagnostics.clear()
    c.messages.clear()


# ---------------------------------------------------------------- helpers


def published(client: LanguageClient) -> list[types.PublishDiagnosticsParams]:
    assert isinstance(client, RecordingClient)
    return client.published


async def wait_until(check: Callable[[], Any], timeout: float = 20.0, what: str = "condition") -> Any:
    """Poll ``check()`` until it returns something truthy; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        got = check()
        if got:
            return got
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def diagnostics_for(client: LanguageClient, uri: str, version: int | None = None,
                          timeout: float = 20.0) -> list[types.Diagnostic]:
    """The diagnostics of the newest publish for ``uri`` (for ``version`` if given)."""

    def find() -> list[types.Diagnostic] | None:
        for p in reversed(published(client)):
            if p.uri == uri and (version is None or p.version == version):
                return list(p.diagnostics)
        return None

    got = await wait_until(lambda: find() is not None, timeout, f"diagnostics of {uri} v{version}")
    assert got
    found = find()
    assert found is not None
    return found


def latest(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The diagnostics of the newest publish for ``uri`` ([] when there was none)."""
    for p in reversed(published(client)):
        if p.uri == uri:
            return list(p.diagnostics)
    return []


def codes(diags: Sequence[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diags)


def open_doc(client: LanguageClient, uri: str, text: str, language_id: str = "tcpip", version: int = 1) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)))


def replace(client: LanguageClient, uri: str, version: int, start: tuple[int, int], end: tuple[int, int],
            text: str) -> None:
    """One incremental change: replace the range (line, character)-(line, character) with ``text``."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=start[0], character=start[1]),
                              end=types.Position(line=end[0], character=end[1])),
            text=text)]))


def find_position(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """(line, UTF-16 column) of the first ``needle`` in ``text`` (ASCII-only text before it)."""
    i = text.index(needle) + offset
    line = text.count("\n", 0, i)
    col = i - (text.rfind("\n", 0, i) + 1)
    return line, col


async def server_text(client: LanguageClient, uri: str) -> str | None:
    result = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="zlint.documentText", arguments=[uri]))
    return result  # type: ignore[no-any-return]
