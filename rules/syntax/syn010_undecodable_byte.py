"""Bytes that are not valid in the file's encoding (a member transferred in binary?).

## What it does
Reported for each run of bytes that the file's encoding cannot decode
(UTF-8 by default; `--encoding cp1047` and the other EBCDIC code pages are
available). The bytes are kept exactly (the file is rewritten byte for
byte), and the message shows them in hex (`X'C1'` in a TCP/IP profile, `0xC1` in
an IZUPRMxx member) with a hint to try an EBCDIC code page.

## Why is this bad?
A member downloaded in binary from z/OS is EBCDIC; read as UTF-8 it is
mostly garbage, and every statement around the bad bytes is misread.
Smaller runs usually mean a national character or a control character in a
comment or a name, which z/OS may reject or read differently than the
editor shows.

## Example
```text
A profile downloaded in binary, whose first bytes are X'C9D7C3D6' ("IPCO"
in EBCDIC), read as UTF-8: every byte above X'7F' is reported.
```

## Use instead
```tcpip
IPCONFIG DATAGRAMFWD
```

The Example cannot be a runnable block: a Python docstring cannot hold the
undecodable bytes. Transfer the member in text mode (ASCII conversion) or
check it with `zlint check --encoding cp1047`.

## References
- z/OS Communications Server: IP Configuration Reference, "Syntax rules for the configuration
  statements" (the profile is an EBCDIC text data set)
- z/OS Communications Server: IP User's Guide and Commands, FTP subcommand TYPE (ASCII transfer
  converts EBCDIC text)
"""

from zparse.engine import documented

documented("SYN010", __name__)
