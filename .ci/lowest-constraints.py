"""Print a pip constraints file that pins every dependency to the lowest version pyproject.toml allows.

.ci/run installs the project a second time with it, so that a lower bound in
pyproject.toml ("pyyaml>=6.0") is a promise the tests have kept, not a guess.
Only direct dependencies (runtime and the `test` extra) are pinned; what they
pull in resolves as it would for a user.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

project = tomllib.loads(Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml").read_text(encoding="utf-8"))["project"]
requirements = project["dependencies"] + project["optional-dependencies"]["test"]
for requirement in requirements:
    match = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$", requirement)
    name, spec = match.group(1), match.group(2)
    lower = re.search(r">=\s*([0-9][^,;\s]*)", spec)
    if lower is None:
        sys.exit(f"lowest-constraints: {requirement!r} has no lower bound; give it one in pyproject.toml")
    print(f"{name}=={lower.group(1)}")
