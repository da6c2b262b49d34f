"""zparse / zlint benchmarks (issues 7 and 8); never part of the test run's pass/fail.

Prints Markdown tables, every ratio measured in this one run:

1. parse throughput: ``zparse.parse`` on a generated ~1 MB realistic profile
   against a bare Lark lexer pass (generic WORD / COMMENT / WS / NEWLINE
   terminals, ``lexer="basic"``) over the same text, both in the fresh
   process; ``--profile`` adds the cProfile top 15 by cumulative time;
2. linear time: seconds per MB of each hostile shape (fuzz/hostile.py) against
   a normal generated file of the same kind, at ~1 MB and at a quarter of it;
3. scaling: load_sysplex + lint (and ``zlint check`` in-process) on generated
   sysplexes of 8, 16 and 32 systems (1,500-line profiles + IZUPRMxx), each in
   a fresh subprocess: seconds and peak memory;
4. cold start: ``zlint check examples/zosmf-ha`` as a subprocess against
   ``python -c "import lark"``, and whether pygls got imported;
5. LSP re-diagnosis: bench/lsp_rediagnose.py when present.

Usage: ``make bench`` or ``.venv/bin/python bench/run.py [--quick] [--profile]
[--only throughput,hostile,scaling,cold,lsp] [--readme]`` (``--readme``
rewrites bench/README.md with the tables and the machine they ran on).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import cProfile
import io
import json
import math
import os
import platform
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MB = 1_000_000
SECTIONS = ("throughput", "hostile", "scaling", "cold", "lsp")
SUMMARY: list[str] = []  # one line per headline ratio, printed first
TECHNIQUES = """
How zparse gets there:

- One regex lexer tiles the text (runs of blanks, line ends and comments are one
  trivia token) and caches each distinct word's class and keyword candidates.
- Statements are parsed one at a time by a hand-written loop over the LALR
  tables Lark compiles from grammars/*.lark, choosing each word's terminal from
  what the state accepts; its tree callbacks shape trees as Lark's would
  (tests/tcpip/test_lalr_tables.py compares them with Lark's own), `_rule`s
  are plain lists, and the grammar inlines single-token subtrees.
- The tables are cached on disk as plain data (interned strings, one shared
  action per rule): a warm `zlint check` never imports Lark.
- The cyclic garbage collector is paused while a parse builds, and what it built
  goes straight to the oldest generation: a parse result holds no reference
  cycles (tests/robustness/test_memory.py), so reference counting frees it.
- The language server reparses only the pieces of a profile (runs of whole
  statements) that an edit touches
  (zparse/lsp/incremental.py) and relints the sysplex.
"""


# ------------------------------------------------------------------ helpers
def best_of(fn: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def table(headers: list[str], rows: list[list[Any]]) -> str:
    def cell(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:.3g}" if abs(v) < 100 else f"{v:.0f}"
        return str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def machine() -> dict[str, str]:
    cpu = "unknown"
    mem = "unknown"
    with contextlib.suppress(OSError):
        m = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu = m.group(1).strip() if m else cpu
    with contextlib.suppress(OSError):
        m = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        mem = f"{int(m.group(1)) / 1024 / 1024:.1f} GiB" if m else mem
    import lark

    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return {"nproc": str(os.cpu_count()), "cpu": cpu, "memory": mem,
            "python": platform.python_version(), "lark": lark.__version__,
            "platform": platform.platform(), "load average at start": load}


def kinds_available() -> list[str]:
    from fuzz import laws

    return list(laws.KINDS)


# ------------------------------------------------------------------ 1. hostile
def normal_text(kind: str, target: int) -> str:
    from fuzz.gen import realistic_izuprm, realistic_profile

    if kind == "tcpip":
        return realistic_profile(0, 1, lines=max(target // 36, 50))
    parts: list[str] = []
    size = 0
    i = 0
    while size < target:
        member = realistic_izuprm(i % 32, 32)
        parts.append(member)
        size += len(member)
        i += 1
    return "".join(parts)


def parse_seconds(text: str, kind: str, repeat: int = 1) -> float:
    import zparse

    return best_of(lambda: zparse.parse(text, kind), repeat)


def bench_hostile(target: int, out: list[str]) -> None:
    from fuzz import hostile

    rows: list[list[Any]] = []
    notes: list[str] = []
    for kind in kinds_available():
        normal = normal_text(kind, target)
        normal_spm = parse_seconds(normal, kind, 2) / (len(normal) / MB)
        quarter = normal_text(kind, target // 4)
        normal_lin = normal_spm / (parse_seconds(quarter, kind, 2) / (len(quarter) / MB))
        rows.append([kind, "normal (generated)", len(normal) / MB, normal_spm, 1.0, normal_lin])
        for name, (kinds, _) in hostile.SHAPES.items():
            if kind not in kinds:
                continue
            one = len(hostile.build(name, 1.0))
            if one == 0:
                continue
            text = hostile.build(name, target / one)
            if len(text) < target / 4:
                notes.append(f"{kind} {name}: fixed size ({len(text)} chars), not timed per MB")
                continue
            spm = parse_seconds(text, kind, 2) / (len(text) / MB)
            small = hostile.build(name, target / 4 / one)
            lin = (spm / (parse_seconds(small, kind, 2) / (len(small) / MB)) if len(small) < len(text) / 2
                   else float("nan"))
            rows.append([kind, name, len(text) / MB, spm, spm / normal_spm, lin])
            print(f"  {kind:6s} {name:28s} {spm:7.2f} s/MB", file=sys.stderr, flush=True)
    worst = max((r for r in rows if r[1] != "normal (generated)"), key=lambda r: r[4], default=None)
    out.append("## 2. Linear time on hostile shapes\n")
    out.append("s/MB: seconds per MB of input for one `zparse.parse` (best of 2); ratio: against the normal "
               "generated file of the same kind; linearity: s/MB at the size shown divided by s/MB "
               "at a quarter of it (1.0 = linear, 4.0 = quadratic).\n")
    out.append(table(["kind", "shape", "MB", "s/MB", "ratio to normal", "linearity"], rows))
    if worst is not None:
        out.append(f"\nWorst ratio: {worst[0]} {worst[1]} at {worst[4]:.1f}x the normal time per MB.")
        lins = [r[5] for r in rows if not math.isnan(r[5])]
        SUMMARY.append(f"hostile shapes: at most {worst[4]:.1f}x the normal time per MB ({worst[0]} {worst[1]}); "
                       f"linearity (s/MB at 1 MB / at 0.25 MB) between {min(lins):.2f} and {max(lins):.2f}")
    if notes:
        out.append("\n" + "\n".join(f"- {n}" for n in notes))
    out.append("")


# ------------------------------------------------------------------ 2. throughput
BARE_GRAMMAR = r"""
start: _item*
_item: WORD | COMMENT | WS | NEWLINE
WORD: /[^ \t\f\v\r\n;]+/
COMMENT: /;[^\r\n]*/
WS: /[ \t\f\v]+/
NEWLINE: /\r\n|\n|\r/
"""


def bench_throughput(target: int, profile: bool, out: list[str]) -> None:
    from lark import Lark

    import zparse
    from fuzz.gen import realistic_profile

    text = realistic_profile(0, 1, lines=max(target // 36, 50))
    lexer = Lark(BARE_GRAMMAR, parser="lalr", lexer="basic")

    def lex() -> int:
        n = 0
        for _ in lexer.lex(text):
            n += 1
        return n

    tokens = lex()
    zparse.parse(text[:2000], "tcpip")  # grammar compiled and cached outside the timing
    lex_s = best_of(lex, 3)
    parse_s = best_of(lambda: zparse.parse(text, "tcpip"), 3)
    result = zparse.parse(text, "tcpip")
    out.append("## 1. Parse throughput\n")
    out.append(f"A generated realistic profile of {len(text) / MB:.2f} MB ({text.count(chr(10))} lines, "
               f"{tokens} bare-lexer tokens, status {result.status}, {len(result.diagnostics)} diagnostics); "
               "best of 3.\n")
    rows = [["bare Lark lexer (lexer=\"basic\", WORD/COMMENT/WS/NEWLINE)", lex_s, len(text) / MB / lex_s],
            ["zparse.parse(kind=\"tcpip\") (lexer, LALR, CST, model)", parse_s, len(text) / MB / parse_s]]
    out.append(table(["pass", "seconds", "MB/s"], rows))
    out.append(f"\n**lexer_time / parse_time = {lex_s / parse_s:.2f}** (target >= 0.6).\n")
    SUMMARY.append(f"parse throughput: lexer_time / parse_time = {lex_s / parse_s:.2f} (target >= 0.6), "
                   f"{len(text) / MB / parse_s:.2f} MB/s")
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        zparse.parse(text, "tcpip")
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(15)
        body = "\n".join(line for line in buf.getvalue().splitlines() if line.strip())
        out.append("cProfile of one parse, top 15 by cumulative time:\n\n```\n" + body + "\n```\n")


# ------------------------------------------------------------------ 3. scaling
def _status_kb(field: str) -> int | None:
    """A ``/proc/self/status`` memory field in kB (Linux), else None."""
    with contextlib.suppress(OSError):
        m = re.search(rf"^{field}:\s*(\d+) kB", Path("/proc/self/status").read_text(), re.M)
        if m:
            return int(m.group(1))
    return None


def _reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) of this process (Linux)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def child_lint(folder: str) -> None:
    """Run in a fresh process: time and memory of load_sysplex + lint, then of
    ``zlint check`` in-process; prints one JSON line.

    Memory: the kernel's peak RSS (VmHWM, reset after the warm-up; getrusage's
    ru_maxrss would include the parent's peak, inherited across fork) and, in
    a second untimed pass, tracemalloc's peak of Python allocations."""
    import tracemalloc

    import zparse
    from fuzz.gen import write_sysplex

    with tempfile.TemporaryDirectory(prefix="zlint-warm-") as warm:  # imports, grammars, rules
        write_sysplex(Path(warm), 2, lines=60)
        zparse.lint(zparse.load_sysplex(warm))
    rss0 = _status_kb("VmRSS") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    reset = _reset_peak_rss()
    t0 = time.perf_counter()
    sysplex = zparse.load_sysplex(folder)
    t1 = time.perf_counter()
    findings = zparse.lint(sysplex)
    t2 = time.perf_counter()
    rss1 = (_status_kb("VmHWM") if reset else None) or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    del sysplex
    tracemalloc.start()
    zparse.lint(zparse.load_sysplex(folder))
    traced_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    cli_s = None
    try:
        from zparse.cli import main

        with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
            t3 = time.perf_counter()
            main(["check", folder, "--format", "json"])
            cli_s = time.perf_counter() - t3
    except Exception as exc:  # report, do not fail the benchmark
        cli_s = f"failed: {type(exc).__name__}: {exc}"
    codes = collections.Counter(d.code for d in findings)
    print(json.dumps({"load": t1 - t0, "lint": t2 - t1, "rss_before_kb": rss0, "rss_peak_kb": rss1,
                      "traced_peak": traced_peak, "findings": len(findings), "codes": dict(codes),
                      "cli": cli_s}))


def bench_scaling(systems: list[int], lines: int, out: list[str]) -> None:
    from fuzz.gen import write_sysplex

    out.append("## 3. Scaling with the number of systems\n")
    rows: list[list[Any]] = []
    per_system: list[float] = []
    with tempfile.TemporaryDirectory(prefix="zlint-bench-") as tmp:
        for n in systems:
            folder = Path(tmp) / f"plex{n}"
            write_sysplex(folder, n, lines=lines)
            size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
            proc = subprocess.run([sys.executable, __file__, "--child-lint", str(folder)],
                                  capture_output=True, text=True, timeout=1800)
            if proc.returncode != 0:
                rows.append([n, size / MB, "failed: " + proc.stderr.strip().splitlines()[-1], "", "", "", "", ""])
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            total = r["load"] + r["lint"]
            per_system.append(total / n)
            cli = r["cli"] if isinstance(r["cli"], str) else f"{r['cli']:.2f}"
            rows.append([n, size / MB, r["load"], r["lint"], total, total / n, cli,
                         f"{r['rss_peak_kb'] / 1024:.0f} MiB (+{(r['rss_peak_kb'] - r['rss_before_kb']) / 1024:.0f})",
                         f"{r['traced_peak'] / 2**20:.0f} MiB", r["findings"]])
            print(f"  {n} systems: {total:.2f} s", file=sys.stderr, flush=True)
    out.append(f"Generated sysplexes (fuzz/gen.py `write_sysplex`): per system a {lines}-line profile "
               "(DYNAMICXCF, INTERFACEs, HOME, BEGINROUTES, AUTOLOG, PORT/PORTRANGE, VIPADYNAMIC with "
               "VIPADEFINE/VIPABACKUP/VIPADISTRIBUTE HOTSTANDBY and BASEWLM, VIPARANGE) and an IZUPRM00 "
               "member (z/OSMF HA pairs); each size in a fresh process, after a warm-up lint of a small "
               "sysplex (imports, grammar tables and rules loaded). Peak RSS: the kernel's high-water "
               "mark of that process during load + lint (in brackets: above its RSS before); "
               "tracemalloc peak: Python allocations during a second, untimed load + lint.\n")
    out.append(table(["systems", "input MB", "load s", "lint s", "load+lint s", "s per system",
                      "`zlint check` in-process s", "peak RSS", "tracemalloc peak", "findings"], rows))
    if len(per_system) >= 2:
        SUMMARY.append(f"scaling: time per system at {systems[-1]} vs {systems[0]} systems = "
                       f"{per_system[-1] / per_system[0]:.2f}x (1.0 = linear)")
        out.append(f"\nTime per system, largest vs smallest sysplex: **{per_system[-1] / per_system[0]:.2f}x** "
                   "(1.0 = linear in the number of systems).")
    out.append("")


# ------------------------------------------------------------------ 4. cold start
def bench_cold(out: list[str]) -> None:
    out.append("## 4. Cold start\n")
    example = ROOT / "examples" / "zosmf-ha"
    zlint = shutil.which("zlint", path=str(Path(sys.executable).parent)) or ""
    if not example.is_dir() or not zlint:
        out.append(table(["what", "result"], [["zlint check examples/zosmf-ha",
                                               "not available (no examples/zosmf-ha or no zlint script)"]]) + "\n")
        return

    # As installed (pip compiles every module): the warm-up run may write the
    # bytecode cache even where the environment says not to (PYTHONDONTWRITEBYTECODE),
    # or each run would compile zparse's sources again while lark's are compiled.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
        return time.perf_counter() - t0, proc

    check_cmd = [zlint, "check", "examples/zosmf-ha"]
    lark_cmd = [sys.executable, "-c", "import lark"]
    run(check_cmd)
    run(lark_cmd)  # warm the OS file cache for both
    check_times, lark_times = [], []
    last: subprocess.CompletedProcess[str] | None = None
    for _ in range(5):
        t, last = run(check_cmd)
        check_times.append(t)
        lark_times.append(run(lark_cmd)[0])
    check_s, lark_s = min(check_times), min(lark_times)
    imp = subprocess.run([sys.executable, "-X", "importtime", zlint, "check", "examples/zosmf-ha"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    mods = [line.rsplit("|", 1)[-1].strip() for line in imp.stderr.splitlines() if line.startswith("import time:")]
    heavy = sorted(((int(line.split("|")[1]), line.rsplit("|", 1)[-1].strip())
                    for line in imp.stderr.splitlines()
                    if line.startswith("import time:") and line.split("|")[1].strip().isdigit()),
                   reverse=True)[:5]
    pygls = sorted({m.strip().split(".")[0] for m in mods if m.strip().split(".")[0] in ("pygls", "lsprotocol")})
    rows = [["`zlint check examples/zosmf-ha` (subprocess)", check_s,
             f"exit {last.returncode if last else '?'}"],
            ["`python -c \"import lark\"`", lark_s, ""]]
    out.append("Best of 5 wall-clock runs each, after a warm-up run that writes the bytecode cache.\n")
    out.append(table(["command", "seconds", "note"], rows))
    out.append(f"\n**ratio = {check_s / lark_s:.2f}x** (target within 3x).")
    SUMMARY.append(f"cold start: zlint check = {check_s / lark_s:.2f}x `import lark` (target within 3x); "
                   f"pygls imported: {'yes' if pygls else 'no'}")
    out.append(f"\npygls imported by `zlint check`: **{'yes: ' + ', '.join(pygls) if pygls else 'no'}** "
               f"(`python -X importtime`, {len(mods)} modules imported).")
    out.append("\nHeaviest imports (cumulative us): " + ", ".join(f"{m} {us}" for us, m in heavy) + "\n")


# ------------------------------------------------------------------ 5. LSP
def bench_lsp(out: list[str]) -> None:
    out.append("## 5. LSP re-diagnosis\n")
    script = ROOT / "bench" / "lsp_rediagnose.py"
    if not script.is_file():
        out.append(table(["what", "result"], [["LSP re-diagnosis", "not available (bench/lsp_rediagnose.py)"]]) + "\n")
        return
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        out.append("bench/lsp_rediagnose.py failed:\n\n```\n" + "\n".join(tail) + "\n```\n")
        return
    out.append("Output of `bench/lsp_rediagnose.py` (in this run):\n\n```\n" + proc.stdout.strip() + "\n```\n")


# ------------------------------------------------------------------ main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller inputs (~0.25 MB, 2/4/8 systems)")
    ap.add_argument("--profile", action="store_true", help="print the cProfile top 15 of a parse")
    ap.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections: " + ", ".join(SECTIONS))
    ap.add_argument("--systems", default=None, help="sysplex sizes (default 8,16,32)")
    ap.add_argument("--readme", action="store_true", help="rewrite bench/README.md with the results")
    ap.add_argument("--child-lint", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child_lint:
        child_lint(args.child_lint)
        return 0
    only = set(args.only.split(","))
    target = MB // 4 if args.quick else MB
    systems = [int(x) for x in (args.systems or ("2,4,8" if args.quick else "8,16,32")).split(",")]
    info = machine()
    out: list[str] = ["# zparse / zlint benchmarks\n",
                      "Reproduce with `make bench` (`.venv/bin/python bench/run.py`; `--profile` adds the "
                      "cProfile table, `--quick` smaller inputs, `--readme` rewrites this file).\n",
                      "Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()) + ".\n",
                      "All numbers come from one run; ratios compare measurements of that run only.\n"]
    started = time.perf_counter()
    # Throughput first: both of its passes then run in a fresh heap, not in the
    # one the hostile shapes leave behind (which slows the parse, not the lexer).
    steps: list[tuple[str, Callable[[], None]]] = [
        ("throughput", lambda: bench_throughput(target, args.profile, out)),
        ("hostile", lambda: bench_hostile(target, out)),
        ("scaling", lambda: bench_scaling(systems, 1500, out)),
        ("cold", lambda: bench_cold(out)),
        ("lsp", lambda: bench_lsp(out)),
    ]
    for name, step in steps:
        if name not in only:
            continue
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        try:
            step()
        except Exception as exc:  # one broken section must not hide the others
            out.append(f"## {name}\n\nnot available: {type(exc).__name__}: {exc}\n")
    out.append(f"_Benchmark wall time: {time.perf_counter() - started:.0f} s._\n")
    if SUMMARY:
        out.insert(4, "Summary:\n\n" + "\n".join(f"- {line}" for line in SUMMARY) + "\n" + TECHNIQUES)
    report = "\n".join(out)
    print(report)
    if args.readme:
        (ROOT / "bench" / "README.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
