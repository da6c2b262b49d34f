"""A port may be reserved by PORT or by one PORTRANGE, never by both: z/OS ignores the later one.

## What it does
Follows the `PORT` and `PORTRANGE` entries in processing order, per protocol
(TCP and UDP are separate), and reports:

- a `PORT` entry for a port that an earlier `PORTRANGE` already covers (z/OS
  ignores the PORT entry);
- a `PORTRANGE` that covers a port of an earlier `PORT` entry, or overlaps an
  earlier `PORTRANGE` (z/OS ignores the whole range);
- (warning) the same port reserved both as `RESERVED` and for a job name by
  two `PORT` entries: the intent is contradictory.

An entry that z/OS ignores does not reserve anything, so it cannot make a
later one overlap. Several `PORT` entries for one port with different job
names are valid (IBM allows it) and are not reported.

## Why is this bad?
IBM states that a port cannot be on both PORTRANGE and PORT and that ranges
cannot overlap; the second definition is ignored with an error message. The
reservation the operator reads in the profile is then not in effect: the
intended server can fail to bind its port, another job can take it, and a
distributed service (sysplex distributor PORT) may have no listener on this
system after an IPL.

## Example
```tcpip
PORTRANGE 4000 100 TCP OMVS
PORT 4010 TCP IZUSVR1 NOAUTOLOG
```

## Use instead
```tcpip
PORTRANGE 4000 10 TCP OMVS
PORT 4010 TCP IZUSVR1 NOAUTOLOG
PORTRANGE 4011 89 TCP OMVS
```

## Known limitations
`UNRSV` entries are not reservations and are not compared. The console
message id for the ignored entry is unverified (IBM: "an error message is
generated in either case"). What z/OS does with a port that one PORT entry
marks RESERVED and another gives to a job is unverified too: that case is a
warning.

## References
- z/OS Communications Server: IP Configuration Reference, "PORT statement" (num) and
  "PORTRANGE statement" (1st_port, num_ports)
- z/OS Communications Server: IP Messages Volume 4: message id unverified
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from zparse.codes import Severity
from zparse.diagnostics import Related
from zparse.engine import Finding, rule
from zparse.model.tcpip import PortEntry, PortRangeEntry, TcpipProfile

from ._profile import line_of, order


def _range(r: PortRangeEntry) -> str:
    return f"PORTRANGE {r.first} {r.count} {r.protocol} ({r.first}-{r.last})"


@rule("TCP110")
def check(profile: TcpipProfile) -> Iterator[Finding]:
    position = order(profile)
    entries: list[tuple[int, int, PortEntry | PortRangeEntry]] = []
    for k, p in enumerate(profile.ports):
        if p.port is not None:
            entries.append((position(p.span), k, p))
    for k, r in enumerate(profile.port_ranges):
        entries.append((position(r.span), len(profile.ports) + k, r))
    entries.sort(key=lambda e: (e[0], e[1]))
    # Indexed, so that many entries cost n log n: per port, the first entry of
    # each kind (RESERVED or a job); per protocol, the reserved port numbers and
    # the accepted PORTRANGEs (disjoint: an overlapping one is reported and
    # dropped), both sorted.
    firsts: dict[tuple[str, int], dict[bool, PortEntry]] = {}
    numbers: dict[str, list[int]] = {}
    starts: dict[str, list[int]] = {}
    ranges: dict[str, list[PortRangeEntry]] = {}
    for _, _, e in entries:
        if isinstance(e, PortEntry):
            assert e.port is not None
            cover = _covering(starts.get(e.protocol, []), ranges.get(e.protocol, []), e.port, e.port)
            if cover is not None:
                yield Finding(
                    span=e.span,
                    message=(f"PORT {e.port} {e.protocol} {e.owner} is inside the {_range(cover)} on "
                             f"{line_of(cover.span)} (z/OS ignores this PORT entry)"),
                    related=(Related(cover.span, _range(cover)),),
                    help=(f"take port {e.port} out of the PORTRANGE (split the range) or drop this "
                          "PORT entry"),
                )
                continue
            key = (e.protocol, e.port)
            same = firsts.get(key)
            if same is None:
                same = firsts[key] = {}
                bisect.insort(numbers.setdefault(e.protocol, []), e.port)
            reserved = e.owner == "RESERVED"
            clash = same.get(not reserved)
            if clash is not None:
                job = e.owner if clash.owner == "RESERVED" else clash.owner
                yield Finding(
                    span=e.span,
                    message=(f"PORT {e.port} {e.protocol} is both RESERVED and reserved for {job} "
                             f"(the other entry is on {line_of(clash.span)})"),
                    related=(Related(clash.span, f"PORT {e.port} {e.protocol} {clash.owner}"),),
                    help=("keep RESERVED only for a port that no job may use; otherwise remove the "
                          "RESERVED entry"),
                    severity=Severity.WARNING,
                )
            same.setdefault(reserved, e)
            continue
        nums = numbers.get(e.protocol, [])
        i = bisect.bisect_left(nums, e.first)
        if i < len(nums) and nums[i] <= e.last:
            hit = next(iter(firsts[(e.protocol, nums[i])].values()))
            yield Finding(
                span=e.span,
                message=(f"{_range(e)} covers port {hit.port}, reserved by the PORT entry on "
                         f"{line_of(hit.span)} (z/OS ignores the whole PORTRANGE)"),
                related=(Related(hit.span, f"PORT {hit.port} {hit.protocol} {hit.owner}"),),
                help=f"split the range around port {hit.port}, or move that port out of the PORT statement",
            )
            continue
        firsts_of, accepted = starts.setdefault(e.protocol, []), ranges.setdefault(e.protocol, [])
        other = _covering(firsts_of, accepted, e.first, e.last)
        if other is not None:
            yield Finding(
                span=e.span,
                message=(f"{_range(e)} overlaps the {_range(other)} on {line_of(other.span)} "
                         "(z/OS ignores the later PORTRANGE)"),
                related=(Related(other.span, _range(other)),),
                help="make the ranges disjoint, or merge them into one PORTRANGE entry",
            )
            continue
        j = bisect.bisect_left(firsts_of, e.first)
        firsts_of.insert(j, e.first)
        accepted.insert(j, e)


def _covering(starts: list[int], ranges: list[PortRangeEntry], first: int, last: int) -> PortRangeEntry | None:
    """The lowest of the disjoint, sorted ``ranges`` that overlaps ``first``-``last``, or None."""
    i = bisect.bisect_right(starts, last)  # ranges[:i] start at or before ``last``
    if i == 0:
        return None
    # Disjoint ranges sorted by start are sorted by end too: find the first whose end reaches ``first``.
    lo, hi = 0, i
    while lo < hi:
        mid = (lo + hi) // 2
        if ranges[mid].last < first:
            lo = mid + 1
        else:
            hi = mid
    return ranges[lo] if lo < i else None
