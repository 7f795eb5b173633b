"""Table tests of the indicator-target normaliser (jixiao.normalize)."""
import pytest

from jixiao.normalize import parse_target


@pytest.mark.parametrize("raw, comparator, value, unit, value_std, unit_std", [
    ("≥ 90 %", ">=", 90, "%", 90, "%"),
    ("≤2.5万元", "<=", 2.5, "万元", 25000, "元"),
])
def test_basic(raw, comparator, value, unit, value_std, unit_std):
    t = parse_target(raw)
    assert (t.comparator, t.value, t.unit, t.value_std, t.unit_std) == (comparator, value, unit, value_std, unit_std)
