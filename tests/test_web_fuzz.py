"""Fuzz the JSON API with schemathesis against the OpenAPI schema the app serves.

Every documented operation gets generated requests (valid and invalid parameters, odd Unicode,
huge numbers); all of schemathesis' checks run on each response: no 5xx, a status code and
content type the schema documents, a body that matches its response model. The write
endpoints are exercised on an app with writes enabled (with and without the token), so their
validation and authorization paths are fuzzed too. Bounded: 25 examples per operation
(``MARSAD_FUZZ_EXAMPLES`` for a deeper run) in both generation modes (positive, negative).

schemathesis' pytest plugin (``schema.parametrize()`` with a lazily loaded fixture schema) does
not run under pytest 9 (it reads the removed ``Item._nodeid``), so the operations are driven
through its Python API: one Hypothesis test per operation, built from ``as_strategy()``.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

TOKEN = "fuzz-token-0123456789abcdef"
EXAMPLES = int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "25"))  # more: a deeper run


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> object:
    from marsad.web.app import create_app
    from tests.fixtures.web.store import build_store

    db = build_store(tmp_path_factory.mktemp("fuzz") / "web.db")
    app = create_app(db, enable_writes=True, write_token=TOKEN)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _operations(schema: object) -> list[object]:
    return [result.ok() for result in schema.get_all_operations()]  # type: ignore[attr-defined]


def test_web_fuzz_schema_lists_every_page(api_schema: object) -> None:
    labels = {op.label for op in _operations(api_schema)}
    for path in ("/index.json", "/events/{event_id}.json", "/storylines.json",
                 "/storylines/{storyline_id}.json", "/articles/{article_id}.json",
                 "/entities.json", "/entities/{entity_id}.json", "/outlets.json",
                 "/outlets/{name}.json", "/search.json", "/rejected.json", "/status.json"):
        assert f"GET {path}" in labels
    assert {"POST /api/events/merge", "POST /api/events/split"} <= labels


def _fuzz(op: object, mode: GenerationMode) -> None:
    """Run Hypothesis over one operation; raises on the first failing (shrunk) case."""
    auth = {"Authorization": f"Bearer {TOKEN}"} if op.method.upper() == "POST" else {}

    @given(case=op.as_strategy(generation_mode=mode))  # type: ignore[attr-defined]
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:
        response = case.call_and_validate(headers=auth)
        assert response.status_code < 500

    try:
        run()
    except Unsatisfiable:
        # negative mode cannot make an invalid request for an operation without parameters
        if mode is not GenerationMode.NEGATIVE:
            raise


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_web_fuzz_api_conforms_and_never_fails(api_schema: object, mode: GenerationMode
                                               ) -> None:
    failures: list[str] = []
    for op in _operations(api_schema):
        try:
            _fuzz(op, mode)
        except Exception as exc:  # collect every operation's failure, then report them all
            failures.append(f"{op.label}: {exc}")
    assert not failures, "\n\n".join(failures)
