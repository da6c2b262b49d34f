"""Built-in zlint rules: one module per code, grouped by family.

Imported by :func:`zparse.engine.load_builtin_rules` as ``zparse.rules``.
"""
