"""Each system needs a DYNAMICXCF address of its own.

## What it does
Reports an `IPCONFIG DYNAMICXCF` (or `IPCONFIG6 DYNAMICXCF`) address that
another system of the sysplex uses too, pointing at the other system's
statement. A profile shared by several systems with a literal address (no
system symbol such as `&SYSCLONE.`) gives one finding naming all of them.

## Why is this bad?
The dynamic XCF address identifies a stack to the rest of the sysplex: the
XCF links, sysplex distributor targets (DESTIP) and non-disruptive DVIPA
movement all rely on it being unique. Two stacks with the same address make
IP routing over XCF ambiguous and distributed connections may go to the
wrong system or nowhere; the second stack to join also reports a duplicate
address conflict.

## Example
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
```

## Use instead
```tcpip system=SYS1
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
```
```tcpip system=SYS2
IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1
```

## Known limitations
Only the systems in the inventory are compared. Addresses written with
system symbols are compared after substitution with each system's symbols
(`[systems.NAME] symbols` in zlint.toml).

## References
- z/OS Communications Server: IP Configuration Reference, "IPCONFIG statement" (DYNAMICXCF)
- z/OS Communications Server: IP Configuration Guide, "Dynamic XCF"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from zparse.diagnostics import Related
from zparse.engine import Finding, rule

from ._ha import CROSS_SYSTEM

if TYPE_CHECKING:
    from zparse.sysplex import Sysplex, SysplexIndex


@rule("HA303", reads=CROSS_SYSTEM)
def check(sysplex: Sysplex, index: SysplexIndex) -> Iterator[Finding]:
    yield from _check(index)


def _check(index: SysplexIndex) -> Iterator[Finding]:
    for addr, entries in index.xcf.items():
        names = sorted({e.system for e in entries})
        if len(names) < 2:
            continue
        for e in entries:
            same_place = [o.system for o in entries if o.xcf.span == e.xcf.span]
            others = [o for o in entries if o.xcf.span != e.xcf.span]
            if others:
                msg = (f"DYNAMICXCF {addr} of {e.system} is also the DYNAMICXCF address of "
                       + ", ".join(sorted({o.system for o in others})))
            else:
                msg = (f"DYNAMICXCF {addr} is the address of " + " and ".join(sorted(set(same_place)))
                       + " (a shared profile without a system symbol?)")
            yield Finding(
                span=e.xcf.span,
                message=msg,
                related=tuple(Related(o.xcf.span, f"{o.system} DYNAMICXCF {addr}") for o in others),
                help="give every system its own DYNAMICXCF address (e.g. with &SYSCLONE. in a shared profile)",
            )
