"""The laws every input must satisfy, checked on every generated input.

1. no exception escapes ``zparse.parse`` / ``zparse.lint`` (and no ZL001
   internal-error diagnostic, which is an exception swallowed by the engine);
2. ``result.render()`` gives the input back;
3. every diagnostic span (and related span, and fix edit) lies inside its
   document, ``0 <= start <= end <= len(text)``, and the line/column it yields
   maps back to the same offset;
4. the CST tokens tile the input: contiguous, no gaps, no overlaps, each
   token's text is the input's text at its offsets;
5. parsing the same text twice gives the same diagnostics, status and model;
   linting the same sysplex twice gives the same findings.

A broken law raises :class:`LawViolation` (an ``AssertionError``) whose
message names the law, so Hypothesis shrinks on it and pytest shows it.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import zparse
from zparse.codes import CODES, Severity
from zparse.diagnostics import Diagnostic
from zparse.source import Source, Span

__all__ = [
    "FUZZ_SYMBOLS",
    "KINDS",
    "KNOWN_BAD_SYMBOLS",
    "LawViolation",
    "check_all",
    "check_diagnostics",
    "check_lint",
    "check_lint_isolated",
    "check_parse",
    "check_tiling",
    "diagnostic_signature",
    "run_guarded",
]

KINDS = ("tcpip", "izuprm")
INTERNAL_ERROR = "ZL001"

# System symbols for parsing with substitution: ordinary, empty, long, with
# blanks, a line break, a comment or quote character, and one whose value is
# another symbol reference (substitution is not recursive).
FUZZ_SYMBOLS = {"SYSNAME": "SYS1", "SYSCLONE": "01", "EMPTY": "", "LONG": "9" * 300, "SP": "a b",
                "NL": "x\ny", "SEMI": ";c", "Q": '"', "AMP": "&SYSCLONE.", "ADDR": "10.1.1.1"}
# Symbols that still trigger a known bug, left out of generated runs (so they
# stay green) but kept in the regression replay: name -> its regression case
# (listed in fuzz/corpus/known_failures.toml). Remove an entry with the fix.
KNOWN_BAD_SYMBOLS: dict[str, str] = {}

T = TypeVar("T")


class LawViolation(AssertionError):
    """A broken robustness law; ``law`` is its short name."""

    def __init__(self, law: str, detail: str) -> None:
        super().__init__(f"[{law}] {detail}")
        self.law = law
        self.detail = detail


# ------------------------------------------------------------------ spans
def _check_offset(source: Source, offset: int, what: str) -> None:
    starts = source.line_starts
    line, col = source.line_col(offset)
    if not 1 <= line <= len(starts):
        raise LawViolation("span", f"{what}: offset {offset} gives line {line} of {len(starts)}")
    if col < 1 or starts[line - 1] + col - 1 != offset:
        raise LawViolation("span", f"{what}: offset {offset} gives line {line} column {col}, "
                           f"which maps back to {starts[line - 1] + col - 1}")
    nxt = starts[line] if line < len(starts) else len(source.text) + 1
    if not starts[line - 1] <= offset < nxt:
        raise LawViolation("span", f"{what}: offset {offset} is not on line {line} "
                           f"[{starts[line - 1]}, {nxt})")


def _check_span(span: Span, documents: Sequence[Source] | None, what: str) -> None:
    if not isinstance(span, Span):
        raise LawViolation("span", f"{what}: span is {type(span).__name__}, not Span")
    source = span.source
    n = len(source.text)
    if not (isinstance(span.start, int) and isinstance(span.end, int)):
        raise LawViolation("span", f"{what}: offsets {span.start!r}..{span.end!r} are not ints")
    if not 0 <= span.start <= span.end <= n:
        raise LawViolation("span", f"{what}: span {span.start}..{span.end} outside its document "
                           f"(length {n})")
    if documents is not None and not any(source is d or (source.text == d.text and span.path == d.path)
                                         for d in documents):
        raise LawViolation("span", f"{what}: span points into {source!r}, which is not the parsed "
                           f"document or one of its INCLUDEs")
    _check_offset(source, span.start, f"{what} start")
    _check_offset(source, span.end, f"{what} end")


def check_diagnostics(diags: Iterable[Diagnostic], documents: Sequence[Source] | None = None) -> None:
    """Law 1 (internal errors) and law 3 (spans) for a list of diagnostics."""
    for d in diags:
        what = f"{d.code} {d.message[:80]!r}"
        if d.code == INTERNAL_ERROR:
            raise LawViolation("no-exception", f"internal error reported: {d.message}")
        if d.code not in CODES:
            raise LawViolation("diagnostic", f"{what}: code is not in zparse.codes")
        if not isinstance(d.severity, Severity):
            raise LawViolation("diagnostic", f"{what}: severity {d.severity!r}")
        _check_span(d.span, documents, what)
        for k, rel in enumerate(d.related):
            _check_span(rel.span, None, f"{what} related[{k}]")
        if d.fix is not None:
            for k, edit in enumerate(d.fix.edits):
                _check_span(edit.span, documents, f"{what} fix edit[{k}]")


def diagnostic_signature(d: Diagnostic) -> tuple[Any, ...]:
    """Everything observable about a diagnostic, as plain comparable values."""
    fix = None
    if d.fix is not None:
        fix = (d.fix.description, d.fix.safe,
               tuple((e.span.path, e.span.start, e.span.end, e.replacement) for e in d.fix.edits))
    return (d.code, d.severity.value, d.message, d.span.path, d.span.start, d.span.end, d.system,
            tuple((r.span.path, r.span.start, r.span.end, r.message) for r in d.related), d.help, fix)


# ------------------------------------------------------------------ tree
def check_tiling(tokens: Iterable[Any], text: str) -> int:
    """Law 4: tokens are contiguous, cover ``text`` exactly, and hold its text.
    Returns the number of tokens."""
    pos = 0
    count = 0
    for t in tokens:
        if t.start != pos:
            kind = "gap" if t.start > pos else "overlap"
            raise LawViolation("tiling", f"{kind} before token {count} {t!r}: expected start {pos}")
        if text[t.start : t.start + len(t.text)] != t.text:
            raise LawViolation("tiling", f"token {count} {t!r} does not hold the input text "
                               f"{text[t.start : t.start + len(t.text)]!r}")
        pos = t.start + len(t.text)
        count += 1
    if pos != len(text):
        raise LawViolation("tiling", f"tokens end at {pos}, the input at {len(text)}")
    return count


# ------------------------------------------------------------------ parse
def _parse(text: str, kind: str, path: str | None, symbols: Mapping[str, str] | None) -> Any:
    try:
        return zparse.parse(text, kind, path=path, symbols=symbols)
    except Exception as exc:  # the law: nothing escapes
        raise LawViolation("no-exception", f"zparse.parse raised {type(exc).__name__}: {exc}\n"
                           + "".join(traceback.format_exception(exc)[-6:])) from exc


def check_parse(text: str, kind: str, *, path: str | None = None, twice: bool = True,
                symbols: Mapping[str, str] | None = None) -> Any:
    """Parse ``text`` as ``kind`` (with system ``symbols``, if given) and check
    every law; returns the result."""
    result = _parse(text, kind, path, symbols)
    rendered = result.render()
    if rendered != text:
        at = next((i for i, (a, b) in enumerate(zip(rendered, text)) if a != b),
                  min(len(rendered), len(text)))
        raise LawViolation("render", f"render() differs from the input at offset {at}: "
                           f"{rendered[at:at + 20]!r} != {text[at:at + 20]!r} "
                           f"(lengths {len(rendered)} and {len(text)})")
    if result.source.text != text:
        raise LawViolation("render", "result.source.text is not the input")
    check_tiling(result.tree.tokens(), text)
    documents = [result.source, *getattr(result, "includes", ())]
    check_diagnostics(result.diagnostics, documents)
    if twice:
        again = _parse(text, kind, path, symbols)
        a = [diagnostic_signature(d) for d in result.diagnostics]
        b = [diagnostic_signature(d) for d in again.diagnostics]
        if a != b:
            diff = next((x, y) for x, y in zip([*a, None], [*b, None]) if x != y)
            raise LawViolation("deterministic", f"second parse gives other diagnostics: {diff}")
        if result.status != again.status:
            raise LawViolation("deterministic", f"status {result.status} then {again.status}")
        if result.model != again.model:
            raise LawViolation("deterministic", "second parse gives a different model")
    return result


def check_all(text: str, kind: str, *, path: str | None = None, twice: bool = True,
              symbols: Mapping[str, str] | None = None) -> Any:
    """:func:`check_parse` without symbols and, for a profile that mentions
    ``&``, again with ``symbols`` (default: :data:`FUZZ_SYMBOLS` less
    :data:`KNOWN_BAD_SYMBOLS`); returns the first result."""
    result = check_parse(text, kind, path=path, twice=twice)
    if kind == "tcpip" and "&" in text:
        if symbols is None:
            symbols = {k: v for k, v in FUZZ_SYMBOLS.items() if k not in KNOWN_BAD_SYMBOLS}
        check_parse(text, kind, path=path, twice=twice, symbols=symbols)
    return result


# ------------------------------------------------------------------ lint
def check_lint(root: Path | str) -> list[Diagnostic]:
    """Load and lint the sysplex at ``root`` (a folder with a zlint.toml) twice
    and from a fresh load; check laws 1, 3 and 5 on the findings."""
    try:
        sysplex = zparse.load_sysplex(str(root))
        first = zparse.lint(sysplex)
        second = zparse.lint(sysplex)
        fresh = zparse.lint(zparse.load_sysplex(str(root)))
    except Exception as exc:
        raise LawViolation("no-exception", f"load_sysplex/lint raised {type(exc).__name__}: {exc}\n"
                           + "".join(traceback.format_exception(exc)[-6:])) from exc
    check_diagnostics(first)
    a = [diagnostic_signature(d) for d in first]
    for label, other in (("linting the same sysplex again", second), ("a fresh load", fresh)):
        b = [diagnostic_signature(d) for d in other]
        if a != b:
            diff = next((x, y) for x, y in zip([*a, None], [*b, None]) if x != y)
            raise LawViolation("deterministic", f"{label} gives other findings: {diff}")
    return list(first)


def check_lint_isolated(root: Path | str, seconds: float = 60.0) -> None:
    """:func:`check_lint` in a child process killed after ``seconds`` (a
    :class:`LawViolation` "hang"): for inputs that may run for minutes, which a
    thread could not stop."""
    import subprocess
    import sys

    here = Path(__file__).resolve().parent.parent
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from fuzz.laws import check_lint; "
            "check_lint(sys.argv[2])")
    try:
        proc = subprocess.run([sys.executable, "-c", code, str(here), str(root)], capture_output=True,
                              text=True, errors="replace", timeout=seconds)
    except subprocess.TimeoutExpired:
        raise LawViolation("hang", f"linting {root} did not finish within {seconds:.0f} s") from None
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-8:])
        law = "deterministic" if "[deterministic]" in tail else "no-exception" if "[no-exception]" in tail else "lint"
        raise LawViolation(law, f"linting {root} failed:\n{tail}")


# ------------------------------------------------------------------ hangs
def run_guarded(fn: Callable[[], T], seconds: float = 20.0, what: str = "call") -> T:
    """Run ``fn`` in a daemon thread; a :class:`LawViolation` ("hang") if it has
    not finished after ``seconds``. A hang detector, not a speed target."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:
            box["error"] = exc

    worker = threading.Thread(target=target, name=f"guard:{what}", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise LawViolation("hang", f"{what} did not finish within {seconds:.0f} s")
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]
