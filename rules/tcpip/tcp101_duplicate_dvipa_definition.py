"""A DVIPA may be defined only once per profile (VIPADEFINE or VIPABACKUP) unless a VIPADELETE comes first.

## What it does
Follows the VIPADYNAMIC statements in processing order and reports a
`VIPADEFINE` or `VIPABACKUP` that names a DVIPA which an earlier `VIPADEFINE`
or `VIPABACKUP` of the same profile already defined, with no `VIPADELETE`
of it in between. For IPv6, the interface name counts as well as the address.

A repeat that is *identical* to the first definition (same statement, mask,
`MOVEABLE`, `TIER`/`CPCSCOPE`, `SERVICEMGR` and, for `VIPABACKUP`, rank) is
reported at info severity only: z/OS ignores an identical `VIPADEFINE`
silently, so it changes nothing, but it is clutter that hides the real
definition. A differing repeat is an error.

## Why is this bad?
IBM allows one `VIPADEFINE` or `VIPABACKUP` per DVIPA in a profile; a later
one is rejected unless a `VIPADELETE` for the DVIPA precedes it. The stack
keeps the first definition, so the mask, the `MOVEABLE` mode or the backup
rank that the operator reads in the second statement are not the ones in
effect. A DVIPA that was meant to be owned (`VIPADEFINE`) after being a
backup, or the other way round, silently keeps its old role and takes part
in takeover differently from the plan.

## Example
```tcpip
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPABACKUP 100 198.51.100.10
ENDVIPADYNAMIC
```

## Use instead
```tcpip
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADELETE 198.51.100.10
  VIPABACKUP 100 198.51.100.10
ENDVIPADYNAMIC
```

## Known limitations
VIPADYNAMIC statements lost after a syntax error (or after EZZ0831I) are
not counted: z/OS never processes them. When a statement that did not parse
names the DVIPA, the rule stays quiet (it may have been a VIPADELETE). The
IPv4 message id for the rejected repeat is unverified; for IPv6 z/OS issues
EZZ9654I after the reason message.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADEFINE statement"
  and "VIPADYNAMIC - VIPABACKUP statement" (rule: only one statement per DVIPA unless
  VIPADELETE precedes the last instance)
- z/OS Communications Server: IP Configuration Guide, "Dynamic VIPA creation results"
  (an identical repeat is ignored without a message)
- z/OS Communications Server: IP Messages Volume 4, EZZ9654I (IPv6); the IPv4 message id is
  unverified
"""

from __future__ import annotations

from collections.abc import Iterator

from zparse.codes import Severity
from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import IpAddress, TcpipProfile, VipaBackup, VipaDefine, VipaDelete
from zparse.source import Span

from ._profile import line_of, vipa_kind

Definition = VipaDefine | VipaBackup


def _signature(stmt: Definition) -> tuple[object, ...]:
    """What makes two definitions of one DVIPA the same (effective values)."""
    rank = stmt.rank_effective if isinstance(stmt, VipaBackup) else None
    return (type(stmt).__name__, stmt.mask, stmt.prefix_len, stmt.interface, stmt.moveable_effective,
            stmt.tier, stmt.cpcscope, stmt.service_mgr, rank)


def _keys(stmt: Definition, address: IpAddress) -> list[tuple[str, str]]:
    keys = [("address", str(address))]
    if stmt.interface is not None:
        keys.append(("interface", stmt.interface))
    return keys


@rule("TCP101")
def check(profile: TcpipProfile) -> Iterator[Finding]:
    seen: dict[tuple[str, str], tuple[Definition, Span]] = {}
    for stmt in profile.vipa:
        if stmt.lost:
            continue
        if isinstance(stmt, VipaDelete):
            for a in stmt.addresses:
                seen.pop(("address", str(a)), None)
            if stmt.interface is not None:
                gone = seen.pop(("interface", stmt.interface), None)
                if gone is not None:
                    for a in gone[0].addresses:
                        seen.pop(("address", str(a)), None)
            continue
        if not isinstance(stmt, (VipaDefine, VipaBackup)):
            continue
        for address, span in stmt.located():
            first = next((seen[k] for k in _keys(stmt, address) if k in seen), None)
            if first is None:
                for k in _keys(stmt, address):
                    seen[k] = (stmt, span)
                continue
            if profile.mentions_unparsed(str(address)) or (
                    stmt.interface is not None and profile.mentions_unparsed(stmt.interface)):
                continue
            prev, prev_span = first
            kind, prev_kind = vipa_kind(stmt), vipa_kind(prev)
            what = str(address) if address in prev.addresses else f"{stmt.interface} ({address})"
            related = (Related(prev_span, f"first {prev_kind} of {what.split(' ')[0]}"),)
            if address in prev.addresses and _signature(stmt) == _signature(prev):
                yield Finding(
                    span=span,
                    message=(f"{kind} of {address} repeats the {prev_kind} on {line_of(prev_span)} "
                             "identically (z/OS ignores the repeat)"),
                    related=related,
                    help=f"remove {address} from this {kind}",
                    severity=Severity.INFO,
                )
                continue
            msg_id = ": EZZ9654I" if address.version == 6 else ""
            yield Finding(
                span=span,
                message=(f"{kind} of {what} without VIPADELETE after the {prev_kind} on "
                         f"{line_of(prev_span)} (z/OS rejects it{msg_id}; the first definition stays)"),
                related=related,
                help=(f"delete the earlier {prev_kind}, or code VIPADELETE {address} before this "
                      f"{kind} if the definition is meant to change"),
            )
