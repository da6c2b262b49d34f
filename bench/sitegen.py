"""Generated sites for the issue-16 benchmarks (bench/site_scale.py): sysplexes with
many DVIPAs, each defined on one system, backed up by the next two and
distributed by all three (BASEWLM, an explicit DESTIP list) to every system
or to those three."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

from fuzz.gen import realistic_profile, write_sysplex, xcf_address  # noqa: E402


def dvipa(j: int) -> str:
    """The ``j``-th generated DVIPA (10.210.0.1, 10.210.0.2, ...)."""
    return f"10.210.{j // 250}.{j % 250 + 1}"


def vipa_block(system: int, systems: int, dvipas: int, to_all: bool) -> list[str]:
    """The VIPADYNAMIC block of ``system``: its share of ``dvipas`` DVIPAs."""
    out = ["VIPADYNAMIC"]
    for j in range(dvipas):
        owner = j % systems
        backups = [(owner + k) % systems for k in (1, 2) if (owner + k) % systems != owner]
        if system == owner:
            out.append(f"  VIPADEFINE MOVEABLE IMMEDIATE 255.255.255.0 {dvipa(j)}")
        elif system in backups:
            out.append(f"  VIPABACKUP {100 - 10 * backups.index(system)} MOVEABLE IMMEDIATE 255.255.255.0 {dvipa(j)}")
        else:
            continue
        dest = range(systems) if to_all else [owner, *backups]
        out += ["  VIPADISTRIBUTE DEFINE DISTMETHOD BASEWLM", f"    {dvipa(j)}", f"    PORT {8000 + j % 1000}",
                "    DESTIP"]
        out += [f"      {xcf_address(s)}" for s in sorted(dest)]
    out.append("ENDVIPADYNAMIC")
    return out


def profile(system: int, systems: int, lines: int, dvipas: int, to_all: bool, seed: int = 0) -> str:
    """A realistic profile of about ``lines`` lines plus the generated DVIPAs."""
    head = vipa_block(system, systems, dvipas, to_all)
    body = realistic_profile(system, systems, max(lines - len(head), 50), seed)
    return body + "\n".join(head) + "\n"


def write_plex(root: Path, systems: int, lines: int, dvipas: int, to_all: bool, seed: int = 0) -> Path:
    """A generated sysplex under ``root``; returns its zlint.toml."""
    return write_sysplex(root, systems, lines=lines, seed=seed,
                         profile=lambda s, n: profile(s, n, lines, dvipas, to_all, seed))


def write_site(root: Path, plexes: int = 10, systems: int = 30, lines: int = 2000, dvipas: int = 50,
               big_systems: int = 32, big_dvipas: int = 200) -> list[Path]:
    """The site of the issue: ``plexes`` sysplexes of ``systems`` systems with
    ``dvipas`` DVIPAs (distributed to their owner and backups), and one of
    ``big_systems`` systems with ``big_dvipas`` DVIPAs distributed to all."""
    out = [write_plex(root / f"PLEX{p:02d}", systems, lines, dvipas, to_all=False, seed=p) for p in range(plexes)]
    out.append(write_plex(root / "PLEXBIG", big_systems, lines, big_dvipas, to_all=True, seed=99))
    return out
