"""Benchmark: how long the language server takes to re-diagnose after an edit.

Builds a two-system sysplex in a temporary folder (zlint.toml and two
5,000-line TCP/IP profiles shaped like a large production profile: comment
banners, DEVICE/LINK/HOME/START groups, INTERFACE definitions, a PORT list,
a route table, VIPADYNAMIC blocks with a hot-standby distributor, AUTOLOG),
then measures two things for a series of small edits at random places of
SYS1's profile (a character typed, then deleted):

* ``engine``: in-process, the time from "the document text changed" to
  "the LSP diagnostics of every open document are ready" (incremental
  re-parse of the edited profile, the warm other system, the whole-sysplex
  lint, conversion to LSP diagnostics);
* ``server``: end to end through a real server process over stdio, the time
  from sending ``textDocument/didChange`` to receiving the
  ``textDocument/publishDiagnostics`` for that version (this includes the
  server's debounce delay, JSON and the pipe).

Prints the median and the 95th percentile of each. Run it from the project
root::

    .venv/bin/python bench/lsp_rediagnose.py            # both
    .venv/bin/python bench/lsp_rediagnose.py --edits 300 --no-server

Not part of the test run: timing depends on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def profile(system: int, lines: int = 5000) -> str:
    """A large profile for system ``system`` (1 or 2), about ``lines`` lines long."""
    xcf = f"192.0.2.{system}"
    out: list[str] = [";" + "*" * 70]
    out += [f";* PROFILE.TCPIP for SYS{system} - generated for the LSP benchmark".ljust(71) + "*"]
    out += [";" + "*" * 70]
    out += [f"; change log line {k}: routine maintenance" for k in range(40)]
    out += ["ARPAGE 20",
            "GLOBALCONFIG SYSPLEXMONITOR RECOVERY TCPIPSTATISTICS",
            "IPCONFIG SYSPLEXROUTING DATAGRAMFWD SOURCEVIPA",
            f"         DYNAMICXCF {xcf} 255.255.255.0 1",
            "TCPCONFIG TCPSENDBFRSIZE 256K TCPRCVBUFRSIZE 256K RESTRICTLOWPORTS",
            "UDPCONFIG RESTRICTLOWPORTS", ";"]
    for block in range(3):
        out += [f"; ---- dynamic VIPAs, group {block + 1} ----", "VIPADYNAMIC"]
        for k in range(1, 13):
            dv = f"198.51.{100 + block}.{k}"
            if system == 1:
                out.append(f"  VIPADEFINE MOVEABLE IMMEDIATE 255.255.255.0 {dv}")
            else:
                out.append(f"  VIPABACKUP {100 + system} MOVEABLE IMMEDIATE 255.255.255.0 {dv}")
            if k <= 3:
                out += [f"  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY {dv}",
                        f"     PORT {8000 + 10 * block + k}",
                        "     DESTIP 192.0.2.1 PREFERRED",
                        "            192.0.2.2 BACKUP"]
        out += ["ENDVIPADYNAMIC", ";"]
    target = {"devices": 0.40, "interfaces": 0.55, "ports": 0.65, "routes": 0.75, "comments": 0.97}
    n = 0
    while len(out) < lines * target["devices"]:
        n += 1
        a, b = divmod(n, 200)
        out += [f"; ---- OSA port {n} (legacy DEVICE/LINK definition) ----",
                f"DEVICE OSA{n:04d} MPCIPA",
                f"LINK LOSA{n:04d} IPAQENET OSA{n:04d}",
                f"HOME 10.{system}.{a}.{b + 1} LOSA{n:04d}",
                f"START OSA{n:04d}", ";"]
    m = 0
    while len(out) < lines * target["interfaces"]:
        m += 1
        a, b = divmod(m, 200)
        out += [f"; ---- OSA-Express interface {m} ----",
                f"INTERFACE OETH{m:04d} DEFINE IPAQENET",
                f"   PORTNAME OSAP{m:04d}",
                f"   IPADDR 10.{10 + system}.{a}.{b + 1}/24",
                "   MTU 1492 VLANID 10",
                f"START OETH{m:04d}", ";"]
    out.append("; ---- port reservations ----")
    out.append("PORT")
    p = 0
    while len(out) < lines * target["ports"]:
        p += 1
        out.append(f"   {1000 + p:5d} TCP JOB{p:05d} NOAUTOLOG   ; server {p}")
    out += [";", "BEGINROUTES"]
    r = 0
    while len(out) < lines * target["routes"]:
        r += 1
        a, b = divmod(r, 250)
        out.append(f"  ROUTE 172.{16 + a % 8}.{b}.0 255.255.255.0 10.{system}.0.1 LOSA0001 MTU 1492")
    out += ["ENDROUTES", ";"]
    c = 0
    while len(out) < lines * target["comments"]:
        c += 1
        out += [f"; retired definition {c}: kept for reference",
                f";DEVICE OLD{c:04d} LCS 0E{c % 100:02d}",
                f";LINK LOLD{c:04d} ETHERNET 0 OLD{c:04d}", "HOME"] if c % 10 == 0 else \
               [f"; retired definition {c}: kept for reference",
                f";DEVICE OLD{c:04d} LCS 0E{c % 100:02d}",
                f";LINK LOLD{c:04d} ETHERNET 0 OLD{c:04d}"]
        if out[-1] == "HOME":
            out[-1] = f"HOME 10.{system}.250.{c % 250 + 1} LOSA0001"
    out.append("AUTOLOG 5")
    q = 0
    while len(out) < lines - 1:
        q += 1
        out.append(f"  PROC{q:04d} JOBNAME JOB{q:05d}")
    out.append("ENDAUTOLOG")
    return "\n".join(out[:lines]) + "\n"


def make_sysplex(folder: Path) -> tuple[Path, Path]:
    (folder / "SYS1").mkdir(parents=True, exist_ok=True)
    (folder / "SYS2").mkdir(parents=True, exist_ok=True)
    (folder / "zlint.toml").write_text(
        '[sysplex]\nname = "BENCH"\n\n[systems.SYS1]\ntcpip = "SYS1/PROFILE.TCPIP"\n\n'
        '[systems.SYS2]\ntcpip = "SYS2/PROFILE.TCPIP"\n', encoding="utf-8")
    p1 = folder / "SYS1" / "PROFILE.TCPIP"
    p2 = folder / "SYS2" / "PROFILE.TCPIP"
    p1.write_text(profile(1), encoding="utf-8")
    p2.write_text(profile(2), encoding="utf-8")
    return p1, p2


def edits(text: str, count: int, seed: int) -> list[tuple[int, int, str]]:
    """(line, column, inserted text) pairs: a character typed, then deleted, at random lines."""
    rng = random.Random(seed)
    lines = text.split("\n")
    out: list[tuple[int, int, str]] = []
    for _ in range(count // 2):
        ln = rng.randrange(len(lines) - 1)
        col = rng.randrange(len(lines[ln]) + 1)
        out.append((ln, col, rng.choice("0123456789 XY")))
        out.append((ln, col, ""))  # delete it again
    return out


def _stats(name: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    print(f"{name:7s} median {statistics.median(times) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   "
          f"(n={len(times)}, max {times[-1] * 1000:.1f} ms)")


def bench_engine(p1: Path, p2: Path, count: int, seed: int) -> None:
    from lsprotocol import types

    from zparse.lsp.analysis import Analyzer

    an = Analyzer()
    u1, u2 = p1.as_uri(), p2.as_uri()
    an.open(u1, p1.read_text(encoding="utf-8"), 1, "tcpip")
    an.open(u2, p2.read_text(encoding="utf-8"), 1, "tcpip")
    t = time.perf_counter()
    an.publishable(an.analyse(an.snapshot(an.key_of(u1))))
    print(f"engine  first analysis of the sysplex: {(time.perf_counter() - t) * 1000:.0f} ms")
    times: list[float] = []
    version = 1
    pending: tuple[int, int, str] | None = None
    for ln, col, ins in edits(p1.read_text(encoding="utf-8"), count, seed):
        version += 1
        if ins:
            rng = types.Range(start=types.Position(line=ln, character=col),
                              end=types.Position(line=ln, character=col))
            pending = (ln, col, ins)
        else:
            assert pending is not None
            rng = types.Range(start=types.Position(line=ln, character=col),
                              end=types.Position(line=ln, character=col + len(pending[2])))
        change = types.TextDocumentContentChangePartial(range=rng, text=ins)
        t = time.perf_counter()
        an.change(u1, [change], version)
        out = an.publishable(an.analyse(an.snapshot(an.key_of(u1))))
        times.append(time.perf_counter() - t)
        assert u1 in out and u2 in out
    _stats("engine", times)


async def _bench_server(p1: Path, p2: Path, count: int, seed: int) -> None:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("bench", "1")
    got: dict[str, tuple[int | None, float]] = {}
    waiters: dict[tuple[str, int], asyncio.Future[float]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _diags(params: types.PublishDiagnosticsParams) -> None:
        now = time.perf_counter()
        got[params.uri] = (params.version, now)
        fut = waiters.pop((params.uri, params.version or -1), None)
        if fut is not None and not fut.done():
            fut.set_result(now)

    await client.start_io(sys.executable, "-m", "zparse.lsp.server")
    root = p1.parent.parent
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="bench")]))
    client.initialized(types.InitializedParams())
    u1, u2 = p1.as_uri(), p2.as_uri()
    loop = asyncio.get_running_loop()
    first = loop.create_future()
    waiters[(u1, 1)] = first
    t = time.perf_counter()
    for uri, path in ((u1, p1), (u2, p2)):
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="tcpip", version=1, text=path.read_text(encoding="utf-8"))))
    await asyncio.wait_for(first, 60)
    print(f"server  first diagnostics after opening both profiles: {(time.perf_counter() - t) * 1000:.0f} ms")
    await asyncio.sleep(0.5)
    times: list[float] = []
    version = 1
    pending = ""
    for ln, col, ins in edits(p1.read_text(encoding="utf-8"), count, seed):
        version += 1
        end = col + (0 if ins else len(pending))
        pending = ins or pending
        fut = loop.create_future()
        waiters[(u1, version)] = fut
        t = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=u1, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=ln, character=col),
                                  end=types.Position(line=ln, character=end)), text=ins)]))
        done = await asyncio.wait_for(fut, 30)
        times.append(done - t)
    _stats("server", times)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--edits", type=int, default=200, help="number of edits (default 200)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--no-server", action="store_true", help="skip the end-to-end server measurement")
    ap.add_argument("--no-engine", action="store_true", help="skip the in-process measurement")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="zlint-bench-") as tmp:
        p1, p2 = make_sysplex(Path(tmp))
        print(f"sysplex: 2 systems, {len(p1.read_text().splitlines())} + "
              f"{len(p2.read_text().splitlines())} profile lines; {args.edits} edits in SYS1's profile")
        os.environ.setdefault("XDG_CACHE_HOME", os.path.join(tmp, "cache"))
        if not args.no_engine:
            bench_engine(p1, p2, args.edits, args.seed)
        if not args.no_server:
            asyncio.run(_bench_server(p1, p2, args.edits, args.seed))


if __name__ == "__main__":
    main()
