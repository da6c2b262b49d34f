"""z/OSMF HA servers should share KEYRING_NAME and SAF_PREFIX.

## What it does
For each z/OSMF service (the servers whose `HOSTNAME` resolves to one DVIPA)
it reports a server whose `KEYRING_NAME` (default `IZUKeyring.IZUDFLT`) or
`SAF_PREFIX` (default `IZUDFLT`) differs from the reference server's (the
server on the DVIPA's owner).

## Why is this bad?
The HA servers stand for one z/OSMF: after a failover the clients talk to
the other server under the same host name. A different key ring may present
a different certificate (or none for that host name), so browsers and API
clients reject the connection; a different SAF prefix checks users against
other SAF profiles, so users lose (or gain) authority on failover. IBM's HA
setup requires the same values on every instance.

It is a warning, not an error: the standby server still starts and serves,
and both key rings may well hold a valid certificate; the difference is
almost certainly a mistake, not a certain failure.

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
KEYRING_NAME('IZUKeyring.IZUDFLT')
```
```izuprm system=SYS2
HOSTNAME('198.51.100.10')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLB')
USER_DIR('/global/zosmf/zosmfb')
KEYRING_NAME('IZUKeyring.SYS2')
```

## Use instead
```izuprm system=SYS2
HOSTNAME('198.51.100.10')
AUTOSTART(LOCAL)
AUTOSTART_GROUP('IZUDFLB')
USER_DIR('/global/zosmf/zosmfb')
KEYRING_NAME('IZUKeyring.IZUDFLT')
```

## Known limitations
Only the IZUPRMxx values are compared; whether the key rings and SAF
profiles exist (RACF) is outside zlint's view. Values are compared as
z/OSMF reads them (unquoted values upper-cased).

## References
- IBM z/OS Management Facility Configuration Guide, "Configuring z/OSMF for high availability"
  (same KEYRING_NAME and SAF_PREFIX everywhere) (IBM text not retrieved: unverified), as
  summarised by the Zowe documentation "Configuring z/OSMF for high availability in Sysplex"
- z/OS MVS Initialization and Tuning Reference, "IZUPRMxx" (KEYRING_NAME, SAF_PREFIX)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex

_SETTINGS = (("KEYRING_NAME", "keyring"), ("SAF_PREFIX", "saf_prefix"))


@rule("HA325", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    for svc in index.zosmf_services:
        ref = svc.reference
        for z in svc.servers:
            if z.system == ref.system:
                continue
            for name, attr in _SETTINGS:
                if getattr(z, attr) == getattr(ref, attr):
                    continue
                yield Finding(
                    span=z.span(name),
                    message=(f"{z.shown(name)} on {z.system} differs from {ref.shown(name)} on "
                             f"{ref.system}: after a failover clients of {svc.hostnames[0]} meet "
                             + ("another certificate" if name == "KEYRING_NAME" else "other SAF profiles")),
                    related=(Related(ref.span(name), f"{name} on {ref.system}"),),
                    help=f"code the same {name} on every z/OSMF server behind {svc.hostnames[0]}",
                )
