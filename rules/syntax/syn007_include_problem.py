"""An INCLUDE that zlint cannot follow: target not found, a cycle, or nesting deeper than 16.

## What it does
Reported at the data set name of an `INCLUDE` statement when the profile is
read with INCLUDEs resolved (as `zlint check` does through the `[include]`
table of `zlint.toml`, which maps data set names to local folders):

- the data set or member has no local file (the message names the data set
  and the mapping that was tried);
- the included member includes, directly or indirectly, itself (`INCLUDE
  cycle: A → B → A`); zlint does not follow the cycle;
- INCLUDEs are nested more than 16 levels deep;
- the profile already follows 256 INCLUDEs, or the INCLUDEs would add more
  than 4 MiB of text to it (one finding, at the first INCLUDE cut off). These
  are zlint's own limits against include "bombs", not z/OS's: the model holds
  the statements of every inclusion, so they bound its memory. A real profile
  with its members is far below either.

The INCLUDE statement is kept in the model (`TcpipProfile.includes`)
whether or not it was followed.

## Why is this bad?
What the included member defines (often the VIPADYNAMIC block, shared
VIPARANGE statements, or the DEVICE/LINK/HOME definitions) is part of the
stack's configuration, and every single-system and sysplex rule needs it. A
missing member at z/OS is a failed INCLUDE at IPL; a missing mapping at
zlint means the HA checks see an incomplete profile. An INCLUDE cycle never
ends.

## Example
```text
; PROFILE.TCPIP, linted with zlint.toml: [include] "USER.TCPPARMS" = "tcpparms"
; and no file tcpparms/VIPAS
INCLUDE USER.TCPPARMS(VIPAS)
```

## Use instead
```tcpip
INCLUDE USER.TCPPARMS(VIPAS)
```

The "Use instead" text is the same statement: it is correct once
`tcpparms/VIPAS` exists (or the `[include]` table maps the data set to the
folder that holds it). Parsed on its own, without an include resolver, the
statement is recorded and not followed, and nothing is reported; that is
why the Example is shown as text, not run.

## Known limitations
Whether z/OS itself limits INCLUDE nesting (and at what depth) is
unverified; 16 is zlint's own bound. z/OS UNIX path names on INCLUDE are
not supported (unverified whether z/OS accepts them).

## References
- z/OS Communications Server: IP Configuration Reference, "INCLUDE statement"
- z/OS Communications Server: IP Messages Volume 4, EZZ0300I (OPENED INCLUDE FILE)
"""

from zparse.engine import documented

documented("SYN007", __name__)
