"""HOTSTANDBY cannot distribute to DESTIP ALL: name the PREFERRED and BACKUP targets.

## What it does
Reports a `VIPADISTRIBUTE DEFINE ... DISTMETHOD HOTSTANDBY` that uses
`DESTIP ALL` instead of a list of dynamic XCF addresses.

In a sysplex the message also names what the rejection costs: the failover
cases (every system up, or one system lost) in which a service or DVIPA
that the statement as written would keep up goes down without it, from the
failover simulation (HA390) run with and without the statement. The HA
findings that would only repeat that consequence are not raised.

## Why is this bad?
Hot standby needs to know which target is preferred and in which order the
backups take over; `DESTIP ALL` cannot say that. z/OS rejects the statement
with EZZ0165I ("DESTIP ALL ... CANNOT BE SPECIFIED WHEN DISTMETHOD IS
HOTSTANDBY"), so the DVIPA is not distributed at all and no standby server
receives connections when the preferred one fails.

## Example
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP ALL
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

## Known limitations
Statements that z/OS never processes (lost after an error in their
VIPADYNAMIC block) are not checked.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADISTRIBUTE statement"
- z/OS Communications Server: IP Messages Volume 4, EZZ0165I
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.engine import Finding, rule
from zparse.model.tcpip import DistMethod, TcpipProfile

from ._profile import cost, cost_tail, dvipa_name

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex


@rule("TCP107")
def check(profile: TcpipProfile, sysplex: Sysplex | None = None) -> Iterator[Finding]:
    for dist in profile.vipa_distributes:
        if dist.lost or dist.delete or not dist.dest_all:
            continue
        if dist.dist_method_effective is not DistMethod.HOTSTANDBY:
            continue
        yield Finding(
            span=dist.vipa_span,
            message=(f"HOTSTANDBY distribution of {dvipa_name(dist)} uses DESTIP ALL "
                     "(z/OS rejects it: EZZ0165I)" + cost_tail(cost(sysplex, [dist])[0])),
            help=("list the targets' dynamic XCF addresses instead: one PREFERRED, the others "
                  "BACKUP with a rank"),
        )
