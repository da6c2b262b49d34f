"""Rule scaling (issue 13 item 8): every registered rule on inputs of size n and 4n.

For each input shape a rule may read (many PORT entries on one port, many
PORTRANGEs, many VIPADEFINE/VIPADISTRIBUTE pairs, many DESTIPs in one
statement, many systems), a sysplex is generated at size n and 4n, parsed
once, and every registered rule is timed on it alone (best of 2). The table
prints each rule's worst growth factor over the shapes; a linear rule grows
about 4x, a quadratic one about 16x. The run fails (exit 1) when a rule grows
more than 6x. A last row times a whole lint of a site-scale sysplex of 2,000
systems (target: under 10 s).

Never part of ``make test``: wall-clock figures belong here.
Usage: ``.venv/bin/python bench/rule_scaling.py [--n N] [--site N]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fuzz.gen import realistic_izuprm, realistic_profile, write_sysplex  # noqa: E402
from zparse.engine import lint, registry  # noqa: E402
from zparse.sysplex import InventoryError, load_sysplex  # noqa: E402

LIMIT = 6.0


def _xcf(s: int) -> str:
    return f"192.0.2.{s % 250 + 1}"


def _ports(n: int) -> Callable[[int, int], str]:
    return lambda s, k: "".join(f"PORT 443 TCP JOB{i:05d} SHAREPORT\n" for i in range(n))


def _ranges(n: int) -> Callable[[int, int], str]:
    return lambda s, k: "".join(f"PORTRANGE {10000 + 3 * i} 5 TCP JOB{i:05d}\n" for i in range(n))


def _vipas(n: int) -> Callable[[int, int], str]:
    def make(s: int, k: int) -> str:
        body = [f"IPCONFIG DYNAMICXCF {_xcf(s)} 255.255.255.0 1\nVIPADYNAMIC\n"]
        for i in range(n):
            a = f"10.{i // 250 % 250}.{i % 250}.1"
            body.append(f"  VIPADEFINE 255.255.255.0 {a}\n"
                        f"  VIPADISTRIBUTE DEFINE {a} PORT {1000 + i % 5000} DESTIP {_xcf(s)}\n")
        body.append("ENDVIPADYNAMIC\n")
        return "".join(body)
    return make


def _destips(n: int) -> Callable[[int, int], str]:
    def make(s: int, k: int) -> str:
        dest = " ".join(f"10.9.{i // 250 % 250}.{i % 250 + 1}" for i in range(n))
        return (f"IPCONFIG DYNAMICXCF {_xcf(s)} 255.255.255.0 1\nVIPADYNAMIC\n"
                f"  VIPADEFINE 255.255.255.0 198.51.100.10\n"
                f"  VIPADISTRIBUTE DEFINE 198.51.100.10 PORT 443 DESTIP {dest}\nENDVIPADYNAMIC\n")
    return make


# shape -> (systems, profile maker) at size n
SHAPES: dict[str, Callable[[int], tuple[int, Callable[[int, int], str] | None]]] = {
    "ports-on-one-port": lambda n: (2, _ports(n)),
    "portranges": lambda n: (2, _ranges(n)),
    "vipadefine-distribute": lambda n: (2, _vipas(n)),
    "destips-in-one-statement": lambda n: (2, _destips(n)),
    "systems": lambda n: (max(2, n // 25), lambda s, k: realistic_profile(s, k, 60)),
}


def _time(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def measure(n: int) -> dict[str, dict[str, float]]:
    """Per rule, per shape: seconds at 4n / seconds at n (tiny times floored at 1 ms)."""
    rules = registry()
    growth: dict[str, dict[str, float]] = {code: {} for code in rules}
    for shape, make in SHAPES.items():
        times: list[dict[str, float]] = []
        for size in (n, 4 * n):
            systems, profile = make(size)
            with tempfile.TemporaryDirectory(prefix="zlint-scale-") as tmp:
                write_sysplex(Path(tmp), systems, lines=60, profile=profile,
                              izuprm=lambda s, k: realistic_izuprm(s, k))
                sysplex = load_sysplex(tmp)
                times.append({code: max(_time(lambda r=rule, sp=sysplex: lint(sp, rules=[r])), 1e-3)
                              for code, rule in rules.items()})
        for code in rules:
            growth[code][shape] = times[1][code] / times[0][code]
    return growth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200, help="input size n (4n is measured too)")
    ap.add_argument("--site", type=int, default=2000, help="systems of the site-scale row (0: skip)")
    args = ap.parse_args(argv)
    growth = measure(args.n)
    print(f"## Rule scaling: time at 4n / time at n (n = {args.n}; linear ~4, quadratic ~16, limit {LIMIT:g})\n")
    print("| rule | worst shape | growth |")
    print("|---|---|---|")
    bad = []
    for code in sorted(growth):
        shape, g = max(growth[code].items(), key=lambda kv: kv[1])
        flag = " **over**" if g > LIMIT else ""
        print(f"| {code} | {shape} | {g:.1f}x{flag} |")
        if g > LIMIT:
            bad.append(code)
    status = 0 if not bad else 1
    if args.site:
        with tempfile.TemporaryDirectory(prefix="zlint-site-") as tmp:
            write_sysplex(Path(tmp), args.site, lines=40)
            t = time.perf_counter()
            try:
                sysplex = load_sysplex(tmp)
            except InventoryError as exc:  # fuzz/gen.py numbers DVIPAs 10.100.<pair>.1: 510 systems at most
                print(f"\nSite scale: {args.site} systems: not measured, the generator cannot make them ({exc})")
                return 1
            load = time.perf_counter() - t
            t = time.perf_counter()
            lint(sysplex)
            took = time.perf_counter() - t
        ok = took < 10.0
        print(f"\nSite scale: {args.site} systems: load {load:.1f} s, lint {took:.1f} s "
              f"({'under' if ok else 'OVER'} the 10 s target)")
        status = status or (0 if ok else 1)
    if bad:
        print(f"\nOver {LIMIT:g}x: {', '.join(bad)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
