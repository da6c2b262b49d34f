"""Property: the language server's incremental lint equals a full lint.

After every edit of a random series (across the profiles and IZUPRMxx
members of a sysplex with findings: PORT entries, DYNAMICXCF and VIPA
statements, z/OSMF settings, syntax errors, deletions), the findings the
analyzer publishes from its kept results (zparse/lint_cache.py) are those
of ``zparse.lint`` on a freshly loaded copy of the same texts.
"""

from __future__ import annotations

import inspect
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

import zparse
from zparse.diagnostics import Diagnostic
from zparse.lsp.analysis import Analyzer

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "zosmf-ha-broken"
SNIPPETS = (
    "PORT\n  23 TCP TN3270\n  23 TCP OTHER\n",
    "  8080 TCP WEB ; web\n",
    "IPCONFIG DYNAMICXCF 192.0.2.9 255.255.255.0 1\n",
    "VIPADYNAMIC\n  VIPADEFINE 255.255.255.0 198.51.100.10\nENDVIPADYNAMIC\n",
    "VIPADYNAMIC\n  VIPABACKUP 50 198.51.100.20\n  VIPADISTRIBUTE DEFINE 198.51.100.20 PORT 80 "
    "DESTIP 192.0.2.1\nENDVIPADYNAMIC\n",
    "HOME 198.51.100.10 LNK1\n",
    "GLOBALCONFIG XCFGRPID 12\n",
    "FOO ( BAR\n", ";", "X", "7", " ", "\n",
    "AUTOSTART(CONNECT)\n", "HTTP_SSL_PORT(8443)\n", "HOSTNAME('zosmf.example.com')\n",
)


def _sig(root: Path, d: Diagnostic) -> tuple[object, ...]:
    def rel(path: str | None) -> str:
        return Path(path).relative_to(root).as_posix() if path else ""

    fix = None if d.fix is None else tuple((rel(e.span.path), e.span.start, e.span.end, e.replacement)
                                           for e in d.fix.edits)
    return (d.code, d.severity.value, rel(d.span.path), d.span.start, d.span.end, d.message, d.system,
            tuple((rel(r.span.path), r.span.start, r.span.end, r.message) for r in d.related), d.help, fix)


edits = st.lists(st.tuples(st.integers(0, 3), st.floats(0, 1), st.one_of(
    st.sampled_from(SNIPPETS).map(lambda s: ("insert", s)),
    st.integers(1, 40).map(lambda n: ("delete", n)))), min_size=1, max_size=8)


@settings(max_examples=30, deadline=None)
@given(series=edits)
def test_incremental_lint_equals_a_full_lint(series: list[tuple[int, float, tuple[str, object]]]) -> None:
    with tempfile.TemporaryDirectory(prefix="zlint-inc-") as tmp:
        root = Path(tmp) / "plex"
        shutil.copytree(EXAMPLE, root)
        files = sorted(p for p in root.rglob("*") if p.is_file() and p.name not in ("zlint.toml", "README.md"))
        an = Analyzer()
        uris = []
        texts = {}
        for p in files:
            texts[p] = p.read_text(encoding="utf-8")
            assert an.open(p.as_uri(), texts[p], 1, None) is not None
            uris.append(p.as_uri())
        key = an.key_of(uris[0])
        assert key is not None
        an.analyse(an.snapshot(key))
        mirror = Path(tmp) / "mirror"
        shutil.copytree(root, mirror)
        for version, (which, where, (op, arg)) in enumerate(series, start=2):
            path = files[which % len(files)]
            text = texts[path]
            at = int(where * len(text))
            end = min(len(text), at + arg) if op == "delete" else at  # type: ignore[operator]
            new = "" if op == "delete" else str(arg)
            texts[path] = text[:at] + new + text[end:]
            doc = an.doc(path.as_uri())
            assert doc is not None
            lines = text[:at].split("\n"), text[:end].split("\n")
            rng = types.Range(start=types.Position(line=len(lines[0]) - 1, character=len(lines[0][-1])),
                              end=types.Position(line=len(lines[1]) - 1, character=len(lines[1][-1])))
            an.change(path.as_uri(), [types.TextDocumentContentChangePartial(range=rng, text=new)], version)
            assert doc.text == texts[path]
            got_analysis = an.analyse(an.snapshot(key))
            assert got_analysis.error is None
            got = sorted(_sig(root, d) for ds in got_analysis.diagnostics.values() for d in ds)
            (mirror / path.relative_to(root)).write_text(texts[path], encoding="utf-8")
            full = zparse.lint(zparse.load_sysplex(str(mirror)))
            opened = {p.relative_to(root).as_posix() for p in files}
            want = sorted(s for s in (_sig(mirror, d) for d in full) if s[2] in opened)
            assert got == want


def test_a_port_edit_reruns_only_the_edited_files_rules(tmp_path: Path) -> None:
    root = tmp_path / "plex"
    shutil.copytree(EXAMPLE, root)
    prof = root / "SYS1" / "PROFILE.TCPIP"
    an = Analyzer()
    text = prof.read_text(encoding="utf-8") + "PORT\n  23 TCP TN3270\n"
    assert an.open(prof.as_uri(), text, 1, None) is not None
    key = an.key_of(prof.as_uri())
    assert key is not None
    an.analyse(an.snapshot(key))
    cache = an.caches[key]
    line = text.count("\n") - 1
    for version, (col, new) in enumerate(((len("  23 TCP TN3270"), "X"), (0, "; ")), start=2):
        an.change(prof.as_uri(), [types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=col),
                              end=types.Position(line=line, character=col)), text=new)], version)
        an.analyse(an.snapshot(key))
        from zparse.engine import registry

        rules = registry()
        assert cache.computed and cache.reused
        for code, system in cache.computed:  # SYS1's file rules; those that also cost rejections anywhere
            assert rules[code].scope == "file", code
            assert system == "SYS1" or len(inspect.signature(rules[code].check).parameters) > 1, code


def test_every_sysplex_rule_declares_known_facts() -> None:
    from zparse.engine import registry
    from zparse.sysplex.facts import FACTS

    for r in registry().values():
        if r.reads is not None:
            assert r.scope == "sysplex" and r.reads <= set(FACTS), r.code
    assert all(r.reads is not None for r in registry().values() if r.scope == "sysplex" and r.check)
