"""Shared helpers of the HA rules (not a rule: nothing is registered here)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.model.tcpip import DestIp, IpAddress, VipaDistribute
from zparse.source import Source, Span

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex, ZosmfServer

__all__ = ["dest_span", "group_name", "profile_start", "unmatched_destips",
           "xcf_related", "zosmf_members"]


# The cross-system facts the HA rules read (names of zparse.sysplex.facts.FACTS;
# rules cannot import the sysplex package): the language server re-runs them
# only when one of these changed.
CROSS_SYSTEM = frozenset({"vipa", "xcf", "addresses", "unparsed", "zosmf"})


def dest_span(dest: DestIp) -> Span:
    """The span of a DESTIP's address alone (its span also covers the role)."""
    return dest.address_span or dest.span


def unmatched_destips(sysplex: Sysplex, index: SysplexIndex
                      ) -> Iterator[tuple[VipaDistribute, DestIp, IpAddress]]:
    """Every DESTIP, of a VIPADISTRIBUTE that is in effect, whose address is
    no system's DYNAMICXCF address (HA301 and HA302 tell why).

    Quiet where the rules cannot see: a sysplex with an unreadable profile,
    addresses that a statement which did not parse names, TIER1 targets
    (DataPower appliances are named by their own addresses)."""
    if index.blind:
        return
    for system in sysplex.systems:
        if system.profile is None:
            continue
        for dist in system.profile.vipa_distributes:
            if dist.lost or dist.delete or dist.tier == "TIER1":
                continue
            for dest in dist.dest_ips:
                addr = dest.address
                if addr is None or addr in index.xcf or index.uncertain(addr):
                    continue
                yield dist, dest, addr


def xcf_related(index: SysplexIndex, version: int | None = None) -> tuple[Related, ...]:
    """A Related for every DYNAMICXCF of the sysplex (of one IP version)."""
    out: list[Related] = []
    for addr, entries in index.xcf.items():
        if version is not None and addr.version != version:
            continue
        for e in entries:
            out.append(Related(e.xcf.span, f"{e.system} DYNAMICXCF {addr}"))
    return tuple(sorted(out, key=lambda r: (r.message, r.span.sort_key())))


def group_name(gid: int | None) -> str:
    return "the default XCF group (no XCFGRPID)" if gid is None else f"XCF group XCFGRPID {gid}"


def profile_start(sysplex: Sysplex, system: str) -> Span | None:
    """The first line of a system's profile (where a "this system" note points)."""
    s = sysplex.system(system)
    if s is None or s.profile is None:
        return None
    for x in (s.profile.dynamic_xcf, s.profile.dynamic_xcf6):
        if x is not None:
            return x.span
    for f in sysplex.files:
        if f.path == s.tcpip_path and f.result is not None:
            src: Source = f.result.source
            return Span(src, 0, len(src.line_text(1)))
    return None


def zosmf_members(index: SysplexIndex) -> dict[str, ZosmfServer]:
    """The z/OSMF servers of the systems that take part in some z/OSMF service."""
    names = {n for svc in index.zosmf_services for n in svc.systems}
    return {n: z for n, z in index.zosmf.items() if n in names}


