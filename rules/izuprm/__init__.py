"""IZU201-IZU205: findings about z/OSMF IZUPRMxx parmlib members.

IZU201-IZU204 are emitted by the IZUPRMxx model builder
(:func:`zparse.model.izuprm.parse_izuprm`) while it reads one member;
IZU205 is a rule (it needs to know which systems read each member) over
:func:`zparse.model.izuprm.member_overrides` when a system concatenates several
members (``IZUPRM=(00,01)``). These modules hold their documentation
(``zlint explain IZU201``); IZU201-IZU204 register it with
:func:`zparse.engine.documented`, IZU205 with its check.
"""
