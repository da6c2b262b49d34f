"""A statement that zlint cannot parse: z/OS rejects it, and in a VIPADYNAMIC block the rest of the block too.

## What it does
Reported by the TCP/IP profile parser (and by the IZUPRMxx parser) when a
statement does not match IBM's syntax: an operand is missing or in the wrong
place (`unexpected 'X' in VIPADEFINE statement; expected an IPv4 address`),
the file ends in the middle of a statement (`HOME statement is incomplete at
the end of the file`), a sub-statement stands outside its block (`VIPADEFINE
is only valid inside a VIPADYNAMIC block`), an END keyword closes no block,
or a line starts with a number (a PORT entry without its PORT statement, or
ISPF line numbers). The diagnostic points at the first token that does not
fit and names what would have fitted; a message never lists the offending
word itself as expected (a repeated operand is called "second", a
statement cut short by the next one "incomplete").

A required operand that is missing is named: a VIPADEFINE, VIPABACKUP
MOVEABLE or VIPARANGE with one address where IBM's diagram wants the address
mask and then the DVIPA (`VIPABACKUP is missing its address mask or its
DVIPA`), a VIPADISTRIBUTE TIER1/TIER2 without its group name, an IPCONFIG6
HOPLIMIT without its value. The IPv6 forms of VIPADEFINE, VIPABACKUP and
VIPARANGE are their own diagrams: MOVEABLE WHENIDLE, MOVEABLE DISRUPTIVE
and SERVICEMGR there are SYN001 too. Such a statement never becomes a
half-read DVIPA in the model: it is kept as unparsed words.

zlint then skips to the next line that starts with a statement keyword (in
a block: the next sub-statement or the END keyword) and goes on, so one
mistake costs one statement. The skipped words are kept in the model
(`TcpipProfile.unparsed`), and the semantic rules stay quiet about anything
such a statement might have defined, instead of reporting a cascade of
"missing" definitions.

In an IZUPRMxx member the same code covers a statement whose parentheses or
value are incomplete (`HOSTNAME: expected ")" after the value, found the
next statement HTTP_SSL_PORT`) and a `*/` that closes no comment; the
parser resynchronises at the next statement keyword.

## Why is this bad?
z/OS rejects the statement, and what it defined does not exist after the IPL
or OBEYFILE: a HOME address, a PORT reservation, a DVIPA. Inside a
VIPADYNAMIC block the damage is larger: a syntax error ends the processing
of the block, so every later VIPADEFINE, VIPABACKUP and VIPADISTRIBUTE of the
block is silently lost (the message then says "z/OS ignores the rest of this
VIPADYNAMIC block"), and the DVIPAs they define cannot be taken over.

## Example
```tcpip
VIPADYNAMIC
  VIPADEFINE 255.255.255.0
  VIPABACKUP 100 MOVEABLE IMMEDIATE 198.51.100.11
ENDVIPADYNAMIC
```

```izuprm
HOSTNAME('zosmf.example.com'
HTTP_SSL_PORT(443)
```

## Use instead
```tcpip
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.11
ENDVIPADYNAMIC
```

```izuprm
HOSTNAME('zosmf.example.com')
HTTP_SSL_PORT(443)
```

## References
- z/OS Communications Server: IP Configuration Reference, "Syntax rules for the configuration
  statements" and the statement pages (syntax diagrams)
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC statement" (syntax errors
  end the processing of the block)
- z/OS Communications Server: IP Configuration Reference, "VIPADYNAMIC - VIPADEFINE statement",
  "VIPADYNAMIC - VIPABACKUP statement", "VIPADYNAMIC - VIPARANGE statement" (the IPv4 and IPv6
  forms of the diagrams)
- z/OS MVS Initialization and Tuning Reference, "IZUPRMxx" (for z/OSMF members)
"""

from zparse.engine import documented

documented("SYN001", __name__)
