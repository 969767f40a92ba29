"""Settings: defaults, TOML file, environment, keywords; clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.config import SETTINGS, Settings, load_settings
from marsad.errors import ConfigError


def test_config_every_setting_has_default_and_help() -> None:
    defaults = Settings()
    for setting in SETTINGS:
        assert setting.help.strip()
        assert getattr(defaults, setting.name) == setting.default


def test_config_precedence_file_env_keywords(tmp_path: Path) -> None:
    path = tmp_path / "marsad.toml"
    path.write_text('[marsad]\nbatch_size = 8\nworkers = 2\ndb = "a.db"\n', encoding="utf-8")
    s = load_settings(path, env={"MARSAD_WORKERS": "3", "MARSAD_DB": "b.db"}, db="c.db")
    assert (s.batch_size, s.workers, s.db) == (8, 3, "c.db")


def test_config_unknown_setting_lists_valid_ones() -> None:
    with pytest.raises(ConfigError, match=r"valid values: .*'batch_size'"):
        load_settings(env={}, batch_sise=3)


def test_config_wrong_type_says_what_is_expected() -> None:
    with pytest.raises(ConfigError, match="expects a int"):
        load_settings(env={"MARSAD_BATCH_SIZE": "many"})


def test_config_bool_and_tuple_from_env() -> None:
    s = load_settings(env={"MARSAD_USE_EMBEDDINGS": "yes", "MARSAD_LANGUAGES": "ar, en"})
    assert s.use_embeddings is True and s.languages == ("ar", "en")
