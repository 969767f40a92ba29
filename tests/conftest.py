"""Shared test fixtures: paths to the repository, the demo corpus and ../shared (read at run time).

Tests that need ../shared fail loudly when it is missing (CI always has it): they call
:func:`shared_path`, which raises instead of skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from marsad.config import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")).resolve()
DEMO = ROOT / "examples" / "demo-corpus"
FIXTURES = ROOT / "tests" / "fixtures"


def shared_path(*parts: str) -> Path:
    """Return a path inside ../shared, failing the test loudly if it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(
            f"required shared data {path} is missing: tests need ../shared next to the repository "
            "(or MARSAD_SHARED pointing at it)",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of the five real seed page dumps."""
    return shared_path("samples", "seeds")


@pytest.fixture(scope="session")
def seeds_jsonl() -> Path:
    """The seeds as JSON Lines records with outlet and publication date."""
    return shared_path("samples", "seeds.jsonl")


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    """Default settings with the store in a temporary folder and no progress bar."""
    return load_settings(env={}, db=str(tmp_path / "test.db"), progress=False)


@pytest.fixture(scope="session")
def shared_required() -> None:
    """Fail loudly unless ../shared/data is present."""
    shared_path("data")
