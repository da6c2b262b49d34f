"""The suite's own rules: a data-driven test that finds no data fails.

A parametrization over an empty folder (a renamed case directory, a glob
that stopped matching) would otherwise be one silent skip.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_an_empty_parametrization_fails_the_run(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_empty='''
        import pytest

        @pytest.mark.parametrize("case", sorted(__import__("pathlib").Path("no-such-folder").glob("*.txt")))
        def test_case(case):
            assert case
    ''')
    result = pytester.runpytest_inprocess("-c", str(REPO / "pyproject.toml"), "--rootdir", str(pytester.path),
                                          "-p", "no:cacheprovider", "test_empty.py")
    assert result.ret == pytest.ExitCode.INTERRUPTED, result.stdout.str()
    result.stdout.fnmatch_lines(["*Empty parameter set*"])
