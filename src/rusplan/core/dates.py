"""Calendar months as plans write them: ``2025-09`` or ``2025-09-15``.

A month is turned into a month number (year × months a year + month) so that
spans and gaps are subtraction; days are ignored (plans are written by month).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

MONTHS_A_YEAR = 12


def month_number(value: Any) -> int | None:
    """``"2025-09"`` or ``"2025-09-15"`` -> its month number; None for anything else."""
    if not isinstance(value, str):
        return None
    year, _, rest = value.strip().partition("-")
    month, _, day = rest.partition("-")
    fields = [year, month] + ([day] if day else [])
    if not all(f.isascii() and f.isdigit() for f in fields) or f"{int(year):04d}" != year:
        return None
    try:
        dt.date(int(year), int(month), int(day) if day else 1)
    except ValueError:
        return None
    return int(year) * MONTHS_A_YEAR + int(month) - 1


def month_text(number: int) -> str:
    """A month number back as ``YYYY-MM``."""
    year, month = divmod(number, MONTHS_A_YEAR)
    return f"{year:04d}-{month + 1:02d}"
