"""``zlint lsp``: the zlint language server (LSP over stdio, pygls 2).

Features: live diagnostics (on open, on change after a short debounce, on
save; cleared on close) for TCP/IP profiles and IZUPRMxx members, linted with
their whole sysplex when an inventory (``zlint.toml``) is found; hover
(statements, keywords, defaults in effect, rule documentation on findings);
document outline; go to definition (across the systems' files); quick fixes
and "suppress CODE on this line".

Documents are recognised by language id (``tcpip``, ``zos-tcpip``,
``izuprm``, ...) or by name (PROFILE*, TCPIP*, *.tcpip, IZUPRM*); others are
ignored. Documents that are not files (Zowe Explorer's ``zowe-ds:`` members)
are linted on their own.

Initialization options (all optional)::

    {"docUrl": "https://example.org/zlint/rules/{code}.html",  # codeDescription.href
     "debounce": 30}                                            # milliseconds

Command ``zlint.documentText`` (argument: a document URI) returns the
server's copy of an open document, to check it against the editor's.

Run it with ``zlint lsp`` or ``python -m zparse.lsp.server``. The environment
variable ``ZLINT_LSP_LOG`` (a file name) turns on debug logging.

Framing is bounded (:class:`BoundedStdin`): a header line or a message body
over :data:`MAX_MESSAGE` (64 MiB) is read and thrown away in small pieces
with a logged error, never buffered. After ``shutdown`` every request gets
the ``InvalidRequest`` error the LSP specification asks for.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import sys
from collections.abc import Callable, Generator
from typing import Any, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import from_fs_path
from pygls.workspace.position_codec import PositionCodec

from .. import __version__
from ..source import Span
from .actions import code_actions
from .analysis import INVENTORY_FILES, Analysis, Analyzer
from .convert import DocLinks
from .hover import hover_markdown
from .navigation import definition, document_symbols
from .textdoc import LineIndex, uri_path

__all__ = ["MAX_MESSAGE", "BoundedStdin", "ZlintLanguageServer", "create_server", "main"]

log = logging.getLogger("zparse.lsp")

T = TypeVar("T")
DEFAULT_DEBOUNCE = 0.03
MAX_MESSAGE = 64 << 20  # bytes: a header line or a message body above this is refused
MAX_HEADER_LINE = 64 << 10  # bytes: a header line is "Content-Length: N" or "Content-Type: ..."
_CHUNK = 1 << 20
_INVALID_REQUEST = -32600


class BoundedStdin:
    """The server's input stream with bounded reads (what pygls calls:
    ``readline`` for a header line, ``read(n)`` for a body of Content-Length n).

    pygls would allocate whatever a Content-Length says (a MemoryError for a
    lie) and read a header line of any length. Here an over-long header line
    is skipped up to its end and replaced by a harmless one; an oversized body
    is read and discarded a megabyte at a time and replaced by ``null``, which
    the protocol ignores. Both are logged as refused."""

    def __init__(self, raw: Any, limit: int = MAX_MESSAGE, header_limit: int = MAX_HEADER_LINE) -> None:
        self.raw = raw
        self.limit = limit
        self.header_limit = header_limit

    def readline(self) -> bytes:
        line: bytes = self.raw.readline(self.header_limit)
        if len(line) < self.header_limit or line.endswith(b"\n"):
            return line
        skipped = len(line)
        while line and not line.endswith(b"\n"):
            line = self.raw.readline(_CHUNK)
            skipped += len(line)
        log.error("refused a header line of %d bytes (the limit is %d): skipped to its end",
                  skipped, self.header_limit)
        return b"X-Zlint-Refused: header\r\n"

    def read(self, n: int) -> bytes:
        if n <= self.limit:
            data: bytes = self.raw.read(n)
            return data
        log.error("refused a message of Content-Length %d (the limit is %d bytes): its body is skipped",
                  n, self.limit)
        left = n
        while left > 0:
            piece = self.raw.read(min(left, _CHUNK))
            if not piece:
                return b""  # the client went away
            left -= len(piece)
        return b"null"


class _BadRequest:
    """A request whose params could not be read: answered with an error, not dropped."""

    def __init__(self, msg_id: Any, method: str, error: JsonRpcException) -> None:
        self.id = msg_id
        self.method = method
        self.error = error


class ZlintProtocol(LanguageServerProtocol):
    """pygls's protocol, made failure-proof.

    The server keeps its own copy of open documents (:mod:`zparse.lsp.textdoc`:
    LSP line breaks only), so pygls's workspace copy is not updated; a
    notification that pygls would fail on still reaches the handlers. A
    request whose params do not match the LSP types gets an "invalid params"
    error response (pygls would drop it, leaving the client waiting).
    """

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and isinstance(data.get("method"), str):
                return _BadRequest(data["id"], data["method"], exc)
            raise

    def handle_message(self, message: Any) -> None:
        if message is None:  # a body refused by BoundedStdin (already logged)
            return
        if isinstance(message, _BadRequest):
            log.warning("invalid %s request %r: %s", message.method, message.id, message.error)
            self._send_response(message.id, None, message.error.to_response_error())
            return
        if not hasattr(message, "jsonrpc"):
            log.warning("ignoring a message that is not JSON-RPC: %.200r", message)
            return
        method = getattr(message, "method", None)
        if self._shutdown and method is not None and hasattr(message, "id") and method != types.EXIT:
            log.warning("%s request %r after shutdown: InvalidRequest", method, message.id)
            self._send_response(message.id, None, types.ResponseError(
                code=_INVALID_REQUEST, message=f"the server is shutting down: {method} is not accepted"))
            return
        super().handle_message(message)

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None


class ZlintLanguageServer(LanguageServer):
    """The server: an :class:`~zparse.lsp.analysis.Analyzer` driven by LSP notifications."""

    def __init__(self) -> None:
        super().__init__("zlint", __version__, protocol_cls=ZlintProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.analyzer = Analyzer()
        self.debounce = DEFAULT_DEBOUNCE
        self.worker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="zlint-lint")
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._running: dict[str, asyncio.Future[Any]] = {}
        self._again: set[str] = set()
        self._shown_errors: set[str] = set()

    # ------------------------------------------------------------ reporting
    def report_server_error(self, error: Exception, source: Any) -> None:
        """Log problems instead of popping up a message for each malformed notification."""
        log.error("server error (%s): %s", getattr(source, "__name__", source), error)
        try:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error,
                                                           message=f"zlint: {error}"))
        except Exception:
            pass

    def log_exception(self, what: str) -> None:
        log.exception("%s failed", what)
        try:
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"zlint: {what} failed: {sys.exc_info()[1]!r}"))
        except Exception:
            pass

    # ------------------------------------------------------------ scheduling
    def schedule(self, key: str | None, delay: float | None = None) -> None:
        """Lint the project ``key`` after ``delay`` seconds (the debounce), coalescing bursts."""
        if key is None:
            return
        loop = asyncio.get_running_loop()
        old = self._timers.pop(key, None)
        if old is not None:
            old.cancel()
        self._timers[key] = loop.call_later(self.debounce if delay is None else delay, self._start, key)

    def _start(self, key: str) -> asyncio.Future[Any] | None:
        self._timers.pop(key, None)
        running = self._running.get(key)
        if running is not None:
            self._again.add(key)
            return running
        if not self.analyzer.uris_of(key):
            return None
        snap = self.analyzer.snapshot(key)
        loop = asyncio.get_running_loop()
        fut = loop.run_in_executor(self.worker, self._analyse, snap)
        self._running[key] = fut
        fut.add_done_callback(lambda f: self._finished(key, f))
        return fut

    def _analyse(self, snap: Any) -> tuple[Analysis, dict[str, tuple[int | None, list[types.Diagnostic]]]]:
        analysis = self.analyzer.analyse(snap)
        return analysis, self.analyzer.publishable(analysis)

    def _finished(self, key: str, fut: asyncio.Future[Any]) -> None:
        self._running.pop(key, None)
        try:
            analysis, publish = fut.result()
        except BaseException:
            self.log_exception(f"linting {key}")
        else:
            self._publish(analysis, publish)
        if key in self._again:
            self._again.discard(key)
            self.schedule(key, 0)

    def _publish(self, analysis: Analysis,
                 publish: dict[str, tuple[int | None, list[types.Diagnostic]]]) -> None:
        if analysis.error and analysis.error not in self._shown_errors:
            self._shown_errors.add(analysis.error)
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Warning,
                message=f"zlint: {analysis.error} (documents are checked on their own until it is fixed)"))
        for diag in analysis.internal:
            log.error("%s", diag.message)
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error,
                                                           message=f"zlint: {diag.message}"))
        for uri, (version, diags) in publish.items():
            doc = self.analyzer.doc(uri)
            if doc is None or (version is not None and doc.version is not None and doc.version != version):
                continue  # closed, or edited since: a newer run will publish
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=diags, version=version))

    async def fresh(self, uri: str) -> Analysis | None:
        """The analysis of ``uri`` made from its current text (linting now if needed)."""
        for _ in range(4):
            a = self.analyzer.current(uri)
            if a is not None:
                return a
            key = self.analyzer.key_of(uri)
            if key is None:
                return None
            fut = self._running.get(key)
            if fut is None:
                timer = self._timers.pop(key, None)
                if timer is not None:
                    timer.cancel()
                fut = self._start(key)
                if fut is None:
                    return None
            try:
                await asyncio.shield(fut)
            except BaseException:
                return self.analyzer.analysis_of(uri)
        return self.analyzer.analysis_of(uri)

    async def on_worker(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn`` on the lint worker (the parse results are only touched there)."""
        return await asyncio.get_running_loop().run_in_executor(self.worker, fn, *args)

    def relint_all(self, delay: float = 0.0) -> None:
        for key in self.analyzer.keys():
            self.schedule(key, delay)


def _location_of(server: ZlintLanguageServer, analysis: Analysis) -> Callable[[Span], types.Location | None]:
    conv = server.analyzer.converter(analysis)

    def location(span: Span) -> types.Location | None:
        uri = conv.uri_of(span.path)
        if uri is None:
            return None
        return types.Location(uri=uri, range=conv.range(span))

    return location


def create_server() -> ZlintLanguageServer:
    """A new server with every feature registered."""
    server = ZlintLanguageServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ZlintLanguageServer, params: types.InitializeParams) -> None:
        try:
            opts = params.initialization_options if isinstance(params.initialization_options, dict) else {}
            doc_url = opts.get("docUrl") if isinstance(opts.get("docUrl"), str) else None
            ls.analyzer.links = DocLinks(doc_url)
            debounce = opts.get("debounce")
            if isinstance(debounce, (int, float)) and 0 <= debounce <= 5000:
                ls.debounce = debounce / 1000.0
            ls.analyzer.codec = PositionCodec(encoding=ls.workspace.position_encoding)
            folders = [f.uri for f in params.workspace_folders or ()]
            if not folders and params.root_uri:
                folders = [params.root_uri]
            ls.analyzer.folders = [p for p in (uri_path(u) for u in folders) if p]
        except Exception:
            ls.log_exception("initialize")

    @server.feature(types.INITIALIZED)
    def initialized(ls: ZlintLanguageServer, params: types.InitializedParams) -> None:
        # Warm the parse caches of the workspace's sysplexes in the background.
        for folder in ls.analyzer.folders:
            inv = os.path.join(folder, "zlint.toml")
            if os.path.isfile(inv):
                ls.worker.submit(ls.analyzer.warm, os.path.abspath(inv))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ZlintLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        try:
            d = params.text_document
            if _is_inventory(d.uri):
                ls.analyzer.forget_inventories()
                return
            doc = ls.analyzer.open(d.uri, d.text, d.version, d.language_id)
            if doc is not None:
                ls.schedule(ls.analyzer.key_of(d.uri), 0)
        except Exception:
            ls.log_exception("didOpen")

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ZlintLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        try:
            uri = params.text_document.uri
            doc = ls.analyzer.change(uri, params.content_changes, params.text_document.version)
            if doc is not None:
                ls.schedule(ls.analyzer.key_of(uri))
        except Exception:
            ls.log_exception("didChange")

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: ZlintLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        try:
            uri = params.text_document.uri
            if _is_inventory(uri):
                ls.analyzer.forget_inventories()
                ls.relint_all()
                return
            if ls.analyzer.doc(uri) is not None:
                ls.schedule(ls.analyzer.key_of(uri), 0)
            else:
                ls.relint_all()  # a member read from disk (an INCLUDE, say) changed
        except Exception:
            ls.log_exception("didSave")

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ZlintLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        try:
            uri = params.text_document.uri
            key = ls.analyzer.key_of(uri)
            doc = ls.analyzer.close(uri)
            if doc is None:
                return
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            if key is not None and ls.analyzer.uris_of(key):
                ls.schedule(key, 0)  # the others now see the disk text of the closed file
            elif key is not None and key.startswith("doc:"):
                ls.worker.submit(ls.analyzer.forget_document, key, doc.path or uri)
        except Exception:
            ls.log_exception("didClose")

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: ZlintLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        try:
            if any(_is_inventory(c.uri) for c in params.changes):
                ls.analyzer.forget_inventories()
            ls.relint_all(ls.debounce)
        except Exception:
            ls.log_exception("didChangeWatchedFiles")

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def folders_changed(ls: ZlintLanguageServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
        try:
            removed = {p for p in (uri_path(f.uri) for f in params.event.removed) if p}
            added = [p for p in (uri_path(f.uri) for f in params.event.added) if p]
            ls.analyzer.folders = [f for f in ls.analyzer.folders if f not in removed] + added
            ls.analyzer.forget_inventories()
            ls.relint_all()
        except Exception:
            ls.log_exception("didChangeWorkspaceFolders")

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: ZlintLanguageServer, params: types.HoverParams) -> types.Hover | None:
        try:
            uri = params.text_document.uri
            doc = ls.analyzer.doc(uri)
            a = await ls.fresh(uri)
            if doc is None or a is None:
                return None
            return await ls.on_worker(_hover, ls, a, uri, params.position)
        except Exception:
            ls.log_exception("hover")
            return None

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def symbols(ls: ZlintLanguageServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
        try:
            uri = params.text_document.uri
            a = await ls.fresh(uri)
            if a is None:
                return None
            return await ls.on_worker(_symbols, ls, a, uri)
        except Exception:
            ls.log_exception("documentSymbol")
            return None

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    async def goto_definition(ls: ZlintLanguageServer, params: types.DefinitionParams) -> list[types.Location] | None:
        try:
            uri = params.text_document.uri
            a = await ls.fresh(uri)
            if a is None:
                return None
            return await ls.on_worker(_definition, ls, a, uri, params.position)
        except Exception:
            ls.log_exception("definition")
            return None

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    async def actions(ls: ZlintLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        try:
            uri = params.text_document.uri
            a = await ls.fresh(uri)
            if a is None:
                return None
            return await ls.on_worker(_actions, ls, a, uri, params)
        except Exception:
            ls.log_exception("codeAction")
            return None

    @server.command("zlint.documentText")
    def document_text(ls: ZlintLanguageServer, *args: Any) -> str | None:
        """The server's copy of an open document (to check it against the editor's)."""
        uri = args[0] if args and isinstance(args[0], str) else None
        doc = ls.analyzer.doc(uri) if uri else None
        return doc.text if doc is not None else None

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: ZlintLanguageServer, params: None) -> None:
        for t in ls._timers.values():
            t.cancel()
        ls._timers.clear()

    return server


# ---------------------------------------------------------------- feature bodies (run on the worker)


def _is_inventory(uri: str) -> bool:
    path = uri_path(uri)
    return path is not None and os.path.basename(path) in INVENTORY_FILES


_INDEXES: dict[int, LineIndex] = {}


def _index(ls: ZlintLanguageServer, text: str) -> LineIndex:
    hit = _INDEXES.get(id(text))
    if hit is not None and hit.text is text:
        return hit
    if len(_INDEXES) > 64:
        _INDEXES.clear()
    idx = _INDEXES[id(text)] = LineIndex(text, ls.analyzer.codec)
    return idx


def _newest(ls: ZlintLanguageServer, a: Analysis, uri: str) -> Analysis:
    """The newest analysis of ``uri``: parse results are moved in place by each lint run, so an
    older analysis may no longer match its own text once a newer one ran."""
    return ls.analyzer.analysis_of(uri) or a


def _hover(ls: ZlintLanguageServer, a: Analysis, uri: str, position: types.Position) -> types.Hover | None:
    a = _newest(ls, a, uri)
    st = a.doc(uri)
    result = a.results.get(uri)
    if st is None or result is None:
        return None
    idx = _index(ls, st.text)
    offset = idx.offset(position)
    text = hover_markdown(st.kind, result.model, result.source, st.text, offset,
                          a.diagnostics.get(uri, ()), list(a.profiles()))
    if not text:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


def _symbols(ls: ZlintLanguageServer, a: Analysis, uri: str) -> list[types.DocumentSymbol]:
    a = _newest(ls, a, uri)
    st = a.doc(uri)
    result = a.results.get(uri)
    if st is None or result is None:
        return []
    return document_symbols(st.kind, result.model, result.source, _index(ls, st.text))


def _definition(ls: ZlintLanguageServer, a: Analysis, uri: str, position: types.Position) -> list[types.Location]:
    a = _newest(ls, a, uri)
    st = a.doc(uri)
    result = a.results.get(uri)
    if st is None or result is None or st.kind != "tcpip":
        return []
    offset = _index(ls, st.text).offset(position)
    location = _location_of(ls, a)

    def file_location(path: str) -> types.Location | None:
        uri_ = next((d.uri for d in a.snapshot.docs if d.path == path), None) or from_fs_path(path)
        if uri_ is None:
            return None
        zero = types.Position(line=0, character=0)
        return types.Location(uri=uri_, range=types.Range(start=zero, end=zero))

    return definition(result.model, result.source, st.text, offset, list(a.profiles()), location, file_location)


def _actions(ls: ZlintLanguageServer, a: Analysis, uri: str, params: types.CodeActionParams) -> list[types.CodeAction]:
    a = _newest(ls, a, uri)
    st = a.doc(uri)
    if st is None:
        return []
    conv = ls.analyzer.converter(a)

    def edit_location(span: Span) -> tuple[str, types.Range] | None:
        u = conv.uri_of(span.path)
        return (u, conv.range(span)) if u is not None else None

    return code_actions(st.kind, uri, st.text, _index(ls, st.text), a.diagnostics.get(uri, ()), params,
                        conv.diagnostic, edit_location)


def main() -> None:
    """Serve LSP over stdin/stdout until the client says exit."""
    logfile = os.environ.get("ZLINT_LSP_LOG")
    if logfile:
        logging.basicConfig(filename=logfile, level=logging.DEBUG,
                            format="%(asctime)s %(threadName)s %(name)s %(levelname)s %(message)s")
    else:
        logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="zlint-lsp: %(levelname)s %(message)s")
    create_server().start_io(stdin=BoundedStdin(sys.stdin.buffer))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
