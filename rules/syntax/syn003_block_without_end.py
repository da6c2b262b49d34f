"""A block statement (VIPADYNAMIC, AUTOLOG, BEGINROUTES, ...) has no END keyword.

## What it does
Reported by the TCP/IP profile parser at the opening keyword of a block
(`VIPADYNAMIC`, `AUTOLOG`, `BEGINROUTES`, `BSDROUTINGPARMS`, `NETACCESS`,
`SRCIP`, `IPSEC`, `DEFADDRTABLE`) when its END keyword (`ENDVIPADYNAMIC`,
`ENDAUTOLOG`, `ENDROUTES`, ...) does not follow before the next block of the
same kind or the end of the file.

To go on, zlint reads a VIPADYNAMIC or BEGINROUTES block on while its
statements parse as items of the block (so PORT, DESTIP or DELETE at the
start of a continuation line stay operands of the VIPADISTRIBUTE they
belong to), and ends it at the first statement that cannot be an item; the
message names that statement. Blocks whose entries are plain names
(AUTOLOG, BSDROUTINGPARMS, ...) end at the next line that starts with a
top-level statement keyword. Either way there is one SYN003 and the
statements after the block are still checked.

## Why is this bad?
Without the END keyword z/OS takes every following statement of the data
set as part of the block: PORT reservations, HOME entries or a second
VIPADYNAMIC block become invalid block entries and are rejected. The profile
looks complete in an editor, but after the IPL large parts of it are not in
effect.

## Example
```tcpip
AUTOLOG 5
  FTPD JOBNAME FTPD1
PORT 21 TCP FTPD1
```

## Use instead
```tcpip
AUTOLOG 5
  FTPD JOBNAME FTPD1
ENDAUTOLOG
PORT 21 TCP FTPD1
```

## References
- z/OS Communications Server: IP Configuration Reference, "Syntax rules for the configuration
  statements" (a missing END makes the rest of the data set part of the statement)
- z/OS Communications Server: IP Configuration Reference, "AUTOLOG statement", "VIPADYNAMIC
  statement", "BEGINROUTES statement"
"""

from zparse.engine import documented

documented("SYN003", __name__)
