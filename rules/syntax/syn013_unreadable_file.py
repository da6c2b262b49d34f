"""A member file named in the inventory cannot be read.

## What it does
Reported at the start of a TCP/IP profile or IZUPRMxx member that
`zlint.toml` names (or that a folder scan found) when the file exists but
cannot be read: no permission, a folder where a file was expected, or an
I/O error. The rest of the sysplex is still checked; rules that would need
the file's content stay quiet about that system rather than report
"missing" definitions.

## Why is this bad?
zlint cannot vouch for a system whose configuration it could not read: the
cross-system checks (DESTIP targets, DVIPA takeover, z/OSMF servers) lose
one side. A clean run would otherwise hide that a system was never looked at.

## Example
```text
[systems.SYS2]
tcpip = "SYS2/PROFILE.TCPIP"     # exists, but mode 000 (not readable)
```

## Use instead
```text
[systems.SYS2]
tcpip = "SYS2/PROFILE.TCPIP"     # readable by the user running zlint
```

The examples are not runnable blocks: file permissions cannot be written in
a docstring. A file that is missing altogether, or that lies outside the
inventory's folder, is an inventory error (exit code 2) instead.

## References
- zlint's inventory contract (`zlint.toml`), DESIGN.md contract 1
"""

from zparse.engine import documented

documented("SYN013", __name__)
