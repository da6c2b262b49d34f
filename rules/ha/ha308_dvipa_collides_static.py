"""A DVIPA must not be a static address of another system.

## What it does
Reports a DVIPA (`VIPADEFINE` or `VIPABACKUP`) that is a static address of
another system of the sysplex: a `HOME` entry, an `INTERFACE` address, or
its `IPCONFIG DYNAMICXCF` address. The finding sits on the DVIPA definition
and points at the other system's statement. (The same stack's own addresses
are TCP102.) A system that has the address statically and also codes it in
a VIPADEFINE or VIPABACKUP does not hold the DVIPA (z/OS rejects that
statement there, TCP102): the collision with another system's static
address is still reported, on the systems that hold the DVIPA and on the
rejected statement (whose stack then has the same static address as the
other system).

## Why is this bad?
A DVIPA moves between stacks. Wherever it is active while another stack owns
the same address statically, the sysplex has a duplicate IP address: routers
and clients reach either system at random, takeover of the DVIPA fails on the
stack that has it as a home address (EZZ8307I there), and connections break.
The problem stays hidden until the DVIPA actually moves.

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 203.0.113.2
ENDVIPADYNAMIC
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
INTERFACE ETH1 DEFINE IPAQENET PORTNAME OSAPRT2 IPADDR 203.0.113.2/24
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.20
ENDVIPADYNAMIC
```

## Use instead
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.20
ENDVIPADYNAMIC
```

## Known limitations
Only exact addresses are compared; a VIPARANGE subnet that covers another
system's static address is HA311. The rule stays quiet about a DVIPA
that a statement that did not parse (or one lost after a syntax error)
names.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADEFINE statement",
  "HOME statement", "INTERFACE statement", "IPCONFIG statement" (DYNAMICXCF)
- z/OS Communications Server: IP Messages Volume 4, EZZ8307I
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import VipaBackup, VipaDefine
from zparse.source import Span

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.model.tcpip import IpAddress
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA308", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    rejected: dict[IpAddress, list[tuple[str, str, Span]]] = {}
    for name, st in index.ignored:
        if isinstance(st, (VipaDefine, VipaBackup)) and not st.lost:
            how = "VIPADEFINE" if isinstance(st, VipaDefine) else "VIPABACKUP"
            for a, sp in st.located():
                if a in index.static.get(name, {}):
                    rejected.setdefault(a, []).append((name, how, sp))
    for addr in sorted(set(index.dvipas()) | set(rejected), key=lambda a: (a.version, int(a))):
        if index.uncertain(addr):
            continue
        holders: list[tuple[str, str, Span]] = [(d.system, "VIPADEFINE", d.span)
                                                 for d in index.owners.get(addr, ())]
        holders += [(b.system, "VIPABACKUP", b.span)
                    for b in sorted(index.backups.get(addr, ()), key=lambda b: b.system)]
        # a stack that has the address statically rejects its own VIPADEFINE or
        # VIPABACKUP of it (EZZ8307I, TCP102): it holds nothing, but the DVIPA it
        # meant to define still collides with the other systems' static address
        own = {h[0] for h in holders}
        holders += rejected.get(addr, [])
        for other, table in sorted(index.static.items()):
            if other in own or addr not in table:
                continue
            kind, where = table[addr][0]
            for name, how, span in holders:
                if name == other:
                    continue
                yield Finding(
                    span=span,
                    message=(f"DVIPA {addr} ({how} on {name}) is {other}'s {kind} address: the "
                             "sysplex has a duplicate address wherever the DVIPA is active"),
                    related=(Related(where, f"{other} {kind} {addr}"),),
                    help="use an address for the DVIPA that no system has as a static address",
                )
