"""The analyzer in process: the same findings as ``zlint check``, and failures kept local."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from lsprotocol import types

import zparse
from zparse import engine
from zparse.engine import Finding, Rule
from zparse.lsp import analysis as analysis_mod
from zparse.lsp.analysis import Analyzer
from zparse.lsp.convert import DocLinks, rule_page
from zparse.lsp.project import Parsers

DATA = Path(__file__).resolve().parent / "data"
REPO = DATA.parents[2]


@pytest.fixture
def plex(tmp_path: Path) -> Path:
    dest = tmp_path / "plex"
    shutil.copytree(DATA / "plex", dest)
    return dest


def _open_all(an: Analyzer, root: Path) -> list[str]:
    uris = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name != "zlint.toml":
            uri = path.as_uri()
            if an.open(uri, path.read_text(encoding="utf-8"), 1, None) is not None:
                uris.append(uri)
    return uris


@pytest.mark.parametrize("example", ["zosmf-ha", "zosmf-ha-broken"])
def test_same_findings_as_zlint_check(example: str, tmp_path: Path) -> None:
    root = tmp_path / example
    shutil.copytree(REPO / "examples" / example, root)
    expected = sorted((d.code, d.span.path, d.span.start, d.message)
                      for d in zparse.lint(zparse.load_sysplex(str(root))))
    an = Analyzer(links=DocLinks("https://x/{code}"))
    uris = _open_all(an, root)
    a = an.analyse(an.snapshot(an.key_of(uris[0]) or ""))
    assert a.error is None and a.sysplex is not None
    got = sorted((d.code, d.span.path, d.span.start, d.message) for ds in a.diagnostics.values() for d in ds)
    opened = {str(Path(u[len("file://"):])) for u in uris}
    assert got == [e for e in expected if e[1] in opened]


def test_a_failing_rule_becomes_zl001_and_the_rest_still_publishes(plex: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(profile: object) -> Iterator[Finding]:
        raise RuntimeError("rule bug")
        yield  # pragma: no cover

    rules = dict(engine.registry())
    rules["TCP109"] = Rule("TCP109", "distribute-without-dynamicxcf", rules["TCP109"].severity, "file", "doc",
                           __name__, boom, rules["TCP109"].model)
    monkeypatch.setattr(analysis_mod, "lint", lambda sp, **kw: engine.lint(sp, rules=rules, **kw))
    an = Analyzer(links=DocLinks("https://x/{code}"))
    p1 = plex / "SYS1" / "PROFILE.TCPIP"
    text = p1.read_text(encoding="utf-8").replace("            192.0.2.2 BACKUP\n", "")
    an.open(p1.as_uri(), text, 1, "tcpip")
    a = an.analyse(an.snapshot(an.key_of(p1.as_uri()) or ""))
    found = {d.code for ds in a.diagnostics.values() for d in ds}
    assert "TCP104" in found  # the other rules still ran
    assert [d.code for d in a.internal] == ["ZL001"]  # the server logs it (window/logMessage)
    assert "TCP109" in a.internal[0].message


def test_a_crashing_parse_of_one_document_spares_the_others(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    real = Parsers.tcpip

    def flaky(self: Parsers, path: str, symbols: object, text: str, resolver: object) -> object:
        if "CRASH" in text:
            raise RuntimeError("parser bug")
        return real(self, path, symbols, text, resolver)  # type: ignore[arg-type]

    monkeypatch.setattr(Parsers, "tcpip", flaky)
    an = Analyzer(links=DocLinks("https://x/{code}"))
    an.open("untitled:a", "; CRASH\nFROB 1\n", 1, "tcpip")
    an.open("untitled:b", "FROB 2\n", 1, "tcpip")
    a = an.analyse(an.snapshot("doc:untitled:a"))
    b = an.analyse(an.snapshot("doc:untitled:b"))
    assert a.diagnostics["untitled:a"] == []
    assert [d.code for d in b.diagnostics["untitled:b"]] == ["SYN002"]


def test_default_doc_links_are_local_rule_pages(tmp_path: Path) -> None:
    links = DocLinks(folder=str(tmp_path / "docs"))
    href = links.href("HA301")
    assert href is not None and href.startswith("file://")
    page = tmp_path / "docs" / "HA301.md"
    assert page.read_text(encoding="utf-8") == rule_page("HA301")
    assert "# HA301 destip-not-dynamicxcf" in rule_page("HA301")
    assert engine.registry()["HA301"].doc.splitlines()[0] in rule_page("HA301")
    assert links.href("not-a-code") is None


def test_doc_link_template() -> None:
    assert DocLinks("https://e.org/{code}/{name}").href("TCP104") == "https://e.org/TCP104/hotstandby-roles"


def test_publishable_uses_client_units(tmp_path: Path) -> None:
    an = Analyzer(links=DocLinks("https://x/{code}"))
    an.open("untitled:u", "; 😀😀\nFROB 1\n", 1, "tcpip")
    a = an.analyse(an.snapshot("doc:untitled:u"))
    version, diags = an.publishable(a)["untitled:u"]
    assert version == 1
    assert diags[0].range == types.Range(start=types.Position(line=1, character=0),
                                         end=types.Position(line=1, character=4))
