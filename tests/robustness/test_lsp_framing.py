"""Issue 13 item 11: LSP framing and lifecycle.

A bare JSON-RPC peer talks to ``zlint lsp`` over pipes and sends what no
client library would: a Content-Length over the limit (a lie and the truth),
a header line that never ends, a request after ``shutdown``, URIs holding
``%00``. The server must log a clear error (no traceback, no MemoryError),
answer what the spec asks, and go on serving."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 64 << 20
PROFILE = "IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1\nPORT 23 TCP INTCLIEN\n"


class Peer:
    def __init__(self, tmp: Path) -> None:
        self.log = tmp / "lsp.log"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "ZLINT_LSP_LOG": str(self.log),
               "XDG_CACHE_HOME": str(tmp / "cache")}
        self.proc = subprocess.Popen([sys.executable, "-m", "zparse.lsp.server"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp)
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 0

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = 0
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                elif line == b"\r\n":
                    break
            self.inbox.put(json.loads(out.read(length)))

    def raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method: str, params: Any) -> int:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def answer(self, msg_id: int, timeout: float = 30.0) -> dict[str, Any]:
        while True:
            msg = self.inbox.get(timeout=timeout)
            assert msg is not None, "the server closed its output"
            if msg.get("id") == msg_id and "method" not in msg:
                return msg

    def initialize(self, root: Path) -> None:
        self.answer(self.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}))
        self.send({"method": "initialized", "params": {}})

    def symbols(self, uri: str) -> dict[str, Any]:
        return self.answer(self.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}}))

    def open(self, uri: str, text: str = PROFILE) -> None:
        self.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "tcpip", "version": 1, "text": text}}})

    def close(self) -> tuple[int, str]:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        assert self.proc.stderr is not None
        err = self.proc.stderr.read().decode("utf-8", "replace")
        log = self.log.read_text(errors="replace") if self.log.exists() else ""
        return self.proc.returncode, log + err


@pytest.fixture
def peer(tmp_path: Path) -> Iterator[Peer]:
    p = Peer(tmp_path)
    yield p
    if p.proc.poll() is None:
        p.proc.kill()
        p.proc.wait()


def _no_traceback(log: str) -> None:
    assert "Traceback" not in log and "MemoryError" not in log, log[-3000:]


def test_a_content_length_that_lies_is_refused_not_a_memory_error(peer: Peer, tmp_path: Path) -> None:
    peer.initialize(tmp_path)
    peer.raw(b"Content-Length: 1000000000000\r\n\r\n" + b"x" * 1000)
    _, log = peer.close()
    assert "refused" in log and "1000000000000" in log, log[-3000:]
    _no_traceback(log)


# (case, bytes sent before a normal request that must still be answered)
GARBAGE = [
    ("over-the-limit-and-true", b"Content-Length: %d\r\n\r\n" % (LIMIT + 1) + b" " * (LIMIT + 1)),
    ("header-line-without-end", b"X-Junk: " + b"y" * (LIMIT // 4) + b"\r\n\r\n"),
    ("negative-or-junk-length", b"Content-Length: -5\r\nContent-Length: zz\r\n\r\n"),
]


@pytest.mark.parametrize(("case", "garbage"), GARBAGE, ids=[g[0] for g in GARBAGE])
def test_oversized_framing_is_refused_and_the_server_goes_on(peer: Peer, tmp_path: Path, case: str,
                                                            garbage: bytes) -> None:
    peer.initialize(tmp_path)
    uri = (tmp_path / "PROFILE.TCPIP").as_uri()
    peer.open(uri)
    peer.raw(garbage)
    assert "result" in peer.symbols(uri)
    rss = _peak_rss_mb(peer.proc.pid)
    _, log = peer.close()
    _no_traceback(log)
    if case != "negative-or-junk-length":
        assert "refused" in log, log[-3000:]
        assert rss < 64 + 150, f"the server held {rss} MB: the oversized input was buffered"


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_a_request_after_shutdown_gets_invalid_request(peer: Peer, tmp_path: Path) -> None:
    peer.initialize(tmp_path)
    assert peer.answer(peer.request("shutdown", None)).get("result", "missing") is None
    reply = peer.answer(peer.request("textDocument/documentSymbol",
                                     {"textDocument": {"uri": (tmp_path / "X").as_uri()}}), timeout=15)
    assert reply["error"]["code"] == -32600, reply  # InvalidRequest, as the LSP specification asks
    peer.send({"method": "exit"})
    peer.proc.wait(timeout=30)
    code, log = peer.close()
    assert code == 0
    _no_traceback(log)


URIS = ["file:///tmp/a%00b/PROFILE.TCPIP", "file:///%00", "file:///tmp/PROFILE%00.TCPIP",
        "file:///tmp/" + "d/" * 3000 + "PROFILE.TCPIP", "file:///tmp/%FF%FE/PROFILE.TCPIP"]


@pytest.mark.parametrize("uri", URIS, ids=["nul-in-folder", "nul-only", "nul-in-name", "too-long", "not-utf8"])
def test_invalid_path_bytes_in_a_uri_are_a_log_line(peer: Peer, tmp_path: Path, uri: str) -> None:
    peer.initialize(tmp_path)
    peer.open(uri)
    assert "result" in peer.symbols(uri)
    peer.send({"method": "textDocument/didSave", "params": {"textDocument": {"uri": uri}}})
    peer.send({"method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
    assert "result" in peer.symbols((tmp_path / "PROFILE.TCPIP").as_uri())
    _, log = peer.close()
    _no_traceback(log)
    if "%00" in uri:
        assert "NUL" in log, log[-2000:]
