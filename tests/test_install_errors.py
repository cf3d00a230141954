"""Errors a user can act on: a bad setting or a missing extra is one readable line and exit status 2."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from wirecoder.extras import MissingExtra, require
from wirecoder.settings import SettingError, Settings


def wirecoder(*args: str, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wirecoder.cli", *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})}, cwd=cwd)


@pytest.mark.parametrize("variable, value, allowed", [
    ("WIRECODER_BATCH_SIZE", "abc", "a whole number of at least 1"),
    ("WIRECODER_JOBS", "0", "a whole number of at least 1"),
    ("WIRECODER_PORT", "70000", "a whole number from 0 to 65535"),
    ("WIRECODER_ARTICLE_TIMEOUT", "soon", "a number of at least 0"),
    ("WIRECODER_PROGRESS", "sometimes", "one of auto, always, never"),
    ("WIRECODER_READ_ONLY", "maybe", "one of 1, on, true, yes (on) or 0, false, no, off (off)"),
])
def test_bad_setting_names_the_variable_the_value_and_what_is_allowed(variable, value, allowed):
    with pytest.raises(SettingError) as err:
        Settings.from_env({variable: value})
    assert str(err.value) == f"{variable}={value!r} is not a valid {variable[10:].lower()}: {allowed}"


def test_good_settings_still_read():
    s = Settings.from_env({"WIRECODER_BATCH_SIZE": " 8 ", "WIRECODER_READ_ONLY": "Yes", "WIRECODER_PROGRESS": "NEVER",
                           "WIRECODER_EVENT_CLASSIFIER_MIN": "1", "WIRECODER_ALLOW_FETCH": ""})
    assert (s.batch_size, s.read_only, s.progress, s.event_classifier_min, s.allow_fetch) == (8, True, "never", 1.0,
                                                                                             False)


def test_command_with_a_bad_setting_exits_2_with_one_line_and_no_traceback(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday.\n", encoding="utf-8")
    result = wirecoder("code", str(article), env={"WIRECODER_BATCH_SIZE": "abc"})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "WIRECODER_BATCH_SIZE='abc' is not a valid batch_size: a whole number of at least 1" in result.stderr
    assert result.stdout == ""  # nothing half-coded


@pytest.mark.parametrize("how", [("--debug",), ()])
def test_debug_shows_the_traceback(tmp_path, how):
    env = {"WIRECODER_BATCH_SIZE": "abc"} if how else {"WIRECODER_BATCH_SIZE": "abc", "WIRECODER_DEBUG": "1"}
    result = wirecoder(*how, "code", str(tmp_path / "none.txt"), env=env)
    assert result.returncode == 2
    assert "Traceback" in result.stderr and "SettingError" in result.stderr
    assert "is not a valid batch_size" in result.stderr


def test_a_missing_library_names_the_extra_that_installs_it():
    with pytest.raises(MissingExtra) as err:
        require("wirecoder_no_such_library.sub", "spark", "wirecoder spark")
    assert str(err.value) == ("wirecoder spark needs wirecoder_no_such_library, which is not installed: "
                              "pip install 'wirecoder[spark]'")
    assert isinstance(err.value, ImportError)
    assert require("json", "spark", "anything").dumps([1]) == "[1]"


def test_an_input_that_is_not_there_is_one_line(tmp_path):
    pytest.importorskip("pyspark")
    if not shutil.which("java"):
        pytest.skip("Spark needs Java")
    result = wirecoder("spark", str(tmp_path / "no-such-folder"), str(tmp_path / "out"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "no-such-folder" in result.stderr
