"""The lexer class Lark is given for zparse's grammars (imported only when Lark
itself is: a class Lark's cache can pickle by name)."""

from __future__ import annotations

from typing import Any

from lark.lexer import Lexer

__all__ = ["ExternalLexer"]


class ExternalLexer(Lexer):
    """Placeholder: zparse's own lexers feed the parser directly."""

    def __init__(self, conf: Any) -> None:
        pass

    def lex(self, lexer_state: Any, parser_state: Any) -> Any:  # pragma: no cover
        raise NotImplementedError
