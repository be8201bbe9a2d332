"""An unruled PDF table whose first body line is a section heading across the 序号 and task columns,
and whose wrapped lines hold header words inside sentences (found by render_pdf_unruled on dev: the
columns were measured on two lines only, and the heading joined 序号 and 任务 into one column)."""

from __future__ import annotations

import pytest

from extractor.readers import pdf_layout
from extractor.readers.raw import RawTable


def _line(pieces: list[tuple[float, str]], top: float, font: str = "Song") -> pdf_layout.Line:
    chars = [
        pdf_layout.Char(ch, x + 11 * i, x + 11 * (i + 1), top, top + 11, font)
        for x, text in pieces
        for i, ch in enumerate(text)
    ]
    return pdf_layout.Line(chars, top, top + 11, pdf_layout._join(chars, 11), font, False)


CASES = {
    "simplified": ("二、工作要求", "前期工作计划，按时完成", "育场等30个重点项目已完成"),
    "traditional": ("二、工作要求", "前期工作計劃，按時完成", "育場等30個重點項目已完成"),
    "half width": ("二、工作要求", "前期工作计划,按时完成", "育场等30个重点项目已完成"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_heading_first_and_header_words_in_sentences_keep_the_columns(name: str) -> None:
    heading, wrapped_task, wrapped_progress = CASES[name]
    lines = [
        _line([(90, "序号"), (124, "工作任务"), (252, "进展情况"), (450, "牵头单位")], 96),
        _line([(90, heading)], 121),
        _line([(90, "1."), (124, "严格落实重点项目"), (252, "截至目前，紫阳民歌艺术中心"), (450, "县发改局")], 145),
        _line([(124, wrapped_task), (252, wrapped_progress)], 160),
        _line([(124, "成熟度。")], 175),
        _line([(90, "2."), (124, "紧盯国债项目"), (252, "开工2个"), (450, "县水利局")], 199),
    ]
    header = pdf_layout.header_at(lines, 0, 11)
    assert header is not None and header.columns.headers == ["序号", "工作任务", "进展情况", "牵头单位"]
    assert not pdf_layout._header_candidate(lines[3], 11)
    blocks, _, found = pdf_layout.read_lines(lines, 11, (), 1, None)
    assert found
    table = next(b for b in blocks if isinstance(b, RawTable))
    texts = [[c.text for c in row.cells] for row in table.rows]
    assert texts[1] == [heading, None, None, None]
    assert [row[0] for row in texts[2:]] == ["1.", "2."]
    assert texts[2][1].startswith("严格落实重点项目") and texts[2][1].endswith("成熟度。")


def test_a_header_spaced_out_is_still_a_header_candidate() -> None:
    line = _line([(90, "序 号"), (150, "目 标 任 务"), (300, "完 成 情 况")], 96)
    assert pdf_layout._header_candidate(line, 11)
