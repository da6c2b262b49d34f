"""One small profile per statement and feature: the model says what z/OS would apply."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv6Address

import pytest

import zparse
from zparse.model.tcpip import DestRole, DistMethod, Moveable, TcpipProfile


def model(text: str, **kw: object) -> TcpipProfile:
    r = zparse.parse(text, kind="tcpip", **kw)  # type: ignore[arg-type]
    assert r.render() == text
    hard = [d for d in r.diagnostics if d.code in {"SYN001", "SYN002", "SYN003", "SYN004", "SYN005"}]
    assert not hard, [(d.code, d.message) for d in hard]
    return r.model


def codes(text: str) -> list[str]:
    r = zparse.parse(text, kind="tcpip")
    assert r.render() == text
    return [d.code for d in r.diagnostics]


def test_ipconfig_dynamicxcf_with_mask_and_cost():
    m = model("IPCONFIG SYSPLEXROUTING DYNAMICXCF 192.0.2.1 255.255.255.0 1\n")
    x = m.dynamic_xcf
    assert x is not None
    assert x.address == IPv4Address("192.0.2.1")
    assert x.mask == IPv4Address("255.255.255.0")
    assert x.cost == 1
    assert str(x.network) == "192.0.2.0/24"
    assert m.ipconfig.sysplex_routing


def test_ipconfig_dynamicxcf_prefix_form_over_lines_and_abbreviated():
    m = model("IPCONF SOURCEVIPA TCPSTACKSOURCEVIPA 201.2.10.11\n   DYNAMICXCF 193.9.200.1/28 2\n")
    assert m.dynamic_xcf is not None
    assert m.dynamic_xcf.prefix_len == 28
    assert m.dynamic_xcf.cost == 2
    assert m.ipconfig.has("SOURCEVIPA")


def test_ipconfig6_dynamicxcf():
    m = model("IPCONFIG6 DYNAMICXCF 2001:0DB8::151:0001 INTFID 6:7:8:9\n")
    assert m.dynamic_xcf6 is not None
    assert m.dynamic_xcf6.address == IPv6Address("2001:db8::151:1")


def test_dynamicxcf_bad_values_are_syn004():
    assert "SYN004" in codes("IPCONFIG DYNAMICXCF 192.0.2.300 255.255.255.0 1\n")
    assert "SYN004" in codes("IPCONFIG DYNAMICXCF x.x.x.A 255.255.255.0 1\n")


def test_nodynamicxcf_cancels_an_earlier_dynamicxcf():
    m = model("IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1\nIPCONFIG NODYNAMICXCF\n")
    assert m.dynamic_xcf is None


def test_home_list_over_lines_and_cumulative():
    m = model("HOME 10.1.2.2 ETH1\n     10.1.3.2 ETH2\nHOME 192.168.1.191 ETH3\n")
    assert [(str(h.address), h.link) for h in m.home] == [
        ("10.1.2.2", "ETH1"), ("10.1.3.2", "ETH2"), ("192.168.1.191", "ETH3")]


def test_home_link_name_that_looks_like_a_keyword_stays_a_name():
    m = model("HOME 10.1.2.2 PORT\nPORT 23 TCP TN3270\n")
    assert m.home[0].link == "PORT"
    assert m.ports[0].port == 23


def test_device_link_home_lcs():
    m = model("DEVICE LCS1 LCS 0E20\nLINK ETH1 ETHERNET 0 LCS1\nHOME 10.1.1.1 ETH1\nSTART LCS1\n")
    assert m.devices[0].name == "LCS1" and m.devices[0].type == "LCS"
    assert m.links[0].device == "LCS1"
    assert m.starts == ("LCS1",)


def test_device_mpcipa_link_ipaqenet():
    m = model("DEVICE PORTA MPCIPA\nLINK ETH1 IPAQENET PORTA\n")
    assert m.links[0].type == "IPAQENET" and m.links[0].device == "PORTA"


def test_obsolete_device_type_is_syn011():
    assert "SYN011" in codes("DEVICE CISCO CLAW AD0 SM03DR4 CIPTCP NONE 20 20 4096 4096\n")


def test_interface_ipaqenet_operands_on_continuation_lines():
    m = model("INTERFACE OSA1500\n DEFINE IPAQENET\n IPADDR 192.0.2.7/24\n PORTNAME OSAPORT\n"
              " INBPERF DYNAMIC\n PRIROUTER\nSTART OSA1500\n")
    i = m.interfaces[0]
    assert (i.name, i.action, i.type) == ("OSA1500", "DEFINE", "IPAQENET")
    assert i.addresses == (IPv4Address("192.0.2.7"),) and i.prefix_len == 24
    assert i.portname == "OSAPORT"


def test_interface_ipv6_delete_and_addaddr():
    m = model("INTERFACE ETH6 DELETE\nINTERFACE ETH6 DEFINE IPAQENET6 PORTNAME P1 INTFID 1:2:3:4\n"
              "  IPADDR 2001:db8::1 2001:db8::2\nINTERFACE ETH6 ADDADDR 2001:db8::3\n")
    assert [i.action for i in m.interfaces] == ["DELETE", "DEFINE", "ADDADDR"]
    assert len(m.interfaces[1].addresses) == 2


def test_port_entries_with_options():
    m = model("PORT\n  20 TCP OMVS NOAUTOLOG ; FTP\n  443 TCP IZUSVR* SHAREPORT BIND 198.51.100.10 SAF ZOSMF\n"
              "  53 UDP RESERVED\n  UNRSV TCP * DENY\n")
    p = m.ports
    assert [e.port for e in p] == [20, 443, 53, None]
    assert p[0].options == ("NOAUTOLOG",)
    assert p[1].bind == IPv4Address("198.51.100.10") and p[1].saf == "ZOSMF"
    assert p[2].reserved


def test_port_deny_with_a_jobname_is_ezz0146i():
    assert "SYN004" in codes("PORT UNRSV TCP FTPD DENY\n")


def test_portrange_entries():
    m = model("PORTRANGE 4000 1000 TCP OMVS 5000 6000 TCP * SAF RANGE1\n")
    assert [(r.first, r.count, r.owner) for r in m.port_ranges] == [(4000, 1000, "OMVS"), (5000, 6000, "*")]
    assert m.port_ranges[1].last == 10999


def test_port_out_of_range():
    assert "SYN004" in codes("PORT 70000 TCP FOO\n")


def test_autolog_block_one_line_and_multi_line():
    m = model("AUTOLOG 5 PAGENT ENDAUTOLOG\nAUTOL\n FTPD JOBNAME FTPD1\n TRMD PARMSTRING \"D=TCPDATA5\"\nENDAUTOL\n")
    assert [(a.proc, a.jobname) for a in m.autolog] == [("PAGENT", None), ("FTPD", "FTPD1"), ("TRMD", None)]
    assert m.autolog[2].parmstring == "D=TCPDATA5"


def test_beginroutes():
    m = model("BEGINRoutes\n ROUTE 172.19.154.0 255.255.255.0 = SM03CIP MTU 4096\n"
              " ROUTE DEFAULT 192.168.1.1 ETH2 MTU 1500\n ROUTE 10.5.6.4 HOST 193.5.2.10 ETH1 MTU 1500\n"
              " ROUTE 193.5.2.0/24 = ETH1 MTU DEFAULTSIZE REPLACEABLE\n"
              " Route 2001:0DB8:0:A1B::/64 FE80::1:2:3:3 OSAQDIO46 MTU 5000 REPL\n"
              " Route DEFAULT6 FE80::1:2:3:4 OSAQDIO46 MTU 5000 REPL\nENDRoutes\n")
    assert [r.destination for r in m.routes] == ["172.19.154.0", "DEFAULT", "10.5.6.4", "193.5.2.0/24",
                                                 "2001:0DB8:0:A1B::/64", "DEFAULT6"]
    assert m.routes[-1].options[-1] == "REPLACEABLE"
    assert m.routes[2].mask == "HOST"


def test_globalconfig_xcfgrpid_and_sysplexmonitor():
    m = model("GLOBALCONFIG XCFGRPID 11 SYSPLEXMONITOR DELAYJOIN RECOVERY\n")
    assert m.global_config.xcf_group_id == 11
    assert m.global_config.sysplex_monitor == ("DELAYJOIN", "RECOVERY")


def test_tcpconfig_and_udpconfig_bags_repeatable():
    m = model("TCPCONFIG TCPSENDBFRSIZE 64K TCPRCVBUFRSIZE 64K\nTCPCONFIG RESTRICTLOWPORTS TTLS\n"
              "UDPCONFIG UDPCHKSUM RESTRICTLOWPORTS\n")
    assert [o.keyword for o in m.tcp_config] == ["TCPSENDBFRSIZE", "TCPRCVBUFRSIZE", "RESTRICTLOWPORTS", "TTLS"]
    assert m.udp_config[0].keyword == "UDPCHKSUM"


def test_unknown_bag_operand_is_a_warning_not_an_error():
    assert codes("TCPCONFIG FROBNICATE\n") == ["SYN012"]


def test_small_statements():
    m = model("ARPAGE 20\nSOMAXCONN 1024\nPRIMARYINTERFACE ETH1\nSTOP ETH1\nINCLUDE ADCD.Z25B.TCPPARMS(ZPDTDEV2)\n")
    assert (m.arpage, m.somaxconn, m.primary_interface, m.stops) == (20, 1024, "ETH1", ("ETH1",))
    assert m.includes[0].dsn == "ADCD.Z25B.TCPPARMS(ZPDTDEV2)"


def test_generic_statements_round_trip_and_keep_neighbours():
    text = ("SACONFIG COMMUNITY public ENABLED AGENT 161\nSMFCONFIG TYPE119 TCPTERM\nNETMONITOR SMFSERVICE\n"
            "ITRACE OFF\nPKTTRACE FULL\nDELETE DEVICE X\nHOME 10.0.0.1 L1\n")
    m = model(text)
    assert [g.keyword for g in m.other] == ["SACONFIG", "SMFCONFIG", "NETMONITOR", "ITRACE", "PKTTRACE"]
    assert [(d.kind, d.name) for d in m.deletes] == [("DEVICE", "X")]  # DELETE is modelled (issue 14)
    assert m.other[0].words[1] == "public"  # mixed case kept as written
    assert m.home[0].link == "L1"


def test_end_blocks_netaccess_srcip():
    m = model("NETACCESS INBOUND\n 192.168.0.0/16 ZONE1\nENDNETACCESS\nSRCIP\n JOBNAME X 10.1.1.1\nENDSRCIP\n"
              "ARPAGE 5\n")
    assert [g.keyword for g in m.other] == ["NETACCESS", "SRCIP"]
    assert m.arpage == 5


# --------------------------------------------------------------- VIPADYNAMIC

RECIPE = """\
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 198.51.100.10
  VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY 198.51.100.10
     PORT 443
     DESTIP 192.0.2.1 PREFERRED
            192.0.2.2 BACKUP
ENDVIPADYNAMIC
"""


def test_vipadynamic_hotstandby_recipe():
    m = model(RECIPE)
    d = m.vipa_defines[0]
    assert d.addresses == (IPv4Address("198.51.100.10"),) and d.mask == IPv4Address("255.255.255.0")
    assert d.moveable is None and d.moveable_effective is Moveable.IMMEDIATE
    v = m.vipa_distributes[0]
    assert v.dist_method is DistMethod.HOTSTANDBY
    assert v.auto_switch_back_effective and v.health_switch_effective
    assert [(str(x.address), x.role) for x in v.dest_ips] == [
        ("192.0.2.1", DestRole.PREFERRED), ("192.0.2.2", DestRole.BACKUP)]
    assert v.distributes_port(443) and not v.distributes_port(80)
    assert m.index.defined[IPv4Address("198.51.100.10")] == (d,)
    assert m.index.distributed[IPv4Address("198.51.100.10")] == (v,)


def test_vipadynamic_with_abbreviations_and_lower_case():
    m = model("vipad\n vipadef 255.255.255.0 198.51.100.10\n vipadist define distm hotstandby noautoswitchback "
              "198.51.100.10 port 443 destip 192.0.2.1 preferred 192.0.2.2 backup 50\nendvipad\n")
    v = m.vipa_distributes[0]
    assert v.auto_switch_back is False
    assert v.dest_ips[1].rank == 50


def test_vipabackup_ranks_and_moveable_forms():
    m = model("VIPADYNAMIC\n VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.10\n"
              " VIPABACKUP 15 10.9.8.7 10.9.8.8\n VIPAB 10.9.8.9\nENDVIPADYNAMIC\n")
    b = m.vipa_backups
    assert [x.rank for x in b] == [100, 15, None]
    assert b[0].mask == IPv4Address("255.255.255.0") and b[0].addresses == (IPv4Address("198.51.100.10"),)
    assert b[1].mask is None and len(b[1].addresses) == 2
    assert b[2].rank_effective == 1


def test_vipadefine_tiers_and_ipv6():
    m = model("VIPADYNAMIC\n VIPADEFINE TIER2 CPCSCOPE MOVEABLE IMMEDIATE 255.255.255.0 10.1.1.1\n"
              " VIPADEFINE DVIPA1 2001:db8:1::1/64\nENDVIPADYNAMIC\n")
    a, b = m.vipa_defines
    assert a.tier == "TIER2" and a.cpcscope
    assert b.interface == "DVIPA1" and b.prefix_len == 64


def test_vipadistribute_every_option():
    m = model("VIPADYNAMIC\n VIPADEFINE 255.255.255.240 201.2.10.11\n"
              " VIPADISTRIBUTE DEFINE SYSPLEXPORTS TIMEDAFF 30 OPTLOCAL 2 DISTMETHOD BASEWLM PROCTYPE CP 20 ZAAP 80 ZIIP 0\n"
              "   201.2.10.11 PORT 20-21 23 DESTIP ALL\n"
              " VIPADISTRIBUTE DISTMETHOD WEIGHTEDACTIVE 201.2.10.11 PORT 80 DESTIP 193.9.200.1 WEIGHT 10 193.9.200.2 WEIGHT 20\n"
              "ENDVIPADYNAMIC\n")
    a, b = m.vipa_distributes
    assert a.sysplex_ports and a.timed_affinity == 30 and a.optlocal == 2 and a.dest_all
    assert [str(p) for p in a.ports] == ["20-21", "23"]
    assert b.dist_method is DistMethod.WEIGHTEDACTIVE and [d.weight for d in b.dest_ips] == [10, 20]


def test_viparange_viparoute_vipadelete():
    m = model("VIPADYNAMIC\n VIPARANGE DEFINE MOVEABLE NONDISRUPTIVE 255.255.255.0 10.1.2.0 SAF VR1\n"
              " VIPARANGE DEFINE 255.255.255.255 10.1.2.5 ZCX\n VIPAROUTE DEFINE 193.9.200.2 10.1.9.2\n"
              " VIPADELETE 201.2.10.11\nENDVIPADYNAMIC\n")
    r1, r2 = m.vipa_ranges
    assert r1.saf == "VR1" and r1.moveable is Moveable.NONDISRUPTIVE and str(r1.network) == "10.1.2.0/24"
    assert r2.zcx
    assert m.vipa_routes[0].target == IPv4Address("10.1.9.2")
    assert m.vipa_deletes[0].addresses == (IPv4Address("201.2.10.11"),)


def test_vipadelete_removes_a_definition_from_the_index():
    m = model("VIPADYNAMIC\n VIPADEFINE 255.255.255.0 10.1.1.1\n VIPADELETE 10.1.1.1\nENDVIPADYNAMIC\n")
    assert IPv4Address("10.1.1.1") not in m.index.defined


def test_leading_zero_octets_are_decimal():
    m = model("VIPADYNAMIC\n VIPADEFINE 255.255.255.0 9.67.240.02\nENDVIPADYNAMIC\n")
    assert m.vipa_defines[0].addresses == (IPv4Address("9.67.240.2"),)


def test_hotstandby_keyword_under_another_method_loses_the_rest_of_the_block():
    m = zparse.parse("VIPADYNAMIC\n VIPADEFINE 255.255.255.0 10.1.1.1\n"
                     " VIPADISTRIBUTE DISTMETHOD ROUNDROBIN 10.1.1.1 PORT 80 DESTIP 10.9.9.1 PREFERRED\n"
                     " VIPADEFINE 255.255.255.0 10.1.1.2\nENDVIPADYNAMIC\n").model
    assert [v.lost for v in m.vipa] == [False, True, True]


def test_trailing_proctype_after_destip_is_a_syntax_error():
    assert "SYN001" in codes("VIPADYNAMIC\n VIPADEFINE 255.255.255.0 10.1.1.1\n"
                             " VIPADISTRIBUTE 10.1.1.1 PORT 23 DESTIP ALL PROCTYPE CP 20\nENDVIPADYNAMIC\n")


@pytest.mark.parametrize("word", ["VIPADIST", "VIPADISTR", "VIPADISTRIBUTE", "vipadistribute"])
def test_abbreviations_of_vipadistribute(word: str):
    m = model(f"VIPADYNAMIC\n VIPADEFINE 255.255.255.0 10.1.1.1\n {word} 10.1.1.1 DESTIP ALL\nENDVIPADYNAMIC\n")
    assert len(m.vipa_distributes) == 1


def test_too_short_abbreviation_is_not_a_keyword():
    # VIPADE abbreviates nothing (VIPADEF is the minimum of VIPADEFINE).
    assert "SYN001" in codes("VIPADYNAMIC\n VIPADE 255.255.255.0 10.1.1.1\nENDVIPADYNAMIC\n")


def test_port_is_never_an_abbreviation_of_portrange():
    m = model("PORT 20 TCP OMVS\nPORTR 4000 10 TCP OMVS\n")
    assert len(m.ports) == 1 and len(m.port_ranges) == 1


def test_ipconfig6_is_not_an_abbreviation_of_ipconfig():
    m = model("IPCONFIG6 DYNAMICXCF 2001:db8::1\n")
    assert m.dynamic_xcf is None and m.dynamic_xcf6 is not None


# ---------------------------------------------------------------- symbols

def test_symbols_are_substituted_per_system():
    text = "IPCONFIG DYNAMICXCF 192.0.2.&SYSCLONE. 255.255.255.0 1\n"
    m = model(text, symbols={"SYSCLONE": "7"})
    assert m.dynamic_xcf is not None and m.dynamic_xcf.address == IPv4Address("192.0.2.7")


def test_symbol_without_trailing_period():
    m = model("HOME &HOMEIP ETH1\n", symbols={"HOMEIP": "10.0.0.9"})
    assert m.home[0].address == IPv4Address("10.0.0.9")


def test_undefined_symbol_is_syn008_at_the_token():
    text = "HOME &NOPE. ETH1\n"
    r = zparse.parse(text, kind="tcpip", symbols={"SYSCLONE": "01"})
    d = [d for d in r.diagnostics if d.code == "SYN008"]
    assert d and d[0].span.text == "&NOPE."


def test_symbols_left_alone_without_a_symbol_table():
    r = zparse.parse("HOME &HOMEIPADDRESS1 OSA1\n", kind="tcpip")
    assert not r.diagnostics
    assert r.model.home[0].address is None and r.model.home[0].raw == "&HOMEIPADDRESS1"


def test_ipv6_vipabackup_keeps_interface_and_address():
    m = model("VIPADYNAMIC\n VIPABACKUP 10 MOVEABLE IMMEDIATE DVIPA1 2001:db8::1\nENDVIPADYNAMIC\n")
    b = m.vipa_backups[0]
    assert b.interface == "DVIPA1" and b.addresses == (IPv6Address("2001:db8::1"),) and b.rank == 10


def test_ipv6_distribution_by_interface_name_is_indexed_by_address():
    m = model("VIPADYNAMIC\n VIPADEFINE DVIPA1 2001:db8:1::1\n VIPADISTRIBUTE DVIPA1 PORT 80 DESTIP 2001:db8::9\n"
              "ENDVIPADYNAMIC\n")
    assert list(m.index.distributed) == [IPv6Address("2001:db8:1::1")]
