"""The rules cache (cache.py): a hit is the same ruleset, and no attack on the cache folder changes a verdict.

Each attack plants something in the cache folder, then checks a programme:
the verdict must be the one a run without cache gives, the programme and
rules files must be byte-identical afterwards, and nothing may hang.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from rusplan.core import cache
from rusplan.core.ruleset import bundled_rules_dir, load_ruleset

RULES = Path(bundled_rules_dir()) / "tverrfaglig-psykisk-helse-rus.yaml"
TEXT = RULES.read_text(encoding="utf-8")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RUSPLAN_CACHE_DIR", str(folder))
    monkeypatch.delenv("RUSPLAN_NO_CACHE", raising=False)
    return folder


def verdict(check_programme, name: str, ruleset) -> list[tuple]:
    report = check_programme(name, rulesets=(ruleset,))
    return [report.verdict] + [(r.rule, r.status, r.message, r.line) for r in report.results]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def untouched(examples_dir):
    """Asserts, after the test, that the rules file and the examples are byte-identical."""
    watched = [RULES, *sorted(examples_dir.glob("*.yaml"))]
    before = {p: digest(p) for p in watched}
    yield
    assert {p: digest(p) for p in watched} == before


@pytest.fixture(scope="module")
def reference(bundled_rulesets, check_programme):
    """The verdicts with no cache at all."""
    os.environ["RUSPLAN_NO_CACHE"] = "1"
    try:
        ruleset = load_ruleset(str(RULES))
    finally:
        del os.environ["RUSPLAN_NO_CACHE"]
    return {name: verdict(check_programme, name, ruleset) for name in ("compliant.yaml", "fail-practice-weeks.yaml")}


def entry(cache_dir: Path) -> Path:
    return cache_dir / cache.key(TEXT)


def write_entry(cache_dir: Path, payload: bytes, *, crc: bytes | None = None) -> Path:
    target = entry(cache_dir)
    cache_dir.mkdir(mode=0o700, exist_ok=True)
    target.write_bytes(cache._MAGIC + (crc if crc is not None else zlib.crc32(payload).to_bytes(4, "big")) + payload)
    return target


def test_a_rules_file_is_stored_after_a_miss_and_a_hit_gives_the_same_verdicts(cache_dir, check_programme, reference, untouched):
    first = load_ruleset(str(RULES))
    assert entry(cache_dir).is_file()
    assert stat.S_IMODE(entry(cache_dir).stat().st_mode) == 0o600
    assert cache.get(str(RULES), TEXT) is not None
    second = load_ruleset(str(RULES))
    for name, expected in reference.items():
        assert verdict(check_programme, name, first) == expected
        assert verdict(check_programme, name, second) == expected


def test_the_key_changes_with_the_text_the_reader_and_the_version(monkeypatch):
    original = cache.key(TEXT)
    assert cache.key(TEXT.replace("value: 60", "value: 61")) != original
    monkeypatch.setattr(cache, "_reader_source", lambda: b"another reader")
    assert cache.key(TEXT) != original
    monkeypatch.undo()
    monkeypatch.setattr(cache, "__version__", "9.9.9")
    assert cache.key(TEXT) != original


def test_a_planted_symlink_at_the_temporary_name_is_not_followed(cache_dir, tmp_path, monkeypatch, check_programme, reference, examples_dir):
    """The old cache wrote `<entry>.<pid>.tmp` with open(): a symlink there made it overwrite the file it pointed to."""
    victim = tmp_path / "programme.yaml"
    victim.write_bytes((examples_dir / "compliant.yaml").read_bytes())
    original = victim.read_bytes()
    cache_dir.mkdir(mode=0o700)
    monkeypatch.setattr(cache.os, "urandom", lambda n: b"\x01" * n)
    (cache_dir / f".{'01' * 8}.tmp").symlink_to(victim)
    (cache_dir / f"{cache.key(TEXT)}.{os.getpid()}.tmp").symlink_to(victim)  # the old name too
    ruleset = load_ruleset(str(RULES))
    assert victim.read_bytes() == original
    assert not entry(cache_dir).exists()  # nothing was written through the link
    assert verdict(check_programme, "compliant.yaml", ruleset) == reference["compliant.yaml"]


def test_a_symlink_at_the_entry_is_neither_read_nor_written_through(cache_dir, tmp_path, check_programme, reference, examples_dir):
    victim = tmp_path / "programme.yaml"
    victim.write_bytes((examples_dir / "compliant.yaml").read_bytes())
    original = victim.read_bytes()
    cache_dir.mkdir(mode=0o700)
    entry(cache_dir).symlink_to(victim)
    ruleset = load_ruleset(str(RULES))
    assert victim.read_bytes() == original
    assert verdict(check_programme, "compliant.yaml", ruleset) == reference["compliant.yaml"]
    assert not entry(cache_dir).is_symlink()  # replaced by a real entry, the link itself and not its target


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_at_the_entry_does_not_block(cache_dir, rusplan_env, repo_root, untouched):
    cache_dir.mkdir(mode=0o700)
    os.mkfifo(entry(cache_dir))
    env = {**rusplan_env, "RUSPLAN_CACHE_DIR": str(cache_dir)}
    env.pop("RUSPLAN_NO_CACHE", None)
    # A blocked open() would never return; the timeout turns a hang into a failure.
    proc = subprocess.run(
        [sys.executable, "-m", "rusplan", "check", "examples/fail-practice-weeks.yaml", "--as-of", "2026-01-15"],
        cwd=repo_root, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert "practice-weeks" in proc.stdout
    assert stat.S_ISFIFO(os.lstat(entry(cache_dir)).st_mode) or entry(cache_dir).is_file()


def test_a_flipped_bit_is_a_miss(cache_dir, check_programme, reference, untouched):
    """A bit flipped in stored outcome 16c would make it 56c, and every plan citing 16c wrong."""
    load_ruleset(str(RULES))
    raw = bytearray(entry(cache_dir).read_bytes())
    at = raw.rindex(b"16c")  # the last one is in the stored data, after the stored text
    raw[at] ^= 0x04  # "1" -> "5"
    entry(cache_dir).write_bytes(bytes(raw))
    assert cache.get(str(RULES), TEXT) is None
    ruleset = load_ruleset(str(RULES))
    assert "16c" in ruleset.outcomes and "56c" not in ruleset.outcomes
    assert verdict(check_programme, "compliant.yaml", ruleset) == reference["compliant.yaml"]


def poisoned_scope_payload() -> bytes:
    """A well-formed entry for the bundled text whose scope puts every current programme out of scope."""
    from rusplan.io import loader

    doc = loader.parse(TEXT, str(RULES))
    doc.data["scope"]["in"] = ["rammeplan-2005"]
    return marshal.dumps((TEXT, doc.data, doc.marks))


def test_a_poisoned_scope_without_its_checksum_is_a_miss(cache_dir, check_programme, reference, untouched):
    """The old cache trusted stored data: a poisoned scope turned a failing programme compliant."""
    payload = poisoned_scope_payload()
    write_entry(cache_dir, payload, crc=b"\0\0\0\0")
    ruleset = load_ruleset(str(RULES))
    assert ruleset.scope["in"] == ["retningslinje-2022"]
    assert verdict(check_programme, "fail-practice-weeks.yaml", ruleset) == reference["fail-practice-weeks.yaml"]


def test_an_entry_in_a_folder_others_can_write_is_not_used(cache_dir, check_programme, reference, untouched):
    """Another account that can write the folder could plant a well-formed entry: such a folder is not a cache."""
    write_entry(cache_dir, poisoned_scope_payload())
    os.chmod(cache_dir, 0o777)
    try:
        assert cache.get(str(RULES), TEXT) is None
        ruleset = load_ruleset(str(RULES))
    finally:
        os.chmod(cache_dir, 0o700)
    assert verdict(check_programme, "fail-practice-weeks.yaml", ruleset) == reference["fail-practice-weeks.yaml"]


@pytest.mark.parametrize(
    "payload",
    [
        marshal.dumps(["not", "a", "tuple"]),
        marshal.dumps((TEXT, "data", {})),
        marshal.dumps((TEXT, {"rules_format": "rusplan-rules/v1"}, {})),  # the right shape, not a rules file
        marshal.dumps(("another text", {}, {})),
        b"\x00garbage that marshal cannot read",
    ],
    ids=["list", "data-a-string", "data-not-a-rules-file", "other-text", "garbage"],
)
def test_a_wrong_shaped_entry_is_a_miss(payload, cache_dir, check_programme, reference, untouched):
    write_entry(cache_dir, payload)
    ruleset = load_ruleset(str(RULES))
    assert verdict(check_programme, "fail-practice-weeks.yaml", ruleset) == reference["fail-practice-weeks.yaml"]
    assert verdict(check_programme, "compliant.yaml", ruleset) == reference["compliant.yaml"]


def test_an_oversized_entry_is_not_read(cache_dir, monkeypatch, check_programme, reference):
    load_ruleset(str(RULES))
    monkeypatch.setattr(cache, "MAX_ENTRY", 100)
    assert cache.get(str(RULES), TEXT) is None


def test_no_cache_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("RUSPLAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("RUSPLAN_NO_CACHE", "1")
    load_ruleset(str(RULES))
    assert not (tmp_path / "cache").exists()
