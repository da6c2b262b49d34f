"""Typed models per file kind, built from the syntax layer; never imports rules."""
