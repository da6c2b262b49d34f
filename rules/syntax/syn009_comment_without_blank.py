"""A `;` comment glued to the token before it: IBM requires a blank before the semicolon.

## What it does
Reported by the TCP/IP profile lexer at a `;` that directly follows a token
(`FTPD1;comment`). zlint still reads the `;` as the start of a comment and
offers a safe fix that inserts the blank.

## Why is this bad?
IBM's syntax rules say that an argument followed by a comment must have a
blank before the semicolon. What the stack does with a token that runs
into a comment is not documented: most likely the `;...` text becomes part
of the token, so `REPL;CHG` is not the keyword `REPLACEABLE` and a job name
`FTPD1;ftp` is not `FTPD1`. The statement may then be rejected or mean
something else than it reads.

## Example
```tcpip
PORT 21 TCP FTPD1;ftp
```

## Use instead
```tcpip
PORT 21 TCP FTPD1 ; ftp
```

## Known limitations
The stack's behaviour is unverified, so this is a warning, not an error.

## References
- z/OS Communications Server: IP Configuration Reference, "Syntax rules for the configuration
  statements" (comments)
"""

from zparse.engine import documented

documented("SYN009", __name__)
