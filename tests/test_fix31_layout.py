"""layout.toml [fix31] as data, and the mechanisms it feeds (review31's layout findings): rows parted
by gaps bear a table of progress out (a report, a header naming fields, or who carries the task, a
value or an empty cell after it), a contact detail is no task or value, a title is no row's cell."""

from __future__ import annotations

import pytest

import extractor
from extractor.errors import ExtractorError
from extractor.headers import field_for_header
from extractor.layout import Line
from extractor.layout.headerless import column_names, ends_in_contact_label, gapped_rows, is_contact
from extractor.layout.lastresort import glued_rows, periodic_cells
from extractor.readers.raw import RawCell, RawRow
from extractor.rules.compiled import compile_rule
from extractor.rules.data import load
from extractor.textnorm import match_key, match_view

TABLE = load("layout")["fix31"]
PATTERNS = [k for k, v in TABLE.items() if isinstance(v, str) and f"{k}_examples" in TABLE and k != "status_header"]


def _cases(suffix: str) -> list[tuple[str, str]]:
    return [(name, example) for name in PATTERNS for example in TABLE.get(f"{name}{suffix}", [])]


@pytest.mark.parametrize(("name", "example"), _cases("_examples"))
def test_example_matches_its_pattern(name: str, example: str) -> None:
    pattern = compile_rule(TABLE[name])
    assert pattern.search(example) or pattern.search(match_view(example)), f"{name}: {example!r}"


@pytest.mark.parametrize(("name", "example"), _cases("_counter_examples"))
def test_counter_example_is_not_matched(name: str, example: str) -> None:
    pattern = compile_rule(TABLE[name])
    assert not pattern.search(example) and not pattern.search(match_view(example)), f"{name}: {example!r}"


def test_every_pattern_has_examples_and_counter_examples() -> None:
    assert set(PATTERNS) == {"contact", "contact_label"}
    for name in PATTERNS:
        assert TABLE.get(f"{name}_examples") and TABLE.get(f"{name}_counter_examples"), name


@pytest.mark.parametrize("key", ["glued_header", "items_header"])
def test_written_headers_are_read_by_the_header_vocabulary(key: str) -> None:
    assert [[name, field_for_header(match_key(name))] for name in TABLE[key]] == TABLE[f"{key}_examples"]
    assert [field_for_header(match_key(TABLE["status_header"]))] == [TABLE["status_header_examples"][0][1]]


def test_contact_cells_and_labels() -> None:
    assert is_contact("0871-1234567") and is_contact("０８７１－１２３４５６７") and is_contact("13912345678")
    assert not is_contact("12345678") and not is_contact("2023-05-12")
    assert ends_in_contact_label("县自然资源局咨询电话") and ends_in_contact_label("服務熱線：")
    assert not ends_in_contact_label("召开电话会议")


def _lines(text: str) -> list[Line]:
    return [Line(t) for t in text.split("\n")]


def _parse(text: str) -> extractor.Document | None:
    try:
        return extractor.parse_bytes(text.encode(), "t.txt")
    except ExtractorError:
        return None


def test_a_column_of_phone_numbers_is_never_the_task() -> None:
    rows = [
        RawRow([RawCell("1"), RawCell("县交通局"), RawCell("0871-1234567"), RawCell("已完成43公里通村道路硬化。")]),
        RawRow([RawCell("2"), RawCell("县水利局"), RawCell("0871-1234568"), RawCell("已完成人饮工程20处。")]),
    ]
    names = column_names(rows, 4)
    assert names is not None
    assert names[2] not in ("工作任务", "进展情况") and names[3] == "工作任务"


@pytest.mark.parametrize("gap", ["  ", "\t", "\u3000\u3000"])
def test_gapped_measures_need_a_report_units_or_a_header(gap: str) -> None:
    measures = (
        ["降低经营成本", "对小微企业减免房产税，减轻企业负担。"],
        ["加大金融支持", "鼓励银行增加信贷投放，给予贷款贴息。"],
    )
    plain = "\n".join(gap.join(r) for r in measures)
    assert gapped_rows(_lines(plain)) is None
    # the same rows with who carries each measure after them, or a report, or a header naming fields
    with_units = "\n".join(gap.join([*r, u]) for r, u in zip(measures, ["县税务局", "县金融办"], strict=True))
    assert gapped_rows(_lines(with_units)) is not None
    reports = ["累计完成减免房产税120万元，惠及企业300家。", "累计发放贴息贷款2亿元。"]
    reported = "\n".join(gap.join([r[0], t]) for r, t in zip(measures, reports, strict=True))
    assert gapped_rows(_lines(reported)) is not None
    # … or a title above saying results follow (not a plan's: 若干措施)
    assert gapped_rows(_lines("重點工作落實情況\n" + plain)) is not None
    assert gapped_rows(_lines("促进民营经济发展若干措施\n" + plain)) is None
    headed = gap.join(["工作任务", "进展情况"]) + "\n" + plain + "\n" + gap.join(measures[0])
    assert gapped_rows(_lines(headed)) is not None


@pytest.mark.parametrize("label", ["咨询电话", "服務熱線：", "联系电话"])
def test_a_glued_phone_number_is_no_value(label: str) -> None:
    text = f"重点工作进展情况\n1县发展和改革局{label}12345678\n2县自然资源局{label}12345679\n"
    found = glued_rows(_lines(text))
    cells = [] if found is None else [c.text for b in found[0] if hasattr(b, "rows") for r in b.rows for c in r.cells]
    assert not any(c and c.startswith("123456") for c in cells), cells
    # a value reached glued after its indicator is still cut (the title says results follow)
    values = glued_rows(_lines("重点工作进展情况\n1城镇新增就业7.23人力资源社会保障局\n2自然村通水泥路1361.92交通局\n"))
    assert values is not None


def test_a_title_is_no_rows_cell_and_rows_stay_in_step() -> None:
    # a decision's title over people, one cell a line: the title never opens a row, and rows that
    # would start a line into a person's cells (their name left above) are out of step
    awards = (
        "关于表彰先进个人的决定\n张三\n县人民医院\n长期扎根基层一线，获得群众好评。\n"
        "李四\n县第一中学\n潜心教书育人二十年，成绩突出。\n"
    )
    assert periodic_cells(_lines(awards)) is None
    # a report's title over names, values and units: the rows start under it
    found = periodic_cells(_lines("重点指标完成情况\n城镇新增就业(人)\n32095\n市人社局\n再就业(人)\n4934\n市人社局\n"))
    assert found is not None
    document = _parse("重点指标完成情况\n城镇新增就业(人)\n32095\n市人社局\n再就业(人)\n4934\n市人社局\n")
    assert document is not None
    assert [r.task for t in document.tables for r in t.rows] == ["城镇新增就业(人)", "再就业(人)"]


def test_a_name_and_its_phone_number_one_a_line_are_no_rows() -> None:
    text = (
        "政务服务事项办理情况\n不动产登记咨询\n0871-1234567\n"
        "企业开办咨询\n0871-1234568\n食品经营许可咨询\n13912345678\n"
    )
    assert periodic_cells(_lines(text)) is None


def test_rows_named_as_reports_one_cell_a_line_still_open_their_rows() -> None:
    # a row's name may say a report follows (…进展情况 over its report): only a genre's title
    # (…的决定, …的通知) is kept out of the rows
    text = (
        "关于重点工作进展情况的通报\n市级重点项目进展情况\n1-8月共完成投资622.2亿元，占年度计划的73%。\n—\n"
        "省级重点项目进展情况\n1-8月完成投资277.58亿元，占年计划的107.56%。\n—\n"
    )
    found = periodic_cells(_lines(text))
    assert found is not None
    tables = [b for b in found[0] if hasattr(b, "rows")]
    assert [r.cells[0].text for r in tables[0].rows[1:]] == ["市级重点项目进展情况", "省级重点项目进展情况"]
