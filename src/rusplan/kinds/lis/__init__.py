"""The individual education plan of a doctor specialising in addiction medicine (format rusplan-lis/v1).

Its pieces: the file format's JSON Schema (lis-v1.schema.json), the model
builder (model.py): counted months, objective ids, months, overlaps.
"""
