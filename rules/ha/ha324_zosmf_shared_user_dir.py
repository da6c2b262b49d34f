"""Concurrent z/OSMF servers need USER_DIRs of their own.

## What it does
Among the z/OSMF servers of an HA setup that autostart (`AUTOSTART(LOCAL)`)
in different autostart groups, and so run at the same time, it reports two
that use the same `USER_DIR` (default `/global/zosmf`; compared after
removing repeated and trailing slashes). Servers of the same group are one
server (HA322), so they may share it. It also reports, as a warning, a
server whose `USER_DIR` contains another concurrent server's (IBM's default
`/global/zosmf` on one system and `/global/zosmf/zosmfb` on the other).

## Why is this bad?
The user directory holds the server's configuration and persistent data,
and the running server holds an ENQ on its file system. A second server
that uses the same directory either fails to start or corrupts the first
one's data: IBM requires a separate user directory for each active
instance. A user directory below another one is not separate either: the
inner server's data lies in the outer server's tree, and a file system
mounted at the inner directory depends on the one mounted at the outer
(when the outer one is unmounted, for instance because its owning system
left the sysplex with `AUTOMOVE=UNMOUNT`, everything mounted within it goes
too). That is a warning: it breaks only with some mount setups.

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
USER_DIR('/global/zosmf')
```
```izuprm system=SYS2
HOSTNAME('198.51.100.10')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLB')
USER_DIR('/global/zosmf/')
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
Paths are compared as text: two different paths that reach the same
directory through a symbolic link on z/OS UNIX are not recognised. Mount
points are not known to zlint: a nested directory is reported whether or not
it is a file system of its own.

## References
- IBM z/OS Management Facility Configuration Guide, "Configuring z/OSMF for high availability"
  (a unique USER_DIR per autostart group) and "Configuring z/OSMF for availability" (z/OS 2.2:
  each active instance needs its own user directory and file system)
- z/OS MVS Initialization and Tuning Reference, "IZUPRMxx" (USER_DIR)
- z/OS UNIX System Services Planning, "Managing the movement of data" (AUTOMOVE UNMOUNT unmounts
  the file systems mounted within one)
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


@rule("HA324", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _inside(inner: str, outer: str) -> bool:
    """Whether directory ``inner`` lies below directory ``outer`` (normalised paths)."""
    return inner != outer and inner.startswith(outer.rstrip("/") + "/")


def _check(index: SysplexIndex) -> Iterator[Finding]:
    running = [z for z in index.zosmf_ha_servers if z.runs_server]
    for z in running:
        concurrent = [o for o in running if o.system != z.system and o.group != z.group]
        others = [o for o in concurrent if o.user_dir == z.user_dir]
        if others:
            yield Finding(
                span=z.span("USER_DIR"),
                message=(f"{z.shown('USER_DIR')} on {z.system} is also the user directory of "
                         + ", ".join(f"{o.system} (group {o.group})" for o in others)
                         + f"; their servers run at the same time as {z.system}'s (group {z.group})"),
                related=tuple(Related(o.span("USER_DIR"), f"USER_DIR on {o.system}") for o in others),
                help="give each concurrently running z/OSMF server its own USER_DIR (e.g. /global/zosmf/zosmfa)",
            )
        inner = [o for o in concurrent if _inside(o.user_dir, z.user_dir)]
        if inner:
            yield Finding(
                span=z.span("USER_DIR"),
                message=(f"{z.shown('USER_DIR')} on {z.system} contains the user directory of "
                         + ", ".join(f"{o.system} ({o.user_dir})" for o in inner)
                         + f": that server's data lies inside the tree of {z.system}'s server, and a file "
                         "system mounted there depends on the one mounted at "
                         f"{z.user_dir}"),
                related=tuple(Related(o.span("USER_DIR"), f"USER_DIR on {o.system}") for o in inner),
                help=(f"give {z.system}'s server a directory of its own beside the others "
                      f"(e.g. {z.user_dir.rstrip('/')}/zosmf{z.system.lower()}), not above them"),
                severity=Severity.WARNING,
            )
