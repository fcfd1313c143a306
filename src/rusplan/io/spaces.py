"""Spaces that look like a space but are not one to YAML (pasted from Word, PDF or web pages).

NBSP is by far the most common.  The loader refuses them where they change
what a value means; yamlerrors names them in a syntax error.
"""

import re

ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
ODD_SPACE = re.compile(f"[{ODD_SPACES}]")
