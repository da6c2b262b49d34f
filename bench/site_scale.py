"""Issue 16's benchmark table: speed at site scale (never part of the test run).

Rows, each measured in this run, with both sides of every ratio:

1. parse throughput: ``zparse.parse`` against a bare Lark basic-lexer pass
   over the same generated 0.85 MB profile (best of 3 each);
2. cold ``zlint check examples/zosmf-ha`` from a normal (non-editable)
   install (``pip install --target``, bytecode compiled) against
   ``python -c "import lark"`` (best of 7 each);
3-4. the language server (``Analyzer``, in process) on a generated sysplex
   of 32 systems x 2,000 lines with SYS1-SYS4 open: a character typed and
   deleted in a PORT entry of SYS1, and SYS1's DYNAMICXCF address changed
   and restored (HA findings appear in the other systems' documents and go
   again); median of 20 edits each;
5. HA390 on 96 systems (2,000-line profiles, 50 DVIPAs defined on one
   system, backed up by the next two and distributed by the three): the
   rule's check on a fresh index (failover simulation included; the index
   build is shown apart);
6. the site: 10 sysplexes x 30 systems with 50 DVIPAs each, and one of 32
   systems x 200 DVIPAs distributed to all (bench/sitegen.py), checked by
   ``zlint check SITE --jobs 2``: wall time and peak RSS of the whole process
   tree (sampled every 10 ms from /proc);
7. lint time (``zparse.lint`` on a loaded sysplex) at 32 systems / at 8.

Usage: ``.venv/bin/python bench/site_scale.py`` (``make bench`` runs it after
bench/run.py).
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

ROWS: list[tuple[str, str, str, str, bool]] = []  # figure, value, sides, target, met


def row(figure: str, value: str, sides: str, target: str, met: bool) -> None:
    ROWS.append((figure, value, sides, target, met))
    print(f"  {figure}: {value} ({sides})", file=sys.stderr, flush=True)


def best(fn: Any, n: int) -> float:
    out = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out = min(out, time.perf_counter() - t)
    return out


# ------------------------------------------------------------------ 1
def bench_parse() -> None:
    from lark import Lark
    from run import BARE_GRAMMAR

    import zparse
    from fuzz.gen import realistic_profile

    text = realistic_profile(0, 1, lines=1_000_000 // 36)
    lexer = Lark(BARE_GRAMMAR, parser="lalr", lexer="basic")
    zparse.parse(text[:2000], "tcpip")
    lex_s = best(lambda: sum(1 for _ in lexer.lex(text)), 3)
    parse_s = best(lambda: zparse.parse(text, "tcpip"), 3)
    r = lex_s / parse_s
    row("parse / bare Lark lexer, same text, same run", f"{r:.2f}",
        f"lexer {lex_s:.3f} s / parse {parse_s:.3f} s, {len(text) / 1e6:.2f} MB", ">= 0.8", r >= 0.8)


# ------------------------------------------------------------------ 2
def bench_cold() -> None:
    target = Path(tempfile.mkdtemp(prefix="zlint-wheel-"))
    try:
        inst = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                               "--target", str(target), str(ROOT)], capture_output=True, text=True, timeout=600)
        if inst.returncode != 0:
            row("cold `zlint check examples/zosmf-ha` / `import lark`", "not measured",
                "pip install failed: " + (inst.stderr.strip().splitlines() or ["?"])[-1], "<= 2.0", False)
            return
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPATH"] = str(target)  # the installed copy first, before the editable one
        example = str(ROOT / "examples" / "zosmf-ha")
        check = [sys.executable, "-c", "import sys; from zparse.cli import main; "
                 f"sys.exit(main(['check', {example!r}]))"]
        lark = [sys.executable, "-c", "import lark"]
        where = subprocess.run([sys.executable, "-c", "import zparse; print(zparse.__file__)"], env=env,
                               capture_output=True, text=True, cwd=target).stdout.strip()

        def run(cmd: list[str]) -> float:
            t = time.perf_counter()
            subprocess.run(cmd, cwd=target, env=env, capture_output=True, timeout=120)  # not the checkout
            return time.perf_counter() - t

        run(check)
        run(lark)
        c, k = [], []
        for _ in range(7):
            c.append(run(check))
            k.append(run(lark))
        r = min(c) / min(k)
        row("cold `zlint check examples/zosmf-ha` / `python -c \"import lark\"` (installed)", f"{r:.2f}",
            f"check {min(c):.3f} s / import lark {min(k):.3f} s, best of 7; zparse from {where}", "<= 2.0",
            r <= 2.0)
    finally:
        shutil.rmtree(target, ignore_errors=True)


# ------------------------------------------------------------------ 3-4
def bench_lsp(tmp: Path) -> None:
    from lsprotocol import types

    from fuzz.gen import write_sysplex
    from zparse.lsp.analysis import Analyzer

    root = tmp / "lsp32"
    write_sysplex(root, 32, lines=2000)
    an = Analyzer()
    uris = []
    for k in range(1, 5):
        p = root / f"SYS{k}" / "PROFILE.TCPIP"
        an.open(p.as_uri(), p.read_text(encoding="utf-8"), 1, "tcpip")
        uris.append(p.as_uri())
    key = an.key_of(uris[0])
    assert key is not None
    t = time.perf_counter()
    an.publishable(an.analyse(an.snapshot(key)))
    first = time.perf_counter() - t
    lines = an.docs[uris[0]].text.split("\n")
    port = next(i for i, ln in enumerate(lines) if i > 60 and ln.strip()[:4].isdigit() and "TCP" in ln)
    xcf = next(i for i, ln in enumerate(lines) if "DYNAMICXCF" in ln)
    version = [1]

    def edit(line: int, col: int, text: str, length: int) -> tuple[float, int]:
        version[0] += 1
        rng = types.Range(start=types.Position(line=line, character=col),
                          end=types.Position(line=line, character=col + length))
        t0 = time.perf_counter()
        an.change(uris[0], [types.TextDocumentContentChangePartial(range=rng, text=text)], version[0])
        out = an.publishable(an.analyse(an.snapshot(key)))
        return time.perf_counter() - t0, sum(len(v[1]) for v in out.values())

    def series(line: int, col: int, text: str, n: int = 10) -> tuple[list[float], set[int]]:
        times, counts = [], set()
        for _ in range(n):
            for args in ((text, 0), ("", len(text))):
                s, c = edit(line, col, *args)
                times.append(s)
                counts.add(c)
        return times, counts

    pt, _pc = series(port, len(lines[port]), "X")
    med = statistics.median(pt) * 1000
    row("LSP: edit in a PORT entry, 32 systems x 2,000 lines, median", f"{med:.0f} ms",
        f"n={len(pt)}, p95 {sorted(pt)[int(0.95 * len(pt)) - 1] * 1000:.0f} ms, first analysis {first:.2f} s, "
        f"SYS1-SYS4 open", "<= 100 ms", med <= 100)
    col = lines[xcf].index("10.1.1.1") + len("10.1.1.1")
    xt, xc = series(xcf, col, "7")
    med = statistics.median(xt) * 1000
    row("LSP: edit of SYS1's DYNAMICXCF, same sysplex, median", f"{med:.0f} ms",
        f"n={len(xt)}, p95 {sorted(xt)[int(0.95 * len(xt)) - 1] * 1000:.0f} ms, findings published "
        f"per edit {sorted(xc)}", "<= 150 ms", med <= 150 and max(xc) > 0)


# ------------------------------------------------------------------ 5
def bench_ha390(tmp: Path) -> None:
    from sitegen import write_plex

    import zparse
    from zparse.engine import registry

    root = tmp / "ha96"
    write_plex(root, 96, 2000, 50, to_all=False)
    from zparse.sysplex import SysplexIndex

    sp = zparse.load_sysplex(str(root))
    check = registry()["HA390"].check
    assert check is not None
    n = [0]
    s = index_s = float("inf")
    for _ in range(3):  # a fresh index each time: the index keeps its failover cases once computed
        t = time.perf_counter()
        idx = SysplexIndex.build(sp)
        index_s = min(index_s, time.perf_counter() - t)
        t = time.perf_counter()
        n[0] = sum(1 for _ in check(sp, idx))
        s = min(s, time.perf_counter() - t)
    services = len(idx.failover_cases(baseline=True)[0].services)
    row("HA390, 96 systems x 50 DVIPAs", f"{s:.3f} s",
        f"best of 3; {len(idx.dvipas())} DVIPAs in all (the generated profiles add z/OSMF pairs and one per "
        f"system), {services} services, {n[0]} findings; index build (apart): {index_s:.3f} s",
        "<= 0.2 s", s <= 0.2)


# ------------------------------------------------------------------ 6
def _tree_rss_kb(pid: int) -> int:
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, ()))
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def bench_site(tmp: Path) -> None:
    from sitegen import write_site

    site = tmp / "site"
    write_site(site)
    systems = sum(1 for _ in site.glob("*/SYS*"))
    mb = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
    zlint = shutil.which("zlint", path=str(Path(sys.executable).parent)) or "zlint"
    peak = [0]
    t = time.perf_counter()
    proc = subprocess.Popen([zlint, "check", str(site), "--jobs", "2", "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            time.sleep(0.01)

    th = threading.Thread(target=sample)
    th.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - t
    done.set()
    th.join()
    one = subprocess.run([zlint, "check", str(site), "--jobs", "1", "--format", "json"],
                         capture_output=True, timeout=1800)
    same = one.stdout == out
    rss = peak[0] / 1024
    row(f"site: {systems} systems in 11 sysplexes, wall / peak RSS, `--jobs 2`", f"{wall:.1f} s / {rss:.0f} MB",
        f"{mb:.1f} MB of members; RSS summed over the process tree; exit {proc.returncode}; "
        f"output identical to --jobs 1: {'yes' if same else 'NO'}", "<= 10 s / <= 400 MB",
        wall <= 10 and rss <= 400 and same)


# ------------------------------------------------------------------ 7
def bench_lint_scaling(tmp: Path) -> None:
    import gc

    import zparse
    from fuzz.gen import write_sysplex

    times = {}
    for n in (8, 32):
        root = tmp / f"scale{n}"
        write_sysplex(root, n, lines=1500)
        sp = zparse.load_sysplex(str(root))
        gc.freeze()
        times[n] = best(lambda sp=sp: zparse.lint(sp), 3)  # type: ignore[misc]
        gc.unfreeze()
        del sp
    r = times[32] / times[8]
    row("lint time 32 systems / 8 systems", f"{r:.2f}",
        f"lint {times[32]:.3f} s / {times[8]:.3f} s, best of 3, 1,500-line profiles", "<= 4.2", r <= 4.2)


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"nproc {os.cpu_count()}; cpu {cpu}; python {platform.python_version()}; "
            f"{platform.platform()}; load average at start {load}")


def main() -> int:
    readme = "--readme" in sys.argv[1:]  # append this table to bench/README.md (after bench/run.py --readme)
    info = machine()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="zlint-site-") as tmp:
        steps = [bench_parse, bench_cold, lambda: bench_lsp(Path(tmp)), lambda: bench_ha390(Path(tmp)),
                 lambda: bench_site(Path(tmp)), lambda: bench_lint_scaling(Path(tmp))]
        for step in steps:
            try:
                step()
            except Exception as exc:  # one broken row must not hide the others
                row(getattr(step, "__name__", "row"), "failed", f"{type(exc).__name__}: {exc}", "", False)
    lines = ["## Issue 16: speed at site scale", "", f"Machine: {info}.", "",
             "| figure | measured | the two sides / details | target | met |", "|---|---|---|---|---|"]
    lines += [f"| {f} | {v} | {s} | {t} | {'yes' if m else 'NO'} |" for f, v, s, t, m in ROWS]
    lines += ["", f"_bench/site_scale.py wall time: {time.perf_counter() - started:.0f} s._", ""]
    print("\n".join(lines))
    if readme:
        path = HERE / "README.md"
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        text = text.split("## Issue 16: speed at site scale")[0].rstrip() + "\n\n"
        path.write_text(text + "\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
