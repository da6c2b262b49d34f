"""Text in columns 73-80 of a TCP/IP profile: sequence numbers are not allowed.

## What it does
Reported for every line of a TCP/IP profile that has statement text in
columns 73-80 (outside a `;` comment that started earlier on the line). The
diagnostic covers that text and offers a fix that removes it, unless a
token straddles column 72/73 (then the edit is left to you).

## Why is this bad?
Unlike most parmlib members, a TCP/IP profile has no sequence-number
columns: z/OS reads columns 73-80 as ordinary statement text. Sequence
numbers left by ISPF (NUMBER ON) or a copy from a numbered data set become
extra operands: they are mistaken for values, or they start a "statement"
that is a number, which z/OS rejects (zlint then also reports SYN001 for
the same line). The example below is the quiet case, where the number is
taken silently as an extra value of ARPTO.

## Example
```tcpip
IPCONFIG ARPTO 1200                                                     00010000
```

## Use instead
```tcpip
IPCONFIG ARPTO 1200
```

## Known limitations
IZUPRMxx members follow the parmlib rule instead (columns 72-80 are
ignored) and never get SYN006.

## References
- z/OS Communications Server: IP Configuration Reference, "Syntax rules for the configuration
  statements" (sequence numbers are not allowed)
- ISPF Edit and Edit Macros, "NUMBER" (turn numbering off: NUMBER OFF, UNNUM)
"""

from zparse.engine import documented

documented("SYN006", __name__)
