"""An operand that a z/OS release newer than `[lint] target-release` introduced.

## What it does
With `target-release = "V2R1"` (or any release older than the newest one
zlint knows) in the `[lint]` table of `zlint.toml`, the TCP/IP profile
parser reports each operand that IBM added to a statement after that
release, and names the release that introduced it:
`GLOBALCONFIG SMCD is not in z/OS V2R1: IBM introduced it in V2R2`. Without
`target-release` every operand of the newest release is valid (like a
linter's newest dialect). The release data sits in one table beside the
keyword table (the `//releases` and `//since` lines of
`grammars/tcpip.lark`); where IBM's pages only bound the release (absent
from one release's diagram, present in a later one), the finding is made
only for targets before the earliest possible release. The sources are
listed in `docs/tcpip-releases.md`.

## Why is this bad?
A profile shared by systems of different releases, or prepared before the
systems are upgraded, must only use what the oldest of them understands.
An operand that the running stack does not know makes the statement a
syntax error at IPL or OBEYFILE time, and inside a VIPADYNAMIC block the
rest of the block is lost.

## Example
```toml
[lint]
target-release = "V2R1"
```

```tcpip
GLOBALCONFIG SMCD FIXEDMEMORY 256
```

## Use instead
```tcpip
; keep SMC-D for the profile of the V2R2 and later systems
GLOBALCONFIG SMCR PFID 0018 PORTNUM 1
```

## References
- z/OS Communications Server: IP Configuration Reference, "GLOBALCONFIG statement" (V2R1 and V2R3
  editions: the diagrams this table compares)
- z/OS Communications Server: IP Configuration Guide (V2R2), "Shared Memory Communications - Direct
  Memory Access" (marked as new in V2R2)
"""

from zparse.engine import documented

documented("SYN014", __name__)
