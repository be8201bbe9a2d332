"""Units cells split once per distinct text (``cells._split_lead_units`` is cached): each call still
returns lists of its own, so a row that changes its units changes no other row's."""

from __future__ import annotations

from extractor.records import build_row, header_unit_figures
from extractor.rules.cells import split_lead_units


def test_marked_units_lead_and_the_others_are_partners() -> None:
    assert split_lead_units("*区发改局、区商务局") == (["区发改局"], ["区商务局"])
    assert split_lead_units("＊區發改局、區商務局") == (["區發改局"], ["區商務局"])  # full width, traditional
    assert split_lead_units("区发改局、区商务局、区财政局") == (["区发改局", "区商务局", "区财政局"], [])


def test_each_call_returns_lists_of_its_own() -> None:
    lead, partners = split_lead_units("*区发改局、区商务局")
    lead.append("区统计局")
    partners.clear()
    assert split_lead_units("*区发改局、区商务局") == (["区发改局"], ["区商务局"])


def test_rows_with_the_same_units_cell_do_not_share_lists() -> None:
    cells = {"task": "建设项目", "progress": "已完成", "lead_units": "区发改局、区商务局"}
    first = build_row(dict(cells), None, [], None)
    second = build_row(dict(cells), None, [], None)
    first.lead_units.append("区统计局")
    assert second.lead_units == ["区发改局", "区商务局"]
    assert first.lead_units is not second.lead_units


def test_a_header_unit_is_read_for_a_bare_number_only() -> None:
    found = header_unit_figures("63632", "invest", "总投资（万元）")
    assert [(f.value, f.unit, f.rule) for f in found] == [(636320000.0, "CNY", "figure.header_unit")]
    assert header_unit_figures("约63632", "invest", "总投资（万元）") == []
    assert header_unit_figures("63632", "invest", "总投资") == []
