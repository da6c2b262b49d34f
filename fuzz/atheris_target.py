"""Coverage-guided fuzz target for ``zparse.parse`` (both kinds) and for
linting a two-system sysplex, with atheris (libFuzzer) when it is installed.

Input format (bytes): the first byte picks the kind (bit 0: tcpip / izuprm)
and the encoding (bits 1-2: 3 in 4 UTF-8 with surrogateescape, else IBM-1047
via ``zparse.source.decode``); the rest is the file. In ``--sysplex`` mode the
whole input is UTF-8 text split into four members (see
:func:`fuzz.corpus_io.split_sysplex_case`) written with a zlint.toml to a
temporary folder. Every input is checked against every law of
:mod:`fuzz.laws`; a broken law raises, which atheris reports as a crash.

Usage::

    python fuzz/atheris_target.py                    # plain loop over the corpus (no atheris needed)
    python fuzz/atheris_target.py FILE...            # replay inputs (e.g. atheris crash files)
    python fuzz/atheris_target.py --atheris [libFuzzer flags] [CORPUS_DIR]
    python fuzz/atheris_target.py --sysplex ...      # the same for the sysplex lint target
    python fuzz/atheris_target.py --save FILE...     # store crash files as regression cases
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

try:  # atheris is optional: without it this is a plain loop over the corpus
    import atheris
except ImportError:  # pragma: no cover - depends on the environment
    atheris = None

if atheris is not None and "--atheris" in sys.argv:
    with atheris.instrument_imports(include=["zparse", "lark"]):
        import zparse

        for _kind in ("tcpip", "izuprm"):  # imports (so instruments) every module a parse uses
            zparse.parse("", _kind)
else:
    import zparse

from fuzz import laws  # noqa: E402
from fuzz.corpus_io import encode_case, iter_cases, read_case, seed_documents, write_case  # noqa: E402
from fuzz.mutate import write_sysplex_case  # noqa: E402
from zparse.source import decode  # noqa: E402

WORK = ROOT / "fuzz" / ".work"
ENCODINGS = ("utf-8", "utf-8", "utf-8", "cp1047")


def decode_input(data: bytes) -> tuple[str, str]:
    """(kind, text) of a parse-target input."""
    if not data:
        return laws.KINDS[0], ""
    sel = data[0]
    kind = laws.KINDS[sel & 1]
    return kind, decode(data[1:], ENCODINGS[(sel >> 1) & 3])[0]


def encode_input(kind: str, text: str) -> bytes:
    """The parse-target input that decodes to ``(kind, text)`` (UTF-8)."""
    return bytes([laws.KINDS.index(kind)]) + encode_case(text)


def parse_target(data: bytes) -> None:
    """The parse target: all laws on one input."""
    kind, text = decode_input(data)
    laws.check_all(text, kind)


def sysplex_target(data: bytes) -> None:
    """The lint target: a two-system sysplex from one input."""
    with tempfile.TemporaryDirectory(prefix="zlint-atheris-") as tmp:
        write_sysplex_case(Path(tmp), decode(data)[0])
        laws.check_lint(tmp)


def corpus_inputs(sysplex: bool) -> Iterator[tuple[str, bytes]]:
    """(name, input bytes) of every seed and regression case, in target format."""
    if sysplex:
        from fuzz.corpus_io import SYSPLEX_SEPARATOR
        from fuzz.gen import realistic_izuprm, realistic_profile

        members = [realistic_profile(0, 2, 80), realistic_izuprm(0, 2), realistic_profile(1, 2, 80),
                   realistic_izuprm(1, 2)]
        yield "realistic", encode_case(SYSPLEX_SEPARATOR.join(members))
        for kind, name, text in seed_documents():  # each real file as SYS1's member of its kind
            case = list(members)
            case[0 if kind == "tcpip" else 1] = text.replace(SYSPLEX_SEPARATOR, "\n")
            yield f"realistic+{name}", encode_case(SYSPLEX_SEPARATOR.join(case))
        for kind, path in iter_cases():
            if kind == "sysplex" and path.is_file():  # folder cases are whole sysplexes, not inputs
                yield str(path.relative_to(ROOT)), encode_case(read_case(path))
        return
    for kind, name, text in seed_documents():
        yield name, encode_input(kind, text)


def plain_loop(sysplex: bool = False) -> int:
    """Run the target over the whole corpus without atheris; returns the count."""
    target = sysplex_target if sysplex else parse_target
    n = 0
    for _name, data in corpus_inputs(sysplex):
        target(data)
        n += 1
    return n


def write_seeds(folder: Path, sysplex: bool) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k, (_name, data) in enumerate(corpus_inputs(sysplex)):
        (folder / f"seed-{k:04d}").write_bytes(data)
    return folder


def save_crash(path: Path, sysplex: bool) -> Path:
    """Store an atheris crash input as a regression case under fuzz/corpus/."""
    data = path.read_bytes()
    if sysplex:
        return write_case("sysplex", decode(data)[0])
    kind, text = decode_input(data)
    return write_case(kind, text)


def main(argv: list[str]) -> int:
    sysplex = "--sysplex" in argv
    argv = [a for a in argv if a != "--sysplex"]
    target = sysplex_target if sysplex else parse_target
    if "--save" in argv:
        for f in argv[argv.index("--save") + 1:]:
            print(save_crash(Path(f), sysplex))
        return 0
    if "--atheris" in argv:
        if atheris is None:
            print("atheris is not installed: running the plain corpus loop instead", file=sys.stderr)
            print(f"{plain_loop(sysplex)} inputs checked")
            return 0
        args = [argv[0]] + [a for a in argv[1:] if a != "--atheris"]
        if not any(not a.startswith("-") for a in args[1:]):
            seeds = write_seeds(WORK / ("seeds-sysplex" if sysplex else "seeds-parse"), sysplex)
            args.append(str(seeds))
        atheris.Setup(args, target)
        atheris.Fuzz()
        return 0
    files = [Path(a) for a in argv[1:] if not a.startswith("-")]
    if files:
        for f in files:
            target(f.read_bytes())
        print(f"{len(files)} inputs replayed")
        return 0
    print(f"{plain_loop(sysplex)} inputs checked ({'sysplex' if sysplex else 'parse'} target)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
