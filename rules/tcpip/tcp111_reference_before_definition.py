"""Names must be defined before they are used: DEVICE before LINK, LINK before HOME, ROUTE and PRIMARYINTERFACE.

## What it does
Follows the profile in processing order (INCLUDEs inline) and reports:

- a `LINK` whose device is defined by a later `DEVICE`, or by none;
- a `HOME` entry whose link is defined by a later `LINK`, or by none (the
  reserved name `LOOPBACK` is fine);
- a `HOME` entry that names an `INTERFACE`: INTERFACE-defined interfaces
  carry their own `IPADDR` and cannot be in the HOME list;
- a `ROUTE` (BEGINROUTES) whose link or interface is defined only later in
  the profile;
- a `PRIMARYINTERFACE` that names a link or interface defined later, or not
  at all.

`START` and `STOP` are not checked: z/OS processes them after all other
statements of the data set, so a START before its DEVICE is correct.

## Why is this bad?
The stack reads the profile once, top to bottom, and a statement can only
refer to what is already defined. A LINK that names an unknown device, or a
HOME entry for an unknown link, is rejected; the interface then has no
address, its routes are not installed, and the system is unreachable on
that network after an IPL even though every statement "is there". The same
happens when an INCLUDE with the DEVICE statements is moved below the LINKs.

## Example
```tcpip
LINK ETH1 IPAQENET OSA1
DEVICE OSA1 MPCIPA
HOME 10.1.1.1 ETH1
```

## Use instead
```tcpip
DEVICE OSA1 MPCIPA
LINK ETH1 IPAQENET OSA1
HOME 10.1.1.1 ETH1
```

## Known limitations
A ROUTE that names a link zlint does not know is not reported: dynamic XCF
creates links (EZASAMEMVS, IQDIOLNK...) that no statement defines. A
PRIMARYINTERFACE that names a DVIPA link (VIPL...) is accepted. A name that
appears in a statement that did not parse keeps the rule quiet. The console
message ids are unverified.

## References
- z/OS Communications Server: IP Configuration Reference, "DEVICE and LINK statements",
  "HOME statement" (link_name from an earlier LINK statement or LOOPBACK; not for
  INTERFACE-defined interfaces), "BEGINROUTES statement", "PRIMARYINTERFACE statement"
  (the interface must already be defined), "START statement" (processed after all other
  statements)
- z/OS Communications Server: IP Messages Volume 4: message ids unverified
"""

from __future__ import annotations

from collections.abc import Iterator

from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import TcpipProfile
from zparse.source import Span

from ._profile import line_of, order


@rule("TCP111")
def check(profile: TcpipProfile) -> Iterator[Finding]:
    position = order(profile)
    devices: dict[str, tuple[int, Span]] = {}
    for d in profile.devices:
        devices.setdefault(d.name, (position(d.span), d.name_span))
    links: dict[str, tuple[int, Span]] = {}
    for lk in profile.links:
        links.setdefault(lk.name, (position(lk.span), lk.name_span))
    interfaces: dict[str, tuple[int, Span]] = {}
    for i in profile.interfaces:
        if i.action == "DEFINE":
            interfaces.setdefault(i.name, (position(i.span), i.name_span))

    def quiet(name: str) -> bool:
        return "&" in name or profile.mentions_unparsed(name)

    for lk in profile.links:
        dev = lk.device
        if dev is None or quiet(dev):
            continue
        here = position(lk.span)
        found = devices.get(dev)
        span = lk.device_span or lk.span
        if found is not None and found[0] < here:
            continue
        if found is not None:
            yield Finding(
                span=span,
                message=(f"LINK {lk.name} names DEVICE {dev}, which is defined only later, on "
                         f"{line_of(found[1])} (z/OS rejects the LINK)"),
                related=(Related(found[1], f"DEVICE {dev}"),),
                help=f"move DEVICE {dev} before LINK {lk.name}",
            )
        else:
            yield Finding(
                span=span,
                message=f"LINK {lk.name} names DEVICE {dev}, which is not defined (z/OS rejects the LINK)",
                help=f"add a DEVICE {dev} statement before LINK {lk.name}, or correct the device name",
            )

    for h in profile.home:
        name = h.link
        if name == "LOOPBACK" or quiet(name):
            continue
        here = position(h.span)
        found = links.get(name)
        if found is not None and found[0] < here:
            continue
        if found is None and name in interfaces:
            intf = interfaces[name]
            yield Finding(
                span=h.link_span,
                message=(f"HOME {h.raw} names INTERFACE {name}: an interface defined by INTERFACE "
                         "carries its own IPADDR and cannot be in the HOME list"),
                related=(Related(intf[1], f"INTERFACE {name}"),),
                help=f"remove this HOME entry and code the address on INTERFACE {name} IPADDR",
            )
        elif found is not None:
            yield Finding(
                span=h.link_span,
                message=(f"HOME {h.raw} names link {name}, which is defined only later, on "
                         f"{line_of(found[1])} (z/OS rejects the HOME entry)"),
                related=(Related(found[1], f"LINK {name}"),),
                help=f"move the HOME statement after LINK {name}",
            )
        else:
            yield Finding(
                span=h.link_span,
                message=f"HOME {h.raw} names link {name}, which no LINK statement defines",
                help=f"add DEVICE and LINK statements for {name} before HOME, or correct the link name",
            )

    for r in profile.routes:
        name = r.link
        if quiet(name):
            continue
        here = position(r.span)
        defs = [f for f in (links.get(name), interfaces.get(name)) if f is not None]
        if not defs or any(f[0] < here for f in defs):
            continue
        first = min(defs, key=lambda f: f[0])
        yield Finding(
            span=r.link_span,
            message=(f"ROUTE to {r.destination} uses {name}, which is defined only later, on "
                     f"{line_of(first[1])} (z/OS rejects the route)"),
            related=(Related(first[1], name),),
            help=f"move the BEGINROUTES block after the definition of {name}",
        )

    for ref in profile.statements:
        if ref.keyword != "PRIMARYINTERFACE" or not ref.name:
            continue
        name = ref.name
        if quiet(name) or name.startswith("VIPL"):
            continue
        here = position(ref.span)
        defs = [f for f in (links.get(name), interfaces.get(name)) if f is not None]
        if any(f[0] < here for f in defs):
            continue
        if defs:
            first = min(defs, key=lambda f: f[0])
            yield Finding(
                span=ref.span,
                message=(f"PRIMARYINTERFACE {name} comes before the definition of {name} on "
                         f"{line_of(first[1])}"),
                related=(Related(first[1], name),),
                help=f"move PRIMARYINTERFACE after the LINK or INTERFACE statement of {name}",
            )
        else:
            yield Finding(
                span=ref.span,
                message=f"PRIMARYINTERFACE {name} names no LINK or INTERFACE of this profile",
                help="name an IPv4 link or interface defined earlier in the profile",
            )
