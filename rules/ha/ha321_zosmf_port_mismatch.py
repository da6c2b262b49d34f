"""z/OSMF HA servers need the same HTTP_SSL_PORT, and it must be distributed.

## What it does
For each z/OSMF service (the servers whose `HOSTNAME` resolves to one DVIPA)
it reports a server whose `HTTP_SSL_PORT` (default 443) differs from the
reference server's (the server on the DVIPA's owner, else the most common
port), and a port that no `VIPADISTRIBUTE` of the DVIPA lists in its `PORT`
entries. Distributed ports that no IZUPRMxx names belong to other
applications behind the DVIPA and are not reported.

## Why is this bad?
Clients connect to one URL, `https://host:port`. A server listening on
another port is not there when the distributor sends the connection to its
system: after a failover z/OSMF is unreachable although its server runs. A
port the distributor does not distribute is not load-balanced or failed over
at all: connections reach only the server on the stack that owns the DVIPA.

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
HTTP_SSL_PORT(443)
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLA')
USER_DIR('/global/zosmf/zosmfa')
```
```izuprm system=SYS2
HOSTNAME('198.51.100.10')
HTTP_SSL_PORT(10443)
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLB')
USER_DIR('/global/zosmf/zosmfb')
```

## Use instead
```izuprm system=SYS2
HOSTNAME('198.51.100.10')
HTTP_SSL_PORT(443)
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLB')
USER_DIR('/global/zosmf/zosmfb')
```

## Known limitations
The rule stays quiet about a DVIPA that a statement that did not parse
names.

## References
- IBM z/OS Management Facility Configuration Guide, "Configuring z/OSMF for high availability"
  (same HTTP_SSL_PORT on every instance) (IBM text not retrieved: unverified), as summarised by
  the Zowe documentation "Configuring z/OSMF for high availability in Sysplex"
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADISTRIBUTE statement" (PORT)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA321")
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    if index.blind:
        return
    for svc in index.zosmf_services:
        if index.uncertain(svc.dvipa):
            continue
        ref = svc.reference
        host = svc.hostnames[0]
        for z in svc.servers:
            if z.port == ref.port:
                continue
            yield Finding(
                span=z.span("HTTP_SSL_PORT"),
                message=(f"{z.shown('HTTP_SSL_PORT')} on {z.system} differs from "
                         f"{ref.shown('HTTP_SSL_PORT')} on {ref.system}: clients of {host} use one port"),
                related=(Related(ref.span("HTTP_SSL_PORT"), f"HTTP_SSL_PORT on {ref.system}"),),
                help=f"code HTTP_SSL_PORT({ref.port}) on every z/OSMF server behind {host}",
            )
        dists = [d for d in index.distributors.get(svc.dvipa, ()) if not d.statement.delete]
        if not dists or any(d.statement.distributes_port(ref.port) for d in dists):
            continue
        ports = sorted({str(p) for d in dists for p in d.statement.ports})
        yield Finding(
            span=ref.span("HTTP_SSL_PORT"),
            message=(f"{ref.shown('HTTP_SSL_PORT')} of z/OSMF behind {host} is not a PORT of the "
                     f"VIPADISTRIBUTE of {svc.dvipa} (PORT {' '.join(ports)}): z/OSMF connections "
                     "are not distributed"),
            related=tuple(Related(d.statement.vipa_span, f"VIPADISTRIBUTE of {svc.dvipa} on {d.system}")
                          for d in dists),
            help=f"add {ref.port} to the PORT list of the VIPADISTRIBUTE of {svc.dvipa}",
        )
