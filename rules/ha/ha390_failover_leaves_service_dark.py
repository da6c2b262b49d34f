"""Losing any one system must leave every distributed service with an owner and a live target.

## What it does
Runs the failover simulation (:func:`zparse.sysplex.simulate_failover`):
each system of the sysplex is taken away in turn. For every DVIPA it finds
the new owner (a stack that also VIPADEFINEs it, else the remaining
VIPABACKUP with the highest rank; a plain VIPABACKUP takes over only a DVIPA
that was active). For every service (each PORT entry of a VIPADISTRIBUTE,
and z/OSMF behind the DVIPA its HOSTNAME resolves to, at its HTTP_SSL_PORT)
it follows the new owner's VIPADISTRIBUTE: HOTSTANDBY sends new connections
to the PREFERRED target if its system is alive and runs the server, else to
the highest-ranked BACKUP that does; other methods to every such target; an
owner that does not distribute the port serves it itself. A service that
works with every system up but has nobody to take new connections after one
loss is reported, naming the lost system. For z/OSMF, "runs the server"
means AUTOSTART(LOCAL); for other ports every live system counts.

## Why is this bad?
This is the outage the HA configuration was written to prevent: one system
(or its TCP/IP stack) fails and the service behind the DVIPA is gone,
although other systems are up. Typical causes are a DVIPA that only one
system can own, a target list that names only the failed system, a backup
distributor whose VIPADISTRIBUTE targets differ, or a standby without a
server.

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.30
  VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN 198.51.100.30 PORT 8080
    DESTIP 192.0.2.1
ENDVIPADYNAMIC
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.30
  VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN 198.51.100.30 PORT 8080
    DESTIP 192.0.2.1
ENDVIPADYNAMIC
```

## Use instead
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.30
  VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN 198.51.100.30 PORT 8080
    DESTIP 192.0.2.1 192.0.2.2
ENDVIPADYNAMIC
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.30
  VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN 198.51.100.30 PORT 8080
    DESTIP 192.0.2.1 192.0.2.2
ENDVIPADYNAMIC
```

## Known limitations
The simulation is optimistic about what other rules report: every
AUTOSTART(LOCAL) system counts as running its z/OSMF server (even when two
share an autostart group, HA322), XCF groups are ignored (HA309), and for
ports other than z/OSMF's every live system counts as running the
application. Only one system is lost at a time. Services that are already
down with every system up are left to the other rules. A service whose DVIPA
a statement that did not parse names is not simulated, and nothing is when a
system's profile could not be read. The simulation uses what z/OS really
has: statements it ignores (EZZ0831I and the rest of the block, a rejected
VIPADISTRIBUTE, a DVIPA that is its own stack's static address) are not
there, and the root finding (TCP102, TCP104-TCP108) names the services they
leave dark; this rule does not repeat them.

## References
- z/OS Communications Server: IP Configuration Guide, "Sysplex distributor", "Sysplex distributor
  hot standby", "Configuring VIPAs for activation with VIPABACKUP", "Dynamic VIPA takeover"
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPABACKUP statement" (rank)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.source import Span

from ._ha import CROSS_SYSTEM, profile_start

if TYPE_CHECKING:
    from zparse.sysplex import FailoverCase, ServiceState, Sysplex, SysplexIndex


@rule("HA390", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(sysplex, index)


def _where(index: SysplexIndex, base: ServiceState) -> Span | None:
    if base.distributor is not None:
        return base.distributor.vipa_span
    for d in index.owners.get(base.dvipa, ()):
        return d.span
    for b in index.backups.get(base.dvipa, ()):
        return b.span
    return None


def _check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    if len(index.systems) < 2 or index.blind:
        return
    cases = index.failover_cases(baseline=True)
    baseline, losses = cases[0], cases[1:]
    explained = index.explained(sysplex)  # named by the finding on the statement z/OS ignores
    for case in losses:
        assert case.lost is not None
        dark_distributed = [s for s in case.services if s.kind == "distributed" and not s.reachable]
        for state in case.services:
            if state.reachable or index.uncertain(state.dvipa) or (case.lost, state.dvipa) in explained:
                continue
            base = baseline.service(state.kind, state.dvipa, state.port)
            if base is None or not base.reachable:
                continue  # down with every system up: the other rules say why
            if state.kind == "zosmf" and any(
                d.dvipa == state.dvipa and (d.port is None or d.covers(state.port))
                for d in dark_distributed
            ):
                continue  # the distributed service of the same port is reported already
            span = _where(index, base)
            if span is None:
                continue
            lost = case.lost
            if state.owner is None:
                what = f"with no owner: {_owner_reason(case, state)}"
            else:
                what = f"with nobody to take new connections: {state.reason}"
            related: list[Related] = []
            start = profile_start(sysplex, lost)
            if start is not None:
                related.append(Related(start, f"{lost} (lost in this case)"))
            yield Finding(
                span=span,
                message=f"losing {lost} leaves {state.name} {what}",
                related=tuple(related),
                help=("give the DVIPA a backup on another system (VIPABACKUP) that distributes it to "
                      "targets on more than one system, each running the server"),
            )


def _owner_reason(case: FailoverCase, state: ServiceState) -> str:
    for d in case.dvipas:
        if d.dvipa == state.dvipa:
            return d.how
    return "no other system VIPADEFINEs or VIPABACKUPs it"

