"""Hover texts: what a statement or keyword is for, its syntax, and the defaults in effect.

The tables below summarise the z/OS Communications Server IP Configuration
Reference and the z/OSMF IZUPRMxx reference in our own words (see
/work/shared/reference for the sources and what is unverified). On a
finding the hover shows the rule's documentation instead (the same text as
``zlint explain CODE``).
"""

from __future__ import annotations

import bisect
import ipaddress
import re
from collections.abc import Iterable
from typing import Any

import attrs

from ..codes import CODES
from ..diagnostics import Diagnostic
from ..model.izuprm import SETTINGS, IzuPrm
from ..model.tcpip import TcpipProfile, VipaBackup, VipaDefine, VipaDistribute
from ..source import line_bounds
from ..syntax.tcpip import keyword_table

__all__ = ["IZUPRM", "KEYWORDS", "STATEMENTS", "Entry", "hover_markdown"]


@attrs.frozen
class Entry:
    """One hover text: a title, a syntax summary, what it does, and its defaults."""

    title: str
    syntax: str
    text: str
    defaults: str = ""

    def markdown(self, lang: str = "tcpip") -> str:
        parts = [f"**{self.title}**", f"```{lang}\n{self.syntax}\n```", self.text]
        if self.defaults:
            parts.append(f"*Defaults:* {self.defaults}")
        return "\n\n".join(parts)


def _e(title: str, syntax: str, text: str, defaults: str = "") -> Entry:
    return Entry(title, syntax, " ".join(text.split()), " ".join(defaults.split()))


# ---------------------------------------------------------------- TCP/IP statements

STATEMENTS: dict[str, Entry] = {e.title: e for e in (
    _e("VIPADYNAMIC", "VIPADYNAMIC\n  VIPADEFINE | VIPABACKUP | VIPADELETE | VIPADISTRIBUTE\n  | VIPARANGE | VIPAROUTE | VIPASMPARMS ...\nENDVIPADYNAMIC",
       """Block of dynamic VIPA (DVIPA) and sysplex distributor definitions. A syntax error
       inside the block makes z/OS ignore the rest of the block: the statements after it are
       silently lost."""),
    _e("ENDVIPADYNAMIC", "ENDVIPADYNAMIC", "Ends the VIPADYNAMIC block. Without it, z/OS reads every following statement of the data set as part of the block."),
    _e("VIPADEFINE", "VIPADEFINE [TIER1|TIER2 [CPCSCOPE]|CPCSCOPE]\n  [MOVEABLE IMMEDIATE|WHENIDLE] [SERVICEMGR] mask dvipa...\nVIPADEFINE [MOVEABLE IMMEDIATE] intf ipv6_addr",
       """This stack owns the DVIPAs and activates them when the profile is processed. Other
       stacks take a DVIPA over with VIPABACKUP. Only one VIPADEFINE or VIPABACKUP per DVIPA in a
       profile, unless a VIPADELETE comes first. A DVIPA must not be a HOME or DYNAMICXCF address
       (EZZ8307I).""",
       "MOVEABLE IMMEDIATE (the stack takes the DVIPA back when it returns)."),
    _e("VIPABACKUP", "VIPABACKUP [rank] [TIER1|TIER2 [CPCSCOPE]|CPCSCOPE]\n  { dvipa... | MOVEABLE IMMEDIATE|WHENIDLE [SERVICEMGR] mask dvipa... | intf ipv6_addr }",
       """This stack takes the DVIPAs over when the owner fails; the highest rank takes over
       first. The plain form only takes over a DVIPA that is active elsewhere; with MOVEABLE and a
       mask the backup also activates it when no stack in the sysplex has it.""",
       "rank 1 (1-254, higher takes over first); MOVEABLE IMMEDIATE."),
    _e("VIPADELETE", "VIPADELETE { dvipa... | ipv6_intf }",
       "Removes DVIPAs (and their interface) that an earlier VIPADEFINE or VIPABACKUP created, so that a later statement may define them again."),
    _e("VIPADISTRIBUTE", "VIPADISTRIBUTE [DEFINE|DELETE] [DISTMETHOD method] [OPTLOCAL n]\n  [SYSPLEXPORTS] [TIMEDAFFINITY s] dvipa [PORT n|n-m ...]\n  DESTIP { ALL | xcf_addr [WEIGHT w | PREFERRED | BACKUP [rank]] ... }",
       """Sysplex distributor: new connections to the DVIPA (and ports) are spread over the
       target stacks named by their dynamic XCF addresses (IPCONFIG DYNAMICXCF). The DVIPA must be
       defined or backed up on this stack first. The backup distributor should carry the same
       statement so that distribution survives a takeover. HOTSTANDBY needs exactly one PREFERRED
       and at least one BACKUP target (EZZ0826I, EZZ0827I) and no DESTIP ALL.""",
       "DEFINE; DISTMETHOD BASEWLM; no PORT list = every port; HOTSTANDBY: AUTOSWITCHBACK and HEALTHSWITCH; NOOPTLOCAL; TIMEDAFFINITY 0."),
    _e("VIPARANGE", "VIPARANGE [DEFINE|DELETE] [MOVEABLE NONDISRUPTIVE|DISRUPTIVE]\n  mask address [SAF resname]",
       "Subnet in which applications create DVIPAs themselves (bind() or the SIOCSVIPA ioctl / MODDVIPA). The most specific range wins.",
       "DEFINE; MOVEABLE NONDISRUPTIVE."),
    _e("VIPAROUTE", "VIPAROUTE [DEFINE|DELETE] xcf_addr target_addr",
       "Sends distributed connections for the target stack (by its dynamic XCF address) over a normal IP route to target_addr instead of the XCF link."),
    _e("VIPASMPARMS", "VIPASMPARMS SMMCAST group SMPORT port ...", "Parameters of the Cisco MNLB service manager; needed when a VIPADEFINE or VIPABACKUP uses SERVICEMGR."),
    _e("IPCONFIG", "IPCONFIG [SYSPLEXROUTING] [DATAGRAMFWD|NODATAGRAMFWD] [SOURCEVIPA]\n  [DYNAMICXCF addr mask|addr/len cost | NODYNAMICXCF] ...",
       """IPv4 IP-layer settings. Several IPCONFIG statements add up. DYNAMICXCF gives the stack
       its dynamic XCF address: the address other stacks' VIPADISTRIBUTE DESTIP lists name, and
       what sysplex distribution and non-disruptive DVIPA movement need.""",
       "NODYNAMICXCF; NOSYSPLEXROUTING; DATAGRAMFWD; ARPTO 1200; TTL 64."),
    _e("IPCONFIG6", "IPCONFIG6 [DYNAMICXCF ipv6_addr [INTFID id]] [SOURCEVIPA] ...", "IPv6 IP-layer settings; DYNAMICXCF gives the stack its IPv6 dynamic XCF address.", "NODYNAMICXCF."),
    _e("GLOBALCONFIG", "GLOBALCONFIG [SYSPLEXMONITOR options] [XCFGRPID id] [TCPIPSTATISTICS] ...",
       """Stack-wide settings. XCFGRPID puts the stack in a TCP/IP subplex: a distributor only
       reaches targets with the same group. SYSPLEXMONITOR RECOVERY makes a sick stack leave the
       group so that its DVIPAs move.""",
       "default XCF group (no XCFGRPID); SYSPLEXMONITOR NORECOVERY NODELAYJOIN; SYSPLEXWLMPOLL 60."),
    _e("TCPCONFIG", "TCPCONFIG [TCPSENDBFRSIZE n] [TCPRCVBUFRSIZE n] [RESTRICTLOWPORTS] [TTLS] ...", "TCP-layer settings; several statements add up.", "TCPSENDBFRSIZE and TCPRCVBUFRSIZE 65536; UNRESTRICTLOWPORTS; NOTTLS; FINWAIT2TIME 600."),
    _e("UDPCONFIG", "UDPCONFIG [UDPSENDBFRSIZE n] [UDPRCVBUFRSIZE n] [RESTRICTLOWPORTS] ...", "UDP-layer settings.", "UDPSENDBFRSIZE and UDPRCVBUFRSIZE 65535; UNRESTRICTLOWPORTS; UDPCHKSUM."),
    _e("HOME", "HOME ipv4_addr link_name ...", "Home addresses of links defined with DEVICE and LINK (not of INTERFACE definitions, which carry their own address). The first HOME of a data set replaces the list; later ones in the same data set add to it. 127.0.0.1 cannot be a HOME address (EZZ0344I)."),
    _e("INTERFACE", "INTERFACE name DEFINE IPAQENET PORTNAME port IPADDR addr/len ...\nINTERFACE name DEFINE IPAQIDIO | VIRTUAL ...\nINTERFACE name DELETE | ADDADDR | DELADDR ...",
       "Defines an interface with its own address (the modern form of DEVICE + LINK + HOME). Do not list an INTERFACE name in HOME."),
    _e("DEVICE", "DEVICE name MPCIPA | MPCPTP | CTC devnum | VIRTUAL 0 | ...", "Defines a device for the LINK statements that follow (legacy IPv4 definitions)."),
    _e("LINK", "LINK name IPAQENET|IPAQIDIO|MPCPTP|VIRTUAL ... device", "Defines a link on a device that an earlier DEVICE statement defined; HOME gives the link its address."),
    _e("PORT", "PORT num TCP|UDP {jobname [NOAUTOLOG] [SHAREPORT|SHAREPORTWLM] [BIND addr] [SAF res] | RESERVED} ...\n     UNRSV TCP|UDP {jobname | * [DENY]} ...",
       "Reserves ports for jobs. BIND makes a server that binds to INADDR_ANY use one address (a DVIPA, say). Without NOAUTOLOG, the stack restarts an AUTOLOG procedure whose job does not listen on its reserved port. A port covered by an earlier PORTRANGE is ignored."),
    _e("PORTRANGE", "PORTRANGE first count TCP|UDP {jobname | * | OMVS | RESERVED | AUTHPORT} [options] ...",
       "Reserves ranges of ports; a PORTRANGE that overlaps an earlier PORT or PORTRANGE is ignored (and the reverse)."),
    _e("AUTOLOG", "AUTOLOG [wait]\n  proc [JOBNAME job] [PARMSTRING \"...\"] ...\nENDAUTOLOG", "Started procedures to start with the stack, and to restart when they stop listening on their reserved ports (every 5 minutes)."),
    _e("ENDAUTOLOG", "ENDAUTOLOG", "Ends the AUTOLOG block."),
    _e("BEGINROUTES", "BEGINROUTES\n  ROUTE dest mask|HOST|/len|DEFAULT first_hop|= link MTU n ...\nENDROUTES", "Static routing table (IPv4 and IPv6)."),
    _e("ROUTE", "ROUTE {dest mask | dest HOST | dest/len | DEFAULT} {first_hop | =} link MTU {n | DEFAULTSIZE} [REPLACEABLE]", "One static route; `=` means directly attached (no first hop)."),
    _e("ENDROUTES", "ENDROUTES", "Ends the BEGINROUTES block."),
    _e("INCLUDE", "INCLUDE data.set.name(member)", "Reads another data set as if its statements were written here. zlint maps data set names to local folders with [include] in zlint.toml."),
    _e("START", "START device_or_interface", "Starts a device or interface. START and STOP are processed after all other statements of the data set, so they may come before the definition."),
    _e("STOP", "STOP device_or_interface", "Stops a device or interface (processed after the other statements of the data set)."),
    _e("PRIMARYINTERFACE", "PRIMARYINTERFACE name", "The interface whose address is the default local host address. It must already be defined.", "the first HOME entry (or, without HOME, the first IPv4 INTERFACE)."),
    _e("SOMAXCONN", "SOMAXCONN n", "Largest listen() backlog an application may ask for.", "10."),
    _e("ARPAGE", "ARPAGE minutes", "Minutes before an ARP cache entry expires (the same as IPCONFIG ARPTO, in seconds).", "20 minutes."),
    _e("DELETE", "DELETE DEVICE name | LINK name | PORT ... | PORTRANGE ...", "Deletes an earlier definition (mostly in OBEYFILE data sets)."),
    _e("NETMONITOR", "NETMONITOR [SMFSERVICE] [NTATRCSERVICE] [TCPCONNSERVICE] ...", "Network management interfaces for monitoring applications.", "OFF."),
    _e("SACONFIG", "SACONFIG [AGENT port] [COMMUNITY name] [ENABLED|DISABLED] ...", "SNMP subagent settings.", "AGENT 161; COMMUNITY public; ENABLED."),
    _e("SMFCONFIG", "SMFCONFIG [TYPE118|TYPE119 ...] ...", "Which SMF records the stack writes."),
    _e("SRCIP", "SRCIP\n  JOBNAME job addr | DESTINATION dest addr ...\nENDSRCIP", "Source address selection by job name or destination. Only one SRCIP block per data set is used."),
    _e("NETACCESS", "NETACCESS [INBOUND] [OUTBOUND]\n  addr/len SAF_name ...\nENDNETACCESS", "Network access control: which users may reach which networks (SERVAUTH profiles)."),
    _e("ITRACE", "ITRACE ON|OFF [SUBAGENT|CONFIG|COMMAND|AUTODAEMON] ...", "Runtime trace control; not allowed inside a block statement."),
    _e("PKTTRACE", "PKTTRACE [PROT=...] [IP=...] ...", "Packet trace filters."),
    _e("BSDROUTINGPARMS", "BSDROUTINGPARMS TRUE|FALSE\n  link mtu metric mask dest ...\nENDBSDROUTINGPARMS", "MTU, metric and mask of IPv4 links when no routing daemon supplies them."),
)}

# ---------------------------------------------------------------- TCP/IP keywords
# Keyed by (statement, keyword); "*" applies to any statement.

KEYWORDS: dict[tuple[str, str], Entry] = {
    ("IPCONFIG", "DYNAMICXCF"): _e("IPCONFIG DYNAMICXCF", "DYNAMICXCF addr mask cost | DYNAMICXCF addr/len cost",
                                   "The stack's dynamic XCF address: it builds XCF, HiperSockets and SAMEHOST links to every other stack with DYNAMICXCF. DESTIP lists name stacks by this address; it must be unique in the sysplex.",
                                   "NODYNAMICXCF."),
    ("IPCONFIG6", "DYNAMICXCF"): _e("IPCONFIG6 DYNAMICXCF", "DYNAMICXCF ipv6_addr [INTFID id]", "The stack's IPv6 dynamic XCF address."),
    ("*", "NODYNAMICXCF"): _e("NODYNAMICXCF", "NODYNAMICXCF", "No dynamic XCF links: the stack cannot be a sysplex distributor target."),
    ("*", "SYSPLEXROUTING"): _e("SYSPLEXROUTING", "SYSPLEXROUTING", "The stack takes part in sysplex-wide routing and gets WLM information for distribution.", "NOSYSPLEXROUTING."),
    ("*", "SOURCEVIPA"): _e("SOURCEVIPA", "SOURCEVIPA", "Outgoing packets use a VIPA as source address instead of the interface's.", "NOSOURCEVIPA."),
    ("*", "DATAGRAMFWD"): _e("DATAGRAMFWD", "DATAGRAMFWD | NODATAGRAMFWD", "Whether the stack forwards IP packets between interfaces.", "DATAGRAMFWD."),
    ("GLOBALCONFIG", "XCFGRPID"): _e("XCFGRPID", "XCFGRPID id (2-31)", "Joins the TCP/IP XCF group EZBTnnid instead of the default EZBTCPCS: stacks in different groups cannot distribute to each other.", "the default group."),
    ("GLOBALCONFIG", "SYSPLEXMONITOR"): _e("SYSPLEXMONITOR", "SYSPLEXMONITOR [RECOVERY|NORECOVERY] [DELAYJOIN|NODELAYJOIN] [AUTOREJOIN] [TIMERSECS n] ...",
                                           "Sysplex problem detection. RECOVERY: a stack with a problem leaves the sysplex group so that its DVIPAs move; DELAYJOIN: join only when OMPROUTE is up.",
                                           "NORECOVERY, NODELAYJOIN."),
    ("VIPADISTRIBUTE", "DISTMETHOD"): _e("DISTMETHOD", "DISTMETHOD BASEWLM | ROUNDROBIN | SERVERWLM | WEIGHTEDACTIVE | HOTSTANDBY | TARGCONTROLLED",
                                         "How new connections are spread over the targets.", "BASEWLM."),
    ("VIPADISTRIBUTE", "BASEWLM"): _e("BASEWLM", "DISTMETHOD BASEWLM [PROCTYPE ...]", "Weights from WLM's view of each system's capacity (the default)."),
    ("VIPADISTRIBUTE", "ROUNDROBIN"): _e("ROUNDROBIN", "DISTMETHOD ROUNDROBIN", "Targets in turn, whatever their load."),
    ("VIPADISTRIBUTE", "SERVERWLM"): _e("SERVERWLM", "DISTMETHOD SERVERWLM [PROCXCOST ...] [ILWEIGHTING n]", "Weights from WLM's view of how well each server meets its goals."),
    ("VIPADISTRIBUTE", "WEIGHTEDACTIVE"): _e("WEIGHTEDACTIVE", "DISTMETHOD WEIGHTEDACTIVE ... DESTIP addr WEIGHT w ...", "Active connections kept in proportion to the DESTIP weights."),
    ("VIPADISTRIBUTE", "HOTSTANDBY"): _e("HOTSTANDBY", "DISTMETHOD HOTSTANDBY [AUTOSWITCHBACK|NOAUTOSWITCHBACK] [HEALTHSWITCH|NOHEALTHSWITCH]\n  ... DESTIP addr PREFERRED addr BACKUP [rank] ...",
                                         "All new connections go to the one PREFERRED target; when it is unavailable, to the highest-ranked ready BACKUP. Needs exactly one PREFERRED, at least one and at most 31 BACKUP targets, and no DESTIP ALL.",
                                         "AUTOSWITCHBACK, HEALTHSWITCH."),
    ("VIPADISTRIBUTE", "TARGCONTROLLED"): _e("TARGCONTROLLED", "TIER1 group ... DISTMETHOD TARGCONTROLLED", "Tier-1 distribution to DataPower or similar targets that report their own weights."),
    ("VIPADISTRIBUTE", "DESTIP"): _e("DESTIP", "DESTIP ALL | DESTIP xcf_addr [WEIGHT w | PREFERRED | BACKUP [rank]] ...",
                                     "The target stacks, named by their dynamic XCF addresses (IPCONFIG DYNAMICXCF of each target), not by home addresses. ALL: every stack with dynamic XCF."),
    ("VIPADISTRIBUTE", "PREFERRED"): _e("PREFERRED", "DESTIP xcf_addr PREFERRED", "HOTSTANDBY: the target that gets all new connections while it is ready. Exactly one per statement."),
    ("VIPADISTRIBUTE", "BACKUP"): _e("BACKUP", "DESTIP xcf_addr BACKUP [rank]", "HOTSTANDBY: a standby target; the highest-ranked ready BACKUP takes over when the PREFERRED target is not ready."),
    ("VIPADISTRIBUTE", "AUTOSWITCHBACK"): _e("AUTOSWITCHBACK", "AUTOSWITCHBACK | NOAUTOSWITCHBACK", "HOTSTANDBY: new connections go back to the PREFERRED target when it is ready again (NOAUTOSWITCHBACK: stay on the backup).", "AUTOSWITCHBACK."),
    ("VIPADISTRIBUTE", "NOAUTOSWITCHBACK"): _e("NOAUTOSWITCHBACK", "NOAUTOSWITCHBACK", "HOTSTANDBY: the active target keeps its role until it becomes unavailable."),
    ("VIPADISTRIBUTE", "HEALTHSWITCH"): _e("HEALTHSWITCH", "HEALTHSWITCH | NOHEALTHSWITCH", "HOTSTANDBY: also switch away from a target that health metrics show as unhealthy (NOHEALTHSWITCH: only when it is unavailable).", "HEALTHSWITCH."),
    ("VIPADISTRIBUTE", "NOHEALTHSWITCH"): _e("NOHEALTHSWITCH", "NOHEALTHSWITCH", "HOTSTANDBY: switch only when the active target becomes unavailable."),
    ("VIPADISTRIBUTE", "PORT"): _e("PORT (VIPADISTRIBUTE)", "PORT n | n-m ...", "The distributed ports. Without PORT every port a server binds on the DVIPA is distributed."),
    ("VIPADISTRIBUTE", "WEIGHT"): _e("WEIGHT", "DESTIP xcf_addr WEIGHT w", "WEIGHTEDACTIVE only: the target's share of active connections (ignored with other methods, EZZ0799I)."),
    ("VIPADISTRIBUTE", "OPTLOCAL"): _e("OPTLOCAL", "OPTLOCAL [value] | NOOPTLOCAL", "Lets a target stack keep connections from local clients instead of sending them through the distributor.", "NOOPTLOCAL; OPTLOCAL alone means 1."),
    ("VIPADISTRIBUTE", "SYSPLEXPORTS"): _e("SYSPLEXPORTS", "SYSPLEXPORTS", "Sysplex-wide unique ephemeral ports for the DVIPA (needs the EZBEPORT coupling facility structure)."),
    ("VIPADISTRIBUTE", "TIMEDAFFINITY"): _e("TIMEDAFFINITY", "TIMEDAFFINITY seconds", "Keeps a client on the same target for this long after its last connection closes.", "0 (no affinity)."),
    ("*", "DEFINE"): _e("DEFINE", "DEFINE", "Adds the definition (the default action)."),
    ("*", "MOVEABLE"): _e("MOVEABLE", "MOVEABLE IMMEDIATE | WHENIDLE (VIPADEFINE, VIPABACKUP)\nMOVEABLE NONDISRUPTIVE | DISRUPTIVE (VIPARANGE)", "When a DVIPA moves back to its owner or between stacks.", "IMMEDIATE for VIPADEFINE/VIPABACKUP, NONDISRUPTIVE for VIPARANGE."),
    ("*", "IMMEDIATE"): _e("MOVEABLE IMMEDIATE", "MOVEABLE IMMEDIATE", "The owner takes the DVIPA back as soon as it is active again; existing connections keep working through the interim owner."),
    ("*", "WHENIDLE"): _e("MOVEABLE WHENIDLE", "MOVEABLE WHENIDLE", "Legacy: the DVIPA moves only when it has no connections."),
    ("*", "NONDISRUPTIVE"): _e("MOVEABLE NONDISRUPTIVE", "MOVEABLE NONDISRUPTIVE", "VIPARANGE: a DVIPA created by an application moves without breaking connections (the default)."),
    ("*", "DISRUPTIVE"): _e("MOVEABLE DISRUPTIVE", "MOVEABLE DISRUPTIVE", "VIPARANGE: moving the DVIPA breaks existing connections."),
    ("*", "TIER1"): _e("TIER1", "TIER1", "Multitier distribution: the first tier (with TARGCONTROLLED)."),
    ("*", "TIER2"): _e("TIER2", "TIER2 [CPCSCOPE]", "Multitier distribution: the second tier, within one CPC."),
    ("*", "CPCSCOPE"): _e("CPCSCOPE", "CPCSCOPE", "The DVIPA stays on one CPC: no takeover by a stack on another CPC."),
    ("*", "SERVICEMGR"): _e("SERVICEMGR", "SERVICEMGR", "The DVIPA is managed by the Cisco MNLB service manager (needs VIPASMPARMS)."),
    ("PORT", "NOAUTOLOG"): _e("NOAUTOLOG", "NOAUTOLOG", "The stack does not restart the job's AUTOLOG procedure when nothing listens on the port (right for z/OSMF servers started by autostart)."),
    ("PORT", "SHAREPORT"): _e("SHAREPORT", "SHAREPORT", "Several listeners of the job share the port; connections go round robin."),
    ("PORT", "SHAREPORTWLM"): _e("SHAREPORTWLM", "SHAREPORTWLM", "Several listeners share the port; connections go by WLM server-specific weights."),
    ("PORT", "BIND"): _e("BIND", "BIND addr", "A server that binds to INADDR_ANY on this port is bound to this address (often a DVIPA)."),
    ("*", "SAF"): _e("SAF", "SAF resname", "Access is checked against the SERVAUTH profile EZB.PORTACCESS.sysname.tcpname.resname (or EZB.MODDVIPA for VIPARANGE)."),
    ("*", "RESERVED"): _e("RESERVED", "RESERVED", "Nobody may use the port(s)."),
    ("PORT", "UNRSV"): _e("UNRSV", "UNRSV TCP|UDP jobname | * [DENY|SAF res] [WHENLISTEN|WHENBIND]", "Controls who may use the ports that no PORT statement reserves."),
    ("PORT", "DENY"): _e("DENY", "UNRSV ... * DENY", "No application may use unreserved ports; only with job name * (EZZ0146I, the whole PORT statement is ignored otherwise)."),
    ("INTERFACE", "IPAQENET"): _e("IPAQENET", "DEFINE IPAQENET PORTNAME port IPADDR addr/len ...", "An OSA-Express QDIO Ethernet interface."),
    ("INTERFACE", "IPAQIDIO"): _e("IPAQIDIO", "DEFINE IPAQIDIO IPADDR addr/len CHPID xx ...", "A HiperSockets interface."),
    ("INTERFACE", "VIRTUAL"): _e("VIRTUAL", "DEFINE VIRTUAL IPADDR addr", "A static VIPA interface (one IPv4 address, no prefix)."),
    ("INTERFACE", "PORTNAME"): _e("PORTNAME", "PORTNAME port", "The OSA port name; must match the PORTNAME of the VTAM TRLE."),
    ("INTERFACE", "IPADDR"): _e("IPADDR", "IPADDR addr/len", "The interface's home address and subnet prefix."),
    ("LINK", "IPAQENET"): _e("IPAQENET", "LINK name IPAQENET device", "An OSA-Express QDIO Ethernet link on an MPCIPA device."),
    ("DEVICE", "MPCIPA"): _e("MPCIPA", "DEVICE name MPCIPA [PRIROUTER|SECROUTER|NONROUTER]", "An OSA-Express QDIO or HiperSockets device."),
    ("AUTOLOG", "JOBNAME"): _e("JOBNAME", "JOBNAME job", "The job name the procedure runs under (matched against PORT reservations for monitoring)."),
    ("AUTOLOG", "PARMSTRING"): _e("PARMSTRING", "PARMSTRING \"text\"", "Parameters passed to the started procedure."),
    ("*", "MTU"): _e("MTU", "MTU n | DEFAULTSIZE", "Largest packet size on the route or interface."),
    ("TCPCONFIG", "RESTRICTLOWPORTS"): _e("RESTRICTLOWPORTS", "RESTRICTLOWPORTS | UNRESTRICTLOWPORTS", "Ports below 1024 only for authorised applications or PORT reservations.", "UNRESTRICTLOWPORTS."),
    ("TCPCONFIG", "TTLS"): _e("TTLS", "TTLS | NOTTLS", "Application Transparent TLS (policy from the Policy Agent).", "NOTTLS."),
}

# ---------------------------------------------------------------- IZUPRMxx statements

IZUPRM: dict[str, Entry] = {e.title: e for e in (
    _e("ANGEL_PROC", "ANGEL_PROC(name)", "Started procedure of the z/OSMF angel process, started with an autostarted server; may be shared by the servers of a sysplex."),
    _e("AUTOSTART", "AUTOSTART(LOCAL | CONNECT)", "LOCAL: at IPL z/OS starts a z/OSMF server here unless one of the autostart group is already active in the sysplex. CONNECT: use the group's server elsewhere. Every HA server needs LOCAL."),
    _e("AUTOSTART_GROUP", "AUTOSTART_GROUP('name')", "The autostart group: the systems served by one autostarted server. Only one server per group can be active in the sysplex, so two HA servers need different groups."),
    _e("CLOUD_SAF_PREFIX", "CLOUD_SAF_PREFIX('pfx')", "SAF group prefix for Cloud Provisioning (1-3 characters)."),
    _e("CLOUD_SEC_ADMIN", "CLOUD_SEC_ADMIN('userid')", "User ID under which Cloud Provisioning makes security updates itself; without it they are manual."),
    _e("COMMON_TSO", "COMMON_TSO ACCT(a) REGION(kb) PROC(p)", "TSO/E logon attributes for the TSO address spaces z/OSMF starts (and Workflows)."),
    _e("CSRF_SWITCH", "CSRF_SWITCH(ON | OFF)", "Cross-site request forgery check: a cross-site REST request without the X-CSRF-ZOSMF-HEADER header is rejected (IZUG846W)."),
    _e("HOSTNAME", "HOSTNAME('host' | '*')", "Host name of the z/OSMF server, used for its URLs. For high availability: the DNS name of the distributed DVIPA, the same on every server; '*' is the local host name."),
    _e("HTTP_SSL_PORT", "HTTP_SSL_PORT(port)", "HTTPS port of the server (1-65535); the same on every HA server, and a port the VIPADISTRIBUTE distributes."),
    _e("INCIDENT_LOG", "INCIDENT_LOG UNIT('unit')", "Unit for the data sets of Incident Log FTP jobs."),
    _e("JAVA_HOME", "JAVA_HOME('/path')", "The Java the server runs with."),
    _e("KEYRING_NAME", "KEYRING_NAME('ring')", "SAF key ring with the server certificate; the same on every HA server (quote it: it is case-sensitive)."),
    _e("LOGGING", "LOGGING('trace specification')", "Liberty log and trace levels of the server."),
    _e("PLUGINS", "PLUGINS(name, name, ...)", "Optional services (plug-ins) to start: CAPACITY_PROV, COMMSERVER_CFG, INCIDENT_LOG, ISPF, RESOURCE_MON, SOFTWARE_MGMT, SYSPLEX_MGMT, WORKLOAD_MGMT, ..."),
    _e("RESTAPI_FILE", "RESTAPI_FILE ACCT(a) REGION(kb) PROC(p)", "TSO/E logon attributes for the z/OS data set and file REST services."),
    _e("SAF_PREFIX", "SAF_PREFIX('pfx')", "Prefix of the z/OSMF SAF resource names (ZMFAPLA, EJBROLE); the same on every HA server."),
    _e("SEC_GROUPS", "SEC_GROUPS USER(g),ADMIN(g),SECADMIN(g)", "The z/OSMF user, administrator and security administrator groups."),
    _e("SERVER_PROC", "SERVER_PROC(name)", "Started procedure of an autostarted server; each HA server usually has its own."),
    _e("SESSION_EXPIRE", "SESSION_EXPIRE(minutes)", "Idle time after which a z/OSMF UI session ends."),
    _e("TEMP_DIR", "TEMP_DIR('/path')", "Directory for temporary files."),
    _e("UNAUTH_USER", "UNAUTH_USER(userid)", "SAF user ID for unauthenticated requests."),
    _e("USER_DIR", "USER_DIR('/path')", "The z/OSMF data directory (configuration and persistent data). Every active server needs its own; it must match USERDIR= of the IZUSVR1 procedure."),
    _e("WLM_CLASSES", "WLM_CLASSES DEFAULT(tc) LONG_WORK(tc)", "WLM transaction classes for normal and long-running z/OSMF work."),
)}


# ---------------------------------------------------------------- rendering


def finding_markdown(diags: Iterable[Diagnostic]) -> str:
    """The explanation of findings: message, then the rule's documentation."""
    from ..engine import registry

    parts: list[str] = []
    seen: set[str] = set()
    reg = registry()
    for d in diags:
        head = f"**{d.code}** {d.name}: {d.message}"
        if d.help:
            head += f"\n\n*help:* {d.help}"
        parts.append(head)
        if d.code in seen:
            continue
        seen.add(d.code)
        rule = reg.get(d.code)
        if rule is not None and rule.doc:
            parts.append(rule.doc)
        elif d.code in CODES:
            parts.append(CODES[d.code].summary)
    return "\n\n---\n\n".join(parts)


_WORD = {"tcpip": re.compile(r"[^\s;\"]+"), "izuprm": re.compile(r"[A-Za-z0-9_@#$.:/*'-]+")}


def word_at(text: str, offset: int, kind: str) -> tuple[int, int, str] | None:
    """The word around ``offset`` (start, end, text), outside comments; None if there is none."""
    ls, le = line_bounds(text, offset)
    line = text[ls:le]
    col = offset - ls
    if kind == "tcpip":
        # Outside quotes, ';' starts a comment.
        quoted = False
        for i, ch in enumerate(line[:col]):
            if ch == '"':
                quoted = not quoted
            elif ch == ";" and not quoted and (i == 0 or line[i - 1] in " \t"):
                return None
    else:
        depth = 0
        i = 0
        while i < col:
            if line.startswith("/*", i):
                depth += 1
                i += 2
                continue
            if line.startswith("*/", i) and depth:
                depth -= 1
                i += 2
                continue
            i += 1
        if depth:
            return None
    for m in _WORD[kind].finditer(line):
        if m.start() <= col <= m.end() and m.end() > m.start():
            return ls + m.start(), ls + m.end(), m.group()
    return None


def _keyword_names(word: str) -> list[str]:
    table = keyword_table()
    names = [t[2:] for t in table.terminals(word)]
    return names or [word.upper()]


def _statement_at(profile: TcpipProfile, source: Any, offset: int) -> Any:
    refs = [s for s in profile.statements if s.span.source is source]
    starts = [s.span.start for s in refs]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and refs[i].span.start <= offset <= refs[i].span.end:
        return refs[i]
    return None


def _effective(profile: TcpipProfile, source: Any, stmt: Any) -> str:
    """The defaults in effect for the statement under the cursor, from the model."""
    for v in profile.vipa:
        if v.span.source is not source or v.span.start != stmt.span.start:
            continue
        if isinstance(v, VipaDistribute):
            bits = [f"DISTMETHOD {v.dist_method_effective.value}" + (" (default)" if v.dist_method is None else "")]
            if v.dist_method_effective.value == "HOTSTANDBY":
                bits.append(("AUTOSWITCHBACK" if v.auto_switch_back_effective else "NOAUTOSWITCHBACK")
                            + (" (default)" if v.auto_switch_back is None else ""))
                bits.append(("HEALTHSWITCH" if v.health_switch_effective else "NOHEALTHSWITCH")
                            + (" (default)" if v.health_switch is None else ""))
            bits.append("PORT " + " ".join(str(p) for p in v.ports) if v.ports else "every port (no PORT list)")
            if v.lost:
                bits.append("**ignored by z/OS** (after an error in this VIPADYNAMIC block)")
            return "In effect: " + ", ".join(bits) + "."
        if isinstance(v, VipaBackup):
            bits = [f"rank {v.rank_effective}" + (" (default)" if v.rank is None else ""),
                    f"MOVEABLE {v.moveable_effective.value}" + (" (default)" if v.moveable is None else "")]
            return "In effect: " + ", ".join(bits) + "."
        if isinstance(v, VipaDefine):
            return (f"In effect: MOVEABLE {v.moveable_effective.value}"
                    + (" (default)" if v.moveable is None else "") + ".")
    if stmt.keyword in ("IPCONFIG", "IPCONFIG6"):
        x = profile.dynamic_xcf if stmt.keyword == "IPCONFIG" else profile.dynamic_xcf6
        if x is not None and x.address is not None:
            return f"Dynamic XCF address in effect: {x.address}."
        return "No DYNAMICXCF in effect: this stack cannot be a sysplex distributor target."
    return ""


def _address_info(word: str, profiles: Iterable[tuple[str | None, TcpipProfile]]) -> str:
    try:
        addr = ipaddress.ip_address(word.split("/")[0])
    except ValueError:
        return ""
    lines: list[str] = []
    for system, profile in profiles:
        who = system or "this profile"
        x = profile.dynamic_xcf if addr.version == 4 else profile.dynamic_xcf6
        if x is not None and x.address == addr:
            lines.append(f"- dynamic XCF address of **{who}**")
        idx = profile.index
        if addr in idx.defined:
            lines.append(f"- DVIPA defined (VIPADEFINE) by **{who}**")
        for b in idx.backed_up.get(addr, ()):
            lines.append(f"- DVIPA backed up (VIPABACKUP rank {b.rank_effective}) by **{who}**")
        if addr in idx.distributed:
            lines.append(f"- distributed (VIPADISTRIBUTE) by **{who}**")
        for kind, _span in idx.static.get(addr, ()):
            if kind != "DYNAMICXCF":
                lines.append(f"- {kind} address of **{who}**")
    return f"**{addr}**\n\n" + "\n".join(dict.fromkeys(lines)) if lines else ""


def tcpip_hover(profile: TcpipProfile, source: Any, text: str, offset: int,
                profiles: Iterable[tuple[str | None, TcpipProfile]]) -> str | None:
    """Hover text for a position in a TCP/IP profile, or None."""
    w = word_at(text, offset, "tcpip")
    if w is None:
        return None
    start, _end, word = w
    stmt = _statement_at(profile, source, start)
    addr = _address_info(word, profiles)
    if addr:
        return addr
    if stmt is None:
        for name in _keyword_names(word):
            if name in STATEMENTS:
                return STATEMENTS[name].markdown()
        return None
    if start == stmt.span.start:
        entry = STATEMENTS.get(stmt.keyword)
        if entry is None:
            return None
        extra = _effective(profile, source, stmt)
        return entry.markdown() + (f"\n\n{extra}" if extra else "")
    for name in _keyword_names(word):
        entry = KEYWORDS.get((stmt.keyword, name)) or KEYWORDS.get(("*", name))
        if entry is not None:
            return entry.markdown()
        if name in STATEMENTS and stmt.block and name != stmt.keyword:
            continue
    return None


def _setting_text(model: IzuPrm, name: str) -> str:
    spec = SETTINGS.get(name)
    if spec is None:
        return ""
    try:
        setting = model.setting(name)
    except Exception:
        setting = None
    bits = []
    shown = "(none)" if spec.default in (None, ()) else repr(spec.default) if isinstance(spec.default, str) else str(spec.default)
    bits.append(f"*Default:* {shown}" + ("" if spec.default_verified else " (unverified)")
                + (f" — {spec.default_note}" if spec.default_note else ""))
    if setting is not None:
        val = setting.value
        shown_val = "(none)" if val in (None, ()) else (", ".join(val) if isinstance(val, tuple) else str(val))
        bits.append(f"*In effect:* {shown_val}" + (" (default)" if setting.is_default else ""))
    return "\n\n".join(bits)


def izuprm_hover(model: IzuPrm, source: Any, text: str, offset: int) -> str | None:
    """Hover text for a position in an IZUPRMxx member, or None."""
    w = word_at(text, offset, "izuprm")
    if w is None:
        return None
    start, _end, _word = w
    for st in model.statements:
        if st.span.source is not source:
            continue
        if st.keyword_span.start <= start < st.keyword_span.end or st.keyword_span.start <= offset < st.keyword_span.end:
            entry = IZUPRM.get(st.keyword)
            if entry is None:
                return None
            extra = _setting_text(model, st.keyword)
            return entry.markdown("izuprm") + (f"\n\n{extra}" if extra else "")
        for op in st.operands:
            if op.keyword_span.start <= offset <= op.keyword_span.end:
                name = f"{st.keyword} {op.keyword}"
                entry = IZUPRM.get(st.keyword)
                head = f"**{name}**"
                extra = _setting_text(model, name)
                return head + (f"\n\n{entry.text}" if entry else "") + (f"\n\n{extra}" if extra else "")
    return None


def hover_markdown(kind: str, model: Any, source: Any, text: str, offset: int,
                   diags: Iterable[Diagnostic], profiles: Iterable[tuple[str | None, TcpipProfile]]) -> str | None:
    """The whole hover: findings under the cursor first, then the statement or keyword."""
    here = [d for d in diags if d.span.start <= offset <= max(d.span.end, d.span.start + 1)]
    parts: list[str] = []
    if here:
        parts.append(finding_markdown(here))
    try:
        if kind == "tcpip" and isinstance(model, TcpipProfile):
            info = tcpip_hover(model, source, text, offset, profiles)
        elif kind == "izuprm" and isinstance(model, IzuPrm):
            info = izuprm_hover(model, source, text, offset)
        else:
            info = None
    except Exception:
        info = None
    if info:
        parts.append(info)
    return "\n\n---\n\n".join(parts) if parts else None
