"""Quote IZUPRMxx values where the quotes change what z/OSMF reads.

## What it does
Reports an unquoted value of a statement that IBM lists as possibly needing
mixed case (`HOSTNAME`, `INCIDENT_LOG UNIT`, `JAVA_HOME`, `KEYRING_NAME`,
`LOGGING`, `SAF_PREFIX`, `CLOUD_SAF_PREFIX`, `CLOUD_SEC_ADMIN`, `TEMP_DIR`,
`AUTOSTART_GROUP`, `USER_DIR`) only where quoting changes the meaning:

- the value has lower-case letters, which z/OSMF folds to upper case
  (not for `HOSTNAME`: a DNS name resolves the same in any case), or
- the value has a character IBM wants quoted: anything but letters, digits,
  `@ # $ _`, the period and the hyphen (so `/`, `*`, `=`, `:` ...).

A value in upper case such as `SAF_PREFIX(IZUDFLT)`,
`KEYRING_NAME(IZUKEYRING.IZUDFLT)` or `HOSTNAME(ZOSMF.EXAMPLE.COM)`, or a
host name in lower case, reads the same either way and is not reported.

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

## Known limitations
IBM's syntax rules ask for quotes around a value with special characters
but, in every copy of the page seen, break off before listing them. zlint
assumes the characters of data set and host names (period, hyphen) are not
special, as parmlib members take data set names unquoted, and that every
other punctuation character is. `INCIDENT_LOG UNIT` and `CLOUD_SEC_ADMIN`
are checked like the other listed values, although unit names and RACF user
IDs are normally upper case anyway.

## References
- IBM z/OS Management Facility Configuration Guide, "IZUPRMxx reference information",
  syntax rules (input is folded to upper case unless in single quotes; the list of
  values that may need mixed case; values with special characters go in quotes: which
  characters are special is unverified, the sentence breaks off in every copy seen)
- IBM z/OS MVS System Commands, "SETIZU command" (the same settings written in quotes:
  `HOSTNAME='hostname'`, `KEYRING_NAME='keyring-name'`)
- IBM z/OS MVS Initialization and Tuning Reference, "General syntax rules for the
  creation of members"
- RFC 4343, "Domain Name System (DNS) Case Insensitivity Clarification"
"""

from zparse.engine import documented

documented("IZU204", __name__)
