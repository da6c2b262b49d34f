"""Each z/OSMF HA server needs an autostart group of its own.

## What it does
For each z/OSMF service (the servers whose `HOSTNAME` resolves to one DVIPA,
and the systems it is distributed to) it reports servers that autostart
(`AUTOSTART(LOCAL)`) in the same `AUTOSTART_GROUP`. The default group is
`IZUDFLT`, so two members that do not code AUTOSTART_GROUP share it.

## Why is this bad?
Only one z/OSMF server can be active per autostart group in the sysplex:
the second system finds the group's server already running and does not
start its own, it connects to the first. The DVIPA is still distributed to
both systems, but only one of them runs z/OSMF, so the hot standby has no
server to switch to and z/OSMF goes down with the first system.

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
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
ENDVIPADYNAMIC
```
```izuprm system=SYS1
HOSTNAME('198.51.100.10')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLT')
USER_DIR('/global/zosmf/zosmfa')
```
```izuprm system=SYS2
HOSTNAME('198.51.100.10')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLT')
USER_DIR('/global/zosmf/zosmfb')
```

## Use instead
```izuprm system=SYS1
HOSTNAME('198.51.100.10')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLA')
USER_DIR('/global/zosmf/zosmfa')
```
```izuprm system=SYS2
HOSTNAME('198.51.100.10')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLB')
USER_DIR('/global/zosmf/zosmfb')
```

## Known limitations
Group names are compared as z/OSMF reads them (unquoted values upper-cased,
quoted values as written).

## References
- IBM z/OS Management Facility Configuration Guide, "Autostart concepts in z/OSMF" (one active
  server per autostart group) and "Configuring z/OSMF for high availability" (IZUDFLA, IZUDFLB)
- z/OS MVS Initialization and Tuning Reference, "IZUPRMxx" (AUTOSTART_GROUP)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex, ZosmfServer


@rule("HA322", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    for svc in index.zosmf_services:
        servers = [index.zosmf[n] for n in svc.systems if n in index.zosmf and index.zosmf[n].runs_server]
        by_group: dict[str, list[ZosmfServer]] = {}
        for z in servers:
            by_group.setdefault(z.group, []).append(z)
        for _group, members in sorted(by_group.items()):
            if len(members) < 2:
                continue
            for z in members:
                others = [o for o in members if o.system != z.system]
                span = z.span("AUTOSTART_GROUP")
                shared = [o.system for o in others if o.span("AUTOSTART_GROUP") == span]
                names = ", ".join(o.system for o in others)
                everyone = " and ".join(sorted([z.system, *shared]))
                what = (f"{z.shown('AUTOSTART_GROUP')} is the group of {everyone}"
                        + (f" and of {', '.join(o.system for o in others if o.system not in shared)}"
                           if len(shared) < len(others) else "")
                        if shared else
                        f"{z.shown('AUTOSTART_GROUP')} on {z.system} is also the group of {names}")
                yield Finding(
                    span=span,
                    message=(f"{what}: only one z/OSMF server runs per autostart group, so the "
                             f"standby behind {svc.dvipa} has no server"),
                    related=tuple(Related(o.span("AUTOSTART_GROUP"), f"AUTOSTART_GROUP on {o.system}")
                                  for o in others if o.span("AUTOSTART_GROUP") != span),
                    help="give each HA server its own AUTOSTART_GROUP (e.g. 'IZUDFLA', 'IZUDFLB')",
                )
