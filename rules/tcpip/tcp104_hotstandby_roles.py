"""HOTSTANDBY distribution needs exactly one PREFERRED target and at least one BACKUP.

## What it does
Checks every `VIPADISTRIBUTE DEFINE` whose distribution method is
`DISTMETHOD HOTSTANDBY` and that lists its targets (`DESTIP ALL` is TCP107):
it counts the `DESTIP` targets marked `PREFERRED` and `BACKUP`. It reports a
statement with no `PREFERRED` and no `BACKUP` at all (EZZ0826I), with zero
or several `PREFERRED` targets, or with no `BACKUP` target (EZZ0827I). A
target that carries neither role while the counts are right is reported as
a warning.

In a sysplex the message also names what the rejection costs: the failover
cases (every system up, or one system lost) in which a service or DVIPA
that the statement as written would keep up goes down without it, from the
failover simulation (HA390) run with and without the statement. The HA
findings that would only repeat that consequence are not raised.

## Why is this bad?
Hot standby sends every new connection to the one preferred target and keeps
the others as ranked backups. z/OS rejects a VIPADISTRIBUTE that does not
name exactly one PREFERRED and at least one BACKUP target: the statement is
ignored (EZZ0826I or EZZ0827I on the console), so the DVIPA is not
distributed at all. For a z/OSMF or other HA service this means no failover
to the standby server: connections reach only the server on the owning
stack, and when it stops, clients are refused although a standby is
running.

## Example
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 PREFERRED
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
IBM gives EZZ0826I and EZZ0827I the same explanation and does not say which
condition raises which; zlint names EZZ0826I when neither keyword is coded
and EZZ0827I for a wrong count. Whether z/OS rejects a statement in which
one target has no role while the counts are right is unverified: that case
is a warning ("almost certainly a mistake"), not an error. Statements that
z/OS never processes (lost after an error in their VIPADYNAMIC block) are
not checked.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADISTRIBUTE statement"
  (DESTIP HOTSTANDBY options)
- z/OS Communications Server: IP Configuration Guide, "Sysplex distributor hot standby"
- z/OS Communications Server: IP Messages Volume 4, EZZ0826I, EZZ0827I
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.codes import Severity
from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import DistMethod, TcpipProfile

from ._profile import cost, cost_tail, dvipa_name

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex

_HELP = "mark exactly one DESTIP as PREFERRED and the others as BACKUP (BACKUP rank: higher is used first)"


@rule("TCP104")
def check(profile: TcpipProfile, sysplex: Sysplex | None = None) -> Iterator[Finding]:
    for dist in profile.vipa_distributes:
        if (dist.lost or dist.delete or dist.dest_all or not dist.dest_ips
                or dist.dist_method_effective is not DistMethod.HOTSTANDBY):
            continue
        name = dvipa_name(dist)
        preferred = dist.preferred
        backups = dist.backups
        if not preferred and not backups:
            yield Finding(
                span=dist.vipa_span,
                message=(f"HOTSTANDBY distribution of {name} marks no DESTIP as PREFERRED or BACKUP "
                         "(z/OS rejects it: EZZ0826I)" + cost_tail(cost(sysplex, [dist])[0])),
                help=_HELP,
            )
            continue
        problems: list[str] = []
        if len(preferred) != 1:
            problems.append("no PREFERRED target" if not preferred
                            else f"{len(preferred)} PREFERRED targets")
        if not backups:
            problems.append("no BACKUP target")
        if problems:
            related = tuple(Related(d.role_span or d.span, f"{d.raw} PREFERRED")
                            for d in preferred) if len(preferred) > 1 else ()
            yield Finding(
                span=dist.vipa_span,
                message=(f"HOTSTANDBY distribution of {name} has {' and '.join(problems)}; exactly one "
                         "PREFERRED and at least one BACKUP are required (z/OS rejects it: EZZ0827I)"
                         + cost_tail(cost(sysplex, [dist])[0])),
                related=related,
                help=_HELP,
            )
            continue
        for d in dist.dest_ips:
            if d.role is None:
                yield Finding(
                    span=d.span,
                    message=(f"DESTIP {d.raw} of the HOTSTANDBY distribution of {name} is neither "
                             "PREFERRED nor BACKUP (z/OS probably rejects the statement: EZZ0826I)"),
                    help=f"add BACKUP (with a rank) after {d.raw}, or remove the target",
                    severity=Severity.WARNING,
                )
