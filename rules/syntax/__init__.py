"""SYN001-SYN012 and ZL001: codes that the parsers (or the engine) emit themselves.

These modules hold only documentation (``zlint explain SYN001``); they
register it with :func:`zparse.engine.documented`.
"""
