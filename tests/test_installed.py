"""A plain, non-editable install finds the bundled rules from site-packages.

A fresh virtual environment gets rusplan from a clean copy of the source tree
(no editable finder, no repository on the path) and checks the compliant
example from another folder.  The dependencies (typer, pyyaml, jsonschema,
rich) are reused from the environment running the tests, so no download is
needed for them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest


def _run(cmd, cwd, env, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=str(cwd), env=env, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory, repo_root):
    base = tmp_path_factory.mktemp("installed")
    venv = base / "venv"
    made = _run([sys.executable, "-m", "venv", "--system-site-packages", venv], base, os.environ)
    if made.returncode != 0:
        pytest.skip(f"cannot create a virtual environment here: {made.stderr.strip().splitlines()[-1:]}")
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")

    # When the tests run inside a virtualenv, --system-site-packages exposes the
    # base interpreter, not this environment: add this environment's
    # site-packages as plain paths (its .pth files, e.g. an editable rusplan,
    # are not processed, so `import rusplan` can only find the new install).
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base, os.environ).stdout.strip()
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "_running_environment.pth").write_text("\n".join(sorted(here)) + "\n", encoding="utf-8")

    # Build from a clean copy so nothing (build/, *.egg-info) is written into the repository.
    source = base / "source"
    shutil.copytree(
        repo_root,
        source,
        ignore=shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".venv", "venv", "node_modules"),
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    pip = [python, "-m", "pip", "install", "--no-deps", "--no-input", "--quiet"]
    attempts = []
    for extra in (["--no-build-isolation"], []):  # without isolation needs a recent setuptools (and wheel)
        done = _run([*pip, *extra, source], base, env)
        attempts.append(done.stdout + done.stderr)
        if done.returncode == 0:
            break
    else:
        pytest.fail("pip install of the source tree failed:\n" + "\n---\n".join(a[-2000:] for a in attempts))

    work = base / "elsewhere"
    work.mkdir()
    env["RUSPLAN_CACHE_DIR"] = str(base / "cache")
    return {"venv": venv, "bin": bindir, "python": python, "cwd": work, "env": env}


def rusplan(installed, *args) -> subprocess.CompletedProcess:
    exe = installed["bin"] / ("rusplan.exe" if os.name == "nt" else "rusplan")
    return _run([exe, *args], installed["cwd"], installed["env"])


def test_installed_package_is_not_the_repository(installed, repo_root):
    found = _run([installed["python"], "-c", "import rusplan; print(rusplan.__file__)"], installed["cwd"], installed["env"])
    assert found.returncode == 0, found.stderr
    location = Path(found.stdout.strip()).resolve()
    assert installed["venv"].resolve() in location.parents
    assert repo_root.resolve() not in location.parents


def test_installed_rusplan_checks_the_compliant_example(installed, repo_root):
    result = rusplan(installed, "check", repo_root / "examples" / "compliant.yaml", "--as-of", "2026-01-15")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
    assert "practice-weeks" in result.stdout


def test_bundled_rules_are_found_in_site_packages(installed, repo_root):
    where = _run(
        [installed["python"], "-c", "from rusplan.core.ruleset import bundled_rules_dir; print(bundled_rules_dir())"],
        installed["cwd"],
        installed["env"],
    )
    assert where.returncode == 0, where.stderr
    folder = Path(where.stdout.strip())
    assert folder.is_dir(), f"bundled_rules_dir() is not a folder: {where.stdout.strip()!r}"
    assert installed["venv"].resolve() in folder.resolve().parents
    assert repo_root.resolve() not in folder.resolve().parents

    validated = rusplan(installed, "rules", "validate", folder)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert str(folder) in validated.stdout and "16 rules" in validated.stdout and "25 rules" in validated.stdout  # programme, LIS plan

    listed = rusplan(installed, "rules")
    assert listed.returncode == 0, listed.stderr
    assert len([l for l in listed.stdout.splitlines() if l.strip()]) == 16 + 25
    # the LIS kind's schemas and rules are package data too: an installed rusplan checks a plan
    plan = installed["cwd"] / "lis-plan.yaml"
    plan.write_text((Path(__file__).resolve().parents[1] / "examples" / "lis" / "compliant.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    lis = rusplan(installed, "check", plan)
    assert lis.returncode == 0 and "oppfyller kravene" in lis.stdout, lis.stdout + lis.stderr
