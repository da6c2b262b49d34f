"""A statement is set once per IZUPRMxx member.

## What it does
Reports a statement that appears again in the same member (and a
sub-keyword given twice in one statement, such as `ACCT` in `COMMON_TSO`),
with a pointer to the first occurrence. zlint takes the last value as the
one in effect; for `PLUGINS` it merges the lists; for statements with
sub-keywords (`COMMON_TSO`, `RESTAPI_FILE`, `WLM_CLASSES`, `SEC_GROUPS`,
`INCIDENT_LOG`) the last value of each sub-keyword wins.

## Why is this bad?
Which occurrence z/OSMF uses is not documented (unverified; a real member
with `CSRF_SWITCH(ON)` followed by `CSRF_SWITCH(OFF)` ran, apparently with
the last one). The next person to change the setting edits the first
occurrence, restarts the server during a change window, and nothing changes,
or the earlier line silently turns CSRF protection off again. One statement
per setting keeps the member readable for whoever is on call.

## Example
```izuprm
CSRF_SWITCH(ON)
SESSION_EXPIRE(495)
CSRF_SWITCH(OFF)
```

## Use instead
```izuprm
SESSION_EXPIRE(495)
CSRF_SWITCH(OFF)
```

## References
- IBM z/OS Management Facility Configuration Guide, "IZUPRMxx reference information"
  (which duplicate wins is not documented: unverified)
- IBM z/OS MVS Initialization and Tuning Reference, "Syntax rules for BPXPRMxx"
  (the same parmlib convention: the last occurrence of a single-valued statement wins)
"""

from zparse.engine import documented

documented("IZU203", __name__)
