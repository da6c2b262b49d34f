"""From zparse diagnostics to LSP diagnostics, and the links to the rule docs.

Every diagnostic carries ``code`` (``HA301``), ``source`` (``zlint``),
``codeDescription.href`` (the rule's documentation, see :class:`DocLinks`)
and, for findings that point elsewhere (often another system's profile),
``relatedInformation`` with the other file's URI and range. The ``help``
text of a finding is added to the message on its own line. A finding in a
member that several systems read is one diagnostic whose message ends with
``(in SYS1, SYS2)``, as in the CLI's text, and whose ``data.systems`` lists
them.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path
from pygls.workspace.position_codec import PositionCodec

from ..codes import CODES, Severity
from ..diagnostics import Diagnostic
from ..outputs.common import systems_note
from ..source import Source, Span
from .textdoc import LineIndex

__all__ = ["SEVERITY", "Converter", "DocLinks"]

SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}

_CODE = re.compile(r"[A-Z]{2,3}[0-9]{3}")


class DocLinks:
    """Where ``codeDescription.href`` points for a code.

    With a template (initialization option ``docUrl`` or the environment
    variable ``ZLINT_DOC_URL``, e.g. ``https://example.org/zlint/rules/{code}.html``;
    ``{code}`` is the code, ``{name}`` its kebab-case name) the link is the
    template filled in. Without one it is a ``file:`` URI of a Markdown page
    that the server writes on first use under
    ``$XDG_CACHE_HOME/zlint/docs/<version>/<CODE>.md`` (``~/.cache`` when
    unset): the rule's own documentation (what ``zlint explain CODE`` shows),
    which any editor opens offline. None when neither works.
    """

    def __init__(self, template: str | None = None, folder: str | None = None) -> None:
        self.template = template or os.environ.get("ZLINT_DOC_URL") or None
        self.folder = folder
        self._written: dict[str, str | None] = {}
        self._lock = threading.Lock()

    def _folder(self) -> Path:
        from .. import __version__

        if self.folder:
            return Path(self.folder)
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return Path(base) / "zlint" / "docs" / __version__

    def href(self, code: str) -> str | None:
        """The documentation link of ``code``, or None."""
        if not _CODE.fullmatch(code):
            return None
        info = CODES.get(code)
        if self.template:
            try:
                return self.template.format(code=code, name=info.name if info else code.lower())
            except (KeyError, IndexError, ValueError):
                return None
        with self._lock:
            if code in self._written:
                return self._written[code]
            uri: str | None
            try:
                page = self._folder() / f"{code}.md"
                text = rule_page(code)
                if not page.is_file() or page.read_text(encoding="utf-8") != text:
                    page.parent.mkdir(parents=True, exist_ok=True)
                    tmp = page.with_suffix(f".{os.getpid()}.tmp")
                    tmp.write_text(text, encoding="utf-8")
                    os.replace(tmp, page)
                uri = page.resolve().as_uri()
            except OSError:
                uri = None
            self._written[code] = uri
            return uri


def rule_page(code: str) -> str:
    """The Markdown page of a code: title, severity, scope and the rule's documentation."""
    from ..engine import registry

    info = CODES.get(code)
    rule = registry().get(code)
    title = f"# {code} {info.name}" if info else f"# {code}"
    lines = [title, ""]
    if info:
        lines += [f"*{info.summary}* — default severity **{info.severity.value}**, scope {info.scope}.", ""]
    lines.append(rule.doc if rule and rule.doc else "(no documentation for this code)")
    return "\n".join(lines).rstrip() + "\n"


class Converter:
    """Converts diagnostics of one analysis; caches one line index per source text."""

    def __init__(self, codec: PositionCodec, uri_of: Callable[[str | None], str | None],
                 links: DocLinks) -> None:
        self.codec = codec
        self.uri_of = uri_of
        self.links = links
        self._indexes: dict[int, tuple[Source, LineIndex]] = {}

    def index(self, source: Source) -> LineIndex:
        hit = self._indexes.get(id(source))
        if hit is not None and hit[0] is source and hit[1].text is source.text:
            return hit[1]
        idx = LineIndex(source.text, self.codec)
        self._indexes[id(source)] = (source, idx)
        return idx

    def range(self, span: Span) -> types.Range:
        return self.index(span.source).range(span.start, span.end)

    def diagnostic(self, d: Diagnostic) -> types.Diagnostic:
        related: list[types.DiagnosticRelatedInformation] = []
        for r in d.related:
            uri = self.uri_of(r.span.path)
            if uri is None:
                continue
            related.append(types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=self.range(r.span)), message=r.message or d.code))
        message = d.message
        note = systems_note(d)
        if note:  # a member several systems read: say whom it concerns, as the CLI does
            message += f" ({note})"
        if d.help:
            message += f"\nhelp: {d.help}"
        href = self.links.href(d.code)
        return types.Diagnostic(
            range=self.range(d.span),
            severity=SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
            code=d.code,
            code_description=types.CodeDescription(href=href) if href else None,
            source="zlint",
            message=message,
            related_information=related or None,
            data=({"system": d.system, "systems": list(d.concerns)} if d.concerns else None),
        )


def path_uri(path: str | None) -> str | None:
    """A ``file:`` URI for an absolute path; other strings (URIs of non-file documents) as they are."""
    if not path:
        return None
    if os.path.isabs(path):
        uri = from_fs_path(path)
        return str(uri) if uri else None
    return path if ":" in path else None
