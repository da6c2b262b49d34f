"""A DEVICE type that current z/OS releases no longer support (ATM, CLAW, HYPERchannel, SNA, X.25, CDLC, MPCOSA).

## What it does
Reported at the device type of a `DEVICE` statement that IBM removed from
the TCP/IP stack by z/OS V2R2: `ATM`, `CLAW`, `HCH` (HYPERchannel),
`SNAIUCV`, `SNALU62`, `X25NPSI`, `CDLC`, `MPCOSA`. The statement is kept in
the model, so its LINK and HOME statements are still checked.

Whole statements of old releases or other files (`ASSORTEDPARMS`,
`DATASETPREFIX`, `ATMLIS`, ...) are reported as SYN002 with a message that
says so, because z/OS does not know them as statements at all.

## Why is this bad?
A current stack rejects the DEVICE statement, and with it every LINK, HOME
and route that depends on it: the old interface does not come up. Usually
the hardware is long gone and the statements are leftovers copied from an
old sample (IBM's SAMPPROF had them all); they hide the statements that
matter and make every later reference a potential error.

## Example
```tcpip
DEVICE ATM1 ATM PORTNAME P1
```

## Use instead
```tcpip
DEVICE OSA1 MPCIPA
LINK ETH1 IPAQENET OSA1
```

## Known limitations
This is a warning: zlint knows the removal from IBM's tables of contents
(the device types are in the V2R1 IP Configuration Reference and not in
V2R2), not from a console message.

## References
- z/OS Communications Server: IP Configuration Reference V2R1 and V2R2, "DEVICE and LINK
  statements" (device types)
- z/OS Communications Server: New Function Summary, V2R2 (removed functions)
"""

from zparse.engine import documented

documented("SYN011", __name__)
