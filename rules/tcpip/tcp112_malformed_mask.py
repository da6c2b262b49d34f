"""An address mask must be contiguous, and a DVIPA must not be the network or broadcast address of its mask.

## What it does
Checks the IPv4 address masks of `VIPADEFINE`, `VIPABACKUP`, `VIPARANGE`,
`IPCONFIG DYNAMICXCF` and `BEGINROUTES ROUTE` and reports a mask whose one
bits are not contiguous from the left (`255.255.0.255`, `255.0.255.0`).

For `VIPADEFINE` and `VIPABACKUP` it also reports an IPv4 DVIPA that is the
network address (all host bits zero) or the broadcast address (all host
bits one) of its own mask, for masks up to /30 (a /31 or /32 has no such
addresses). `VIPARANGE` is not checked for this: its address names the
subnet, so the network address is the normal way to write it.

## Why is this bad?
A non-contiguous mask is almost always a typing error (`255.255.255.0`
with a digit dropped or swapped). The subnet the stack then derives for the
DVIPA or route is not the one the network team planned, so routers learn a
wrong route for the DVIPA, or none, and after a takeover clients cannot
reach the address. A DVIPA that is the network or broadcast address of its
subnet cannot be reached reliably: routers and hosts treat the subnet's
broadcast address as a broadcast, and many drop traffic to the network
address.

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
How z/OS reacts to either case (rejection and message id, or silent
acceptance) is unverified, so both are warnings ("almost certainly a
mistake"), not errors. IPv6 prefixes cannot be non-contiguous and are not
checked. VIPADYNAMIC statements that z/OS never processes (lost after an
error in their block) are not checked.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADEFINE statement"
  (address_mask), "VIPADYNAMIC - VIPABACKUP statement", "VIPADYNAMIC - VIPARANGE statement",
  "IPCONFIG statement" (DYNAMICXCF subnet mask), "BEGINROUTES statement"
- z/OS Communications Server: IP Messages Volume 4: message id unverified
"""

from __future__ import annotations

from collections.abc import Iterator
from ipaddress import IPv4Address, IPv4Network

from zparse.engine import Finding, rule
from zparse.model.tcpip import TcpipProfile, VipaBackup, VipaDefine, VipaRange, mask_prefix
from zparse.source import Span

from ._profile import address_spans, vipa_kind


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
        message=f"address mask {mask} of {where} is not contiguous (its one bits must come first)",
        help="write a contiguous mask such as 255.255.255.0, or a /prefix where the statement allows it",
    )


@rule("TCP112")
def check(profile: TcpipProfile) -> Iterator[Finding]:
    xcf = profile.dynamic_xcf
    if xcf is not None and xcf.mask is not None and mask_prefix(xcf.mask) is None:
        yield _mask_finding(xcf.span, xcf.mask, f"IPCONFIG DYNAMICXCF {xcf.address or xcf.raw}")
    for stmt in profile.vipa:
        if stmt.lost or not isinstance(stmt, (VipaDefine, VipaBackup, VipaRange)) or stmt.mask is None:
            continue
        kind = vipa_kind(stmt)
        prefix = mask_prefix(stmt.mask)
        if prefix is None:
            if isinstance(stmt, VipaRange):
                where = f"{kind} {stmt.address}" if stmt.address else kind
            else:
                where = f"{kind} " + " ".join(str(a) for a in stmt.addresses)
            yield _mask_finding(stmt.span, stmt.mask, where)
            continue
        if isinstance(stmt, VipaRange) or prefix > 30:
            continue
        for address, span in zip(stmt.addresses, address_spans(stmt)):
            if not isinstance(address, IPv4Address):
                continue
            net = IPv4Network(f"{address}/{prefix}", strict=False)
            if address == net.network_address:
                what = "network"
            elif address == net.broadcast_address:
                what = "broadcast"
            else:
                continue
            yield Finding(
                span=span,
                message=(f"{kind} {address} is the {what} address of its subnet {net} "
                         f"(mask {stmt.mask})"),
                help="choose a host address inside the subnet, or a longer mask (255.255.255.255 for "
                     "a single DVIPA)",
            )
    for route in profile.routes:
        if route.mask is None or route.mask == "HOST":
            continue
        mask = _ipv4(route.mask)
        if mask is None:
            continue  # not an address: SYN004 already reported it
        if mask_prefix(mask) is None:
            yield _mask_finding(route.span, mask, f"ROUTE {route.destination}")
