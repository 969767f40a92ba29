"""Settings: one table of names, defaults, types and help; built from file → env → keywords.

Like datasette's settings and trafilatura's ``Extractor``, all options travel as one immutable
object. Precedence (later wins): defaults, a TOML file (``marsad.toml`` in the working
directory or ``--config``), environment variables ``MARSAD_<NAME>``, explicit keyword arguments
(which is how CLI flags arrive).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError, choices


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its name, default value and a line of help."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "marsad.db", "Path of the SQLite store."),
    Setting("batch_size", 64, "Pages processed and committed per transaction."),
    Setting("workers", 1, "Worker processes for the stage functions (1 = in-process loop)."),
    Setting("scheduler", "",
            "Run the stages on Dask: 'dask-local' (a local cluster of `workers` processes) or "
            "a scheduler address such as tcp://host:8786; empty = this machine's processes."),
    Setting("max_page_bytes", 20_000_000,
            "Pages larger than this are rejected at ingest as too large (bytes)."),
    Setting("min_article_chars", 200,
            "Extracted bodies shorter than this are rejected as 'no article found'."),
    Setting("languages", ("ar", "en", "fr"), "Languages the pipeline accepts and identifies."),
    Setting("stages", (), "Stage names to run after extraction; empty means the default list."),
    Setting("cluster_threshold", 0.45, "Similarity an article needs to join an existing event."),
    Setting("storyline_threshold", 0.3, "Similarity two events need to share a storyline."),
    Setting("cluster_window_days", 10, "Events older than this (in days) stop taking articles."),
    Setting("use_embeddings", False,
            "Add multilingual sentence embeddings to the event similarity (slower)."),
    Setting("ner_model", "", "Path of the CRF NER model; empty means the shipped one."),
    Setting("data_dir", "../shared/data", "Where the labeled evaluation/training data lives."),
    Setting("progress", True, "Show a progress bar when writing to a terminal."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    """All settings as one immutable object; build it with :func:`load_settings`."""

    db: str = "marsad.db"
    batch_size: int = 64
    workers: int = 1
    scheduler: str = ""
    max_page_bytes: int = 20_000_000
    min_article_chars: int = 200
    languages: tuple[str, ...] = ("ar", "en", "fr")
    stages: tuple[str, ...] = ()
    cluster_threshold: float = 0.45
    storyline_threshold: float = 0.3
    cluster_window_days: int = 10
    use_embeddings: bool = False
    ner_model: str = ""
    data_dir: str = "../shared/data"
    progress: bool = True

    def replace(self, **changes: Any) -> Settings:
        """Return a copy with ``changes`` applied and validated."""
        return load_settings(base=self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Return the settings as a plain dict."""
        return dataclasses.asdict(self)


def _coerce(name: str, value: Any, default: Any) -> Any:
    """Convert ``value`` (often a string from the environment) to the type of ``default``."""
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                low = value.strip().lower()
                if low in ("1", "true", "yes", "on"):
                    return True
                if low in ("0", "false", "no", "off", ""):
                    return False
                raise ValueError(value)
            return bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            if isinstance(value, str):
                return tuple(v.strip() for v in value.split(",") if v.strip())
            return tuple(value)
        return str(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"setting {name!r} expects a {type(default).__name__}, got {value!r}"
        ) from None


def load_settings(config: str | Path | None = None, *, env: dict[str, str] | None = None,
                  base: Settings | None = None, **overrides: Any) -> Settings:
    """Build :class:`Settings` from defaults, a TOML file, the environment and keywords.

    Args:
        config: TOML file to read; when ``None``, ``./marsad.toml`` is read if it exists.
        env: Environment to read ``MARSAD_*`` variables from (default ``os.environ``).
        base: Start from these settings instead of the defaults.
        **overrides: Explicit values (CLI flags); ``None`` values are ignored.

    Raises:
        ConfigError: An unknown setting name or a value of the wrong type.
    """
    values = (base or Settings()).to_dict()
    layers: list[dict[str, Any]] = []
    if base is None:
        path = Path(config) if config else Path("marsad.toml")
        if config and not path.exists():
            raise ConfigError(f"config file {str(path)!r} does not exist")
        if path.exists():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"config file {str(path)!r} is not valid TOML: {exc}") from None
            layers.append(data.get("marsad", data))
        environ = os.environ if env is None else env
        layers.append({k[7:].lower(): v for k, v in environ.items()
                       if k.startswith("MARSAD_") and k[7:].lower() in _BY_NAME})
    layers.append({k: v for k, v in overrides.items() if v is not None})
    for layer in layers:
        for name, value in layer.items():
            if name not in _BY_NAME:
                raise ConfigError(choices("setting", name, _BY_NAME))
            values[name] = _coerce(name, value, _BY_NAME[name].default)
    if values["batch_size"] < 1 or values["workers"] < 1:
        raise ConfigError("batch_size and workers must be at least 1")
    return Settings(**values)
