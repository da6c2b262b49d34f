"""Concatenated IZUPRMxx members agree on each setting.

## What it does
When a system selects several members (`IZU=(00,01)` in IEASYSxx,
`IZUPRM=(00,01)` on IZUSVR1, or `SET IZU=(00,01)`), reports every setting that
two members give different values, at the statement of the later member,
with a pointer to the other member's statement. zlint reads the
concatenation as z/OS does for parmlib members of this syntax: the later
member wins for each single-valued setting (each sub-keyword of
`COMMON_TSO`, `RESTAPI_FILE`, `INCIDENT_LOG`, `WLM_CLASSES` and `SEC_GROUPS`
counts on its own). `PLUGINS` lists are merged (union); when two members
list different plug-ins the finding is info, not a warning. Host names are
compared without regard to case.

## Why is this bad?
The value in effect depends on the order of the suffixes on the IPL or
start command, which lives in another data set than the members and is easy
to change without looking at them. A server that someone believes runs with
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

## References
- IBM z/OS Management Facility Configuration Guide, "IZUPRMxx reference information"
  (several members may be active; DISPLAY IZU shows the cumulative settings)
- IBM z/OS MVS System Commands, "SET IZU" and "SETIZU"
- How values from several members combine is not documented for IZUPRMxx (unverified);
  zlint follows the BPXPRMxx convention (IBM z/OS MVS Initialization and Tuning
  Reference, "Syntax rules for BPXPRMxx")
"""

from zparse.engine import documented

documented("IZU205", __name__)
