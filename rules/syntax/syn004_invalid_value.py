"""An operand has the right shape but an invalid value: a bad address or mask, a number out of range, a name too long.

## What it does
Reported when the model is built from a statement that parsed: an IPv4
address or mask with a part above 255 (`198.51.100.300`), an IPv6 address
that is not valid, a prefix length beyond /32 or /128, a number outside
IBM's range (port 1-65535, VIPABACKUP rank 1-254, XCFGRPID 2-31, IPCONFIG
ARPTO 60-86400, ARPAGE, SOMAXCONN), a word outside the set IBM's diagram
lists (IPCONFIG FORMAT LONG|SHORT, MULTIPATH PERCONNECTION|PERPACKET,
GLOBALCONFIG ADJUSTDVIPAMSS AUTO|ALL|NONE), a port range that ends before
it starts, a name longer than IBM allows (interface 16, job name,
procedure and SAF resource name 8), an unknown DISTMETHOD, a MOVEABLE
option of the wrong statement, an IPv4 address on IPCONFIG6 DYNAMICXCF (or
an IPv6 one on IPCONFIG DYNAMICXCF), options that exclude each other
(SHAREPORT with SHAREPORTWLM, RESERVED with options), and values IBM
rejects outright: 127.0.0.1 as a HOME address (EZZ0344I) or on VIPADEFINE,
VIPABACKUP, VIPARANGE, VIPADELETE and VIPADISTRIBUTE (EZZ0638I), and
`PORT ... DENY` with a job name other than `*` (EZZ0146I).

Where IBM's pages do not state the range and zlint only assumes one
(DYNAMICXCF cost metric 0-255, OPTLOCAL 0-16, TIMEDAFFINITY, DESTIP WEIGHT
1-99 and BACKUP rank 1-254, IPCONFIG6 HOPLIMIT 1-255), a value outside it is
a **warning** that keeps the value in the model; so is a PORT option out of
the order of IBM's diagram, and an ECSALIMIT or POOLLIMIT without its K or
M unit.

In an IZUPRMxx member the same code reports a value that must be a number
and is not, or is out of range (`HTTP_SSL_PORT: expected a number from 1 to
65535, found 44x`); other invalid IZUPRMxx values are IZU202.

The statement stays in the model with the invalid value left out (`None`),
so the semantic rules do not build further findings on a value that does
not exist.

## Why is this bad?
z/OS rejects the value, and with it usually the entry or the whole
statement: a reservation, a HOME address or a DVIPA is missing after the
IPL, and the console message appears only when the profile is processed.

## Example
```tcpip
PORT 70000 TCP FTPD1
```

```izuprm
HTTP_SSL_PORT(44x)
```

## Use instead
```tcpip
PORT 7000 TCP FTPD1
```

```izuprm
HTTP_SSL_PORT(443)
```

## References
- z/OS Communications Server: IP Configuration Reference, the parameter descriptions of each
  statement (ranges and lengths), "PORT statement", "VIPADYNAMIC - VIPABACKUP statement",
  "IPCONFIG statement", "GLOBALCONFIG statement"
- z/OS Communications Server: IP Messages Volume 4, EZZ0344I, EZZ0638I, EZZ0146I
- z/OS MVS Initialization and Tuning Reference, "IZUPRMxx" (HTTP_SSL_PORT and the other numbers)
"""

from zparse.engine import documented

documented("SYN004", __name__)
