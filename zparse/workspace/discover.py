"""What kind of file is this: one answer for discovery, the CLI and the language server."""

from __future__ import annotations

import re

__all__ = ["IZUPRM_LANGUAGES", "TCPIP_LANGUAGES", "kind_of", "recognise", "sniff"]

def recognise(name: str) -> str | None:
    """The kind of a file judged by its name: ``"tcpip"``, ``"izuprm"`` or None.

    TCP/IP profile: the name starts with PROFILE or TCPIP, or ends in
    ``.tcpip``; IZUPRMxx: it starts with IZUPRM (case-insensitive).
    """
    u = name.upper()
    if u.startswith("."):
        return None
    if u.startswith("IZUPRM"):
        return "izuprm"
    if u.startswith(("PROFILE", "TCPIP")) or u.endswith(".TCPIP"):
        return "tcpip"
    return None


_PARMLIB_STMT = re.compile(r"^\s*(?:/\*.*?\*/\s*)*[A-Z_]{4,}\s*\(", re.I | re.M)


def sniff(text: str) -> str:
    """Kind of a file whose name says nothing: parmlib style ``KEYWORD(value)`` -> izuprm."""
    izu = len(_PARMLIB_STMT.findall(text))
    lines = sum(1 for ln in text.splitlines() if ln.strip() and not ln.strip().startswith(("/*", ";")))
    return "izuprm" if lines and izu * 2 >= lines else "tcpip"


TCPIP_LANGUAGES = frozenset({"tcpip", "zos-tcpip", "tcpip-profile", "zostcpip", "profile-tcpip", "tcpipprofile"})
IZUPRM_LANGUAGES = frozenset({"izuprm", "zos-izuprm", "parmlib-izuprm", "izuprmxx", "zosmf-izuprm"})


def kind_of(name: str, *, text: str | None = None, language_id: str | None = None) -> str | None:
    """``"tcpip"``, ``"izuprm"`` or None: the kind of a file, decided once for everyone.

    An editor's language id wins (``tcpip``, ``zos-tcpip``, ``izuprm``, ...).
    Otherwise the name decides (see :func:`recognise`); a Zowe Explorer
    member written ``SYS1.PARMLIB(IZUPRM00)`` counts by the member in
    parentheses too. When the name says nothing and ``text`` is given, the
    text decides (:func:`sniff`); else None.
    """
    lang = (language_id or "").strip().lower()
    if lang in TCPIP_LANGUAGES:
        return "tcpip"
    if lang in IZUPRM_LANGUAGES:
        return "izuprm"
    base = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    m = re.search(r"\(([^()]*)\)\s*$", base)
    for candidate in (base, m.group(1)) if m else (base,):
        kind = recognise(candidate)
        if kind is not None:
            return kind
    return sniff(text) if text is not None else None
