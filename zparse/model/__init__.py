"""Typed models per file kind, built from the syntax layer; never imports rules."""

from __future__ import annotations

from .result import ParseResult

__all__ = ["ParseResult"]
