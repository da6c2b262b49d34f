"""VIPADISTRIBUTE needs a DVIPA that the same stack defines (VIPADEFINE) or backs up (VIPABACKUP).

## What it does
Follows the VIPADYNAMIC statements in processing order and reports a
`VIPADISTRIBUTE DEFINE` whose DVIPA (IPv4 address, or IPv6 interface name)
is not defined by a `VIPADEFINE` or `VIPABACKUP` of this profile at that
point: never defined, or removed by an earlier `VIPADELETE` (error), or
defined only by a later statement (warning).

## Why is this bad?
The sysplex distributor works on a DVIPA that the distributing stack owns
or backs up; IBM's VIPADISTRIBUTE statement is defined "for a dynamic VIPA
(defined on the same stack by a VIPADEFINE or VIPABACKUP statement)". Without
that definition there is nothing to distribute: clients that connect to the
address are not spread over the targets, and if the stack is the backup
distributor it cannot take the distribution over. The usual cause is a typo
in one of the two addresses, or a VIPADEFINE copied to one system's profile
but not the other's.

## Example
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE 198.51.100.11 PORT 443 DESTIP 192.0.2.1
ENDVIPADYNAMIC
```

## Use instead
```tcpip
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE 198.51.100.10 PORT 443 DESTIP 192.0.2.1
ENDVIPADYNAMIC
```

## Known limitations
The message id that z/OS issues for an undefined DVIPA is unverified. So is
whether z/OS accepts a VIPADISTRIBUTE that precedes its VIPADEFINE in the
same data set; IBM's examples always code the definition first, and zlint
reports that order as a warning, not an error, so as not to cry wolf.
An OBEYFILE data set that distributes a DVIPA defined by the running
profile is checked on its own and is reported; lint it together with its
profile or suppress the finding. A DVIPA named by a statement that did not
parse, or by a VIPADYNAMIC statement that z/OS never processes, keeps the
rule quiet (the syntax error is the finding); so does a VIPADEFINE or
VIPABACKUP whose DVIPA the model could not read.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADISTRIBUTE statement"
  ("a dynamic VIPA (defined on the same stack by a VIPADEFINE or VIPABACKUP statement)")
- z/OS Communications Server: IP Messages Volume 4: message id unverified
"""

from __future__ import annotations

from collections.abc import Iterator

from zparse.codes import Severity
from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import TcpipProfile, VipaBackup, VipaDefine, VipaDelete, VipaDistribute
from zparse.source import Span

from ._profile import dvipa_name, line_of, vipa_kind


def _key(dist: VipaDistribute) -> str | None:
    if dist.vipa is not None:
        return str(dist.vipa)
    name = dist.interface
    if not name or "&" in name or name.count(".") == 3:
        return None  # unresolved symbol or a malformed address, already reported
    return "intf:" + name


def _keys(stmt: VipaDefine | VipaBackup) -> list[str]:
    out = [str(a) for a in stmt.addresses]
    if stmt.interface is not None:
        out.append("intf:" + stmt.interface)
    return out


@rule("TCP103")
def check(profile: TcpipProfile) -> Iterator[Finding]:
    defined: dict[str, VipaDefine | VipaBackup] = {}
    deleted: dict[str, Span] = {}
    pending: list[tuple[VipaDistribute, str]] = []
    lost_names: set[str] = set()
    for stmt in profile.vipa:
        if isinstance(stmt, (VipaDefine, VipaBackup)):
            if stmt.lost:
                lost_names.update(_keys(stmt))
                continue
            for k in _keys(stmt):
                defined.setdefault(k, stmt)
                deleted.pop(k, None)
        elif isinstance(stmt, VipaDelete) and not stmt.lost:
            keys = [str(a) for a in stmt.addresses]
            if stmt.interface is not None:
                keys.append("intf:" + stmt.interface)
                gone = defined.get("intf:" + stmt.interface)
                if gone is not None:
                    keys.extend(str(a) for a in gone.addresses)
            for k in keys:
                if defined.pop(k, None) is not None:
                    deleted[k] = stmt.span
        elif isinstance(stmt, VipaDistribute) and not stmt.lost and not stmt.delete:
            key = _key(stmt)
            if key is None or key in defined:
                continue
            if key in deleted:
                yield Finding(
                    span=stmt.vipa_span,
                    message=(f"VIPADISTRIBUTE for {dvipa_name(stmt)}, which the VIPADELETE on "
                             f"{line_of(deleted[key])} removed from this stack"),
                    related=(Related(deleted[key], f"VIPADELETE of {dvipa_name(stmt)}"),),
                    help="define the DVIPA again (VIPADEFINE or VIPABACKUP) before distributing it, "
                         "or drop the VIPADISTRIBUTE",
                )
                continue
            pending.append((stmt, key))
    # The distributes with no definition before them: defined later, or not at all.
    unreadable = any(isinstance(s, (VipaDefine, VipaBackup)) and not s.lost and not _keys(s)
                     for s in profile.vipa)
    for dist, key in pending:
        name = dvipa_name(dist)
        definition = _first_after(profile, dist, key)
        if definition is not None:
            yield Finding(
                span=dist.vipa_span,
                message=(f"VIPADISTRIBUTE for {name} comes before the {vipa_kind(definition)} that "
                         f"defines it on {line_of(definition.span)}"),
                related=(Related(definition.span, f"{vipa_kind(definition)} of {name}"),),
                help=f"move the {vipa_kind(definition)} of {name} before the VIPADISTRIBUTE",
                severity=Severity.WARNING,
            )
            continue
        bare = key.removeprefix("intf:")
        if key in lost_names or profile.mentions_unparsed(bare) or profile.mentions_unparsed(dist.raw):
            continue
        if unreadable:
            continue  # a definition whose DVIPA the model could not capture may be this one
        yield Finding(
            span=dist.vipa_span,
            message=(f"VIPADISTRIBUTE for {name}, which this stack does not define or back up "
                     "(no VIPADEFINE or VIPABACKUP for it)"),
            help=f"add VIPADEFINE (owner) or VIPABACKUP (backup distributor) for {name} before the "
                 "VIPADISTRIBUTE, or correct the address",
        )


def _first_after(profile: TcpipProfile, dist: VipaDistribute,
                 key: str) -> VipaDefine | VipaBackup | None:
    seen = False
    for stmt in profile.vipa:
        if stmt is dist:
            seen = True
            continue
        if seen and isinstance(stmt, (VipaDefine, VipaBackup)) and not stmt.lost and key in _keys(stmt):
            return stmt
    return None
