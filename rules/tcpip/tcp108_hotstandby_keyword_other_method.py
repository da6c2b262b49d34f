"""HOTSTANDBY-only keywords under another DISTMETHOD lose the rest of the VIPADYNAMIC block.

## What it does
Reports a `VIPADISTRIBUTE` that codes a keyword which exists only for
`DISTMETHOD HOTSTANDBY` (`PREFERRED`, `BACKUP`, `AUTOSWITCHBACK`,
`NOAUTOSWITCHBACK`, `HEALTHSWITCH`, `NOHEALTHSWITCH`) while its distribution
method is another one, including the default `BASEWLM` when no `DISTMETHOD`
is coded. The statements of the same VIPADYNAMIC block that follow it are
listed as related locations: z/OS never processes them.

In a sysplex the message, and the related location of each lost statement,
also names what the loss costs: the failover cases (every system up, or one
system lost) in which a service or DVIPA that the block as written would
keep up goes down without it, e.g. a VIPABACKUP of the z/OSMF DVIPA that is
lost, so that losing the owner leaves z/OSMF with no owner. The failover
simulation and the cross-system index use what z/OS really has (the lost
statements are not there); the HA findings that would only repeat the
consequence (HA304, HA390, ...) are not raised.

## Why is this bad?
z/OS issues EZZ0831I ("keyword ... IS NOT VALID BECAUSE THE SPECIFIED
DISTMETHOD IS NOT HOTSTANDBY") and ignores not only this statement but every
following statement of the VIPADYNAMIC block. The DVIPA is not distributed,
and every VIPADEFINE, VIPABACKUP and VIPADISTRIBUTE after it silently
disappears: DVIPAs that should be owned or backed up by this system do not
exist, so takeover fails for services that have nothing to do with the
mistyped statement. A forgotten `DISTMETHOD HOTSTANDBY` (or a copy of a hot
standby target list into a ROUNDROBIN statement) is the usual cause.

## Example
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD ROUNDROBIN 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
  VIPADEFINE 255.255.255.0 198.51.100.11
ENDVIPADYNAMIC
```

## Use instead
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
  VIPADEFINE 255.255.255.0 198.51.100.11
ENDVIPADYNAMIC
```

## Known limitations
A statement that comes after a syntax error in the same block is never read
by z/OS, so it cannot raise EZZ0831I and is not reported (the syntax error
is). When the `DISTMETHOD` value itself is invalid (SYN004), zlint treats the
method as the default BASEWLM and may report the role keywords as well.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADISTRIBUTE statement"
  and "VIPADYNAMIC statement" (errors end the processing of the block)
- z/OS Communications Server: IP Messages Volume 4, EZZ0831I
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import DistMethod, TcpipProfile, VipaBackup, VipaDefine, VipaDistribute

from ._profile import cost, cost_tail, dvipa_name, lost_before, vipa_kind

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex


@rule("TCP108")
def check(profile: TcpipProfile, sysplex: Sysplex | None = None) -> Iterator[Finding]:
    vipa = profile.vipa
    for i, dist in enumerate(vipa):
        if not isinstance(dist, VipaDistribute) or not dist.hotstandby_keywords:
            continue
        if dist.dist_method_effective is DistMethod.HOTSTANDBY or lost_before(profile, dist):
            continue
        keyword, span = dist.hotstandby_keywords[0]
        method = dist.dist_method_effective.value
        if dist.dist_method is None:
            method += " (the default)"
        lost = [s for s in vipa[i + 1:] if s.block == dist.block]
        found, per = cost(sysplex, [dist, *lost])
        related = []
        for s in lost:
            what = dvipa_name(s) if isinstance(s, (VipaDefine, VipaBackup, VipaDistribute)) else ""
            note = "".join(f": {t}" if k == 0 else f"; {t}" for k, t in enumerate(per.get(id(s), ())))
            related.append(Related(s.span, f"{vipa_kind(s)} {what}".rstrip() + " is never processed" + note))
        tail = (f"; {len(lost)} later statement{'s' if len(lost) != 1 else ''} of this VIPADYNAMIC "
                "block are lost" if lost else "")
        if len(lost) == 1:
            tail = tail.replace(" are lost", " is lost")
        yield Finding(
            span=span,
            message=(f"{keyword} is valid only with DISTMETHOD HOTSTANDBY, not {method} (z/OS "
                     f"ignores this VIPADISTRIBUTE of {dvipa_name(dist)} and the rest of the "
                     f"VIPADYNAMIC block: EZZ0831I){tail}{cost_tail(found)}"),
            related=tuple(related),
            help=(f"code DISTMETHOD HOTSTANDBY if hot standby is meant; otherwise remove {keyword} "
                  "and the other HOTSTANDBY-only keywords"),
        )
