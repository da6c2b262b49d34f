"""Property: the indexed failover simulation equals recomputing every case in full.

Each lost system recomputes only the DVIPAs it owns and the services whose
owner or targets include it (zparse/sysplex/failover.py); here random small
sysplexes (DVIPAs defined, backed up and distributed by random systems with
random methods, targets, ranks and z/OSMF servers) are simulated both ways.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from plexkit import write

from zparse.sysplex import load_sysplex, simulate_failover
from zparse.sysplex.failover import DvipaState, FailoverCase, _owner, _route, _Tables

METHODS = ("HOTSTANDBY", "ROUNDROBIN", "BASEWLM")


def _full(tables: _Tables, lost: str | None) -> FailoverCase:
    idx = tables.idx
    alive = set(idx.systems) - {lost}
    owners = {d: _owner(idx, d, alive, lost) for d in tables.dvipas}
    return FailoverCase(
        lost=lost, dvipas=tuple(DvipaState(dvipa=d, owner=o, how=h) for d, (o, h) in owners.items()),
        services=tuple(_route(tables, i, owners[s.dvipa][0], lost) for i, s in enumerate(tables.services)))


@st.composite
def sysplexes(draw: st.DrawFn) -> dict[str, str]:
    n = draw(st.integers(2, 5))
    dvipas = draw(st.integers(1, 4))
    profiles = [[f"IPCONFIG DYNAMICXCF 192.0.2.{s + 1} 255.255.255.0 1", "VIPADYNAMIC"] for s in range(n)]
    for j in range(dvipas):
        dv = f"198.51.100.{10 + j}"
        for s in range(n):
            role = draw(st.sampled_from(("define", "backup", "moveable", "none", "none")))
            if role == "define":
                profiles[s].append(f"  VIPADEFINE 255.255.255.0 {dv}")
            elif role == "backup":
                profiles[s].append(f"  VIPABACKUP {draw(st.integers(1, 3)) * 50} {dv}")
            elif role == "moveable":
                profiles[s].append(f"  VIPABACKUP {draw(st.integers(1, 3)) * 50} MOVEABLE IMMEDIATE "
                                   f"255.255.255.0 {dv}")
            if role != "none" and draw(st.booleans()):
                method = draw(st.sampled_from(METHODS))
                dests = draw(st.lists(st.integers(1, n + 1), min_size=1, max_size=n + 1, unique=True))
                if method == "HOTSTANDBY":
                    listed = [f"192.0.2.{dests[0]} PREFERRED"]
                    listed += [f"192.0.2.{d} BACKUP {draw(st.integers(1, 3)) * 10}" for d in dests[1:]] or [
                        f"192.0.2.{n + 2} BACKUP"]
                    dest = " ".join(listed)
                elif draw(st.booleans()):
                    dest = "ALL"
                else:
                    dest = " ".join(f"192.0.2.{d}" for d in dests)
                ports = draw(st.sampled_from(("PORT 443", "PORT 443 8080", "")))
                profiles[s].append(f"  VIPADISTRIBUTE DEFINE DISTMETHOD {method} {dv} {ports} DESTIP {dest}")
    files = {}
    toml = ['[dns]\n"zosmf.example.com" = "198.51.100.10"\n']
    for s, lines in enumerate(profiles):
        files[f"SYS{s + 1}/PROFILE.TCPIP"] = "\n".join([*lines, "ENDVIPADYNAMIC", ""])
        toml.append(f'[systems.SYS{s + 1}]\ntcpip = "SYS{s + 1}/PROFILE.TCPIP"\n')
        zosmf = draw(st.sampled_from(("LOCAL", "CONNECT", None)))
        if zosmf is not None:
            files[f"SYS{s + 1}/IZUPRM00"] = (f"HOSTNAME('zosmf.example.com')\nAUTOSTART({zosmf})\n"
                                             f"AUTOSTART_GROUP('IZUGRP{s}')\n")
            toml.append(f'izuprm = ["SYS{s + 1}/IZUPRM00"]\n')
    files["zlint.toml"] = "".join(toml)
    return files


@settings(max_examples=60, deadline=None)
@given(files=sysplexes())
def test_indexed_failover_equals_the_full_recomputation(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory(prefix="zlint-failover-") as tmp:
        sp = load_sysplex(str(write(Path(tmp), files)))
        got = simulate_failover(sp, baseline=True)
        tables = _Tables(sp.index)
        want = [_full(tables, lost) for lost in (None, *sp.index.systems)]
        assert got == want
        for case in got:
            for s in case.services:
                assert case.service(s.kind, s.dvipa, s.port) is next(
                    x for x in case.services if (x.kind, x.dvipa, x.port) == (s.kind, s.dvipa, s.port))
