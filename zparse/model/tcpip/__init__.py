"""The typed model of a TCP/IP stack profile.

* :mod:`~zparse.model.tcpip.nodes` -- the frozen attrs classes (one per
  statement family) and :class:`TcpipProfile`, re-exported here;
* :mod:`~zparse.model.tcpip.build` -- :func:`~zparse.model.tcpip.build.parse_tcpip`:
  syntax tree to model, INCLUDEs resolved, and the profile's own findings.

The IZUPRMxx model (:mod:`zparse.model.izuprm`) is independent of this one;
only :mod:`zparse.sysplex` joins them.
"""

from __future__ import annotations

from .nodes import (
    AutologEntry,
    Deletion,
    DestIp,
    DestRole,
    Device,
    DistMethod,
    DynamicXcf,
    Generic,
    GlobalConfig,
    HomeEntry,
    Include,
    Interface,
    IpAddress,
    IpConfig,
    Link,
    Moveable,
    Option,
    PortEntry,
    PortRangeEntry,
    PortSpec,
    ProfileIndex,
    Route,
    StatementRef,
    SysplexMonitor,
    TcpipProfile,
    Unparsed,
    VipaBackup,
    VipaDefine,
    VipaDelete,
    VipaDistribute,
    VipaRange,
    VipaRoute,
    VipaStatement,
    mask_prefix,
)

__all__ = [
    "AutologEntry",
    "Deletion",
    "DestIp",
    "DestRole",
    "Device",
    "DistMethod",
    "DynamicXcf",
    "Generic",
    "GlobalConfig",
    "HomeEntry",
    "Include",
    "Interface",
    "IpAddress",
    "IpConfig",
    "Link",
    "Moveable",
    "Option",
    "PortEntry",
    "PortRangeEntry",
    "PortSpec",
    "ProfileIndex",
    "Route",
    "StatementRef",
    "SysplexMonitor",
    "TcpipProfile",
    "Unparsed",
    "VipaBackup",
    "VipaDefine",
    "VipaDelete",
    "VipaDistribute",
    "VipaRange",
    "VipaRoute",
    "VipaStatement",
    "mask_prefix",
]
