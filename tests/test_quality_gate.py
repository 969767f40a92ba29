"""The quality gate: every figure pinned in quality/baseline.json must stay at or above its
floor. Figures are printed (run pytest with -s to see them) so a change's effect is visible."""

from __future__ import annotations

import pytest

from marsad.eval.gate import BASELINE, METRICS, load_baseline, measure

FLOORS = load_baseline(BASELINE)


def test_quality_gate_every_floor_has_a_metric() -> None:
    unknown = sorted(set(FLOORS) - set(METRICS))
    assert not unknown, f"baseline pins metrics nobody computes: {unknown}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_gate_floor(name: str, shared_required: None) -> None:
    value = measure(name)
    print(f"\nQUALITY {name} = {value:.4f} (floor {FLOORS[name]:.4f})")
    assert value >= FLOORS[name], f"{name} fell to {value:.4f}, below its floor {FLOORS[name]}"
