"""Folder mode against a hostile file system (issue 4): unreadable files and folders, broken and
looping symbolic links, links out of the folder, a FIFO, directory links and foreign YAML, all
next to a valid programme that must still be checked.

The rule for the exit code: 2 if any file could not be checked, else 1 if any failed, else 0.
Every entry rusplan cannot open is reported with its reason; YAML that is not a rusplan programme
is skipped silently, as documented.  Subprocess runs carry a timeout: opening the FIFO would block
forever, so a regression fails the test instead of hanging it.
"""

from __future__ import annotations

import builtins
import os
import shutil
import stat

import pytest

from rusplan import batch
from rusplan.core.pipeline import Options

from conftest import AS_OF

SECRET = "Hemmelig høgskole utenfor mappen"
POSIX = pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs as POSIX has them")


@pytest.fixture
def hostile(tmp_path, examples_dir):
    """tmp/programmes/ with one good programme and every kind of trouble; tmp/outside/ beside it."""
    root = tmp_path / "programmes"
    outside = tmp_path / "outside"
    (root / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.yaml").write_text(
        (examples_dir / "compliant.yaml").read_text(encoding="utf-8").replace("Høgskolen i Fjordane", SECRET), encoding="utf-8"
    )
    shutil.copy(examples_dir / "compliant.yaml", root / "good.yaml")
    (root / "other-tool.yaml").write_text("name: config of another tool\nenabled: true\n", encoding="utf-8")
    if os.name == "posix":
        os.symlink("missing.yaml", root / "broken.yaml")
        os.symlink("loop-b.yaml", root / "loop-a.yaml")
        os.symlink("loop-a.yaml", root / "loop-b.yaml")
        os.symlink("../outside/secret.yaml", root / "outside.yaml")
        os.symlink("../outside", root / "outside-dir")  # a directory link out of the folder
        os.symlink("..", root / "sub" / "up")  # a directory link back to its parent
        os.symlink("good.yaml", root / "alias.yaml")  # a file link that stays inside: checked
        os.mkfifo(root / "pipe.yaml")
    return root


def reported(result) -> dict:
    return {f["path"]: f for f in result.json()["files"]}


def reasons(entry: dict) -> list[str]:
    return [e["message"] for e in entry["errors"]]


@POSIX
def test_folder_with_every_kind_of_trouble(hostile, run_cli, tmp_path):
    result = run_cli("check", hostile, "--format", "json", "--lang", "en", "--as-of", AS_OF.isoformat(), timeout=60)
    assert "Traceback" not in result.output, str(result)
    assert result.returncode == 2, str(result)
    files = reported(result)
    p = lambda name: str(hostile / name)  # noqa: E731
    assert sorted(files) == sorted(p(n) for n in ["alias.yaml", "broken.yaml", "good.yaml", "loop-a.yaml", "loop-b.yaml", "outside.yaml", "pipe.yaml"])
    # The valid programme is checked in full, and so is the link to it that stays in the folder.
    for name in ("good.yaml", "alias.yaml"):
        assert files[p(name)]["verdict"] == "pass" and len(files[p(name)]["results"]) > 10
    assert reasons(files[p("broken.yaml")]) == ["broken or looping symbolic link; skipped"]
    assert reasons(files[p("loop-a.yaml")]) == reasons(files[p("loop-b.yaml")]) == ["broken or looping symbolic link; skipped"]
    assert reasons(files[p("outside.yaml")]) == ["symbolic link points outside the folder; not followed"]
    assert reasons(files[p("pipe.yaml")]) == ["not a regular file (FIFO, device or socket); skipped"]
    for name in ("broken.yaml", "loop-a.yaml", "outside.yaml", "pipe.yaml"):
        assert files[p(name)]["verdict"] == "invalid" and files[p(name)]["results"] == []
    # Nothing outside the folder is read: not through the file link, not through the directory link.
    assert SECRET not in result.output
    assert "outside-dir" not in result.output and "/up/" not in result.output
    # Foreign YAML found in a walk is not a programme: skipped without a word.
    assert "other-tool.yaml" not in result.output


@POSIX
def test_the_reasons_are_in_the_report_language(hostile, run_cli):
    result = run_cli("check", hostile, "--as-of", AS_OF.isoformat(), "--quiet", timeout=60)
    assert result.returncode == 2, str(result)
    lines = result.stdout.splitlines()
    for name, reason in [
        ("broken.yaml", "symbolsk lenke som er brutt eller går i ring; hoppet over"),
        ("outside.yaml", "symbolsk lenke som peker ut av mappen; ikke fulgt"),
        ("pipe.yaml", "ikke en vanlig fil (FIFO, enhet eller socket); hoppet over"),
    ]:
        assert f"{hostile / name}: kunne ikke kontrolleres: {reason}" in lines, str(result)
    assert f"{hostile / 'good.yaml'}: oppfyller forskriften" in "\n".join(lines)


@POSIX
def test_a_fifo_named_on_the_command_line_is_not_opened(hostile, run_cli):
    result = run_cli("check", hostile / "pipe.yaml", "--lang", "en", timeout=60)
    assert result.returncode == 2, str(result)
    assert f"{hostile / 'pipe.yaml'}: could not be checked: not a regular file" in result.stdout


@POSIX
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="running as root, which reads a chmod 000 file anyway; "
                    "test_permission_denied_in_process covers the same code path")
def test_permission_denied_file_and_folder(hostile, run_cli):
    denied, locked = hostile / "denied.yaml", hostile / "locked"
    shutil.copy(hostile / "good.yaml", denied)
    locked.mkdir()
    shutil.copy(hostile / "good.yaml", locked / "hidden.yaml")
    denied.chmod(0)
    locked.chmod(0)
    try:
        result = run_cli("check", hostile, "--format", "json", "--lang", "en", "--as-of", AS_OF.isoformat(), timeout=60)
    finally:
        denied.chmod(stat.S_IRUSR | stat.S_IWUSR)
        locked.chmod(stat.S_IRWXU)
    assert result.returncode == 2, str(result)
    files = reported(result)
    assert reasons(files[str(denied)]) == ["cannot read file: Permission denied"]
    assert reasons(files[str(locked)]) == ["cannot read folder: Permission denied"]
    assert files[str(hostile / "good.yaml")]["verdict"] == "pass"


def run_in_process(root, rusplan_env, monkeypatch, lang="en"):
    monkeypatch.setenv("RUSPLAN_CACHE_DIR", rusplan_env["RUSPLAN_CACHE_DIR"])
    targets = batch.discover([str(root)], [], [])
    reports = list(batch.run(targets, None, Options(lang=lang, as_of=AS_OF), jobs=1))
    return {r.path: r for r in reports}


def test_permission_denied_in_process(tmp_path, examples_dir, rusplan_env, monkeypatch):
    """The permission error, raised where the file is opened, whoever runs the tests."""
    shutil.copy(examples_dir / "compliant.yaml", tmp_path / "good.yaml")
    shutil.copy(examples_dir / "compliant.yaml", tmp_path / "denied.yaml")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if str(file).endswith("denied.yaml"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    reports = run_in_process(tmp_path, rusplan_env, monkeypatch)
    denied = reports[str(tmp_path / "denied.yaml")]
    assert denied.verdict == "invalid"
    assert [(e.code, e.message) for e in denied.errors] == [("unreadable", "cannot read file: Permission denied")]
    assert reports[str(tmp_path / "good.yaml")].verdict == "pass"


def test_unreadable_folder_in_process(tmp_path, examples_dir, rusplan_env, monkeypatch):
    """A folder the walk cannot list is reported, not silently left out of a passing run."""
    shutil.copy(examples_dir / "compliant.yaml", tmp_path / "good.yaml")
    (tmp_path / "locked").mkdir()
    shutil.copy(examples_dir / "compliant.yaml", tmp_path / "locked" / "hidden.yaml")
    real_scandir = os.scandir

    def guarded_scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    reports = run_in_process(tmp_path, rusplan_env, monkeypatch, lang="nb")
    assert sorted(reports) == [str(tmp_path / "good.yaml"), str(tmp_path / "locked")]
    locked = reports[str(tmp_path / "locked")]
    assert [e.message for e in locked.errors] == ["kan ikke lese mappen: Permission denied"]
    assert reports[str(tmp_path / "good.yaml")].verdict == "pass"
