"""The study programme of the tverrfaglig videreutdanning (format rusplan/v1).

Its pieces: the file format's JSON Schema (programme-v1.schema.json), its part
of the rules meta-schema (rules.schema.json), the model builder (model.py),
its own check functions (checks.py), the coverage matrix (matrix.py), the
starter file (starter.py), its `convert` command (commands.py), and the hooks the
pipeline calls (hooks.py).  This module stays light: every run reads it.
"""

from .. import Kind, here

KIND = Kind(
    name="programme",
    format="rusplan/v1",
    schema=here(__file__, "programme-v1.schema.json"),
    rules_schema=here(__file__, "rules.schema.json"),
    hooks="rusplan.kinds.programme.hooks",
    commands="rusplan.kinds.programme.commands",
)
