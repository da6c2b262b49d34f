"""The zlint language server (``zlint lsp``), built on pygls.

pygls and lsprotocol are the optional ``zparse[lsp]`` extra: only this
package imports them. The entry point is :func:`zparse.lsp.server.main`
(also ``python -m zparse.lsp.server``); editor set-up is in docs/editors.md.

Modules: ``server`` (LSP wiring), ``analysis`` (open documents, projects,
lint runs), ``project`` (a sysplex with the editor's unsaved text, kept
warm), ``incremental`` (incremental re-parsing of large profiles),
``textdoc`` (documents and positions), ``convert`` (diagnostics and rule
doc links), ``hover``, ``navigation`` (outline, definition), ``actions``
(quick fixes, suppressions).
"""
