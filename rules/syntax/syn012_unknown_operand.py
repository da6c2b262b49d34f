"""An operand that zlint does not know for this statement (a typo, or a newer or older keyword).

## What it does
Reported when the model is built and an operand of a known statement is not
one zlint knows there: a word in an option bag (`IPCONFIG`, `IPCONFIG6`,
`GLOBALCONFIG`, `TCPCONFIG`, `UDPCONFIG`) that is no keyword of that
statement, a value after a keyword that takes none (`IPCONFIG SOURCEVIPA
SYSPLEXROUTNG`: the misspelt keyword is read as a value of SOURCEVIPA), an
`INTERFACE ... DEFINE` type zlint does not know, or extra words after
`IPCONFIG DYNAMICXCF`. The operand is kept in the model as written.

## Why is this bad?
A misspelt keyword is either rejected by z/OS or, worse, read as a value of
the keyword before it, so the setting the operator meant (here
`SYSPLEXROUTING`, which sysplex distribution with WLM relies on) is not in
effect. It is a warning because the word may also be a keyword of a newer
z/OS release that zlint does not know yet.

## Example
```tcpip
IPCONFIG SOURCEVIPA SYSPLEXROUTNG
```

## Use instead
```tcpip
IPCONFIG SOURCEVIPA SYSPLEXROUTING
```

## Known limitations
Keyword lists follow the V2R3/V2R4 syntax diagrams; operands added in later
releases are reported until zlint learns them (suppress with
`; zlint: ignore[SYN012]`).

## References
- z/OS Communications Server: IP Configuration Reference, "IPCONFIG statement", "IPCONFIG6
  statement", "GLOBALCONFIG statement", "TCPCONFIG statement", "UDPCONFIG statement",
  "INTERFACE statements"
"""

from zparse.engine import documented

documented("SYN012", __name__)
