"""IZU201-IZU205: findings about z/OSMF IZUPRMxx parmlib members.

IZU201-IZU204 are emitted by the IZUPRMxx model builder
(:func:`zparse.model.izuprm.parse_izuprm`) while it reads one member;
IZU205 by :func:`zparse.model.izuprm.merge_members` when a system
concatenates several members (``IZUPRM=(00,01)``). These modules hold their
documentation (``zlint explain IZU201``) and register it with
:func:`zparse.engine.documented`.
"""
