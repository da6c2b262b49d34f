"""A DVIPA must not be a static address of another system.

## What it does
Reports a DVIPA (`VIPADEFINE` or `VIPABACKUP`) that is a static address of
another system of the sysplex: a `HOME` entry, an `INTERFACE` address, or
its `IPCONFIG DYNAMICXCF` address. The finding sits on the DVIPA definition
and points at the other system's statement. (The same stack's own addresses
are TCP102.) A system that has the address statically and also codes it in
a VIPADEFINE or VIPABACKUP does not hold the DVIPA (z/OS rejects that
statement there, TCP102): the collision is still reported on the systems
that do hold it.

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
from zparse.source import Span

from ._ha import unique

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA308")
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from unique(_check(index))


def _check(index: SysplexIndex) -> Iterator[Finding]:
    for addr in index.dvipas():
        if index.uncertain(addr):
            continue
        holders: list[tuple[str, str, Span]] = [(d.system, "VIPADEFINE", d.span)
                                                 for d in index.owners.get(addr, ())]
        holders += [(b.system, "VIPABACKUP", b.span)
                    for b in sorted(index.backups.get(addr, ()), key=lambda b: b.system)]
        # a holder whose own stack has the address statically is rejected there (EZZ8307I,
        # TCP102): it does not hold the DVIPA, and its static address collides with the others'
        own = {h[0] for h in holders if addr not in index.static.get(h[0], {})}
        for other, table in sorted(index.static.items()):
            if other in own or addr not in table:
                continue
            kind, where = table[addr][0]
            also = [how for name, how, _sp in holders if name == other]
            note = (f" (its own {also[0]} of the address is rejected there: EZZ8307I, TCP102)"
                    if also else "")
            for name, how, span in holders:
                if name == other:
                    continue
                yield Finding(
                    span=span,
                    message=(f"DVIPA {addr} ({how} on {name}) is {other}'s {kind} address{note}: the "
                             "sysplex has a duplicate address wherever the DVIPA is active"),
                    related=(Related(where, f"{other} {kind} {addr}"),),
                    help="use an address for the DVIPA that no system has as a static address",
                )
