"""A DVIPA should have a takeover path: another system that defines or backs it up.

## What it does
Reports a DVIPA that exactly one system of the sysplex defines
(`VIPADEFINE`) and that no other system defines or backs up
(`VIPABACKUP`). It runs only when the inventory has two or more systems
with a TCP/IP profile. DVIPAs that carry a service (distributed with
`VIPADISTRIBUTE`, or the address of a z/OSMF `HOSTNAME`) are left to the
failover simulation (HA390), which names the service that goes dark.

## Why is this bad?
A dynamic VIPA exists to move: when its stack fails, a backup stack
activates it and clients reconnect to the same address. A DVIPA that only
one system knows cannot move, so every application reached through it
becomes unreachable when that system, or just its TCP/IP stack, fails. It
behaves like a static VIPA while looking highly available in the profile.

This is a warning, not an error: a DVIPA may deliberately serve one system
(for example an application that moves with its own restart automation).

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.20
ENDVIPADYNAMIC
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
```

## Use instead
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.20
ENDVIPADYNAMIC
```

## Known limitations
Only the systems in the inventory are considered. The rule stays quiet about
a DVIPA that a statement that did not parse (or one lost after an error in
its VIPADYNAMIC block) names, and when a system's profile could not be read.
A backup that z/OS ignores (lost after EZZ0831I, or a DVIPA that is its own
stack's static address) is no backup; the root finding (TCP108, TCP102)
names the DVIPA left without takeover, and this rule does not repeat it.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADEFINE statement",
  "VIPADYNAMIC - VIPABACKUP statement"
- z/OS Communications Server: IP Configuration Guide, "Configuring VIPAs for activation with VIPABACKUP"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.engine import Finding, rule

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA304", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    if len(index.systems) < 2 or index.blind:
        return
    services = {svc.dvipa for svc in index.zosmf_services}
    for addr, defs in index.owners.items():
        if (addr in index.distributors or addr in services or index.uncertain(addr)
                or addr in index.ignored_addresses):
            continue
        systems = {d.system for d in defs} | {b.system for b in index.backups.get(addr, ())}
        if len(systems) != 1:
            continue
        name = defs[0].system
        mask = defs[0].statement.mask
        how = f"{mask} {addr}" if mask is not None else str(addr)
        for d in defs:
            yield Finding(
                span=d.span,
                message=(f"DVIPA {addr} is defined only on {name}: no other system VIPADEFINEs or "
                         f"VIPABACKUPs it, so it cannot move and is lost with {name}"),
                help=f"code VIPABACKUP <rank> MOVEABLE IMMEDIATE {how} on another system",
            )
