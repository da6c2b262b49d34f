"""An address mask must be contiguous: one bits first, then zero bits.

## What it does
Checks the IPv4 address masks of `VIPADEFINE`, `VIPABACKUP`, `VIPARANGE`,
`IPCONFIG DYNAMICXCF` and `BEGINROUTES ROUTE` and reports a mask whose one
bits are not contiguous from the left (`255.255.0.255`, `255.0.255.0`).

A DVIPA that is the network or the broadcast address of its own mask is
*not* reported: IBM's own multi-stack example defines
`VIPADEFINE 255.255.255.240 201.2.10.14 201.2.10.15`, where 201.2.10.15 is
the broadcast address of 201.2.10.0/28, and shows it active in the
Netstat VIPADCFG output. The mask names the subnet the DVIPA belongs to;
the DVIPA itself is a host address of the stack.

## Why is this bad?
IBM defines a subnet mask as one or more one bits followed by zero bits,
with no one bit to the right of a zero bit; any other mask is not valid. A
mask with a hole is almost always a typing error (`255.255.255.0` with a
digit dropped or swapped). The subnet the stack derives from it for the
DVIPA, the XCF interfaces or the route is not the one the network team
planned, so routers learn a wrong route for the DVIPA, or none, and after a
takeover clients cannot reach the address.

## Example
```tcpip
VIPADYNAMIC
  VIPADEFINE 255.255.0.255 198.51.100.10
ENDVIPADYNAMIC
```

## Use instead
```tcpip
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
ENDVIPADYNAMIC
```

## Known limitations
The finding is an error because IBM's text makes such a mask invalid; the
message id z/OS issues for it, and whether it rejects the statement or
accepts a wrong subnet, are unverified. IPv6 prefixes cannot be
non-contiguous and are not checked. VIPADYNAMIC statements that z/OS never
processes (lost after an error in their block) are not checked.

## References
- z/OS Communications Server: IP Configuration Reference, "ATMLIS statement" (SUBNETMASK:
  the rule that a mask is one bits followed by zero bits), "VIPADYNAMIC - VIPADEFINE statement"
  (address_mask), "VIPADYNAMIC - VIPABACKUP statement", "VIPADYNAMIC - VIPARANGE statement",
  "IPCONFIG statement" (DYNAMICXCF subnet mask), "BEGINROUTES statement"
- z/OS Communications Server: IP Configuration Guide, "Examples of dynamic VIPA and sysplex
  distributor configuration" (the multi-stack example with DVIPA 201.2.10.15 and mask
  255.255.255.240) and "Verifying the dynamic VIPA configuration using Netstat" (201.2.10.15/28
  defined)
"""

from __future__ import annotations

from collections.abc import Iterator
from ipaddress import IPv4Address

from zparse.engine import Finding, rule
from zparse.model.tcpip import TcpipProfile, VipaBackup, VipaDefine, VipaRange, mask_prefix
from zparse.source import Span

from ._profile import vipa_kind


def _narrow(span: Span, written: str) -> Span:
    """The span of ``written`` inside ``span`` (first occurrence), else ``span`` itself."""
    at = span.text.find(written)
    if at < 0:
        return span
    return Span(span.source, span.start + at, span.start + at + len(written))


def _ipv4(text: str) -> IPv4Address | None:
    """A dotted-decimal mask as written (leading zeros allowed, as z/OS does)."""
    parts = text.split(".")
    if len(parts) != 4 or not all(p.isdigit() and int(p) <= 255 for p in parts):
        return None
    return IPv4Address(".".join(str(int(p)) for p in parts))


def _mask_finding(span: Span, mask: IPv4Address, where: str) -> Finding:
    return Finding(
        span=_narrow(span, str(mask)),
        message=f"address mask {mask} of {where} is not contiguous: IBM requires its one bits first, then zero bits",
        help="write a contiguous mask such as 255.255.255.0, or a /prefix where the statement allows it",
    )


@rule("TCP112")
def check(profile: TcpipProfile) -> Iterator[Finding]:
    xcf = profile.dynamic_xcf
    if xcf is not None and xcf.mask is not None and mask_prefix(xcf.mask) is None:
        yield _mask_finding(xcf.span, xcf.mask, f"IPCONFIG DYNAMICXCF {xcf.address or xcf.raw}")
    for stmt in profile.vipa:
        if (stmt.lost or not isinstance(stmt, (VipaDefine, VipaBackup, VipaRange)) or stmt.mask is None
                or mask_prefix(stmt.mask) is not None):
            continue
        kind = vipa_kind(stmt)
        if isinstance(stmt, VipaRange):
            where = f"{kind} {stmt.address}" if stmt.address else kind
        else:
            where = f"{kind} " + " ".join(str(a) for a in stmt.addresses)
        yield _mask_finding(stmt.span, stmt.mask, where)
    for route in profile.routes:
        if route.mask is None or route.mask == "HOST":
            continue
        mask = _ipv4(route.mask)
        if mask is None:
            continue  # not an address: SYN004 already reported it
        if mask_prefix(mask) is None:
            yield _mask_finding(route.span, mask, f"ROUTE {route.destination}")
