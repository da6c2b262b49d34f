"""An HA z/OSMF system should autostart its own server: AUTOSTART(LOCAL).

## What it does
For each z/OSMF service (the servers whose `HOSTNAME` resolves to one DVIPA)
it reports a system that codes `AUTOSTART(CONNECT)` (warning), and, as info,
one that does not code AUTOSTART at all.

## Why is this bad?
With `AUTOSTART(CONNECT)` the system does not start a z/OSMF server at IPL;
it uses the server of its autostart group elsewhere. In an HA setup that
system was meant to run the standby server behind the DVIPA: without it the
distributor has nobody to switch to and z/OSMF fails with the other system.

It is a warning, not an error: a site may start that server by other means
(automation with `SERVER='STANDALONE'`), which zlint cannot see. A missing
AUTOSTART is info: z/OSMF's default is believed to be LOCAL, but that is
not confirmed by the IBM text seen for this project (unverified), so the
HA recipe codes it explicitly.

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
```izuprm system=SYS2
HOSTNAME('198.51.100.10')
AUTOSTART(CONNECT)
AUTOSTART_GROUP('IZUDFLB')
USER_DIR('/global/zosmf/zosmfb')
```

## Use instead
```izuprm system=SYS2
HOSTNAME('198.51.100.10')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLB')
USER_DIR('/global/zosmf/zosmfb')
```

## Known limitations
Servers started outside autostart are not visible in IZUPRMxx. A DESTIP
target system whose HOSTNAME does not resolve to the DVIPA and that runs no
server is HA326.

## References
- IBM z/OS Management Facility Configuration Guide, "Autostart concepts in z/OSMF"
  (AUTOSTART LOCAL / CONNECT) and "Configuring z/OSMF for high availability"
- z/OS MVS Initialization and Tuning Reference, "IZUPRMxx" (AUTOSTART; default unverified)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.codes import Severity
from zparse.engine import Finding, rule

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA323", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    for svc in index.zosmf_services:
        host = svc.hostnames[0]
        if host != str(svc.dvipa):
            host = f"{host} ({svc.dvipa})"
        for z in svc.servers:
            if not z.autostart_coded:
                yield Finding(
                    span=z.span("HOSTNAME"),
                    message=(f"{z.system} serves {host} but does not code AUTOSTART: the "
                             "default is believed to be LOCAL (unverified)"),
                    help="code AUTOSTART(LOCAL) on every z/OSMF HA server",
                    severity=Severity.INFO,
                )
            elif not z.runs_server:
                yield Finding(
                    span=z.span("AUTOSTART"),
                    message=(f"AUTOSTART(CONNECT) on {z.system}, whose z/OSMF HOSTNAME is {host}: no "
                             "server is autostarted there, so it cannot take over"),
                    help=f"code AUTOSTART(LOCAL) on {z.system}, with an AUTOSTART_GROUP of its own",
                )
