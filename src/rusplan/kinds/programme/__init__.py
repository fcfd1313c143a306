"""The study programme (format rusplan/v1): its model, coverage matrix and starter file."""
