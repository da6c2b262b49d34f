"""HOTSTANDBY: one DESTIP address cannot be both PREFERRED and BACKUP.

## What it does
Checks every `VIPADISTRIBUTE DEFINE ... DISTMETHOD HOTSTANDBY` and reports a
`DESTIP` address that appears once as `PREFERRED` and again as `BACKUP`.

In a sysplex the message also names what the rejection costs: the failover
cases (every system up, or one system lost) in which a service or DVIPA
that the statement as written would keep up goes down without it, from the
failover simulation (HA390) run with and without the statement. The HA
findings that would only repeat that consequence are not raised.

## Why is this bad?
z/OS rejects the statement with EZZ0830I ("PREFERRED AND BACKUP IP ADDRESSES
MUST BE UNIQUE"): the whole VIPADISTRIBUTE DEFINE is ignored, so the DVIPA is
not distributed and the standby server never receives connections, neither
in normal operation nor when the preferred server fails. The usual cause is
a profile copied from one system to another with only one of the two
addresses edited.

## Example
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.1 BACKUP
ENDVIPADYNAMIC
```

## Use instead
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
ENDVIPADYNAMIC
```

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADISTRIBUTE statement"
- z/OS Communications Server: IP Messages Volume 4, EZZ0830I
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import DestIp, DestRole, DistMethod, TcpipProfile

from ._profile import cost, cost_tail, dvipa_name

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex


def _addr(d: DestIp) -> str:
    return str(d.address) if d.address is not None else d.raw.upper()


@rule("TCP105")
def check(profile: TcpipProfile, sysplex: Sysplex | None = None) -> Iterator[Finding]:
    for dist in profile.vipa_distributes:
        if dist.lost or dist.delete or dist.dist_method_effective is not DistMethod.HOTSTANDBY:
            continue
        first: dict[str, DestIp] = {}
        reported: set[str] = set()
        for d in dist.dest_ips:
            if d.role is None:
                continue
            key = _addr(d)
            prev = first.get(key)
            if prev is None:
                first[key] = d
                continue
            if prev.role is d.role or key in reported:
                continue
            reported.add(key)
            pref = prev if prev.role is DestRole.PREFERRED else d
            prev_role = "PREFERRED" if prev is pref else "BACKUP"
            yield Finding(
                span=d.span,
                message=(f"DESTIP {key} is both PREFERRED and BACKUP in the HOTSTANDBY distribution of "
                         f"{dvipa_name(dist)} (z/OS rejects it: EZZ0830I)" + cost_tail(cost(sysplex, [dist])[0])),
                related=(Related(prev.span, f"{prev.raw} {prev_role}"),
                         Related(d.span, f"{d.raw} {'BACKUP' if prev is pref else 'PREFERRED'}")),
                help=(f"keep {pref.raw} as the PREFERRED target and list the dynamic XCF address of "
                      "the standby system as BACKUP"),
            )
