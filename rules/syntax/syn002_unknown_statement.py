"""The first word of a statement is no TCP/IP profile statement keyword.

## What it does
Reported by the TCP/IP profile parser when a statement starts with a word
that is neither a statement keyword nor an IBM minimum abbreviation of one
(`SOMAXCON` is not `SOMAXCONN`; `PORTR` is `PORTRANGE`, `PORT` alone is
always `PORT`). Two cases get a more specific message: TN3270E Telnet server
statements (`TELNETPARMS`, `BEGINVTAM`, ...), which belong to the Telnet
server's own profile, and statements of old TCP/IP releases or other files
(`ASSORTEDPARMS`, `DATASETPREFIX`, `ATMLIS`, ...). zlint skips to the next
line that starts with a statement keyword.

IZUPRMxx members report an unknown statement as IZU201, not SYN002.

## Why is this bad?
z/OS does not know the statement and rejects it; whatever it was meant to
configure is not configured. A mistyped keyword often hides a setting the
operator believes is active (a `SOMAXCONN` limit, a reservation), and a
Telnet profile pasted into the stack profile is not processed at all.

## Example
```tcpip
SOMAXCON 10
```

## Use instead
```tcpip
SOMAXCONN 10
```

## References
- z/OS Communications Server: IP Configuration Reference, "Summary of TCP/IP profile
  statements" (statement names and their minimum abbreviations in the syntax diagrams)
- z/OS Communications Server: IP Configuration Reference, "TN3270E Telnet server" (its
  statements belong to the Telnet server profile)
"""

from zparse.engine import documented

documented("SYN002", __name__)
