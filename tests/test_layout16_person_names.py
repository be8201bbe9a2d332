"""A leader's name under 区领导 / 责任人 is read as a person by its surname, common or less common
(储, 阎, 蔺, 萧 …), in either script and with a space inside; a unit's name stays a unit."""

from __future__ import annotations

import pytest

from extractor.headers import looks_like_person
from extractor.layout.classes import classify


@pytest.mark.parametrize("name", ["储杨洋", "儲楊洋", "阎 军", "閻軍", "蔺明", "萧 红", "蕭紅", "匡正", "欧阳明"])
def test_less_common_surnames_are_persons(name: str) -> None:
    assert looks_like_person(name)
    assert classify(name) == "person"


@pytest.mark.parametrize("text", ["区教育局", "储备中心", "蔺阳街道办", "萧山区政府"])
def test_units_stay_units(text: str) -> None:
    assert classify(text) == "unit"
