"""An IZUPRMxx value must be one that z/OSMF can use.

## What it does
Checks each value against what IBM documents for its statement:

- `HTTP_SSL_PORT` from 1 to 65535 (error);
- `AUTOSTART` is `LOCAL` or `CONNECT`, `CSRF_SWITCH` is `ON` or `OFF` (error);
- `HOSTNAME` is `'*'`, an IP address or a valid DNS host name (error;
  an underscore, accepted by some name servers, and the z/OS 2.2 spelling
  `@HOSTNAME` are warnings);
- `USER_DIR` is an absolute path (error); `JAVA_HOME` and `TEMP_DIR` too
  (warning: IBM's rule was seen only for `USER_DIR`);
- `CLOUD_SAF_PREFIX` has 1 to 3 characters (error);
- names that IBM's sources give no limit for in the material seen are
  checked against the usual z/OS rules, as **warnings** because the limits
  are unverified: procedure names (`SERVER_PROC`, `ANGEL_PROC`, `PROC`),
  user IDs and groups (`UNAUTH_USER`, `CLOUD_SEC_ADMIN`, `SEC_GROUPS`), WLM
  classes, `SAF_PREFIX` and `AUTOSTART_GROUP` (1 to 8 characters: letters,
  digits, `@ # $`), `ACCT` (40), `INCIDENT_LOG UNIT` (8), `KEYRING_NAME`
  (237), `SESSION_EXPIRE` (at least 1), `REGION` (7 digits), and the
  `LOGGING` trace specification (`component=level` pairs joined by `:`);
- `PLUGINS`: an unknown plug-in name or one listed twice (warnings; newer
  releases may add plug-ins), items separated partly by commas and partly by
  blanks only (info: both are read);
- a value with special characters that is not quoted (warning; IBM asks
  for quotes, but which characters count was not confirmed);
- a quoted number such as `HTTP_SSL_PORT('1443')` is read as the number
  (info: whether z/OSMF accepts the quotes is unverified).

An error-level finding keeps the value from taking effect in zlint's model
of the member: the setting keeps its earlier value or IBM's default, and the
sysplex rules judge that. A value that is not a number where a number is
required is SYN004.

## Why is this bad?
z/OSMF reads these values when the server starts. An out-of-range port or
an unknown AUTOSTART value leaves the server down or not autostarted at IPL,
so the z/OSMF desktop, its REST services and everything built on them (Zowe,
Ansible, workflows) are unavailable until someone edits the member and
restarts IZUSVR1. A host name that does not resolve breaks the home-page URI
and the certificate match; a relative USER_DIR puts the server's data in an
unexpected place. The warnings catch values that are very likely mistakes but
where IBM's exact limit was not confirmed.

## Example
```izuprm
HTTP_SSL_PORT(70000)
AUTOSTART(YES)
HOSTNAME('zosmf..example.com')
```

## Use instead
```izuprm
HTTP_SSL_PORT(10443)
AUTOSTART(LOCAL)
HOSTNAME('zosmf.example.com')
```

## References
- IBM z/OS Management Facility Configuration Guide, "IZUPRMxx reference information"
  (HTTP_SSL_PORT range 1-65535, AUTOSTART LOCAL/CONNECT, HOSTNAME, USER_DIR)
- IBM z/OS Management Facility Configuration Guide, "Parameters in IZUPRMxx" for
  Cloud Provisioning (CLOUD_SAF_PREFIX, CLOUD_SEC_ADMIN)
- IBM z/OS MVS Initialization and Tuning Reference, "General syntax rules for the
  creation of members" (quotes around special characters; the list of special
  characters is unverified)
- Per-operand length limits other than CLOUD_SAF_PREFIX: (unverified)
"""

from zparse.engine import documented

documented("IZU202", __name__)
