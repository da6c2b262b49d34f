"""A DVIPA must not be a HOME, INTERFACE or DYNAMICXCF address of the same stack.

## What it does
Reports every address of a `VIPADEFINE` or `VIPABACKUP` that is already a
static address of the same profile: a `HOME` entry, an `IPADDR` of an
`INTERFACE ... DEFINE` (those addresses join the HOME list too), or the
`IPCONFIG DYNAMICXCF` / `IPCONFIG6 DYNAMICXCF` address.

## Why is this bad?
z/OS rejects such a DVIPA with EZZ8307I ("ip_addr IS ALREADY DEFINED"): the
address is dropped from the VIPADEFINE or VIPABACKUP list while the other
addresses of the statement are processed. The DVIPA never exists, so
nothing can take it over when this system fails, and a VIPADISTRIBUTE for it
has nothing to distribute. Because the stack keeps running, the problem
shows only as a console message at start-up or OBEYFILE time. In a sysplex
the message also names what the rejection costs (the failover cases in
which a service or DVIPA goes down without it); the cross-system index and
the failover simulation leave the rejected address out, as z/OS does.

## Example
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 192.0.2.1
ENDVIPADYNAMIC
```

## Use instead
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
ENDVIPADYNAMIC
```

## Known limitations
Only this profile's own addresses are compared; a DVIPA that collides with
another system's static address is HA308. VIPADYNAMIC statements that z/OS
never processes (lost after an error in their block) are not checked.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADEFINE statement",
  "VIPADYNAMIC - VIPABACKUP statement", "HOME statement", "IPCONFIG statement" (DYNAMICXCF)
- z/OS Communications Server: IP Messages Volume 4, EZZ8307I
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import TcpipProfile, VipaBackup, VipaDefine

from ._profile import cost, cost_tail, vipa_kind

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex


@rule("TCP102")
def check(profile: TcpipProfile, sysplex: Sysplex | None = None) -> Iterator[Finding]:
    static = profile.index.static
    for stmt in profile.vipa:
        if stmt.lost or not isinstance(stmt, (VipaDefine, VipaBackup)):
            continue
        for address, span in stmt.located():
            hits = static.get(address)
            if not hits:
                continue
            what = " and ".join(dict.fromkeys(kind for kind, _ in hits))
            yield Finding(
                span=span,
                message=(f"{vipa_kind(stmt)} {address} is already the {what} address of this stack "
                         "(z/OS rejects the DVIPA: EZZ8307I)" + cost_tail(cost(sysplex, [stmt])[0])),
                related=tuple(Related(s, f"{kind} {address}") for kind, s in hits),
                help="give the DVIPA an address of its own, not a HOME, INTERFACE or DYNAMICXCF address",
            )
