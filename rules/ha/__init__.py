"""HA301-HA390: high-availability checks across the systems of a sysplex.

Each module documents and checks one code (``check(sysplex, index)``, sysplex
scope). The rules read the typed models and the cross-system index
(:class:`zparse.sysplex.SysplexIndex`) and judge what z/OS processes:
statements lost after a syntax error, and addresses that an unparsed
statement names, make a rule stay quiet (the syntax finding is the one to
fix), and so does a system whose profile could not be read.
"""
