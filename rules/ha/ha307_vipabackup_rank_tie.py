"""VIPABACKUP ranks for one DVIPA should differ between systems.

## What it does
Reports systems that back up the same DVIPA (`VIPABACKUP`) with the same
rank. A VIPABACKUP without a rank has rank 1, so two backups coded without
ranks tie too. Each tied backup is reported with pointers to the others.

## Why is this bad?
The rank orders the backup chain: larger ranks stand nearer its start, so
when the owner fails the stack with the highest rank takes the DVIPA over.
IBM's text does not say how equal ranks are ordered: which of the tied
stacks takes over is not defined by the configuration, so the system that
ends up owning the DVIPA, and distributing it, cannot be predicted from the
profiles, and a capacity plan or a runbook that assumes one of them may be
wrong. (Two BACKUP targets of one HOTSTANDBY distribution with the same
rank are TCP113.)

The finding is info, not a warning: the DVIPA still moves to one of the
tied stacks, so nothing fails; only the choice is left to z/OS.

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.20
ENDVIPADYNAMIC
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.20
ENDVIPADYNAMIC
```
```tcpip system=SYS3
IPCONFIG DYNAMICXCF 192.0.2.3 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.20
ENDVIPADYNAMIC
```

## Use instead
```tcpip system=SYS3
IPCONFIG DYNAMICXCF 192.0.2.3 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 50 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.20
ENDVIPADYNAMIC
```

## Known limitations
Only VIPABACKUP ranks are compared; the BACKUP ranks of HOTSTANDBY DESTIP
targets within one VIPADISTRIBUTE are a different setting. The rule stays
quiet about a DVIPA that a statement that did not parse (or one lost after a
syntax error) names.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPABACKUP statement"
  (rank 1, the end of the backup chain, to 254, its start; default 1; nothing on equal ranks)
- z/OS Communications Server: IP Configuration Guide, "Configuring the multiple application-instance
  scenario" (the rank orders the stacks that back up one DVIPA)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.sysplex import DvipaBackup, Sysplex, SysplexIndex


@rule("HA307", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    for addr, backups in index.backups.items():
        if index.uncertain(addr):
            continue
        by_rank: dict[int, list[DvipaBackup]] = {}
        for b in backups:
            by_rank.setdefault(b.rank, []).append(b)
        for rank, tied in sorted(by_rank.items()):
            names = sorted({b.system for b in tied})
            if len(names) < 2:
                continue
            for b in tied:
                others = [o for o in tied if o.system != b.system]
                coded = "" if b.statement.rank is not None else " (no rank coded: rank 1)"
                yield Finding(
                    span=b.span,
                    message=(f"VIPABACKUP rank {rank}{coded} of {addr} on {b.system} ties with "
                             + ", ".join(sorted({o.system for o in others}))
                             + ": which of them takes the DVIPA over is left to z/OS"),
                    related=tuple(Related(o.span, f"VIPABACKUP rank {rank} on {o.system}") for o in others),
                    help="give each backup system its own rank (1-254, higher takes over first)",
                )
