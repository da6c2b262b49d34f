"""A stack that distributes a DVIPA (VIPADISTRIBUTE) needs IPCONFIG DYNAMICXCF.

## What it does
Reports the first `VIPADISTRIBUTE DEFINE` of a profile that has no
`IPCONFIG DYNAMICXCF` (for an IPv4 DVIPA) or no `IPCONFIG6 DYNAMICXCF` (for an
IPv6 DVIPA, named by its interface). The other VIPADISTRIBUTE statements of
the same IP version are listed as related locations: one `DYNAMICXCF` fixes
them all. Tier 1 distribution to non-z/OS targets (`TIER1`) is not checked.

## Why is this bad?
The sysplex distributor forwards each new connection to a target stack over
the dynamic XCF network, and targets are named by their dynamic XCF address
(`DESTIP`). A stack without `DYNAMICXCF` has no dynamic XCF address and no
dynamic XCF links: it cannot be a target itself, and unless every target is
reached through a `VIPAROUTE`, it cannot forward connections either. The
DVIPA answers on the distributing system, but nothing is spread to the
other systems and a hot standby never switches.

## Example
```tcpip
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 192.0.2.2
ENDVIPADYNAMIC
```

## Use instead
```tcpip
IPCONFIG SYSPLEXROUTING DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 192.0.2.2
ENDVIPADYNAMIC
```

## Known limitations
When the profile routes to targets with `VIPAROUTE`, the finding is a
warning, not an error: forwarding may work without dynamic XCF links, but
targets are still identified by dynamic XCF addresses and this stack cannot
be one. The console message z/OS issues (if any) is unverified. An IPCONFIG
statement that did not parse and mentions DYNAMICXCF keeps the rule quiet.

## References
- z/OS Communications Server: IP Configuration Reference, "IPCONFIG statement" (DYNAMICXCF),
  "IPCONFIG6 statement", "VIPADYNAMIC - VIPADISTRIBUTE statement" (DESTIP dynxcfip),
  "VIPADYNAMIC - VIPAROUTE statement"
- z/OS Communications Server: IP Configuration Guide, "Dynamic XCF", "Sysplex distributor"
- z/OS Communications Server: IP Messages Volume 4: message id unverified
"""

from __future__ import annotations

from collections.abc import Iterator

from zparse.codes import Severity
from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import TcpipProfile, VipaDistribute

from ._profile import dvipa_name


def _version(dist: VipaDistribute) -> int | None:
    if dist.vipa is not None:
        return dist.vipa.version
    if dist.interface and "&" not in dist.interface and dist.interface.count(".") != 3:
        return 6  # an IPv6 DVIPA is named by its interface
    return None


@rule("TCP109")
def check(profile: TcpipProfile) -> Iterator[Finding]:
    if profile.mentions_unparsed("DYNAMICXCF"):
        return
    for version in (4, 6):
        xcf = profile.dynamic_xcf if version == 4 else profile.dynamic_xcf6
        if xcf is not None:
            continue
        dists = [d for d in profile.vipa_distributes
                 if not d.lost and not d.delete and d.tier != "TIER1" and _version(d) == version]
        if not dists:
            continue
        first = dists[0]
        statement = "IPCONFIG" if version == 4 else "IPCONFIG6"
        routed = any(not r.lost and not r.delete and r.xcf_address is not None
                     and r.xcf_address.version == version for r in profile.vipa_routes)
        extra = f" (and {len(dists) - 1} more VIPADISTRIBUTE)" if len(dists) > 1 else ""
        yield Finding(
            span=first.vipa_span,
            message=(f"VIPADISTRIBUTE of {dvipa_name(first)}{extra} on a stack without "
                     f"{statement} DYNAMICXCF: connections cannot be forwarded over dynamic XCF "
                     "and this stack cannot be a DESTIP target"),
            related=tuple(Related(d.vipa_span, f"VIPADISTRIBUTE of {dvipa_name(d)}") for d in dists[1:]),
            help=(f"add {statement} DYNAMICXCF with this system's dynamic XCF address"
                  + (", mask and cost metric" if version == 4 else "")),
            severity=Severity.WARNING if routed else None,
        )
