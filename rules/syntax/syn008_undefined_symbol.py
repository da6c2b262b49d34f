"""A system symbol (&NAME.) that is not defined for the system being checked.

## What it does
Reported at a token of a TCP/IP profile that uses a static system symbol
(`&SYSCLONE.`, `&SYSNAME.`, or an IEASYMxx user symbol) which the system's
symbol table in `zlint.toml` (`symbols = {...}` under `[systems.NAME]`) does
not define. The token keeps the unresolved text, and rules treat its value
as unknown rather than guessing it.

Symbols are substituted only when symbols are given: a file checked on its
own, or `zparse.parse(text)` without `symbols=`, leaves `&NAME.` as written
and reports nothing.

## Why is this bad?
z/OS substitutes static system symbols in the profile at the time it reads
it. A symbol that the system does not define stays as literal text, so an
address such as `10.1.1.&SYSCLONE.` is not an address at all and the
statement is rejected. In a shared profile, a symbol missing on one system
is exactly the difference that breaks that system's takeover.

## Example
```text
; zlint.toml: [systems.SYS1] symbols = { SYSNAME = "SYS1" }  (no SYSCLONE)
HOME 10.1.1.&SYSCLONE. ETH1
```

## Use instead
```text
; zlint.toml: [systems.SYS1] symbols = { SYSNAME = "SYS1", SYSCLONE = "01" }
HOME 10.1.1.&SYSCLONE. ETH1
```

Both blocks are text: the finding depends on the inventory's symbol table,
which a parse without symbols does not have.

## References
- z/OS MVS Initialization and Tuning Reference, "IEASYMxx" (static system symbols)
- z/OS Communications Server: IP Configuration Reference, "Syntax rules for the configuration
  statements" (system symbols in the profile)
"""

from zparse.engine import documented

documented("SYN008", __name__)
