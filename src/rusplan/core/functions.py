"""Every generic check function a rules file may name: those of checks.py and of listchecks.py.

The engine and the rules-file loader read this table; a document kind adds its
own functions through its hooks (rusplan.kinds).
"""

from __future__ import annotations

from .checks import FUNCTIONS as _BASIC
from .listchecks import FUNCTIONS as _LISTS

FUNCTIONS = {**_BASIC, **_LISTS}
