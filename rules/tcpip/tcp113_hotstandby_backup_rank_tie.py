"""HOTSTANDBY: BACKUP targets of one distribution should have ranks of their own.

## What it does
Checks every `VIPADISTRIBUTE ... DISTMETHOD HOTSTANDBY` and reports a `BACKUP` target whose rank equals the rank of an earlier `BACKUP`
target of the same statement (also when neither codes a rank). The finding
sits on the later target and points at the earlier one.

## Why is this bad?
When the `PREFERRED` target is unavailable, the distributor sends new
connections to the available `BACKUP` target with the highest rank. With two
backups of the same rank the configuration does not say which of them
becomes the active target, so the system that takes the work after a
failure (and the capacity it needs) cannot be predicted from the profile.
Nothing fails: this is advice (info). Give each backup its own rank, the
higher one for the system that should take over first.

## Example
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP 100 192.0.2.3 BACKUP 100
ENDVIPADYNAMIC
```

## Use instead
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP 100 192.0.2.3 BACKUP 50
ENDVIPADYNAMIC
```

## Known limitations
The default rank of a `BACKUP` target without one was not found in IBM's
text; zlint compares only coded ranks with coded ranks, and two backups
without a rank as a tie. A statement that z/OS never reads (TCP108, syntax
errors) is not checked. One that z/OS rejects for its roles or targets
(TCP104-TCP107) is: the tie is a defect of its own, still there once the
roles are fixed. VIPABACKUP rank ties between systems are HA307.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADISTRIBUTE statement"
  (DESTIP BACKUP rank)
- z/OS Communications Server: IP Configuration Guide, "Sysplex distributor hot standby" example (the
  highest ranked backup becomes the active target when the preferred one is unavailable)
"""

from __future__ import annotations

from collections.abc import Iterator

from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import DestIp, DistMethod, TcpipProfile

from ._profile import dvipa_name


@rule("TCP113")
def check(profile: TcpipProfile) -> Iterator[Finding]:
    for dist in profile.vipa_distributes:
        if dist.lost or dist.delete or dist.dist_method_effective is not DistMethod.HOTSTANDBY:
            continue
        first: dict[int | None, DestIp] = {}
        for dest in dist.backups:
            earlier = first.setdefault(dest.rank, dest)
            if earlier is dest:
                continue
            rank = f"rank {dest.rank}" if dest.rank is not None else "no rank"
            yield Finding(
                span=dest.span,
                message=(f"BACKUP {dest.raw} has the same {rank} as BACKUP {earlier.raw} in the hot "
                         f"standby distribution of {dvipa_name(dist)}: which of them takes over when "
                         "the PREFERRED target is unavailable is not defined by the configuration"),
                related=(Related(earlier.span, f"BACKUP {earlier.raw} ({rank})"),),
                help="give each BACKUP target its own rank (higher takes over first)",
            )
