"""Document outline and go to definition.

Outline: the statements of a profile in text order, blocks (VIPADYNAMIC,
AUTOLOG, BEGINROUTES, ...) holding their statements, named after what they
define (``VIPADEFINE 198.51.100.10``, ``INTERFACE ETH1``); the statements
of an IZUPRMxx member with their values.

Definition, in a TCP/IP profile:

* an address: the ``IPCONFIG DYNAMICXCF`` of the system that owns it (a
  DESTIP target, often in another system's profile), and the
  VIPADEFINE / VIPABACKUP statements that define it as a DVIPA (this
  profile's first, then the other systems');
* a link, device or interface name: its LINK, DEVICE or INTERFACE statement;
* an INCLUDE: the included file.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from typing import Any

from lsprotocol import types

from ..model.izuprm import IzuPrm
from ..model.tcpip import TcpipProfile, VipaBackup, VipaDefine, VipaDistribute
from ..source import Span
from .hover import word_at
from .textdoc import LineIndex

__all__ = ["definition", "document_symbols"]

_BLOCK_ENDS = {"VIPADYNAMIC": "ENDVIPADYNAMIC", "AUTOLOG": "ENDAUTOLOG", "BEGINROUTES": "ENDROUTES",
               "BSDROUTINGPARMS": "ENDBSDROUTINGPARMS", "NETACCESS": "ENDNETACCESS", "SRCIP": "ENDSRCIP",
               "IPSEC": "ENDIPSEC", "DEFADDRTABLE": "ENDDEFADDRTABLE"}

_KINDS: dict[str, types.SymbolKind] = {
    "VIPADEFINE": types.SymbolKind.Constant, "VIPABACKUP": types.SymbolKind.Constant,
    "VIPARANGE": types.SymbolKind.Constant, "VIPADELETE": types.SymbolKind.Constant,
    "VIPADISTRIBUTE": types.SymbolKind.Event, "VIPAROUTE": types.SymbolKind.Event,
    "INTERFACE": types.SymbolKind.Interface, "LINK": types.SymbolKind.Interface,
    "DEVICE": types.SymbolKind.Object, "HOME": types.SymbolKind.Variable,
    "PORT": types.SymbolKind.Field, "PORTRANGE": types.SymbolKind.Field, "ROUTE": types.SymbolKind.Field,
    "IPCONFIG": types.SymbolKind.Property, "IPCONFIG6": types.SymbolKind.Property,
    "GLOBALCONFIG": types.SymbolKind.Property, "TCPCONFIG": types.SymbolKind.Property,
    "UDPCONFIG": types.SymbolKind.Property, "START": types.SymbolKind.Event, "STOP": types.SymbolKind.Event,
    "INCLUDE": types.SymbolKind.File,
}


def _symbol(name: str, detail: str | None, kind: types.SymbolKind, rng: types.Range,
            sel: types.Range, children: list[types.DocumentSymbol] | None = None) -> types.DocumentSymbol:
    return types.DocumentSymbol(name=name or "?", detail=detail or None, kind=kind, range=rng,
                                selection_range=sel, children=children if children is not None else [])


def _tcpip_symbols(profile: TcpipProfile, source: Any, index: LineIndex) -> list[types.DocumentSymbol]:
    out: list[types.DocumentSymbol] = []
    open_block: types.DocumentSymbol | None = None
    open_children: list[types.DocumentSymbol] = []
    block_end: str | None = None
    xcf = {id(x.span.source): x for x in (profile.dynamic_xcf, profile.dynamic_xcf6) if x is not None}
    for ref in profile.statements:
        span = ref.span
        if span.source is not source:
            continue
        text = span.text
        head = text.split(None, 1)[0] if text.strip() else ref.keyword
        rng = index.range(span.start, span.end)
        sel = index.range(span.start, span.start + len(head))
        name = f"{ref.keyword} {ref.name}" if ref.name else ref.keyword
        detail = None
        x = xcf.get(id(source))
        if x is not None and span.start <= x.span.start < span.end + 1:
            detail = f"DYNAMICXCF {x.address or x.raw}"
        if ref.keyword in _BLOCK_ENDS and ref.block == ref.keyword:
            open_children = []
            sym = _symbol(name, None, types.SymbolKind.Namespace, rng, sel, open_children)
            out.append(sym)
            open_block, block_end = sym, _BLOCK_ENDS[ref.keyword]
            continue
        if open_block is not None and ref.block is not None:
            if ref.keyword == block_end:
                open_block.range = types.Range(start=open_block.range.start, end=rng.end)
                open_block, block_end = None, None
                continue
            open_children.append(_symbol(name, detail, _KINDS.get(ref.keyword, types.SymbolKind.Key), rng, sel))
            open_block.range = types.Range(start=open_block.range.start, end=rng.end)
            continue
        open_block, block_end = None, None
        out.append(_symbol(name, detail, _KINDS.get(ref.keyword, types.SymbolKind.Key), rng, sel))
    return out


def _izuprm_symbols(model: IzuPrm, source: Any, index: LineIndex) -> list[types.DocumentSymbol]:
    out: list[types.DocumentSymbol] = []
    for st in model.statements:
        if st.span.source is not source:
            continue
        values = ", ".join(v.text for v in st.values)
        kids = [_symbol(op.keyword, op.value.text, types.SymbolKind.Field,
                        index.range(op.span.start, op.span.end),
                        index.range(op.keyword_span.start, op.keyword_span.end)) for op in st.operands]
        out.append(_symbol(st.keyword, values or None,
                           types.SymbolKind.Property if st.known else types.SymbolKind.Null,
                           index.range(st.span.start, st.span.end),
                           index.range(st.keyword_span.start, st.keyword_span.end), kids))
    return out


def document_symbols(kind: str, model: Any, source: Any, index: LineIndex) -> list[types.DocumentSymbol]:
    """The outline of a document (empty for anything unexpected)."""
    if kind == "tcpip" and isinstance(model, TcpipProfile):
        return _tcpip_symbols(model, source, index)
    if kind == "izuprm" and isinstance(model, IzuPrm):
        return _izuprm_symbols(model, source, index)
    return []


def _contains(span: Span | None, source: Any, offset: int) -> bool:
    return span is not None and span.source is source and span.start <= offset <= span.end


def _address_spans(v: VipaDefine | VipaBackup, addr: Any) -> list[Span]:
    return [s for a, s in v.located() if a == addr] or [v.span]


def definition(profile: TcpipProfile, source: Any, text: str, offset: int,
               profiles: Iterable[tuple[str | None, TcpipProfile]],
               location: Callable[[Span], types.Location | None],
               file_location: Callable[[str], types.Location | None]) -> list[types.Location]:
    """Definition targets of the word at ``offset`` in a TCP/IP profile."""
    for inc in profile.includes:
        if _contains(inc.span, source, offset) and inc.path:
            loc = file_location(inc.path)
            return [loc] if loc is not None else []
    w = word_at(text, offset, "tcpip")
    if w is None:
        return []
    _start, _end, word = w
    spans: list[Span] = []
    try:
        addr = ipaddress.ip_address(word.split("/")[0])
    except ValueError:
        addr = None
    all_profiles = list(profiles)
    if addr is not None:
        in_destip = any(_contains(d.span, source, offset) for v in profile.vipa_distributes for d in v.dest_ips)
        on_vipa = any(_contains(v.vipa_span, source, offset) for v in profile.vipa_distributes)
        xcf: list[Span] = []
        defs: list[Span] = []
        ordered = sorted(all_profiles, key=lambda sp: sp[1] is not profile)
        for _system, p in ordered:
            for x in (p.dynamic_xcf, p.dynamic_xcf6):
                if x is not None and x.address == addr:
                    xcf.append(x.span)
            idx = p.index
            for v in idx.defined.get(addr, ()):
                defs.extend(_address_spans(v, addr))
            for b in idx.backed_up.get(addr, ()):
                defs.extend(_address_spans(b, addr))
        if on_vipa:
            spans = defs + xcf
        elif in_destip:
            spans = xcf + defs
        else:
            spans = xcf + defs
    else:
        name = word.upper()
        idx = profile.index
        link = idx.links.get(name)
        dev = idx.devices.get(name)
        intf = idx.interfaces.get(name)
        for target in (link, intf, dev):
            if target is not None:
                spans.append(target.name_span)
    out: list[types.Location] = []
    seen: set[tuple[str | None, int, int]] = set()
    for s in spans:
        key = (s.path, s.start, s.end)
        if key in seen:
            continue
        seen.add(key)
        loc = location(s)
        if loc is not None:
            out.append(loc)
    return out


def distribute_at(profile: TcpipProfile, source: Any, offset: int) -> VipaDistribute | None:
    for v in profile.vipa_distributes:
        if _contains(v.span, source, offset):
            return v
    return None
