"""Quote IZUPRMxx values that must keep their case or hold special characters.

## What it does
Reports an unquoted value of a statement that IBM lists as possibly needing
mixed case (`HOSTNAME`, `INCIDENT_LOG UNIT`, `JAVA_HOME`, `KEYRING_NAME`,
`LOGGING`, `SAF_PREFIX`, `CLOUD_SAF_PREFIX`, `CLOUD_SEC_ADMIN`, `TEMP_DIR`,
`AUTOSTART_GROUP`, `USER_DIR`) when quoting matters: the value has
lower-case letters, which z/OSMF folds to upper case, or special characters
(anything but letters, digits, `@ # $ _`), which IBM wants quoted. A value
in upper case without special characters, such as `SAF_PREFIX(IZUDFLT)`,
reads the same either way and is not reported.

The fix puts single quotes around the value and changes nothing else. When
the line reaches past column 69 it also drops two blanks just before column
72, so that text in columns 72-80 (sequence numbers) stays in place; when the
quotes would push data past column 71, no automatic fix is offered.

## Why is this bad?
Unquoted, `KEYRING_NAME(IZUKeyring.IZUDFLT)` becomes `IZUKEYRING.IZUDFLT`: RACF
key ring names are case sensitive, the server finds no key ring, cannot open
its certificate, and HTTPS to z/OSMF fails after the next restart.
`USER_DIR(/global/zosmf/zosmfa)` becomes `/GLOBAL/ZOSMF/ZOSMFA`, a different
z/OS UNIX directory: the server starts with an empty configuration, or fails
on a mount point that does not exist, and in a z/OSMF HA setup two servers
can end up sharing or losing their data directory.

## Example
```izuprm
KEYRING_NAME(IZUKeyring.IZUDFLT)
USER_DIR(/global/zosmf/zosmfa)
```

## Use instead
```izuprm
KEYRING_NAME('IZUKeyring.IZUDFLT')
USER_DIR('/global/zosmf/zosmfa')
```

## References
- IBM z/OS Management Facility Configuration Guide, "IZUPRMxx reference information",
  syntax rules (input is folded to upper case unless in single quotes; the list of
  values that may need mixed case)
- IBM z/OS MVS Initialization and Tuning Reference, "General syntax rules for the
  creation of members" (which characters count as special is unverified)
"""

from zparse.engine import documented

documented("IZU204", __name__)
