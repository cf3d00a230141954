"""wirecoder installs like a package: the wheel holds every file it needs, a fresh venv with the pip
Python ships installs it, and the installed `wirecoder` codes text and HTML.

Slow (a wheel build and a venv of ~70 packages, from the pip cache where it has them): about two
minutes on an idle machine. Run alone with `python -m pytest tests/test_install.py`; `-m "not slow"`
leaves it out.
"""

from __future__ import annotations

import ensurepip
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "wirecoder"
BIN = "Scripts" if os.name == "nt" else "bin"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]

ARTICLE = (
    "TALLINN, Oct. 6 - Estonia's foreign minister said on Monday that the government would expel two "
    "diplomats over a cyber attack on the ministry's network. \"We will not tolerate this,\" the minister "
    "told reporters in Tallinn.\n\nThe ministry said the attack had been stopped within hours.\n"
)
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Port workers strike in Gdansk | Example Daily</title>
<meta name="date" content="2026-10-06"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Sign in</a></nav>
<article><h1>Port workers strike in Gdansk</h1>
<p>GDANSK, Oct. 6 - Dock workers in Gdansk walked out on Monday over pay, the union said, and the port
authority said it would meet union leaders on Wednesday.</p>
<p>"We have waited two years for this agreement," the union's chairman told reporters outside the gate.</p>
<p>The transport ministry urged both sides to return to talks before the end of the week.</p>
</article>
<footer>Copyright Example Daily. All rights reserved.</footer></body></html>
"""


def clean_env() -> dict[str, str]:
    """The environment without this checkout on the path or wirecoder settings of the caller."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("WIRECODER_")}


def lock_constraints(tmp: Path) -> list[str]:
    """requirements.lock as pip constraints (name==version, no hashes): the same versions as CI."""
    lock = ROOT / "requirements.lock"
    if not lock.exists():
        return []
    pins = re.findall(r"^([A-Za-z0-9_.\-]+==[^\s\\;]+)", lock.read_text(), re.M)
    path = tmp / "constraints.txt"
    path.write_text("\n".join(pins) + "\n")
    return ["-c", str(path)]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(wheel, venv) : the wheel built from a copy of this checkout, installed in a fresh venv."""
    tmp = tmp_path_factory.mktemp("install")
    src = tmp / "src-copy"  # a copy: no stale build/ of an earlier build can slip files into the wheel
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "src", src / "src", ignore=ignore)
    env_dir = tmp / "fresh venv"  # a space in the path, as on many users' machines
    # the venv (ensurepip) is made while the wheel builds: neither needs the other
    making_venv = subprocess.Popen([sys.executable, "-m", "venv", str(env_dir)])
    try:
        dist = tmp / "dist"
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(src)],
                       check=True, timeout=900, env=clean_env())
        wheel = next(dist.glob("wirecoder-*.whl"))
        assert making_venv.wait(timeout=300) == 0, "python -m venv failed"
    finally:
        making_venv.kill()
    python = env_dir / BIN / "python"
    # no pip upgrade: the pip Python ships, which is what a new user has
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-compile", *lock_constraints(tmp),
                    str(wheel)], check=True, timeout=1200, env=clean_env())
    return wheel, env_dir


def test_wheel_holds_every_file_of_the_package(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {
        p.relative_to(PACKAGE.parent).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    assert wanted - names == set(), f"left out of the wheel: {sorted(wanted - names)[:20]}"
    for kind in ("data/", "models/", "web/templates/", "web/static/", "samples/"):
        assert any(n.startswith("wirecoder/" + kind) for n in names), kind


def test_fresh_venv_has_the_bundled_pip(installed):
    _, env_dir = installed
    out = subprocess.run([str(env_dir / BIN / "python"), "-m", "pip", "--version"], capture_output=True, text=True,
                         check=True).stdout
    assert out.split()[1] == ensurepip.version()


def code_in(folder: Path, command: list[str], env: dict[str, str]) -> bytes:
    """The JSON Lines `command` writes for article.txt and page.html, run in `folder`."""
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    env = {k: v for k, v in env.items() if not k.startswith("WIRECODER_")}
    result = subprocess.run([*command, "code", "article.txt", "page.html", "--date", "2026-10-06"],
                            cwd=folder, capture_output=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


@pytest.fixture(scope="module")
def coded(installed, tmp_path_factory) -> bytes:
    """The installed `wirecoder` run on a text file and an HTML page, in a folder of its own."""
    _, env_dir = installed
    return code_in(tmp_path_factory.mktemp("one") / "work", [str(env_dir / BIN / "wirecoder")], clean_env())


def test_installed_command_codes_text_and_html(installed, coded, tmp_path):
    _, env_dir = installed
    records = [json.loads(line) for line in coded.decode("utf-8").splitlines()]
    assert [r["source"] for r in records] == ["article.txt", "page.html"]
    for r in records:
        assert "error" not in r, r.get("error")
        assert r["statements"], r["source"]
        for st in r["statements"]:
            for span in [st["cue"], *st["content"]]:
                assert r["text"][span["start"]:span["end"]] == span["text"]
    page = records[1]
    assert page["title"] == "Port workers strike in Gdansk"
    assert page["text"].startswith("GDANSK, Oct. 6")
    assert "Sign in" not in page["text"]
    assert page["events"] and all(e["cameo"] for e in page["events"])
    # the code that ran is the installed package, not this checkout
    where = subprocess.run([str(env_dir / BIN / "python"), "-c", "import wirecoder; print(wirecoder.__file__)"],
                           capture_output=True, text=True, check=True, env=clean_env(), cwd=tmp_path).stdout
    assert Path(where.strip()).is_relative_to(env_dir)


def test_same_records_from_two_venvs_in_two_folders(installed, coded, tmp_path):
    """The installed wheel (one venv, one folder) and this checkout (the test's venv, another
    folder) write byte-identical records: nothing of the machine or path gets into them."""
    _, env_dir = installed
    one = coded
    two = code_in(tmp_path / "two" / "deeper", [sys.executable, "-m", "wirecoder.cli"], dict(os.environ))
    prov = json.loads(one.splitlines()[0])["provenance"]
    assert str(env_dir) not in one.decode() and sys.executable not in two.decode()
    assert prov["python"].endswith(prov["python_version"]) and "/" not in prov["python"]
    other = json.loads(two.splitlines()[0])["provenance"]
    differ = {k for k in prov if prov[k] != other[k]}
    if differ:
        pytest.skip(f"this venv is not installed from requirements.lock: {sorted(differ)} differ")
    assert one == two


def test_missing_extra_is_named_with_exit_status_2(installed, tmp_path):
    _, env_dir = installed
    command = [str(env_dir / BIN / "wirecoder"), "spark", "in", "out"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300, env=clean_env())
    assert result.returncode == 2
    assert "pip install 'wirecoder[spark]'" in result.stderr
    assert "Traceback" not in result.stderr
    debug = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300,
                           env={**clean_env(), "WIRECODER_DEBUG": "1"})
    assert debug.returncode == 2 and "Traceback" in debug.stderr and "MissingExtra" in debug.stderr
