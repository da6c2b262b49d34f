"""A quoted string (or, in parmlib, a /* comment) is not closed.

## What it does
In a TCP/IP profile, reported at a double-quoted string (such as an AUTOLOG
`PARMSTRING "..."`) whose closing `"` is missing on the same line; the
string ends at the end of the line. In an IZUPRMxx member, reported at a
`/*` comment whose `*/` never comes before the end of the member (comments
may nest there and must be balanced), at a quoted value that is never
closed, and at a comment or quoted value whose closing delimiter lies in
columns 72-80, which parmlib ignores. To keep checking, zlint ends such a
comment or value at the end of its first line and reads the rest again.

A quoted IZUPRMxx value that is continued on the next line although its
line ends before column 71 is a warning: z/OS continues a value in column 1
of the next line and the blanks up to column 71 become part of it
(unverified).

## Why is this bad?
z/OS reads everything up to the missing delimiter as part of the string or
comment. In a profile the parameter string handed to the started procedure
is not the intended one; in parmlib an unclosed comment swallows the
statements that follow it, so z/OSMF starts with defaults instead of the
coded values (in the example HTTP_SSL_PORT(8443) is never read: z/OSMF
listens on its default port 443, not on the port the DVIPA distributes).

## Example
```tcpip
AUTOLOG
  TRMD PARMSTRING "D=TCPDATA5
ENDAUTOLOG
```

```izuprm
HOSTNAME('zosmf.example.com')
/* the HA host name, the DVIPA
HTTP_SSL_PORT(8443)
```

## Use instead
```tcpip
AUTOLOG
  TRMD PARMSTRING "D=TCPDATA5"
ENDAUTOLOG
```

```izuprm
HOSTNAME('zosmf.example.com')
/* the HA host name, the DVIPA */
HTTP_SSL_PORT(8443)
```

## References
- z/OS Communications Server: IP Configuration Reference, "AUTOLOG statement" (PARMSTRING)
- z/OS MVS Initialization and Tuning Reference, "General syntax rules for the creation of
  members" (comments) and "IZUPRMxx"
"""

from zparse.engine import documented

documented("SYN005", __name__)
