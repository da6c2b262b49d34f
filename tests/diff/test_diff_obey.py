"""OBEYFILE application (zparse.review.apply_obey) statement by statement."""

from __future__ import annotations

from ipaddress import ip_address

import zparse
from zparse.model.tcpip import TcpipProfile
from zparse.review import apply_obey

BASE = """\
IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1
DEVICE OSA1 MPCIPA
LINK LNK1 IPAQENET OSA1
HOME 203.0.113.1 LNK1
     203.0.113.5 LNK1
INTERFACE ETH9 DEFINE IPAQENET PORTNAME P9 IPADDR 203.0.113.9/24
PORT 21 TCP FTPD1
     23 TCP TN3270
START OSA1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE 198.51.100.10 PORT 443 8443 DESTIP 192.0.2.1 192.0.2.2
ENDVIPADYNAMIC
"""


def _model(text: str) -> TcpipProfile:
    model = zparse.parse(text, "tcpip").model
    assert isinstance(model, TcpipProfile)
    return model


def _apply(obey: str) -> tuple[TcpipProfile, list[str]]:
    profile, notes = apply_obey(_model(BASE), _model(obey), "SYS1")
    return profile, [f"{n.statement}: {n.reason}" for n in notes]


def test_home_replaces_the_whole_list() -> None:
    p, notes = _apply("HOME 203.0.113.7 LNK1\n")
    assert [str(h.address) for h in p.home] == ["203.0.113.7"]
    assert notes == []


def test_no_home_keeps_the_list() -> None:
    p, _ = _apply("PORT 80 TCP WEB\n")
    assert [str(h.address) for h in p.home] == ["203.0.113.1", "203.0.113.5"]
    assert [(e.port, e.owner) for e in p.ports] == [(21, "FTPD1"), (23, "TN3270"), (80, "WEB")]


def test_delete_port_and_unknown_delete() -> None:
    p, notes = _apply("DELETE PORT 21 TCP FTPD1 99 TCP NOBODY\n")
    assert [e.port for e in p.ports] == [23]
    assert notes == ["DELETE PORT 21 TCP FTPD1 99 TCP NOBODY: no PORT 99 TCP NOBODY reservation on this stack"]


def test_delete_device_started_by_the_profile() -> None:
    p, notes = _apply("DELETE LINK LNK1\nDELETE DEVICE OSA1\n")
    assert p.devices == () and p.links == ()
    assert len(notes) == 1 and "started by the profile" in notes[0]


def test_existing_device_cannot_be_redefined() -> None:
    p, notes = _apply("DEVICE OSA1 MPCIPA NOAUTORESTART\n")
    assert len(p.devices) == 1 and p.devices[0].operands == _model(BASE).devices[0].operands
    assert notes and "DELETE DEVICE first" in notes[0]


def test_interface_delete() -> None:
    p, _ = _apply("INTERFACE ETH9 DELETE\n")
    assert [i.name for i in p.interfaces] == []
    assert ip_address("203.0.113.9") not in p.index.static


def test_vipadistribute_delete_one_port() -> None:
    p, notes = _apply("VIPADYNAMIC\n  VIPADISTRIBUTE DELETE 198.51.100.10 PORT 8443 DESTIP 192.0.2.1 192.0.2.2\n"
                      "ENDVIPADYNAMIC\n")
    dist = p.index.distributed[ip_address("198.51.100.10")]
    assert [str(ps) for v in dist for ps in v.ports] == ["443"]
    assert notes == []


def test_vipadistribute_delete_one_target() -> None:
    p, _ = _apply("VIPADYNAMIC\n  VIPADISTRIBUTE DELETE 198.51.100.10 PORT 443 DESTIP 192.0.2.2\nENDVIPADYNAMIC\n")
    dist = p.index.distributed[ip_address("198.51.100.10")]
    got = sorted((str(ps), tuple(str(d.address) for d in v.dest_ips)) for v in dist for ps in v.ports)
    assert got == [("443", ("192.0.2.1",)), ("8443", ("192.0.2.1", "192.0.2.2"))]


def test_vipadelete_then_new_definition() -> None:
    p, notes = _apply("VIPADYNAMIC\n  VIPADELETE 198.51.100.10\n  VIPADEFINE 255.255.255.128 198.51.100.10\n"
                      "ENDVIPADYNAMIC\n")
    (d,) = p.index.defined[ip_address("198.51.100.10")]
    assert str(d.mask) == "255.255.255.128"
    assert notes == []


def test_redefinition_without_vipadelete_is_rejected() -> None:
    p, notes = _apply("VIPADYNAMIC\n  VIPADEFINE 255.255.255.128 198.51.100.10\nENDVIPADYNAMIC\n")
    (d,) = p.index.defined[ip_address("198.51.100.10")]
    assert str(d.mask) == "255.255.255.0"
    assert notes and "VIPADELETE must come before it" in notes[0]


def test_vipadelete_of_nothing() -> None:
    _, notes = _apply("VIPADYNAMIC\n  VIPADELETE 198.51.100.99\nENDVIPADYNAMIC\n")
    assert notes == ["VIPADELETE 198.51.100.99: this stack has no such DVIPA: nothing is deleted"]


def test_dynamicxcf_is_kept() -> None:
    p, notes = _apply("IPCONFIG DYNAMICXCF 192.0.2.7 255.255.255.0 1\n")
    assert p.dynamic_xcf is not None and str(p.dynamic_xcf.address) == "192.0.2.1"
    assert notes and notes[0].startswith("IPCONFIG DYNAMICXCF 192.0.2.7:")


def test_routes_replace() -> None:
    p, _ = _apply("BEGINROUTES\n  ROUTE DEFAULT 203.0.113.254 LNK1 MTU 1492\nENDROUTES\n")
    assert [r.destination for r in p.routes] == ["DEFAULT"]
