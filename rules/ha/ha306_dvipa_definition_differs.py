"""Systems should define the same DVIPA with the same mask and options.

## What it does
Compares every `VIPADEFINE` and `VIPABACKUP` of one DVIPA across the
systems of the sysplex: the address mask (or prefix length), the `MOVEABLE`
option (VIPADEFINE defaults to MOVEABLE IMMEDIATE; a plain VIPABACKUP codes
none and is not compared), the IPv6 interface name, and `TIER1`/`TIER2`/
`CPCSCOPE`. Each definition that differs from the reference (the first
VIPADEFINE by system name, else the first VIPABACKUP) is reported with a
pointer to it.

## Why is this bad?
IBM advises coding the same values on the primary and the backup stacks.
After a takeover the DVIPA gets the new owner's mask and movement rules: a
different mask changes the subnet that routers learn, a different MOVEABLE
option changes whether the original owner takes the DVIPA back. For IPv6,
takeover works only when the interface name and address match. A TIER1,
TIER2 or CPCSCOPE mismatch is an error: z/OS resolves it in favour of the
earlier definition and the later stack deletes all its definitions of the
DVIPA, VIPADISTRIBUTE included.

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.20
ENDVIPADYNAMIC
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.128 198.51.100.20
ENDVIPADYNAMIC
```

## Use instead
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.20
ENDVIPADYNAMIC
```

## Known limitations
SERVICEMGR is not compared. The rule stays quiet about a DVIPA that a
statement that did not parse (or one lost after a syntax error) names.

## References
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADEFINE statement",
  "VIPADYNAMIC - VIPABACKUP statement"
- z/OS Communications Server: IP Configuration Guide, "Resolving dynamic VIPA conflicts"
  (TIER1/TIER2/CPCSCOPE contention), "Planned DVIPA takeback"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.codes import Severity
from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import VipaBackup, VipaDefine, mask_prefix
from zparse.source import Span

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


def _prefix(st: VipaDefine | VipaBackup) -> int | None:
    if st.prefix_len is not None:
        return st.prefix_len
    if st.mask is not None:
        return mask_prefix(st.mask)
    return None


def _options(st: VipaDefine | VipaBackup) -> dict[str, str | None]:
    """What a definition codes; None for what it leaves open."""
    plain_backup = isinstance(st, VipaBackup) and st.moveable is None and st.mask is None \
        and st.prefix_len is None
    prefix = _prefix(st)
    out: dict[str, str | None] = {
        "mask": None if prefix is None else (str(st.mask) if st.mask is not None else f"/{prefix}"),
        "MOVEABLE": None if plain_backup else st.moveable_effective.value,
        "interface": st.interface.upper() if st.interface else None,
    }
    tier = " ".join(x for x in (st.tier or "", "CPCSCOPE" if st.cpcscope else "") if x)
    out["tier"] = tier or "none"
    return out


@rule("HA306", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    for addr in index.dvipas():
        if index.uncertain(addr):
            continue
        entries: list[tuple[str, str, VipaDefine | VipaBackup, Span]] = [
            (d.system, "VIPADEFINE", d.statement, d.span) for d in index.owners.get(addr, ())]
        entries += [(b.system, "VIPABACKUP", b.statement, b.span)
                    for b in sorted(index.backups.get(addr, ()), key=lambda b: b.system)]
        if len({e[0] for e in entries}) < 2:
            continue
        ref_sys, ref_kind, ref_st, ref_span = entries[0]
        ref = _options(ref_st)
        for name, kind, st, span in entries[1:]:
            if name == ref_sys:
                continue
            mine = _options(st)
            diffs = []
            error = False
            for key, value in mine.items():
                other = ref[key]
                if value is None or other is None or value == other:
                    continue
                if key == "tier":
                    error = True
                    diffs.append(f"TIER/CPCSCOPE {value} (not {other}): z/OS keeps the earlier "
                                 "definition and the later stack deletes all its definitions of the DVIPA")
                elif key == "mask":
                    diffs.append(f"mask {value} (not {other})")
                elif key == "interface":
                    diffs.append(f"interface {value} (not {other}): IPv6 takeover needs the same name")
                else:
                    diffs.append(f"MOVEABLE {value} (not {other})")
            if not diffs:
                continue
            yield Finding(
                span=span,
                message=f"{kind} of {addr} on {name} differs from the {ref_kind} on {ref_sys}: "
                        + "; ".join(diffs),
                related=(Related(ref_span, f"{ref_kind} of {addr} on {ref_sys}"),),
                help="code the same mask and options for a DVIPA on every system",
                severity=Severity.ERROR if error else None,
            )
