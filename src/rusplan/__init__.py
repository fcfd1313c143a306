"""rusplan: check study programmes against the regulation on interdisciplinary
further education in mental-health and substance-use work."""

__version__ = "0.1.0"
