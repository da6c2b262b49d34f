"""Distributor, targets and backups of a DVIPA must be in the same XCF group.

## What it does
Compares the `GLOBALCONFIG XCFGRPID` of the systems that work together on a
DVIPA: each `DESTIP` target system with the distributing system, and each
`VIPABACKUP` system with the DVIPA's owner. No XCFGRPID means the default
group. A target or backup in another group is reported, pointing at both
GLOBALCONFIG statements.

## Why is this bad?
XCFGRPID splits the sysplex into TCP/IP subplexes: stacks in different
groups do not see each other's dynamic VIPAs or dynamic XCF connectivity. A
target in another subplex never receives distributed connections, and a
backup in another subplex never takes the DVIPA over, so failover quietly
does not happen.

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
ENDVIPADYNAMIC
```
```tcpip system=SYS2
GLOBALCONFIG XCFGRPID 12
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
ENDVIPADYNAMIC
```

## Use instead
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
ENDVIPADYNAMIC
```

## Known limitations
`DESTIP ALL` reaches only the stacks of the distributor's own group by
definition and is not reported. The rule stays quiet about addresses that a
statement that did not parse names.

## References
- z/OS Communications Server: IP Configuration Reference, "GLOBALCONFIG statement" (XCFGRPID)
- z/OS Communications Server: IP Configuration Guide, "TCP/IP subplexing"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.source import Span

from ._ha import CROSS_SYSTEM, dest_span, group_name, profile_start

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA309", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(sysplex, index)


def _group_related(sysplex: Sysplex, index: SysplexIndex, *names: str) -> tuple[Related, ...]:
    out = []
    for name in names:
        gid, span = index.xcf_group.get(name, (None, None))
        where = span or profile_start(sysplex, name)
        if where is not None:
            out.append(Related(where, f"{name}: {group_name(gid)}"))
    return tuple(out)


def _check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    def gid(name: str) -> int | None:
        return index.xcf_group.get(name, (None, None))[0]

    for targets in index.targets.values():
        for t in targets:
            if t.dest is None or t.system is None or t.system == t.distributor or index.uncertain(t.address):
                continue
            if gid(t.system) == gid(t.distributor):
                continue
            yield Finding(
                span=dest_span(t.dest),
                message=(f"DESTIP {t.dest.raw} is {t.system}, in {group_name(gid(t.system))}, but the "
                         f"distributor {t.distributor} is in {group_name(gid(t.distributor))}: the "
                         "target never receives connections"),
                related=_group_related(sysplex, index, t.distributor, t.system),
                help="code the same GLOBALCONFIG XCFGRPID on the distributor and all its targets",
            )
    for addr, backups in index.backups.items():
        owner = index.owner(addr)
        if owner is None or index.uncertain(addr):
            continue
        for b in backups:
            if b.system == owner or gid(b.system) == gid(owner):
                continue
            span: Span = b.span
            yield Finding(
                span=span,
                message=(f"VIPABACKUP of {addr} on {b.system} ({group_name(gid(b.system))}) cannot take "
                         f"over from {owner} ({group_name(gid(owner))}): different TCP/IP subplexes"),
                related=_group_related(sysplex, index, owner, b.system),
                help="code the same GLOBALCONFIG XCFGRPID on the owner and its backups",
            )
