"""z/OSMF HA servers need a HOSTNAME that resolves to a DVIPA distributed to them.

## What it does
Applies where z/OSMF is set up for high availability: some `HOSTNAME`
resolves to a DVIPA of the sysplex, or servers autostart in two or more
autostart groups (`AUTOSTART(LOCAL)`). For each z/OSMF service (the servers
whose HOSTNAME resolves to one DVIPA, plus the systems that DVIPA is
distributed to) it reports:

- a server on a DESTIP target system whose HOSTNAME is `*` or resolves to
  another address (error);
- a server whose HOSTNAME does resolve to the DVIPA, but to which the DVIPA
  is not distributed (no DESTIP for its system; or no VIPADISTRIBUTE at all
  and the system does not own the DVIPA), so it never gets a connection
  (error);
- servers in two or more autostart groups with no HOSTNAME resolving to a
  DVIPA: there is no common address to fail over to (warning).

A HOSTNAME that is an IP address resolves to itself; other names resolve
through `[dns]` in zlint.toml. A name that `[dns]` does not list is an info
finding: zlint cannot tell where it points. A single z/OSMF server with
`HOSTNAME('*')` is not an HA setup and is not reported.

## Why is this bad?
In IBM's z/OSMF HA configuration every server uses the host name of the
distributed DVIPA: clients always connect to that name, the sysplex
distributor sends them to the preferred server and, when it fails, to the
backup. A server with another host name builds URLs (and expects
certificates) for a name the clients do not use, and a server that the DVIPA
is not distributed to never receives a connection, so after a failure there
is nothing to fail over to.

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
HOSTNAME('zosmf.example.com')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLA')
USER_DIR('/global/zosmf/zosmfa')
```
```izuprm system=SYS2
HOSTNAME('*')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLB')
USER_DIR('/global/zosmf/zosmfb')
```
```toml
[dns]
"zosmf.example.com" = "198.51.100.10"
```

## Use instead
```izuprm system=SYS2
HOSTNAME('zosmf.example.com')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLB')
USER_DIR('/global/zosmf/zosmfb')
```

## Known limitations
When a DESTIP of the DVIPA names no system at all (HA301, most likely a
mistyped address of this very system), a server without a DESTIP is not
reported a second time. Name resolution is what `[dns]` says, not what a name server answers. The
rule stays quiet about a DVIPA that a statement that did not parse names,
and when a system's profile could not be read.

## References
- IBM z/OS Management Facility Configuration Guide, "Configuring z/OSMF for high availability"
  (HOSTNAME of the DVIPA on every instance) (IBM text not retrieved: unverified), as summarised
  by the Zowe documentation "Configuring z/OSMF for high availability in Sysplex"
- z/OS MVS Initialization and Tuning Reference, "IZUPRMxx" (HOSTNAME)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.codes import Severity
from zparse.diagnostics import Related
from zparse.engine import Finding, rule

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA320", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    if index.blind:
        return
    unknown: set[str] = set()
    if index.zosmf_ha or index.dvipas():
        for name, server in sorted(index.zosmf.items()):
            if index.resolve(server.hostname) is None:
                unknown.add(name)
                yield Finding(
                    span=server.span("HOSTNAME"),
                    message=(f"HOSTNAME('{server.hostname}') on {name} is not in [dns] of zlint.toml: zlint "
                             "cannot tell whether it resolves to a DVIPA of the sysplex"),
                    help=f'add "{server.hostname}" = "<address>" to [dns] in zlint.toml',
                    severity=Severity.INFO,
                )
    if not index.zosmf_ha:
        return
    in_service = {z.system for svc in index.zosmf_services for z in svc.servers}
    for svc in index.zosmf_services:
        if index.uncertain(svc.dvipa):
            continue
        host = svc.hostnames[0]
        distributed = any(not d.statement.delete for d in index.distributors.get(svc.dvipa, ()))
        owner = index.owner(svc.dvipa)
        for name in svc.systems:
            z = index.zosmf.get(name)
            if z is None or name in unknown or not z.runs_server:
                continue  # no server there (HA326) or AUTOSTART(CONNECT) (HA323/HA326)
            addrs = index.resolve(z.hostname) or ()
            if svc.dvipa in addrs:
                if distributed:
                    if index.distributed_to(svc.dvipa, name):
                        continue
                    if any(t.system is None for t in index.targets.get(svc.dvipa, ())):
                        continue  # a DESTIP names no system (HA301): most likely a typo for this one
                    why = f"no VIPADISTRIBUTE of {svc.dvipa} has a DESTIP for {name}"
                elif name == owner:
                    continue
                else:
                    why = (f"{svc.dvipa} is not distributed (no VIPADISTRIBUTE), so only its owner "
                           f"{owner or '(none)'} receives connections")
                yield Finding(
                    span=z.span("HOSTNAME"),
                    message=f"z/OSMF on {name} is never reached through {z.hostname} ({svc.dvipa}): {why}",
                    help=(f"distribute {svc.dvipa} with VIPADISTRIBUTE ... DESTIP naming {name}'s "
                          "DYNAMICXCF address"),
                )
                continue
            if name in in_service:
                continue  # it belongs to another z/OSMF service
            others = [s for s in svc.servers if s.system != name]
            shown = "HOSTNAME('*') (the local host name)" if z.hostname.strip() == "*" else (
                f"HOSTNAME('{z.hostname}')" + (f" ({', '.join(map(str, addrs))})" if addrs else ""))
            yield Finding(
                span=z.span("HOSTNAME"),
                message=(f"z/OSMF on {name}, a DESTIP target of {svc.dvipa}, uses {shown}, not the DVIPA's "
                         f"host name {host} of the z/OSMF on " + ", ".join(s.system for s in others)),
                related=tuple(Related(s.span("HOSTNAME"), f"HOSTNAME on {s.system}") for s in others),
                help=f"code HOSTNAME('{host}') on {name}",
            )
    if index.zosmf_services:
        return
    servers = index.zosmf_ha_servers
    groups = sorted({z.group for z in servers})
    for z in servers:
        if z.system in unknown:
            continue
        yield Finding(
            span=z.span("HOSTNAME"),
            message=(f"z/OSMF autostarts in {len(groups)} autostart groups ({', '.join(groups)}), but "
                     f"{z.shown('HOSTNAME')} on {z.system} does not resolve to a DVIPA: there is no "
                     "common address for clients to fail over to"),
            related=tuple(Related(o.span("HOSTNAME"), f"HOSTNAME on {o.system}")
                          for o in servers if o.system != z.system),
            help="give every HA server the host name of a distributed DVIPA",
            severity=Severity.WARNING,
        )
