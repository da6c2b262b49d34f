"""zparse: parse and lint z/OS PROFILE.TCPIP and z/OSMF IZUPRMxx members."""

from __future__ import annotations

__version__ = "0.1.0"
