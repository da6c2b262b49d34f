"""HOTSTANDBY: at most 31 DESTIP targets can be BACKUP.

## What it does
Checks every `VIPADISTRIBUTE DEFINE ... DISTMETHOD HOTSTANDBY` and counts the
`DESTIP` targets marked `BACKUP`; more than 31 is reported, at the 32nd.

In a sysplex the message also names what the rejection costs: the failover
cases (every system up, or one system lost) in which a service or DVIPA
that the statement as written would keep up goes down without it, from the
failover simulation (HA390) run with and without the statement. The HA
findings that would only repeat that consequence are not raised.

## Why is this bad?
z/OS rejects the statement with EZZ0829I ("MORE THAN 31 BACKUPS WERE
SPECIFIED"): the whole VIPADISTRIBUTE DEFINE is ignored, so the DVIPA is not
distributed to any target, not even to the preferred one, and no standby
takes over when the preferred server fails. One preferred target plus up to
31 ranked backups (32 systems) is the most hot standby supports.

## Example
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED
    192.0.2.2 BACKUP 2
    192.0.2.3 BACKUP 3
    192.0.2.4 BACKUP 4
    192.0.2.5 BACKUP 5
    192.0.2.6 BACKUP 6
    192.0.2.7 BACKUP 7
    192.0.2.8 BACKUP 8
    192.0.2.9 BACKUP 9
    192.0.2.10 BACKUP 10
    192.0.2.11 BACKUP 11
    192.0.2.12 BACKUP 12
    192.0.2.13 BACKUP 13
    192.0.2.14 BACKUP 14
    192.0.2.15 BACKUP 15
    192.0.2.16 BACKUP 16
    192.0.2.17 BACKUP 17
    192.0.2.18 BACKUP 18
    192.0.2.19 BACKUP 19
    192.0.2.20 BACKUP 20
    192.0.2.21 BACKUP 21
    192.0.2.22 BACKUP 22
    192.0.2.23 BACKUP 23
    192.0.2.24 BACKUP 24
    192.0.2.25 BACKUP 25
    192.0.2.26 BACKUP 26
    192.0.2.27 BACKUP 27
    192.0.2.28 BACKUP 28
    192.0.2.29 BACKUP 29
    192.0.2.30 BACKUP 30
    192.0.2.31 BACKUP 31
    192.0.2.32 BACKUP 32
    192.0.2.33 BACKUP 33
ENDVIPADYNAMIC
```

## Use instead
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED
    192.0.2.2 BACKUP 2
    192.0.2.3 BACKUP 3
    192.0.2.4 BACKUP 4
    192.0.2.5 BACKUP 5
    192.0.2.6 BACKUP 6
    192.0.2.7 BACKUP 7
    192.0.2.8 BACKUP 8
    192.0.2.9 BACKUP 9
    192.0.2.10 BACKUP 10
    192.0.2.11 BACKUP 11
    192.0.2.12 BACKUP 12
    192.0.2.13 BACKUP 13
    192.0.2.14 BACKUP 14
    192.0.2.15 BACKUP 15
    192.0.2.16 BACKUP 16
    192.0.2.17 BACKUP 17
    192.0.2.18 BACKUP 18
    192.0.2.19 BACKUP 19
    192.0.2.20 BACKUP 20
    192.0.2.21 BACKUP 21
    192.0.2.22 BACKUP 22
    192.0.2.23 BACKUP 23
    192.0.2.24 BACKUP 24
    192.0.2.25 BACKUP 25
    192.0.2.26 BACKUP 26
    192.0.2.27 BACKUP 27
    192.0.2.28 BACKUP 28
    192.0.2.29 BACKUP 29
    192.0.2.30 BACKUP 30
    192.0.2.31 BACKUP 31
    192.0.2.32 BACKUP 32
ENDVIPADYNAMIC
```

## Known limitations
Only the count is checked here; duplicate addresses among the targets are
TCP105 (PREFERRED and BACKUP) or not reported. Statements that z/OS never
processes (lost after an error in their VIPADYNAMIC block) are not checked.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADISTRIBUTE statement"
- z/OS Communications Server: IP Messages Volume 4, EZZ0829I
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import DistMethod, TcpipProfile

from ._profile import cost, cost_tail, dvipa_name

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex

MAX_BACKUPS = 31


@rule("TCP106")
def check(profile: TcpipProfile, sysplex: Sysplex | None = None) -> Iterator[Finding]:
    for dist in profile.vipa_distributes:
        if dist.lost or dist.delete or dist.dist_method_effective is not DistMethod.HOTSTANDBY:
            continue
        backups = dist.backups
        if len(backups) <= MAX_BACKUPS:
            continue
        extra = backups[MAX_BACKUPS]
        yield Finding(
            span=extra.span,
            message=(f"HOTSTANDBY distribution of {dvipa_name(dist)} has {len(backups)} BACKUP targets; "
                     f"at most {MAX_BACKUPS} are allowed (z/OS rejects it: EZZ0829I)"
                     + cost_tail(cost(sysplex, [dist])[0])),
            related=(Related(backups[0].span, "first BACKUP target"),),
            help=f"keep at most {MAX_BACKUPS} BACKUP targets (the highest-ranked ones)",
        )
