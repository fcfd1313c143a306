"""Write the hostile and broken workbooks of tests/corpus/workbook/ (issue 15).

    python tests/make_workbook_corpus.py

Each starts from examples/compliant.yaml converted to a workbook, with one
defect; tests/corpus/expected.yaml says what `rusplan check` answers.  The
files are committed (the corpus is the record); this script is how they were
made, so a changed layout can remake them.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "corpus" / "workbook"


def compliant_book():
    from rusplan.core.ruleset import load_rulesets
    from rusplan.io import loader
    from rusplan.io.workbook_writer import build

    data = loader.load(str(ROOT / "examples" / "compliant.yaml")).data
    return build(data, load_rulesets(None, "nb")[0], "nb")


def save(book, name: str) -> Path:
    from rusplan.io.workbook_writer import to_bytes

    path = OUT / name
    path.write_bytes(to_bytes(book))
    return path


def rezip(source: Path, name: str, change) -> None:
    """Copy the zip at `source` part by part through `change(name, bytes) -> [(name, bytes, compress)]`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            for part, data in change(info.filename, old.read(info)):
                new.writestr(part, data)
    (OUT / name).write_bytes(buffer.getvalue())


def lying(source: Path, part: str, name: str) -> None:
    """A copy whose zip directory says `part` unpacks to 100 bytes (it unpacks to far more)."""
    import struct

    raw = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(part)
    struct.pack_into("<I", raw, info.header_offset + 22, 100)  # the local header's uncompressed size
    entry = raw.find(b"PK\x01\x02")
    while entry != -1:
        length = struct.unpack_from("<H", raw, entry + 28)[0]
        if raw[entry + 46 : entry + 46 + length] == part.encode():
            struct.pack_into("<I", raw, entry + 24, 100)  # the central directory's
            break
        entry = raw.find(b"PK\x01\x02", entry + 4)
    (OUT / name).write_bytes(raw)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    book = compliant_book()
    book["Emner"]["C3"] = "=5+5"  # credits of PHR1002 as a formula
    save(book, "formula-credits.xlsx")

    book = compliant_book()
    book["Emner"]["A4000"] = "PHR9999"  # a stray value far below the table
    save(book, "huge-sheet.xlsx")

    book = compliant_book()
    book["Læringsutbytte"]["J1"] = "PHR5001"  # a course column for a course not on Emner
    save(book, "matrix-unknown-course.xlsx")

    book = compliant_book()
    del book["Emner"]
    save(book, "missing-courses-sheet.xlsx")

    book = compliant_book()
    book["Praksis"]["D2"] = "fem"  # weeks as a word
    save(book, "weeks-as-word.xlsx")

    book = compliant_book()
    book["Praksis"]["C3"] = "observasjonsbesøk"  # an observation visit: not practice (§ 21)
    save(book, "practice-kind-observation.xlsx")

    book = compliant_book()
    book["Program"]["A12"] = "Dekan"  # a row rusplan does not know
    book["Program"]["B12"] = "Kari Nordmann"
    save(book, "unknown-programme-row.xlsx")

    good = save(compliant_book(), "_good.xlsx")
    # A zip bomb: 40 MB of zeros (compresses about 1000:1) beside the sheets.
    rezip(good, "zip-bomb.xlsx", lambda n, d: [(n, d)] + ([("xl/media/image1.bin", b"\0" * (40 << 20))] if n == "[Content_Types].xml" else []))
    # Entity expansion: a DTD in the shared strings.
    laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'

    def dtd(n, d):
        if n == "xl/worksheets/sheet2.xml":
            return [(n, laughs + (d.split(b"?>", 1)[1] if d.startswith(b"<?xml") else d))]
        return [(n, d)]

    rezip(good, "xml-dtd.xlsx", dtd)
    lying(good, "xl/worksheets/sheet4.xml", "lying-sizes.xlsx")
    good.unlink()
    (OUT / "not-a-zip.xlsx").write_text("Emnekode;Emnenavn;Studiepoeng\nPHR1001;Perspektiver;10\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
