"""Every setting and every command is documented (datasette's rule)."""

from pathlib import Path

from click.testing import CliRunner

from wirecoder.cli import cli
from wirecoder.settings import describe, settings_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_settings_doc_is_current():
    doc = ROOT / "docs" / "settings.md"
    assert doc.read_text() == settings_markdown(), "run: wirecoder settings --markdown > docs/settings.md"


def test_every_setting_has_help():
    for s in describe():
        assert len(s["help"]) > 10, s["name"]


def test_every_command_is_in_readme():
    readme = (ROOT / "README.md").read_text()
    for name in cli.commands:
        assert f"wirecoder {name}" in readme, f"command {name!r} is not documented in README.md"


def test_every_command_has_help():
    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help, name
