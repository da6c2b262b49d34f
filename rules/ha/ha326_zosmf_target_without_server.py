"""Every DESTIP target of the z/OSMF service needs a z/OSMF server.

## What it does
For each z/OSMF service (a `HOSTNAME` that resolves to a DVIPA, and its
`HTTP_SSL_PORT`) it checks every `VIPADISTRIBUTE` of that DVIPA that
distributes the port, and reports a `DESTIP` target whose system runs no
z/OSMF server: the inventory lists no IZUPRMxx member for it, or its
members code `AUTOSTART(CONNECT)`. (A system whose own HOSTNAME names the
DVIPA and that codes AUTOSTART(CONNECT) is HA323 instead.)

## Why is this bad?
The distributor sends z/OSMF connections to the targets it is given. A hot
standby BACKUP without a server is no standby: when the PREFERRED system
fails, nobody listens and z/OSMF is down. A PREFERRED target without a
server silently turns the setup into a single server on the backup.

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
AUTOSTART_GROUP('IZUDFLA')
USER_DIR('/global/zosmf/zosmfa')
```

## Use instead
```izuprm system=SYS2
HOSTNAME('198.51.100.10')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLB')
USER_DIR('/global/zosmf/zosmfb')
```

## Known limitations
A z/OSMF server started outside autostart, or described by an IZUPRMxx
member the inventory does not list, is not visible. `DESTIP ALL` is not
checked (it names every stack, not chosen z/OSMF systems). The rule stays
quiet about a DVIPA that a statement that did not parse names, and when a
system's profile could not be read.

## References
- IBM z/OS Management Facility Configuration Guide, "Configuring z/OSMF for high availability"
  (a z/OSMF server on every system behind the DVIPA)
- z/OS Communications Server: IP Configuration Guide, "Sysplex distributor hot standby"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule

from ._ha import CROSS_SYSTEM, dest_span

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA326", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    if index.blind:
        return
    for svc in index.zosmf_services:
        if index.uncertain(svc.dvipa):
            continue
        serving = {z.system for z in svc.servers}
        host = svc.hostnames[0]
        for t in index.targets.get(svc.dvipa, ()):
            if t.dest is None or t.system is None or t.statement.delete:
                continue
            if not t.statement.distributes_port(svc.port):
                continue
            if t.system in index.zosmf_unknown:
                continue  # its IZUPRMxx could not be read: the syntax finding says so
            z = index.zosmf.get(t.system)
            if z is not None and z.runs_server:
                continue
            if z is not None and t.system in serving:
                continue  # its HOSTNAME names the DVIPA and it codes AUTOSTART(CONNECT): HA323
            role = f" {t.role.value}" if t.role else ""
            if z is None:
                why = "the inventory lists no IZUPRMxx member for it"
                related: tuple[Related, ...] = ()
            else:
                why = "it codes AUTOSTART(CONNECT), so no z/OSMF server is autostarted there"
                related = (Related(z.span("AUTOSTART"), f"AUTOSTART on {t.system}"),)
            yield Finding(
                span=dest_span(t.dest),
                message=(f"DESTIP {t.dest.raw}{role} ({t.system}) receives z/OSMF connections for "
                         f"{host}:{svc.port}, but {t.system} runs no z/OSMF server: {why}"),
                related=related,
                help=(f"run a z/OSMF server on {t.system} (IZUPRMxx with AUTOSTART(LOCAL), HOSTNAME('{host}') "
                      "and an AUTOSTART_GROUP of its own), or remove the target"),
            )
