"""The stable diagnostic codes of DESIGN.md contract 2: name, default severity, summary.

This is the one table of codes. Rules under ``rules/`` attach a check function
and their documentation to a code from here; the parsers take the default
severity of the SYN and parse-level IZU codes from here too.
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["CODES", "CodeInfo", "Severity"]


class Severity(enum.Enum):
    """How bad a finding is: error (z/OS rejects it or failover breaks),
    warning (almost certainly a mistake), info (advice)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@attrs.frozen
class CodeInfo:
    code: str
    name: str
    severity: Severity
    summary: str
    scope: str  # "parse", "file", "system" or "sysplex"


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

_TABLE: tuple[tuple[str, str, Severity, str, str], ...] = (
    ("SYN001", "unparsable-statement", E, "parse", "cannot parse this statement (expected …)"),
    ("SYN002", "unknown-statement", E, "parse", "unknown statement keyword"),
    ("SYN003", "block-without-end", E, "parse", "block without its END (ENDVIPADYNAMIC, ENDAUTOLOG, …)"),
    ("SYN004", "invalid-value", E, "parse", "invalid value: address, mask, number or range out of bounds"),
    ("SYN005", "unterminated-comment-or-string", E, "parse", "unterminated comment or quoted string"),
    ("SYN006", "sequence-numbers", W, "parse", "TCP/IP profile: sequence number in columns 73-80 (not allowed; z/OS reads them as text)"),
    ("SYN007", "include-problem", E, "parse", "INCLUDE: target not found, cycle, or too deep"),
    ("SYN008", "undefined-symbol", E, "parse", "undefined system symbol"),
    ("SYN009", "comment-without-blank", W, "parse", "a `;` comment glued to the token before it"),
    ("SYN010", "undecodable-byte", E, "parse", "bytes that are not valid in the file's encoding"),
    ("SYN011", "obsolete-statement", W, "parse", "statement or device type that current z/OS no longer supports"),
    ("SYN012", "unknown-operand", W, "parse", "operand that zlint does not know for this statement"),
    ("SYN013", "unreadable-file", E, "parse", "a member file listed in the inventory cannot be read"),
    ("SYN014", "newer-than-target-release", W, "parse", "operand that a release newer than [lint] target-release introduced"),
    ("TCP101", "duplicate-dvipa-definition", E, "file", "second VIPADEFINE/VIPABACKUP for a DVIPA without VIPADELETE"),
    ("TCP102", "dvipa-is-static-address", E, "file", "DVIPA equals a HOME or DYNAMICXCF address of the same stack (EZZ8307I)"),
    ("TCP103", "distribute-undefined-dvipa", E, "file", "VIPADISTRIBUTE for a DVIPA that this stack does not define or back up"),
    ("TCP104", "hotstandby-roles", E, "file", "HOTSTANDBY without exactly one PREFERRED or without a BACKUP (EZZ0826I/EZZ0827I)"),
    ("TCP105", "hotstandby-preferred-is-backup", E, "file", "HOTSTANDBY: same address PREFERRED and BACKUP (EZZ0830I)"),
    ("TCP106", "hotstandby-too-many-backups", E, "file", "HOTSTANDBY: more than 31 BACKUP targets (EZZ0829I)"),
    ("TCP107", "hotstandby-destip-all", E, "file", "HOTSTANDBY with DESTIP ALL (EZZ0165I)"),
    ("TCP108", "hotstandby-keyword-other-method", E, "file", "HOTSTANDBY-only keyword under another DISTMETHOD (EZZ0831I): the rest of the VIPADYNAMIC block is lost"),
    ("TCP109", "distribute-without-dynamicxcf", E, "file", "VIPADISTRIBUTE on a stack without IPCONFIG DYNAMICXCF"),
    ("TCP110", "port-reservation-overlap", E, "file", "PORT / PORTRANGE overlap or conflicting reservation"),
    ("TCP111", "reference-before-definition", E, "file", "reference before definition (LINK before DEVICE, HOME of an unknown link, INTERFACE name in HOME)"),
    ("TCP112", "malformed-mask", E, "file", "malformed address mask (not contiguous)"),
    ("TCP113", "hotstandby-backup-rank-tie", I, "file", "HOTSTANDBY: two BACKUP targets with the same rank (which one takes over is not defined)"),
    ("IZU201", "unknown-izuprm-statement", E, "parse", "unknown IZUPRMxx statement"),
    ("IZU202", "invalid-izuprm-value", E, "parse", "invalid IZUPRMxx value (port range, AUTOSTART not LOCAL/CONNECT, bad host name, length)"),
    ("IZU203", "repeated-statement", W, "parse", "statement repeated; the last one wins"),
    ("IZU204", "unquoted-mixed-case-value", W, "parse", "value that must keep its case is not quoted (KEYRING_NAME, USER_DIR, …)"),
    ("IZU205", "members-disagree", W, "sysplex", "concatenated members set the same statement to different values (not a per-system override)"),
    ("HA301", "destip-not-dynamicxcf", E, "sysplex", "DESTIP is not the DYNAMICXCF address of any system in the sysplex"),
    ("HA302", "destip-system-without-dynamicxcf", E, "sysplex", "a DESTIP target system has no IPCONFIG DYNAMICXCF"),
    ("HA303", "duplicate-dynamicxcf", E, "sysplex", "two systems have the same DYNAMICXCF address"),
    ("HA304", "dvipa-without-takeover", W, "sysplex", "DVIPA with no takeover path: no other system defines or backs it up"),
    ("HA305", "distribution-differs", W, "sysplex", "systems define the same distributed DVIPA differently (DISTMETHOD, PORT list, DESTIP roles)"),
    ("HA306", "dvipa-definition-differs", W, "sysplex", "systems define the same DVIPA with different mask or MOVEABLE options"),
    ("HA307", "vipabackup-rank-tie", I, "sysplex", "VIPABACKUP ranks for one DVIPA tie across systems"),
    ("HA308", "dvipa-collides-static", E, "sysplex", "a DVIPA collides with a static address (HOME, INTERFACE, DYNAMICXCF) of another system"),
    ("HA309", "xcf-group-mismatch", E, "sysplex", "distributor and targets in different XCF groups (GLOBALCONFIG XCFGRPID)"),
    ("HA310", "dvipa-never-active", E, "sysplex", "no system activates the DVIPA: no VIPADEFINE, and only plain VIPABACKUPs (which take over an active DVIPA only)"),
    ("HA311", "viparange-covers-static", W, "sysplex", "a VIPARANGE covers a static address (HOME, INTERFACE, DYNAMICXCF) of another system"),
    ("HA320", "zosmf-hostname-not-dvipa", E, "sysplex", "z/OSMF HOSTNAME does not resolve to a DVIPA distributed to the HA servers (or is `*`)"),
    ("HA321", "zosmf-port-mismatch", E, "sysplex", "z/OSMF HTTP_SSL_PORT differs between HA servers or is not a distributed PORT"),
    ("HA322", "zosmf-shared-autostart-group", E, "sysplex", "two z/OSMF servers share an AUTOSTART_GROUP"),
    ("HA323", "zosmf-not-autostart-local", W, "sysplex", "an HA z/OSMF system does not use AUTOSTART(LOCAL)"),
    ("HA324", "zosmf-shared-user-dir", E, "sysplex", "two z/OSMF servers use the same USER_DIR, or one inside the other"),
    ("HA325", "zosmf-security-differs", W, "sysplex", "KEYRING_NAME or SAF_PREFIX differ between HA servers"),
    ("HA326", "zosmf-target-without-server", E, "sysplex", "the z/OSMF service is distributed to a DESTIP target whose system runs no z/OSMF server"),
    ("HA327", "zosmf-port-reserved-for-other-job", E, "sysplex", "the z/OSMF HTTPS port is reserved (PORT/PORTRANGE) for other jobs on a system that serves z/OSMF"),
    ("HA390", "failover-leaves-service-dark", E, "sysplex", "failover simulation: losing one system leaves a distributed service with no owner or no live target"),
    ("ZL001", "internal-error", E, "parse", "a rule failed on this input (internal error); the other rules still ran"),
)

CODES: dict[str, CodeInfo] = {
    code: CodeInfo(code, name, sev, summary, scope) for code, name, sev, scope, summary in _TABLE
}

