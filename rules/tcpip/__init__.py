"""TCP101-TCP112: checks of one TCP/IP stack profile (INCLUDEs resolved).

Each module documents and checks one code. The rules read only the typed
model (:mod:`zparse.model.tcpip`) and judge what z/OS actually processes:
statements in :attr:`TcpipProfile.unparsed` and VIPADYNAMIC statements
marked ``lost`` (after an error in their block) are never findings of
their own, and a rule whose verdict would depend on them stays quiet.
"""
