"""Issue 13 item 9: many INCLUDEs of one large member cannot blow up memory."""

from __future__ import annotations

from zparse.model.tcpip.build import MAX_INCLUDED_TEXT, parse_tcpip


def _member(size: int) -> str:
    lines: list[str] = []
    total = i = 0
    while total < size:
        line = f"PORT {1000 + i % 60000} TCP JOB{i % 97:04d}"
        lines.append(line)
        total += len(line) + 1
        i += 1
    return "\n".join(lines) + "\n"


def test_included_text_is_capped_with_one_finding() -> None:
    member = _member(200_000)
    profile = "".join("INCLUDE USER.TCPPARMS(BIG)\n" for _ in range(250))
    reads: list[str] = []

    def resolve(dsn: str) -> tuple[str, str]:
        reads.append(dsn)
        return "/x/BIG", member

    result = parse_tcpip(profile, "/x/PROFILE", include_resolver=resolve)
    followed = MAX_INCLUDED_TEXT // len(member)
    assert len(result.model.ports) == followed * member.count("\n")
    cut = [d for d in result.diagnostics if d.code == "SYN007"]
    assert len(cut) == 1 and "MiB" in cut[0].message
    assert cut[0].span.start_line_col()[0] == followed + 1
    assert len(result.model.includes) == 250  # every INCLUDE is still in the model
    assert reads == ["USER.TCPPARMS(BIG)"]  # resolved (read) once, parsed once
    assert result.render() == profile
