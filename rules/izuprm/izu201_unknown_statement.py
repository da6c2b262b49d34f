"""IZUPRMxx holds only statements that z/OSMF knows.

## What it does
Reports a keyword-shaped word where an IZUPRMxx statement must begin that is
none of the statements z/OSMF documents: `ANGEL_PROC`, `AUTOSTART`,
`AUTOSTART_GROUP`, `CLOUD_SAF_PREFIX`, `CLOUD_SEC_ADMIN`, `COMMON_TSO`,
`CSRF_SWITCH`, `HOSTNAME`, `HTTP_SSL_PORT`, `INCIDENT_LOG`, `JAVA_HOME`,
`KEYRING_NAME`, `LOGGING`, `PLUGINS`, `RESTAPI_FILE`, `SAF_PREFIX`,
`SEC_GROUPS`, `SERVER_PROC`, `SESSION_EXPIRE`, `TEMP_DIR`, `UNAUTH_USER`,
`USER_DIR` and `WLM_CLASSES`. The message suggests the closest statement
for a misspelling, and says so when the word is a sub-keyword written on
its own (`ACCT(...)` belongs to `COMMON_TSO` or `RESTAPI_FILE`). Words that
follow the unknown keyword on the same line belong to the same finding, so
a stray line of prose costs one finding, not one per word.

## Why is this bad?
The setting you meant is not applied. A misspelt `HTTPS_PORT(10443)` leaves
the server on the default port 443, so browsers, the z/OSMF REST clients and
a sysplex distributor configured for 10443 find nothing listening; a
misspelt `AUTOSTART_GRUOP` puts the server in the default group `IZUDFLT`,
where a second system's server will not start. IBM does not document
whether z/OSMF ignores an unknown statement or rejects the whole member at
server start (unverified); either way the member does not do what it says,
so zlint reports it as an error.

## Example
```izuprm
HOSTNAME('zosmf.example.com')
HTTPS_PORT(10443)
```

## Use instead
```izuprm
HOSTNAME('zosmf.example.com')
HTTP_SSL_PORT(10443)
```

## References
- IBM z/OS Management Facility Configuration Guide, "IZUPRMxx reference information"
  (statement list; the handling of unknown statements is not documented: unverified)
- IBM z/OS MVS Initialization and Tuning Reference, "IZUPRMxx (z/OSMF parameters)"
"""

from zparse.engine import documented

documented("IZU201", __name__)
