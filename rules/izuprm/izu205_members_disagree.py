"""Concatenated IZUPRMxx members contradict each other where no override is meant.

## What it does
When a system selects several members (`IZU=(00,0A)` in IEASYSxx,
`IZUPRM=(00,0A)` on IZUSVR1, or `SET IZU=(00,0A)`), zlint reads the
concatenation as z/OS does for parmlib members of this syntax: the later
member wins for each single-valued setting (each sub-keyword of
`COMMON_TSO`, `RESTAPI_FILE`, `INCIDENT_LOG`, `WLM_CLASSES` and `SEC_GROUPS`
counts on its own); `PLUGINS` lists are merged (union). A later member that
gives a setting another value than the member before it is judged by which
systems read the two members:

- a base member that several systems share, then a member that fewer of
  them read (IBM's intended use: a shared `IZUPRM00` and a per-system
  `IZUPRM0A`): an override, not reported;
- two members read by the same systems (the same setting in two per-system
  members, or in two members every system lists): a **warning** at the later
  statement, with a pointer to the earlier one;
- a member read by more systems after one read by fewer (the shared member
  listed last undoes a system's own setting): a **warning**;
- any other mix: **info**. `PLUGINS` lists that differ are info (both take
  effect), and not reported at all when the later member is the more
  specific one.

A member counts as shared when systems list the same file, or files of the
same name with the same statements (a copy of the shared parmlib in each
system's folder). Host names are compared without regard to case.

## Why is this bad?
The value in effect depends on the order of the suffixes on the IPL or
start command, which lives in another data set than the members and is easy
to change without looking at them. When the two members are read by the
same systems, one of the two settings never takes effect and someone who
reads the other is misled: a server believed to run with
`AUTOSTART_GROUP('IZUDFLA')` from IZUPRM00 actually joins `IZUDFLT` from
IZUPRM01, and in a z/OSMF HA sysplex two servers then compete for one
autostart group: only one of them starts, and failover has nowhere to go.
`DISPLAY IZU` shows only the merged result, so the conflict is invisible on
the running system.

## Example
```izuprm member=IZUPRM00
AUTOSTART_GROUP('IZUDFLA')
HTTP_SSL_PORT(443)
```

```izuprm member=IZUPRM01
AUTOSTART_GROUP('IZUDFLT')
SESSION_EXPIRE(600)
```

## Use instead
```izuprm member=IZUPRM00
AUTOSTART_GROUP('IZUDFLA')
HTTP_SSL_PORT(443)
```

```izuprm member=IZUPRM01
SESSION_EXPIRE(600)
```

## Known limitations
How values from several members combine is not documented for IZUPRMxx;
zlint follows the BPXPRMxx convention (the last occurrence of a limiting
keyword wins, resource keywords add up). Which systems read a member comes
from the inventory (`izuprm` lists) or, without one, from the members in
each system's folder; the IEASYSxx and IZUSVR1 parameters themselves are
not read.

## References
- IBM z/OS Management Facility Configuration Guide, "IZUPRMxx reference information"
  (several members may be active; `SET IZU=(01,02)`), "Displaying the z/OSMF server
  settings" (DISPLAY IZU shows the cumulative set of values of the active members) and
  "IZUSVR reference information" (`IZUPRM=(xx,...,zz)`)
- IBM z/OS MVS Initialization and Tuning Reference, "Syntax rules for BPXPRMxx"
  (duplicates across members: the last occurrence is used); that IZUPRMxx combines
  members the same way is unverified
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING

from zparse.codes import Severity
from zparse.diagnostics import Related
from zparse.engine import Finding, rule

if TYPE_CHECKING:
    from zparse.model.izuprm import IzuPrm, Override
    from zparse.sysplex import Sysplex, SysplexIndex

    _Key = tuple[str, IzuPrm]


def _key(member: IzuPrm) -> _Key:
    """One member however many systems list it: the same file, or files of
    the same name that say the same thing (IzuPrm equality ignores paths)."""
    name = PurePath((member.path or "").replace("\\", "/")).name.upper()
    return (name, member)


@rule("IZU205", reads=("zosmf",))  # the IZUPRMxx members of every system
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    readers: dict[_Key, set[str]] = {}
    for system in sysplex.systems:
        for member in system.izuprm_members:
            readers.setdefault(_key(member), set()).add(system.name)
    for system in sysplex.systems:
        members = system.izuprm_members
        if system.izuprm is None or len(members) < 2:
            continue
        for o in system.izuprm.overrides:
            earlier = readers[_key(members[o.earlier])]
            later = readers[_key(members[o.later])]
            if later < earlier:
                continue  # a shared base, then a member for fewer systems: IBM's intended override
            finding = _finding(o, earlier, later)
            if finding is not None:
                yield finding


def _finding(o: Override, earlier: set[str], later: set[str]) -> Finding | None:
    span = o.after.span
    if span is None:
        return None
    related = (Related(o.before.span or span, f"{o.name} in {o.earlier_member}"),)
    if o.merged:
        return Finding(
            span=span, related=related, severity=Severity.INFO,
            message=(f"PLUGINS differs between {o.earlier_member} {o.shown_before} and {o.later_member} "
                     f"{o.shown_after}; zlint merges the lists (unverified)"),
        )
    said = (f"{o.name} is {o.shown_after} in {o.later_member} but {o.shown_before} in {o.earlier_member}; "
            f"the later member wins ({o.shown_after})")
    if later == earlier:
        return Finding(
            span=span, related=related,
            message=f"{said}, and both members are read by the same systems, so this is no per-system override",
            help="set it in one member only, or to the same value",
        )
    if earlier < later:
        return Finding(
            span=span, related=related,
            message=(f"{said}: {o.later_member} is read by more systems than {o.earlier_member} and, listed "
                     f"later, undoes its setting"),
            help=f"list the shared member first and the per-system member last ({o.earlier_member} after "
                 f"{o.later_member})",
        )
    return Finding(
        span=span, related=related, severity=Severity.INFO, message=said,
        help=f"fine if {o.later_member} is meant to override {o.earlier_member} here",
    )
