"""Every DESTIP must be the DYNAMICXCF address of a system in the sysplex.

## What it does
Checks every `DESTIP` address of every `VIPADISTRIBUTE` in the sysplex
against the `IPCONFIG DYNAMICXCF` (or `IPCONFIG6 DYNAMICXCF`) addresses of
all systems in the inventory, and reports a target that is none of them. The
finding points at every DYNAMICXCF address it could have meant; when one of
them (not already a target of the same statement) is the single closest and
differs by at most two characters (a typo), the help names it and an unsafe
fix replaces the address.

## Why is this bad?
The sysplex distributor identifies each target stack by its dynamic XCF
address. A DESTIP that is no stack's DYNAMICXCF address matches no target:
connections are never sent there. In a hot-standby setup a mistyped BACKUP
means there is no standby at all, so when the PREFERRED system fails new
connections to the DVIPA are refused although the standby server is up; a
mistyped PREFERRED sends everything to the backup from the start.

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.22 BACKUP
ENDVIPADYNAMIC
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.22 BACKUP
ENDVIPADYNAMIC
```

## Use instead
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
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10 PORT 443
    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP
ENDVIPADYNAMIC
```

## Known limitations
Only the systems in the inventory are known: a target stack that exists but
is not listed is reported too (list it, or suppress the finding). TIER1
distribution (DataPower targets, which DESTIP names by their own address) is
not checked. A DESTIP that is the HOME address of a system without
DYNAMICXCF is HA302. The rule stays quiet when a statement that did not
parse names the address, or when a system's profile could not be read.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADISTRIBUTE statement"
  (DESTIP dynxcfip) and "IPCONFIG statement" (DYNAMICXCF)
- z/OS Communications Server: IP Configuration Guide, "Sysplex distributor"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Edit, Fix, Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import IpAddress
from zparse.source import edit_distance

from ._ha import CROSS_SYSTEM, dest_span, unmatched_destips, xcf_related

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA301", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(sysplex, index)


def _check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    # Built once, so that many DESTIPs and many systems cost n log n, not n x m.
    statics_of: dict[IpAddress, list[tuple[str, str]]] = {}
    for name, table in sorted(index.static.items()):
        for a, kinds in table.items():
            statics_of.setdefault(a, []).extend((name, kind) for kind, _ in kinds)
    candidates_of: dict[int, list[IpAddress]] = {}
    for a in sorted(index.xcf):
        candidates_of.setdefault(a.version, []).append(a)
    near_index = {v: _NearIndex(c) for v, c in candidates_of.items()}
    related_of: dict[int, tuple[Related, ...]] = {}
    named_of: dict[int, set[IpAddress | None]] = {}
    for dist, dest, addr in unmatched_destips(sysplex, index):
        statics = statics_of.get(addr, [])
        if any(not index.xcf_of.get(name) for name, _ in statics):
            continue  # the HOME address of a system without DYNAMICXCF: HA302
        span = dest_span(dest)
        candidates = candidates_of.get(addr.version, [])
        named = named_of.get(id(dist))
        if named is None:
            named = named_of[id(dist)] = {d.address for d in dist.dest_ips}
        near = near_index[addr.version].closest(addr, named) if candidates else []
        if addr.version not in related_of:
            related_of[addr.version] = xcf_related(index, addr.version)
        help_ = None
        fix = None
        if statics:
            name, kind = statics[0]
            xcfs = ", ".join(str(x.address) for x in index.xcf_of.get(name, ()))
            help_ = (f"{addr} is {name}'s {kind} address; DESTIP names a target by its "
                     f"DYNAMICXCF address ({xcfs})")
        elif len(near) == 1:
            help_ = f"did you mean {near[0]}?"
            if span.text == dest.raw:
                fix = Fix(f"replace {dest.raw} with {near[0]}", (Edit(span, str(near[0])),),
                          safe=False)
        elif candidates:
            help_ = "the DYNAMICXCF addresses are " + ", ".join(map(str, candidates))
        else:
            help_ = "no system of the sysplex has IPCONFIG DYNAMICXCF"
        yield Finding(
            span=span,
            message=(f"DESTIP {dest.raw} of the VIPADISTRIBUTE of {dist.raw} is not the "
                     "DYNAMICXCF address of any system in the sysplex: no connection is "
                     "ever sent there"),
            related=related_of[addr.version],
            help=help_,
            fix=fix,
        )


class _NearIndex:
    """The "did you mean" look-up: addresses within two edits of a mistyped one.

    Symmetric deletion (every spelling with up to two characters deleted is a
    key) finds the addresses within two insertions, deletions or changes
    without comparing the DESTIP with every DYNAMICXCF address; the few it
    finds are then measured with :func:`~zparse.source.edit_distance`. Two
    swaps of neighbours (distance 2, but 4 plain edits) are not found: such a
    DESTIP gets the list of every DYNAMICXCF address instead.
    """

    def __init__(self, addresses: list[IpAddress]) -> None:
        self.keys: dict[str, list[IpAddress]] = {}
        for a in addresses:
            for k in _deletions(str(a)):
                self.keys.setdefault(k, []).append(a)

    def closest(self, addr: IpAddress, named: set[IpAddress | None]) -> list[IpAddress]:
        """The candidates at the smallest distance (at most 2) from ``addr``, not already named."""
        seen: set[IpAddress] = set()
        for k in _deletions(str(addr)):
            seen.update(a for a in self.keys.get(k, ()) if a not in named)
        distance = {a: edit_distance(str(a), str(addr)) for a in sorted(seen)}
        best = min(distance.values(), default=99)
        return [a for a, n in distance.items() if n == best <= 2]


def _deletions(word: str) -> set[str]:
    one = {word[:i] + word[i + 1:] for i in range(len(word))}
    two = {w[:i] + w[i + 1:] for w in one for i in range(len(w))}
    return {word} | one | two
