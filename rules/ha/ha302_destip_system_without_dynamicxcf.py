"""A DESTIP target system needs IPCONFIG DYNAMICXCF.

## What it does
Reports a `DESTIP` address that is a static address (`HOME`, `INTERFACE`)
of a system that has no `IPCONFIG DYNAMICXCF` (or `IPCONFIG6 DYNAMICXCF`
for an IPv6 target): the intended target system is clear, but it cannot be
one.

## Why is this bad?
A sysplex distributor reaches its targets over dynamic XCF and names them by
their DYNAMICXCF address; a stack without DYNAMICXCF has no such address and
never receives distributed connections. DYNAMICXCF is also what lets a
takeover keep existing connections. The target listed in the profile is
therefore not a target at all: when the other targets fail, connections to
the DVIPA are refused.

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 203.0.113.2 BACKUP
ENDVIPADYNAMIC
```
```tcpip system=SYS2
INTERFACE ETH1 DEFINE IPAQENET PORTNAME OSAPRT2 IPADDR 203.0.113.2/24
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.10
ENDVIPADYNAMIC
```

## Use instead
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
INTERFACE ETH1 DEFINE IPAQENET PORTNAME OSAPRT2 IPADDR 203.0.113.2/24
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
ENDVIPADYNAMIC
```

## Known limitations
A target is recognised only through a static address of a listed system;
any other unknown DESTIP is HA301. The rule stays quiet when a statement
that did not parse names the address, or when a system's profile could not
be read.

## References
- z/OS Communications Server: IP Configuration Reference, "IPCONFIG statement" (DYNAMICXCF),
  "VIPADYNAMIC - VIPADISTRIBUTE statement" (DESTIP dynxcfip)
- z/OS Communications Server: IP Configuration Guide, "Dynamic XCF" and "Sysplex distributor"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule

from ._ha import CROSS_SYSTEM, dest_span, unmatched_destips

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA302", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(sysplex, index)


def _check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    for _dist, dest, addr in unmatched_destips(sysplex, index):
        for name, table in sorted(index.static.items()):
            if addr not in table or any(x.version == addr.version for x in index.xcf_of.get(name, ())):
                continue
            kind, where = table[addr][0]
            six = "6" if addr.version == 6 else ""
            yield Finding(
                span=dest_span(dest),
                message=(f"DESTIP {dest.raw} is {name}'s {kind} address, but {name} has no "
                         f"IPCONFIG{six} DYNAMICXCF: it cannot be a sysplex distributor target"),
                related=(Related(where, f"{name} {kind} {addr}"),),
                help=(f"code IPCONFIG{six} DYNAMICXCF on {name} and name that address in "
                      "DESTIP"),
            )
            break
