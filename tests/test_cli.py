"""The CLI mirrors the Python API: every public function has its command, with help."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

import marsad.api as api
from marsad.cli import app

# API names that are not commands, and why.
NOT_COMMANDS = {
    "RunReport": "a result type",
    "open_store": "a helper for the other functions",
}


def _commands() -> dict[str, object]:
    group = get_command(app)
    out = {}
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        if hasattr(cmd, "commands"):
            for sub, subcmd in cmd.commands.items():
                out[f"{name} {sub}"] = subcmd
        else:
            out[name] = cmd
    return out


def test_cli_every_api_function_has_a_command_with_help() -> None:
    commands = _commands()
    docs = {name: (cmd.callback.__doc__ or "") for name, cmd in commands.items()}
    for name in api.__all__:
        if name in NOT_COMMANDS:
            continue
        assert callable(getattr(api, name))
        wrapped = [c for c, doc in docs.items() if f"marsad.{name}`" in doc]
        assert wrapped, f"public API function {name} has no CLI command naming it"


def test_cli_every_command_has_help_text() -> None:
    runner = CliRunner()
    for name, cmd in _commands().items():
        assert (cmd.help or "").strip(), name
        result = runner.invoke(app, [*name.split(), "--help"])
        assert result.exit_code == 0, (name, result.output)


def test_cli_every_command_callback_is_thin() -> None:
    # a command is a thin layer: it should stay short and call into the API
    for name, cmd in _commands().items():
        lines = inspect.getsource(cmd.callback).count("\n")
        assert lines < 60, f"command {name} is {lines} lines: move logic into the API"


def test_cli_unknown_article_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["show", "nope", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "no article with id 'nope'" in result.output
    assert "Traceback" not in result.output


def test_cli_missing_source_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(tmp_path / "nowhere"), "--db",
                                      str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_cli_status_json_on_empty_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["status", "--json", "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 0
    assert json.loads(result.output)["total"] == 0
