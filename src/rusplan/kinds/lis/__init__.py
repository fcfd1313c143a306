"""The individual education plan of a doctor specialising in addiction medicine (format rusplan-lis/v1).

Its pieces: the file format's JSON Schema (lis-v1.schema.json), its part of
the rules meta-schema (rules.schema.json), the model builder (model.py:
counted months, objective ids, months, overlaps), the planning matrix
(matrix.py), the starter plan (starter.py) and the hooks the pipeline calls
(hooks.py).  This module stays light: every run reads it.
"""

from .. import Kind, here

KIND = Kind(
    name="lis-plan",
    format="rusplan-lis/v1",
    schema=here(__file__, "lis-v1.schema.json"),
    rules_schema=here(__file__, "rules.schema.json"),
    hooks="rusplan.kinds.lis.hooks",
)
