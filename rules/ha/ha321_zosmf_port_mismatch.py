"""z/OSMF HA servers need the same HTTP_SSL_PORT, and it must be distributed.

## What it does
For each z/OSMF service (the servers whose `HOSTNAME` resolves to one DVIPA)
it compares each server's `HTTP_SSL_PORT` (default 443) with the `PORT`
entries of the DVIPA's `VIPADISTRIBUTE` statements, and reports the setting
that differs, naming the systems affected:

* some servers listen on a distributed port and others do not: each server
  that does not (its `HTTP_SSL_PORT`);
* no server listens on a distributed port: one finding, on the
  `VIPADISTRIBUTE` of the DVIPA's owner when every server uses the default
  port (the PORT list is then the only thing written that differs), else
  on the `HTTP_SSL_PORT` of the owner's server (or the first server that
  codes it).

When the DVIPA is not distributed at all, it reports a server whose port
differs from the reference server's (the server on the DVIPA's owner, else
the most common port). Distributed ports that no IZUPRMxx names belong to
other applications behind the DVIPA and are not reported.

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
A port counts as distributed when any `VIPADISTRIBUTE` of the DVIPA lists
it; PORT lists that differ between the distributing systems are HA305. The
rule stays quiet about a DVIPA that a statement that did not parse names.

## References
- IBM z/OS Management Facility Configuration Guide, "Configuring z/OSMF for high availability"
  (same HTTP_SSL_PORT on every instance) (IBM text not retrieved: unverified), as summarised by
  the Zowe documentation "Configuring z/OSMF for high availability in Sysplex"
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADISTRIBUTE statement" (PORT)
- z/OS Communications Server: IP Configuration Guide, "Sysplex distributor hot standby" (new
  connections go to a target with an active listener on the distributed port)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.sysplex import Distributor, Sysplex, SysplexIndex, ZosmfService


@rule("HA321", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    if index.blind:
        return
    for svc in index.zosmf_services:
        if index.uncertain(svc.dvipa):
            continue
        dists = [d for d in index.distributors.get(svc.dvipa, ()) if not d.statement.delete]
        if dists:
            yield from _against_distribution(svc, dists)
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


def _against_distribution(svc: ZosmfService, dists: list[Distributor]) -> Iterator[Finding]:
    """Servers whose HTTP_SSL_PORT the VIPADISTRIBUTE of the service's DVIPA does not distribute."""
    host = svc.hostnames[0]
    ports = " ".join(sorted({str(p) for d in dists for p in d.statement.ports}, key=_port_key))
    served = [z for z in svc.servers if any(d.statement.distributes_port(z.port) for d in dists)]
    deaf = [z for z in svc.servers if z not in served]
    if not deaf:
        return
    dist_related = tuple(Related(d.statement.vipa_span, f"VIPADISTRIBUTE of {svc.dvipa} on {d.system} "
                                 f"(PORT {ports})") for d in dists)
    if served:
        # the distribution and some servers agree: the others' setting is the one that differs
        good = ", ".join(z.system for z in served)
        for z in deaf:
            yield Finding(
                span=z.span("HTTP_SSL_PORT"),
                message=(f"{z.shown('HTTP_SSL_PORT')} on {z.system} is not distributed: the VIPADISTRIBUTE "
                         f"of {svc.dvipa} distributes PORT {ports}, the port of z/OSMF on {good}; "
                         f"connections to {host} that reach {z.system} find no z/OSMF server"),
                related=(*(Related(o.span("HTTP_SSL_PORT"), f"HTTP_SSL_PORT on {o.system}") for o in served),
                         *dist_related),
                help=f"code HTTP_SSL_PORT({served[0].port}) on {z.system}",
            )
        return
    systems = ", ".join(z.system for z in deaf)
    listened = sorted({z.port for z in deaf})
    on = " / ".join(str(p) for p in listened)
    how = "by default" if not any(z.coded("HTTP_SSL_PORT") for z in deaf) else "as coded"
    message = (f"the VIPADISTRIBUTE of {svc.dvipa} distributes PORT {ports}, but every z/OSMF server "
               f"behind {host} listens on {on} ({how}): {systems} get no z/OSMF connections through "
               "the distributor")
    owner_dist = next((d for d in dists if d.system == svc.reference.system), dists[0])
    if how == "by default":
        # nothing is coded on the z/OSMF side: the PORT list is the setting that differs
        yield Finding(
            span=owner_dist.statement.vipa_span,
            message=message,
            related=tuple(r for r in dist_related if r.span is not owner_dist.statement.vipa_span),
            help=f"distribute PORT {listened[0]} (z/OSMF's HTTP_SSL_PORT) for {svc.dvipa}",
        )
        return
    ref = next((z for z in deaf if z.coded("HTTP_SSL_PORT") and z.system == svc.reference.system),
               next(z for z in deaf if z.coded("HTTP_SSL_PORT")))
    yield Finding(
        span=ref.span("HTTP_SSL_PORT"),
        message=message,
        related=(*(Related(z.span("HTTP_SSL_PORT"), f"HTTP_SSL_PORT on {z.system}") for z in deaf
                   if z is not ref), *dist_related),
        help=f"add {ref.port} to the PORT list of the VIPADISTRIBUTE of {svc.dvipa}, or code the distributed port",
    )


def _port_key(text: str) -> int:
    head = text.split("-", 1)[0]
    return int(head) if head.isdigit() else 0
