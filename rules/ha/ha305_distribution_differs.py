"""Every system that distributes a DVIPA should distribute it the same way.

## What it does
Compares the `VIPADISTRIBUTE` statements that different systems code for the
same DVIPA (the owner and its backup distributors): distribution method
(`DISTMETHOD`, IBM default BASEWLM), `PORT` list, `DESTIP` targets with
their roles, ranks and weights, and for HOTSTANDBY the AUTOSWITCHBACK and
HEALTHSWITCH settings. A system whose statement differs from the owner's
(the VIPADEFINE system; else the first system by name) is reported with a
pointer to the owner's statement. A system that backs up a distributed DVIPA
without coding any VIPADISTRIBUTE for it gets an info finding.

## Why is this bad?
When the owner fails, a backup stack takes the DVIPA over and distributes it
with its own VIPADISTRIBUTE. A different port list, method or target list
changes what happens exactly when something already went wrong: ports that
were distributed stop being distributed, hot standby turns into load
balancing, or the standby that was meant to take over is not a target.

A backup without any VIPADISTRIBUTE is only info: IBM's documentation seen
for this project does not say whether such a backup keeps distributing with
the owner's definitions after a takeover (unverified), so zlint does not
claim it breaks.

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
ENDVIPADYNAMIC
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN 198.51.100.10
    PORT 443 8443 DESTIP 192.0.2.1 192.0.2.2
ENDVIPADYNAMIC
```

## Use instead
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
ENDVIPADYNAMIC
```

## Known limitations
A VIPADISTRIBUTE that z/OS rejects (HOTSTANDBY roles or DESTIP ALL, TCP104
to TCP107) takes no part in the comparison: the TCP finding says so.
Options beyond those listed (OPTLOCAL, TIMEDAFFINITY, SYSPLEXPORTS, TIER
groups) are not compared. The rule stays quiet about a DVIPA that a
statement that did not parse (or one lost after a syntax error) names, and
when a system's profile could not be read.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADISTRIBUTE statement"
- z/OS Communications Server: IP Configuration Guide, "Sysplex distributor" (backup distributing stacks)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.codes import Severity
from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import DistMethod, VipaDistribute

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.sysplex import Distributor, Sysplex, SysplexIndex


def _ports(st: VipaDistribute) -> str:
    return " ".join(str(p) for p in sorted(st.ports, key=lambda p: (p.first, p.last))) or "(all ports)"


def _dests(st: VipaDistribute) -> str:
    if st.dest_all:
        return "ALL"
    parts = []
    for d in sorted(st.dest_ips, key=lambda d: d.raw):
        role = f" {d.role.value}" if d.role else ""
        rank = f" {d.rank}" if d.rank is not None else ""
        weight = f" WEIGHT {d.weight}" if d.weight is not None else ""
        parts.append(f"{d.address or d.raw}{role}{rank}{weight}")
    return " ".join(parts)


def _aspects(st: VipaDistribute) -> dict[str, str]:
    out = {
        "DISTMETHOD": st.dist_method_effective.value,
        "PORT": _ports(st),
        "DESTIP": _dests(st),
    }
    if st.dist_method_effective is DistMethod.HOTSTANDBY:
        out["AUTOSWITCHBACK"] = "AUTOSWITCHBACK" if st.auto_switch_back_effective else "NOAUTOSWITCHBACK"
        out["HEALTHSWITCH"] = "HEALTHSWITCH" if st.health_switch_effective else "NOHEALTHSWITCH"
    return out


def _signature(entries: list[Distributor]) -> frozenset[tuple[tuple[str, str], ...]]:
    return frozenset(tuple(sorted(_aspects(e.statement).items())) for e in entries)


@rule("HA305", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    if index.blind:
        return
    for addr, dists in index.distributors.items():
        if index.uncertain(addr):
            continue
        by_system: dict[str, list[Distributor]] = {}
        for d in dists:
            if not d.statement.delete:
                by_system.setdefault(d.system, []).append(d)
        if not by_system:
            continue
        owner = index.owner(addr)
        ref_name = owner if owner in by_system else sorted(by_system)[0]
        ref = by_system[ref_name]
        ref_sig = _signature(ref)
        for name in sorted(by_system):
            if name == ref_name or _signature(by_system[name]) == ref_sig:
                continue
            mine = by_system[name][0].statement
            theirs = ref[0].statement
            a, b = _aspects(mine), _aspects(theirs)
            diffs = [f"{k} {a[k]} (not {b[k]})" for k in a if k in b and a[k] != b[k]]
            if not diffs:
                diffs = ["a different set of VIPADISTRIBUTE statements"]
            yield Finding(
                span=mine.vipa_span,
                message=(f"{name} distributes {addr} differently from {ref_name}: " + "; ".join(diffs)
                         + f"; after a takeover by {name} distribution changes"),
                related=tuple(Related(e.statement.vipa_span, f"VIPADISTRIBUTE of {addr} on {ref_name}")
                              for e in ref),
                help=f"code the same VIPADISTRIBUTE for {addr} on every system that can own it",
            )
        # backups of a distributed DVIPA that code no VIPADISTRIBUTE for it
        holders = [(d.system, d.span) for d in index.owners.get(addr, ())]
        holders += [(b.system, b.span) for b in index.backups.get(addr, ())]
        rejected = {d.system for d in index.rejected.get(addr, ())}
        for name, span in holders:
            if name in by_system or name in rejected:
                continue  # distributes, or codes a VIPADISTRIBUTE that z/OS rejects (TCP104-TCP107)
            yield Finding(
                span=span,
                message=(f"{name} can take over {addr}, which {ref_name} distributes, but codes no "
                         f"VIPADISTRIBUTE for it: whether distribution goes on after a takeover by "
                         f"{name} is not documented (unverified)"),
                related=tuple(Related(e.statement.vipa_span, f"VIPADISTRIBUTE of {addr} on {ref_name}")
                              for e in ref),
                help=f"code the same VIPADISTRIBUTE for {addr} on {name}",
                severity=Severity.INFO,
            )
