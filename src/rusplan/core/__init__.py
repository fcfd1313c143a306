"""The generic engine: rules files, selectors, check functions, evaluation, results and waivers.

Nothing here knows a particular document kind (see rusplan.kinds).
"""
