"""A VIPARANGE should not cover static addresses of other systems.

## What it does
Reports a `VIPARANGE` (in effect: not lost, not deleted by a later
`VIPARANGE DELETE`) whose subnet contains a static address of another system
of the sysplex: a `HOME` entry, an `INTERFACE` address or its
`IPCONFIG DYNAMICXCF` address. A range that several systems read (a shared
member, as IBM suggests) is reported once, listing the covered addresses of
every system that does not own them.

## Why is this bad?
A VIPARANGE lets an application create a DVIPA by binding to an address of
the subnet that does not exist on its stack. An address that is static on
another system does not exist on this stack, so a bind to it (a mistyped
address in an application's configuration, or a `PORT ... BIND`) creates a
DVIPA that duplicates the other system's address: routers then reach either
stack, and the other system's interface can lose its traffic to the new
DVIPA. IBM's guideline is to keep the ranges clear of the sysplex's other
addresses, and to define the range by single addresses when DVIPAs share a
subnet with static addresses.

This is a warning: nothing breaks until an application binds such an
address.

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
INTERFACE ETH1 DEFINE IPAQENET PORTNAME OSAPRT1 IPADDR 203.0.113.1/24
VIPADYNAMIC
  VIPARANGE DEFINE MOVEABLE NONDISRUPTIVE 255.255.255.0 203.0.113.0
ENDVIPADYNAMIC
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
INTERFACE ETH1 DEFINE IPAQENET PORTNAME OSAPRT2 IPADDR 203.0.113.2/24
```

## Use instead
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
INTERFACE ETH1 DEFINE IPAQENET PORTNAME OSAPRT1 IPADDR 203.0.113.1/24
VIPADYNAMIC
  VIPARANGE DEFINE MOVEABLE NONDISRUPTIVE 255.255.255.240 203.0.113.64
ENDVIPADYNAMIC
```

## Known limitations
A static address of the range's own stack is not reported: a bind to an
address the stack already has creates no DVIPA. Addresses of systems that
are not in the inventory, and routers or hosts outside the sysplex, are not
known. A `VIPARANGE` lost after an error in its VIPADYNAMIC block is not in
effect and is not checked.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPARANGE statement"
  (guideline: ranges must not overlap the non-DVIPAs of the sysplex)
- z/OS Communications Server: IP Configuration Guide, "Movement of unique application-instance
  (BIND)" (a bind to a nonexistent address of the range creates a DVIPA), "Dynamic VIPA creation
  results"
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import VipaRange
from zparse.source import Span

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.model.tcpip import IpAddress, TcpipProfile
    from zparse.sysplex import Sysplex, SysplexIndex

_SHOWN = 3  # covered addresses named in the message; the rest are related locations


@rule("HA311", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    # every static address of the sysplex, sorted, to find those inside a subnet by bisection
    statics = sorted(((a.version, int(a)), a, name, kind, span)
                     for name, table in index.static.items()
                     for a, entries in table.items() for kind, span in entries[:1])
    keys = [s[0] for s in statics]
    # one entry per VIPARANGE as written (a shared member is read once per system)
    ranges: dict[tuple[str | None, int, int], tuple[VipaRange, list[str]]] = {}
    for s in sysplex.systems:
        if s.profile is None:
            continue
        for r in _ranges_in_effect(s.profile):
            key = (r.span.path, r.span.start, r.span.end)
            ranges.setdefault(key, (r, []))[1].append(s.name)
    for _key, (r, readers) in sorted(ranges.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        net = r.network
        assert net is not None
        lo = bisect.bisect_left(keys, (net.version, int(net.network_address)))
        hi = bisect.bisect_right(keys, (net.version, int(net.broadcast_address)))
        covered: list[tuple[IpAddress, str, str, Span]] = [
            (a, name, kind, span) for _k, a, name, kind, span in statics[lo:hi]
            if any(reader != name for reader in readers)]
        if not covered:
            continue
        names = [f"{kind} {a} of {name}" for a, name, kind, _sp in covered]
        shown = ", ".join(names[:_SHOWN]) + (f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else "")
        where = ", ".join(readers)
        yield Finding(
            span=r.span,
            message=(f"VIPARANGE {net} on {where} covers the static address{'es' if len(names) > 1 else ''} "
                     f"{shown}: an application bind to {'one of them' if len(names) > 1 else 'it'} "
                     "creates a DVIPA that duplicates it"),
            related=tuple(Related(sp, f"{name} {kind} {a}") for a, name, kind, sp in covered),
            help="narrow the VIPARANGE (a smaller mask, or single addresses) to addresses no system has statically",
        )


def _ranges_in_effect(profile: TcpipProfile) -> list[VipaRange]:
    """The VIPARANGE definitions left after the profile's VIPARANGE DELETEs, in order."""
    live: dict[object, VipaRange] = {}
    for v in profile.vipa:
        if not isinstance(v, VipaRange) or v.lost or v.network is None:
            continue
        if v.delete:
            live.pop(v.network, None)
        else:
            live[v.network] = v
    return list(live.values())
