"""A sequence number in columns 73-80 of a TCP/IP profile.

## What it does
Reports a profile line whose columns 73-80 hold what looks like a sequence
number, outside a `;` comment that started earlier on the line: eight
digits (`00010000`, as ISPF `NUMBER ON` writes them), or eight letters and
digits of one shape (`ABC00010`, `PRF00020`) on three lines or more, with
nothing after column 80. The diagnostic covers columns 73-80 and offers a
fix that removes them; when the number touches the text in column 72 the
fix is marked for review (what remains of the line may need a blank).

Other text in columns 73-80 is not reported: z/OS reads a profile's lines
in full, so an operand that runs past column 72 of an 80-column record is
ordinary statement text.

## Why is this bad?
Unlike most parmlib members, a TCP/IP profile has no sequence-number
columns: IBM's statement syntax rules say sequence numbers are not allowed,
and z/OS reads columns 73-80 as statement text. Sequence numbers left by
ISPF or a copy from a numbered data set become extra operands: they are
mistaken for values, or they start a "statement" that is a number, which
z/OS rejects (zlint then also reports SYN001 for the same line). The
example below is the quiet case, where the number is taken silently as an
extra value of ARPTO.

## Example
```tcpip
IPCONFIG ARPTO 1200                                                     00010000
```

## Use instead
```tcpip
IPCONFIG ARPTO 1200
```

## Known limitations
A warning, not an error: whether z/OS rejects the line depends on where the
number lands (a new statement, an extra operand). A single line with
letters in columns 73-80 (`AB000010`) is taken for statement text; eight
digits that are really an operand running past column 72 (rare: no profile
operand is an eight-digit number written at column 73) would be reported.
IZUPRMxx members follow the parmlib rule instead (columns 72-80 are
ignored) and never get SYN006.

## References
- z/OS Communications Server: IP Configuration Reference, "Statement syntax for configuration
  statements" (free format; end-of-record is a blank; sequence numbers are not allowed)
- ISPF Edit and Edit Macros, "NUMBER" and "UNNUMBER" (turn numbering off and remove the numbers)
"""

from zparse.engine import documented

documented("SYN006", __name__)
