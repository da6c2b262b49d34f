"""The regression corpus: inputs found by fuzzing, kept as test cases.

Layout: ``fuzz/corpus/<kind>/<name>.txt`` with kind ``tcpip``, ``izuprm`` or
``sysplex`` (a sysplex case is split into its members by
:func:`split_sysplex_case`; a first line ``%%encoding cp1047`` writes the
members in that code page); a folder ``fuzz/corpus/sysplex/<name>/`` holding
a ``zlint.toml`` is a whole sysplex (INCLUDE members and all), linted in place.
Files hold the exact text, encoded UTF-8 with ``surrogatepass`` so lone
surrogates survive; hand-written files with invalid UTF-8 are read with
``surrogateescape`` as zlint reads members.

``fuzz/corpus/known_failures.toml`` maps ``"<kind>/<name>.txt"`` (or
``"sysplex/<folder>"``) to the
reason a case still fails; tests/robustness/test_regressions.py marks those
``xfail(strict=True)``, so a fix makes the test fail until the entry goes.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

__all__ = [
    "CORPUS_DIR",
    "SYSPLEX_SEPARATOR",
    "iter_cases",
    "known_failures",
    "read_case",
    "seed_documents",
    "split_sysplex_case",
    "write_case",
]

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
CASE_KINDS = ("tcpip", "izuprm", "sysplex")
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
TEST_DATA = ROOT / "tests" / "data"

# Between the members of a sysplex case: SYS1 profile, SYS1 IZUPRM00,
# SYS2 profile, SYS2 IZUPRM00.
SYSPLEX_SEPARATOR = "\n%%%%\n"


def decode_case(data: bytes) -> str:
    try:
        return data.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="surrogateescape")


def encode_case(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


def read_case(path: Path) -> str:
    """The exact text of a corpus file."""
    return decode_case(path.read_bytes())


def write_case(kind: str, text: str, name: str | None = None, corpus: Path = CORPUS_DIR) -> Path:
    """Save ``text`` as a regression case (idempotent; the name defaults to a hash)."""
    if kind not in CASE_KINDS:
        raise ValueError(f"unknown case kind {kind!r}")
    data = encode_case(text)
    name = name or "found-" + hashlib.sha1(data).hexdigest()[:12]
    path = corpus / kind / f"{name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(data)
    return path


def iter_cases(corpus: Path = CORPUS_DIR) -> list[tuple[str, Path]]:
    """All regression cases as (kind, path), sorted."""
    out: list[tuple[str, Path]] = []
    for kind in CASE_KINDS:
        folder = corpus / kind
        if folder.is_dir():
            out.extend((kind, p) for p in sorted(folder.glob("*.txt")))
            if kind == "sysplex":
                out.extend((kind, p) for p in sorted(folder.iterdir()) if (p / "zlint.toml").is_file())
    return out


def known_failures(corpus: Path = CORPUS_DIR) -> dict[str, str]:
    """``"<kind>/<name>.txt"`` -> why it still fails."""
    path = corpus / "known_failures.toml"
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v.get("reason", v)) if isinstance(v, dict) else str(v)
            for k, v in data.get("cases", {}).items()}


def split_sysplex_case(text: str) -> list[str]:
    """The four members of a sysplex case (missing ones are empty)."""
    parts = text.split(SYSPLEX_SEPARATOR)
    if len(parts) > 4:
        parts = [*parts[:3], SYSPLEX_SEPARATOR.join(parts[3:])]
    return parts + [""] * (4 - len(parts))


def _kind_of(path: Path) -> str:
    low = str(path).lower()
    return "izuprm" if "izuprm" in low or "parmlib" in low else "tcpip"


def seed_documents(regressions: bool = True) -> list[tuple[str, str, str]]:
    """Real inputs to mutate, read into memory: (kind, name, text) from the
    shared corpus (read-only), tests/data and (``regressions``) the passing
    cases of this regression corpus (known failures would only find themselves
    again)."""
    out: list[tuple[str, str, str]] = []
    if SHARED_CORPUS.is_dir():
        for kind in ("tcpip", "izuprm"):
            for p in sorted((SHARED_CORPUS / kind).glob("*")):
                if p.is_file():
                    out.append((kind, f"shared/{kind}/{p.name}", decode_case(p.read_bytes())))
    if TEST_DATA.is_dir():
        for p in sorted(TEST_DATA.rglob("*")):
            if not p.is_file() or p.suffix in (".json", ".sarif", ".toml", ".py", ".html", ".md"):
                continue
            if p.stat().st_size > 512_000:
                continue
            out.append((_kind_of(p.relative_to(TEST_DATA)), f"tests/data/{p.relative_to(TEST_DATA)}",
                        decode_case(p.read_bytes())))
    if regressions:
        known = known_failures()
        for kind, p in iter_cases():
            if kind != "sysplex" and f"{kind}/{p.name}" not in known:
                out.append((kind, f"fuzz/corpus/{kind}/{p.name}", read_case(p)))
    return out
