"""zlint failed on this input (an internal error); every other check still ran.

## What it does
Reported when a rule's check, or the model builder on one statement, raises
an exception: the engine catches it and turns it into one ZL001 diagnostic
at the statement (or the file) being checked, with the exception in the
message. The other rules run normally, and the statement's neighbours are
still read.

## Why is this bad?
It is a bug in zlint, not in the configuration: the check that failed did
not look at this input, so a real problem may be missed there. Please
report it with the smallest profile or member that reproduces it (`zlint
check FILE` shows the same diagnostic).

## Example
```text
A rule that raises on some input, e.g. a check that indexes an empty list,
yields: ZL001 internal error reading this statement: IndexError(...)
```

## Use instead
```tcpip
PORT 21 TCP FTPD1
```

The Example is prose: no valid input should make zlint fail, so there is
no profile that raises ZL001 on purpose.

## References
- zlint documentation: reporting bugs (include the input and the ZL001 message)
"""

from zparse.engine import documented

documented("ZL001", __name__)
