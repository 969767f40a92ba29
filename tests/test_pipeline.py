"""Stage registry and order check."""

from __future__ import annotations

import pytest

from marsad.errors import PipelineError
from marsad.model import RawPage, Rejected
from marsad.pipeline import DEFAULT_STAGES, check_order, process_page


def test_pipeline_default_order_is_valid() -> None:
    infos = check_order(DEFAULT_STAGES)
    assert [i.name for i in infos] == list(DEFAULT_STAGES)


def test_pipeline_unknown_stage_lists_valid_names() -> None:
    with pytest.raises(PipelineError, match=r"unknown stage 'nope'.*'language'"):
        check_order(["nope"])


def test_pipeline_stage_before_its_requirement_is_refused() -> None:
    # the quotes stage needs sentences and entities, which come from later stages here
    with pytest.raises(PipelineError, match="stage 'quotes' requires"):
        check_order(["quotes", "language", "entities"])


def test_pipeline_bad_page_becomes_rejected_not_exception(settings) -> None:
    page = RawPage("x", "mem://x", b"\x89PNG\r\n\x1a\n" + bytes(64), "html", {})
    result = process_page(page, settings)
    assert isinstance(result, Rejected)
    assert result.stage == "decode" and "PNG" in result.reason
