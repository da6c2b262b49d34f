"""Every real IZUPRMxx member of ../shared/corpus is handled as MANIFEST.tsv says."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from zparse.codes import Severity
from zparse.model.izuprm import Autostart, parse_izuprm

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
HARD = {"SYN001", "SYN002", "SYN003", "SYN004", "SYN005"}


def _rows() -> list[dict[str, str]]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    with manifest.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["kind"] == "izuprm"]
    unique: dict[str, dict[str, str]] = {}
    for r in rows:
        unique.setdefault(r["file"], r)
    return list(unique.values())


ROWS = _rows()
pytestmark = pytest.mark.skipif(not ROWS, reason="the shared corpus is not next to this checkout")


def read(name: str, newline: str | None = None) -> str:
    with (CORPUS / name).open(encoding="utf-8", errors="surrogateescape", newline=newline) as fh:
        return fh.read()


@pytest.mark.parametrize("row", ROWS, ids=[Path(r["file"]).name for r in ROWS])
def test_corpus_member_as_manifest_expects(row: dict[str, str]) -> None:
    for newline in (None, ""):  # as corpus-check reads it, and byte-exact line ends
        text = read(row["file"], newline)
        r = parse_izuprm(text, path=row["file"])
        assert r.render() == text
        codes = {d.code for d in r.diagnostics}
        if row["expect"] == "parses":
            assert not codes & HARD, r.diagnostics
            assert r.status == "clean"
        else:
            assert row["expect"] == "diagnoses"
            assert r.diagnostics
        for d in r.diagnostics:
            assert 0 <= d.span.start <= d.span.end <= len(text)


def test_corpus_has_izuprm_rows() -> None:
    assert len(ROWS) >= 7


def test_issue_4476_member_is_understood() -> None:
    r = parse_izuprm(read("izuprm/zowe__docs-site__issue-4476-IZUPRMxx.txt"))
    m = r.model
    assert (m.server_proc, m.angel_proc, m.autostart, m.autostart_group) == ("IZUSVR1", "IZUANG1", Autostart.LOCAL, "NONE")
    assert (m.hostname, m.http_ssl_port, m.unauth_user, m.saf_prefix) == ("*", 10443, "IZUGUEST", "IZUDFLT")
    assert (m.sec_groups.user, m.sec_groups.admin, m.sec_groups.secadmin) == ("IZUUSER", "IZUADMIN", "IZUSECAD")
    assert m.java_home == "/usr/lpp/java/J17.0_64"
    assert m.keyring_name == "IZUKeyring.IZUDFLT"
    assert m.plugins == (
        "INCIDENT_LOG",
        "COMMSERVER_CFG",
        "WORKLOAD_MGMT",
        "RESOURCE_MON",
        "CAPACITY_PROV",
        "SOFTWARE_MGMT",
        "SYSPLEX_MGMT",
        "ISPF",
    )
    # the duplicate INCIDENT_LOG and the missing comma are reported, nothing more severe
    found = sorted((d.code, d.severity.value, d.span.start_line_col()[0]) for d in r.diagnostics)
    assert found == [("IZU202", "info", 14), ("IZU202", "warning", 16)]


def test_emergency_member_switches_autostart_off() -> None:
    r = parse_izuprm(read("izuprm/tboatman__zos-rescuepack__IZUPRM00.txt"))
    assert r.diagnostics == ()
    assert r.model.autostart is Autostart.CONNECT
    assert [t.kind for t in r.tree.tokens()][-2:] == ["IGNORED", "NEWLINE"]


def test_unclosed_java_home_is_one_syntax_error_at_the_value() -> None:
    text = read("izuprm/zowe__docs-site__cli-zosmf-JAVA_HOME-unclosed.txt")
    r = parse_izuprm(text)
    [d] = r.diagnostics
    assert (d.code, d.severity) == ("SYN001", Severity.ERROR)
    assert d.span.text == "'/sys/java64bt/v7r1m0/usr/lpp/java/J7.1_64'"
    assert "expected `)`" in d.message
    assert r.status == "recovered"


def test_quoted_port_is_accepted_with_an_info() -> None:
    r = parse_izuprm(read("izuprm/zowe__docs-site__apiml-troubleshoot-HOSTNAME-HTTP_SSL_PORT.txt"))
    assert r.model.http_ssl_port == 1443
    assert [(d.code, d.severity) for d in r.diagnostics] == [("IZU202", Severity.INFO)]


def test_two_alternative_autostart_groups_read_as_a_repeat() -> None:
    r = parse_izuprm(read("izuprm/zowe__docs-site__zosmf-ha-AUTOSTART_GROUP-quoted.txt"))
    assert r.model.autostart_group == "IZUDFLB"
    assert [d.code for d in r.diagnostics] == ["IZU203"]


def test_keyring_and_common_tso_fragments() -> None:
    assert parse_izuprm(read("izuprm/zeditor01__Z25A__IZUPRMAS-keyring.txt")).model.keyring_name == "zOSMFRing2"
    tso = parse_izuprm(read("izuprm/zowe__docs-site__zosmf-lite-COMMON_TSO.txt")).model.common_tso
    assert (tso.acct, tso.region, tso.proc) == ("IZUACCT", 50000, "IZUFPROC")
