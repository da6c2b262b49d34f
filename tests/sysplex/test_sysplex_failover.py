"""The sysplex index and the failover simulation, used as a library."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from plexkit import IZU_A, IZU_B, RECIPE, RECIPE_SYS1, RECIPE_SYS2, loud, write

import zparse
from zparse.sysplex import load_sysplex, simulate_failover

DVIPA = ipaddress.ip_address("198.51.100.10")
IBM_BACKUP = {
    "zlint.toml": '[include]\n"USER.TCPPARMS" = "tcpparms"\n'
                  '[systems.SYS1]\ntcpip = "PROFILE.TCPIP"\nsymbols = { SYSCLONE = "S1", XCFID = "1" }\n'
                  '[systems.SYS2]\ntcpip = "PROFILE.TCPIP"\nsymbols = { SYSCLONE = "S2", XCFID = "2" }\n'
                  '[systems.SYS3]\ntcpip = "PROFILE.TCPIP"\nsymbols = { SYSCLONE = "S3", XCFID = "3" }\n',
    "PROFILE.TCPIP": "; one profile for every stack of PLEX1 (&SYSNAME.)\n"
                     "IPCONF SYSPLEXR DYNAMICXCF 192.0.2.&XCFID. 255.255.255.0 1\n"
                     "include user.tcpparms(vipa&SYSCLONE.)\n"
                     "include user.tcpparms(dist)\n",
    "tcpparms/VIPAS1": "VIPAD\n  VIPADEF MOVE IMMED 255.255.255.0 198.51.100.10\nENDVIPAD\n",
    "tcpparms/VIPAS2": "VIPAD\n  VIPAB 100 MOVE IMMED 255.255.255.0 198.51.100.10\nENDVIPAD\n",
    "tcpparms/VIPAS3": "VIPAD\n  VIPAB 50 198.51.100.10\nENDVIPAD\n",
    "tcpparms/DIST": "VIPAD\n  VIPADIST DEFINE DISTM HOTSTANDBY 198.51.100.10 PORT 8080\n"
                     "    DESTIP 192.0.2.1 PREFERRED 192.0.2.2 BACKUP 100 192.0.2.3 BACKUP 50\nENDVIPAD\n",
}


def test_recipe_failover_table(tmp_path: Path) -> None:
    sp = load_sysplex(write(tmp_path, RECIPE))
    idx = sp.index
    assert [d.system for d in idx.owners[DVIPA]] == ["SYS1", "SYS2"]
    assert [(t.system, t.role.value if t.role else None) for t in idx.targets[DVIPA]] == [
        ("SYS1", "PREFERRED"), ("SYS2", "BACKUP"), ("SYS1", "PREFERRED"), ("SYS2", "BACKUP")]
    assert idx.resolve("ZOSMF.example.com.") == (DVIPA,)
    assert idx.resolve("198.51.100.99") == (ipaddress.ip_address("198.51.100.99"),)
    assert idx.resolve("*") == () and idx.resolve("nowhere.example.com") is None
    assert [svc.dvipa for svc in idx.zosmf_services] == [DVIPA]
    cases = simulate_failover(sp, baseline=True)
    assert [c.lost for c in cases] == [None, "SYS1", "SYS2"]
    table = {(c.lost, s.kind): (s.owner, s.targets, s.reachable) for c in cases for s in c.services}
    assert table[(None, "zosmf")] == ("SYS1", ("SYS1",), True)
    assert table[("SYS1", "zosmf")] == ("SYS2", ("SYS2",), True)
    assert table[("SYS2", "zosmf")] == ("SYS1", ("SYS1",), True)
    assert table[("SYS1", "distributed")] == ("SYS2", ("SYS2",), True)


def test_ibm_vipabackup_pattern_with_symbols_and_includes(tmp_path: Path) -> None:
    sp = load_sysplex(write(tmp_path, IBM_BACKUP))
    assert loud(zparse.lint(sp)) == []
    idx = sp.index
    assert [(b.system, b.rank, b.activates) for b in idx.backups[DVIPA]] == [
        ("SYS2", 100, True), ("SYS3", 50, False)]
    by_lost = {c.lost: c for c in simulate_failover(sp)}
    sys1_lost = by_lost["SYS1"]
    assert [(d.owner, d.how) for d in sys1_lost.dvipas] == [("SYS2", "VIPABACKUP rank 100 (takes over)")]
    assert sys1_lost.services[0].targets == ("SYS2",)
    assert by_lost["SYS2"].services[0].targets == ("SYS1",)


def test_plain_vipabackup_only_takes_over_an_active_dvipa(tmp_path: Path) -> None:
    files = {"SYS1/PROFILE.TCPIP": "IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1\n"
                                   "VIPADYNAMIC\n  VIPABACKUP 100 198.51.100.10\nENDVIPADYNAMIC\n",
             "SYS2/PROFILE.TCPIP": "IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1\n"
                                   "VIPADYNAMIC\n  VIPABACKUP 50 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.10\n"
                                   "ENDVIPADYNAMIC\n"}
    sp = load_sysplex(write(tmp_path, files))
    base = simulate_failover(sp, baseline=True)[0]
    assert [(d.owner, d.how) for d in base.dvipas] == [("SYS2", "VIPABACKUP 50 MOVEABLE (activates it)")]
    by_lost = {c.lost: c for c in simulate_failover(sp)}
    assert by_lost["SYS2"].dvipas[0].owner == "SYS1"  # active before: the plain backup takes it over
    files["SYS2/PROFILE.TCPIP"] = "IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1\n"
    sp2 = load_sysplex(write(tmp_path / "plain", files))
    assert simulate_failover(sp2, baseline=True)[0].dvipas[0].owner is None


def test_hot_standby_skips_a_preferred_system_without_zosmf(tmp_path: Path) -> None:
    files = dict(RECIPE)
    files["SYS1/IZUPRM0A"] = IZU_A.replace("AUTOSTART(LOCAL)", "AUTOSTART(CONNECT)")
    sp = load_sysplex(write(tmp_path, files))
    base = simulate_failover(sp, baseline=True)[0]
    zosmf = base.service("zosmf", DVIPA, 443)
    generic = base.service("distributed", DVIPA, 443)
    assert zosmf is not None and zosmf.targets == ("SYS2",)
    assert generic is not None and generic.targets == ("SYS1",)
    lose2 = {c.lost: c for c in simulate_failover(sp)}["SYS2"].service("zosmf", DVIPA, 443)
    assert lose2 is not None and not lose2.reachable and "AUTOSTART(CONNECT)" in lose2.reason
    ha390 = [d for d in zparse.lint(sp) if d.code == "HA390"]
    assert len(ha390) == 1 and "losing SYS2" in ha390[0].message


def test_zosmf_ha_needs_a_dvipa_or_two_autostart_groups(tmp_path: Path) -> None:
    star = {"SYS1/PROFILE.TCPIP": RECIPE_SYS1, "SYS2/PROFILE.TCPIP": RECIPE_SYS2,
            "SYS1/IZUPRM00": "HOSTNAME('*')\nAUTOSTART(LOCAL)\n",
            "SYS2/IZUPRM00": "HOSTNAME('*')\nAUTOSTART(LOCAL)\n"}
    idx = load_sysplex(write(tmp_path / "one-group", star)).index
    assert not idx.zosmf_ha  # two LOCAL systems in one group: one server autostarts
    star["SYS2/IZUPRM00"] += "AUTOSTART_GROUP('IZUDFLB')\n"
    idx = load_sysplex(write(tmp_path / "two-groups", star)).index
    assert idx.zosmf_ha and not idx.zosmf_services
    files = {"SYS1/PROFILE.TCPIP": RECIPE_SYS1, "SYS2/PROFILE.TCPIP": RECIPE_SYS2,
             "SYS1/IZUPRM00": IZU_A.replace("zosmf.example.com", "198.51.100.10"),
             "SYS2/IZUPRM00": IZU_B.replace("zosmf.example.com", "*")}
    idx = load_sysplex(write(tmp_path / "dvipa", files)).index
    assert idx.zosmf_ha  # one HOSTNAME resolves to a DVIPA
    assert [z.system for z in idx.zosmf_services[0].servers] == ["SYS1"]
    assert [z.system for z in idx.zosmf_ha_servers] == ["SYS1", "SYS2"]  # SYS2 is a DESTIP target
    ha320 = [d for d in zparse.lint(load_sysplex(tmp_path / "dvipa")) if d.code == "HA320"]
    assert len(ha320) == 1 and "HOSTNAME('*')" in ha320[0].message


LOST_BACKUP = {
    "SYS1/PROFILE.TCPIP": "IPCONFIG DYNAMICXCF 192.0.2.1 255.255.255.0 1\n"
                          "VIPADYNAMIC\n  VIPADEFINE 255.255.255.0 198.51.100.20\nENDVIPADYNAMIC\n",
    "SYS2/PROFILE.TCPIP": "IPCONFIG DYNAMICXCF 192.0.2.2 255.255.255.0 1\n"
                          "VIPADYNAMIC\n"
                          "  VIPADISTRIBUTE DISTMETHOD ROUNDROBIN 198.51.100.20 PORT 443\n"
                          "    DESTIP 192.0.2.1 BACKUP 192.0.2.2\n"
                          "  VIPABACKUP 100 MOVEABLE IMMEDIATE 255.255.255.0 198.51.100.20\n"
                          "ENDVIPADYNAMIC\n",
    "SYS1/IZUPRM00": "HOSTNAME('198.51.100.20')\nAUTOSTART_GROUP('IZUDFLA')\nUSER_DIR('/global/zosmf/a')\n",
    "SYS2/IZUPRM00": "HOSTNAME('198.51.100.20')\nAUTOSTART_GROUP('IZUDFLB')\nUSER_DIR('/global/zosmf/b')\n",
}


def test_statements_zos_ignores_are_no_backup_and_their_loss_is_named(tmp_path: Path) -> None:
    # EZZ0831I on SYS2 loses the rest of its block: its VIPABACKUP is no backup in
    # the index nor in the simulation, and the root finding names what that costs.
    from zparse.sysplex import consequences

    sp = load_sysplex(write(tmp_path, LOST_BACKUP))
    dvipa = ipaddress.ip_address("198.51.100.20")
    assert dvipa not in sp.index.backups
    sys1_lost = {c.lost: c for c in simulate_failover(sp)}["SYS1"]
    assert [d.owner for d in sys1_lost.dvipas] == [None]
    lost = [v for v in sp.system("SYS2").profile.vipa if v.lost]
    assert [c.text for c in consequences(sp, sp.index, lost)] == [
        "losing SYS1 leaves z/OSMF at 198.51.100.20 port 443 with no owner"]
    assert consequences(sp, sp.index, []) == ()
    diags = zparse.lint(sp)
    root = [d for d in diags if d.code == "TCP108"]
    assert len(root) == 1
    assert root[0].message.endswith("; so losing SYS1 leaves z/OSMF at 198.51.100.20 port 443 with no owner")
    assert [r.message for r in root[0].related] == [
        "VIPABACKUP 198.51.100.20 is never processed: losing SYS1 leaves z/OSMF at 198.51.100.20 port 443 "
        "with no owner"]
    assert not [d for d in diags if d.code in ("HA304", "HA390")]


def test_rejected_distribution_names_what_it_costs(tmp_path: Path) -> None:
    # SYS1 owns the DVIPA but runs no z/OSMF server; its VIPADISTRIBUTE, which
    # would send z/OSMF to SYS2, has two PREFERRED targets (EZZ0827I): z/OS ignores it.
    files = dict(RECIPE)
    files["SYS1/PROFILE.TCPIP"] = RECIPE_SYS1.replace("192.0.2.2 BACKUP", "192.0.2.2 PREFERRED")
    files["SYS1/IZUPRM0A"] = IZU_A.replace("AUTOSTART(LOCAL)", "AUTOSTART(CONNECT)")
    sp = load_sysplex(write(tmp_path, files))
    msgs = [d.message for d in zparse.lint(sp) if d.code == "TCP104"]
    assert len(msgs) == 1 and "EZZ0827I" in msgs[0], msgs
    assert msgs[0].endswith("; so with every system up, z/OSMF at 198.51.100.10 port 443 is down"), msgs
    # the recipe as IBM writes it: a rejection that costs nothing says nothing more
    files["SYS1/IZUPRM0A"] = IZU_A
    sp = load_sysplex(write(tmp_path / "ok", files))
    msgs = [d.message for d in zparse.lint(sp) if d.code == "TCP104"]
    assert len(msgs) == 1 and "; so " not in msgs[0], msgs
