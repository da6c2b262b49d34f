"""Robustness tooling for zparse (issues 7 and 8).

- :mod:`fuzz.laws`: the properties every input must satisfy (no exception,
  lossless render, spans inside their document, tiling CST, determinism).
- :mod:`fuzz.gen`: grammar-based generation (Hypothesis ``from_lark``) and
  deterministic realistic profiles / sysplexes (also used by ``bench/``).
- :mod:`fuzz.mutate`: mutation of real inputs (the shared corpus, tests/data).
- :mod:`fuzz.hostile`: the hostile shapes of issue 7.
- :mod:`fuzz.corpus_io`: the regression corpus under ``fuzz/corpus/``.

``make fuzz`` runs the ``fuzz/test_*.py`` targets with a time budget
(``FUZZ_SECONDS``, default 60); ``fuzz/atheris_target.py`` is the coverage-
guided target (plain corpus loop without atheris).
"""
