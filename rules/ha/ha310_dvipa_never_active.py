"""Some system must activate a DVIPA: a VIPADEFINE, or a VIPABACKUP with MOVEABLE and a mask.

## What it does
Reports a DVIPA that systems of the sysplex back up (`VIPABACKUP`), and may
distribute (`VIPADISTRIBUTE`), while no system defines it (`VIPADEFINE`)
and every `VIPABACKUP` of it is the plain form, without `MOVEABLE` and an
address mask. The finding sits on the first backup (in system order) and
points at the others and at the distributions of the address.

## Why is this bad?
A plain `VIPABACKUP` only prepares a stack to take over a DVIPA that is
active elsewhere; it never activates the address by itself. The form with
`MOVEABLE IMMEDIATE` (or `WHENIDLE`) and an address mask can activate it
when no stack has it yet. With only plain backups and no `VIPADEFINE`, the
address is never active on any stack: clients of it reach nothing, and a
`VIPADISTRIBUTE` of it distributes nothing, with every system up. The usual
cause is a `VIPADEFINE` that was removed, or written on a system that is not
in this sysplex.

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 198.51.100.30
  VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN 198.51.100.30 PORT 8080
    DESTIP 192.0.2.1 192.0.2.2
ENDVIPADYNAMIC
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 50 198.51.100.30
  VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN 198.51.100.30 PORT 8080
    DESTIP 192.0.2.1 192.0.2.2
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

## Known limitations
Only the systems in the inventory are considered: a VIPADEFINE on a system
that is not listed would activate the address (list every system of the
sysplex). A `VIPADISTRIBUTE` on a stack that neither defines nor backs up
the address is TCP103. The rule stays quiet about a DVIPA that a statement
that did not parse (or one lost after an error in its VIPADYNAMIC block)
names, and when a system's profile could not be read. A VIPADEFINE that z/OS
rejects (EZZ8307I: the address is static on that stack) is TCP102, which
names the DVIPA left inactive. Addresses created by
an application bind or ioctl inside a `VIPARANGE` are not DVIPAs of the
profiles and are not considered.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPABACKUP statement"
  (another stack is expected, not required, to VIPADEFINE the DVIPA; MOVEABLE and address_mask),
  "VIPADYNAMIC - VIPADEFINE statement"
- z/OS Communications Server: IP Configuration Guide, "Configuring VIPAs for activation with VIPABACKUP"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA310", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    if index.blind:
        return
    for addr, backups in index.backups.items():
        if (addr in index.owners or any(b.activates for b in backups) or index.uncertain(addr)
                or addr in index.ignored_addresses):
            continue
        first, *others = sorted(backups, key=lambda b: b.system)
        related = [Related(b.span, f"plain VIPABACKUP {b.rank} on {b.system}") for b in others]
        related += [Related(d.statement.vipa_span, f"VIPADISTRIBUTE of {addr} on {d.system}")
                    for d in index.distributors.get(addr, ()) if not d.statement.delete]
        systems = sorted({b.system for b in backups})
        what = "distributed " if addr in index.distributors else ""
        plain = ("the plain VIPABACKUPs on " + ", ".join(systems) + " only take over"
                 if len(systems) > 1 else f"the plain VIPABACKUP on {systems[0]} only takes over")
        yield Finding(
            span=first.span,
            message=(f"{what}DVIPA {addr} is never active: no system VIPADEFINEs it, and {plain} "
                     "a DVIPA that is active elsewhere"),
            related=tuple(related),
            help=(f"VIPADEFINE {addr} on the system that should own it, or code MOVEABLE IMMEDIATE "
                  "and the address mask (IPv6: the interface name) on a VIPABACKUP so that the "
                  "backup can activate it"),
        )
