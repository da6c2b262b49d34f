"""The z/OSMF HTTPS port must not be reserved for another job on a system that serves z/OSMF.

## What it does
For every system that takes part in a z/OSMF service (its `HOSTNAME`
resolves to the service's DVIPA, or it is a DESTIP target of that DVIPA) and
autostarts a z/OSMF server, it looks at the `PORT` and `PORTRANGE`
reservations of that system's TCP/IP profile for the server's
`HTTP_SSL_PORT` (default 443, TCP). It reports a port that is reserved, but
for no job name that the z/OSMF server's job (its `SERVER_PROC`, default
`IZUSVR1`) matches: another job, `RESERVED`, or a pattern such as `IZUSVA*`
that the job name does not fit. Job names are matched as z/OS does: `*`
stands for zero or more characters, `?` for one, and the job name `*` for
every job. It also reports a port whose only entries for the z/OSMF job
carry `BIND` to an address other than the service's DVIPA.

## Why is this bad?
A reserved port can be bound only by the jobs its entries name (several
entries, for several jobs, may share one port). When none of them is the
z/OSMF server, the server cannot listen on its HTTPS port on that system: it
starts, but connections distributed to that system (or, after a failover,
all connections) find no z/OSMF. The standby server looks ready in the
IZUPRMxx members and is dead when it is needed. `BIND` on the z/OSMF entry
makes a listener on all addresses listen on that one address only; if that
is not the DVIPA, connections to the DVIPA find no listener either.
`SHAREPORT` and `SHAREPORTWLM` let several listeners share the port, but only
listeners whose job is named by the entry.

## Example
```tcpip system=SYS1
IPCONFIG SYSPLEXROUTING DYNAMICXCF 192.0.2.1 255.255.255.0 1
PORT 443 TCP IZUSVR* NOAUTOLOG
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
ENDVIPADYNAMIC
```
```tcpip system=SYS2
IPCONFIG SYSPLEXROUTING DYNAMICXCF 192.0.2.2 255.255.255.0 1
PORT 443 TCP HTTPD1 NOAUTOLOG
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
SERVER_PROC(IZUSVRA)
USER_DIR('/global/zosmf/zosmfa')
```
```izuprm system=SYS2
HOSTNAME('198.51.100.10')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLB')
SERVER_PROC(IZUSVRB)
USER_DIR('/global/zosmf/zosmfb')
```

## Use instead
```tcpip system=SYS2
IPCONFIG SYSPLEXROUTING DYNAMICXCF 192.0.2.2 255.255.255.0 1
PORT 443 TCP IZUSVR* NOAUTOLOG
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
ENDVIPADYNAMIC
```

## Known limitations
The server's job name is taken to be its `SERVER_PROC` (a started task's
job name is its procedure name unless the START command gives another).
Entries for `OMVS` (z/OS UNIX applications) are taken to admit the
server; a `SAF` resource on an entry that admits the job is assumed to be
permitted (zlint cannot see the security profiles). A `PORT` entry that z/OS ignores because a `PORTRANGE` already
covers the port (TCP110) is still counted. A port that is not reserved at
all is open to every job and not reported; `PORT UNRSV` rules are not
checked.

## References
- z/OS Communications Server: IP Configuration Reference, "PORT statement" (the same port for
  several job names; BIND, SHAREPORT), "PORTRANGE statement"
- z/OS Communications Server: IP Configuration Guide, "Controlling access to particular ports"
  (job names with `*` and `?` wildcards, RESERVED)
- z/OS Communications Server: IPv6 Network and Application Design Guide, "Using the BIND parameter
  on the PORT statement"
- IBM z/OS Management Facility Configuration Guide, "Create a z/OSMF nucleus on your system"
  (port 443 must be available to z/OSMF)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import PortEntry, PortRangeEntry

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.model.tcpip import IpAddress, TcpipProfile
    from zparse.sysplex import Sysplex, SysplexIndex, ZosmfServer


@rule("HA327", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    if index.blind:
        return
    # system -> the DVIPAs of the z/OSMF services it takes part in
    serving: dict[str, list[IpAddress]] = {}
    for svc in index.zosmf_services:
        if index.uncertain(svc.dvipa):
            continue
        for name in svc.systems:
            serving.setdefault(name, [])
            if svc.dvipa not in serving[name]:
                serving[name].append(svc.dvipa)
    for name, dvipas in sorted(serving.items()):
        z = index.zosmf.get(name)
        system = sysplex.system(name)
        if z is None or not z.runs_server or system is None or system.profile is None:
            continue
        finding = _judge(system.profile, z, dvipas)
        if finding is not None:
            yield finding


def job_matches(pattern: str, job: str) -> bool:
    """Whether a PORT/PORTRANGE job name (``*`` any run, ``?`` one character) admits ``job``."""
    rx = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern.upper())
    return re.fullmatch(rx, job.upper()) is not None


def _admits(owner: str, job: str) -> bool:
    if owner == "RESERVED":
        return False
    return owner == "OMVS" or job_matches(owner, job)


def _shown(e: PortEntry | PortRangeEntry) -> str:
    if isinstance(e, PortEntry):
        return f"PORT {e.port} TCP {e.owner}" + (f" BIND {e.bind}" if e.bind is not None else "")
    return f"PORTRANGE {e.first} {e.count} TCP {e.owner}"


def _judge(profile: TcpipProfile, z: ZosmfServer, dvipas: list[IpAddress]) -> Finding | None:
    port, job = z.port, z.server_proc
    entries: list[PortEntry | PortRangeEntry] = [
        e for e in profile.ports if e.port == port and e.protocol == "TCP"]
    entries += [r for r in profile.port_ranges if r.protocol == "TCP" and r.first <= port <= r.last]
    if not entries:
        return None
    where = "HTTP_SSL_PORT" if z.coded("HTTP_SSL_PORT") else "HTTP_SSL_PORT (default)"
    related = (Related(z.span("HTTP_SSL_PORT"), f"{where} {port} on {z.system}"),
               Related(z.span("SERVER_PROC"), f"{z.shown('SERVER_PROC')} on {z.system}"))
    service = "z/OSMF at " + ", ".join(str(d) for d in dvipas)
    mine = [e for e in entries if _admits(e.owner, job)]
    if not mine:
        owners = ", ".join(dict.fromkeys(e.owner for e in entries))
        return Finding(
            span=entries[0].span,
            message=(f"{_shown(entries[0])} reserves port {port}, the HTTPS port of {z.system}'s z/OSMF "
                     f"server, for {owners} only: the server (job {job}) cannot listen on it, so "
                     f"{service} has no server on {z.system}"),
            related=related + tuple(Related(e.span, _shown(e)) for e in entries[1:]),
            help=f"add an entry for the z/OSMF server, e.g. PORT {port} TCP {job} NOAUTOLOG",
        )
    bound = [e for e in mine if isinstance(e, PortEntry) and e.bind is not None]
    if len(bound) != len(mine):
        return None
    foreign = [e for e in bound if e.bind is not None and e.bind not in dvipas
               and all(e.bind.version == d.version for d in dvipas)]
    if len(foreign) != len(mine):
        return None
    e = foreign[0]
    return Finding(
        span=e.span,
        message=(f"{_shown(e)} makes {z.system}'s z/OSMF server (job {job}) listen on {e.bind} only, "
                 f"not on the DVIPA: {service} finds no server on {z.system}"),
        related=related,
        help=f"remove BIND {e.bind}, or bind the z/OSMF port to the DVIPA {dvipas[0]}",
    )
