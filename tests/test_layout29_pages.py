"""Running heads decided by repetition (layout/pages.py): a short line printed again a page apart
beside a page's number (a mark, or a bare number counting up) is page furniture, whatever it says."""

from __future__ import annotations

import extractor
from extractor.layout.base import Line
from extractor.layout.pages import without_page_marks

TITLE = "某县2024年重点项目推进情况表"
OFFICE = "某县人民政府办公室"
UNITS = ["县发改局", "县教育局", "县住建局", "县交通局", "县水利局"]


def _table_lines(rows: int) -> list[str]:
    lines = [TITLE, "| 序号 | 项目名称 | 责任单位 | 进展情况 |", "| --- | --- | --- | --- |"]
    for n in range(1, rows + 1):
        lines.append(f"| {n} | 建设第{n}号项目 | {UNITS[n % len(UNITS)]} | 已完成投资{n * 10}万元 |")
    return lines


def _paged(lines: list[str], every: int, head_after_number: bool = True, blank: bool = True) -> list[str]:
    """A page break every ``every`` lines: a blank line, the page's bare number and the running head
    (the title and the office's name in turn), as a PDF copied to text prints them."""
    out: list[str] = []
    page = 1
    for k, line in enumerate(lines):
        if k and k % every == 0:
            page += 1
            head = TITLE if page % 2 == 0 else OFFICE
            out.extend(([""] if blank else []) + ([str(page), head] if head_after_number else [head, str(page)]))
        out.append(line)
    return out


def _rows(text: str) -> list[tuple[str, str, str, list[str]]]:
    doc = extractor.parse_bytes(text.encode(), "paged.txt")
    return [(r.seq_text or "", r.task, r.progress, list(r.lead_units)) for t in doc.tables for r in t.rows]


def test_running_heads_with_bare_page_numbers_are_taken() -> None:
    lines = _table_lines(40)
    paged = _paged(lines, 12)
    kept, taken = without_page_marks([Line(t) for t in paged])
    assert [line.text for line in kept] == lines  # the blank lines the breaks added go too
    assert [line.text for line in taken] == ["2", TITLE, "3", OFFICE, "4", TITLE]


def test_a_paged_table_reads_as_the_table_without_its_pages() -> None:
    lines = _table_lines(40)
    plain = _rows("\n".join(lines))
    assert len(plain) == 40 and plain[0] == ("1", "建设第1号项目", "已完成投资10万元", ["县教育局"])
    assert _rows("\n".join(_paged(lines, 12))) == plain


def test_a_head_above_its_page_number_is_taken_too() -> None:
    lines = _table_lines(40)
    kept, taken = without_page_marks([Line(t) for t in _paged(lines, 12, head_after_number=False)])
    assert [line.text for line in kept] == lines
    assert [line.text for line in taken] == [TITLE, "2", OFFICE, "3", TITLE, "4"]


def test_one_page_break_with_the_title_repeated_is_taken() -> None:
    lines = _table_lines(14)
    kept, taken = without_page_marks([Line(t) for t in _paged(lines, 12)])
    assert [line.text for line in taken] == ["2", TITLE]
    assert [line.text for line in kept] == lines


def test_a_cell_repeated_beside_its_rows_seq_is_no_running_head() -> None:
    # a cell a line (a stream): the 序号 counts up and the same unit stands beside it in row after
    # row, a row apart, not a page
    cells = ["序号", "所在街道及社区", "小区名称", "实施进度", "备注"]
    for n in range(1, 9):
        cells += [
            str(n),
            "左家塘街道官塘冲社区" if n < 5 else "东塘街道七里庙社区",
            f"第{n}小区",
            "已开工",
            "省民生实事",
        ]
    _kept, taken = without_page_marks([Line(t) for t in cells])
    assert taken == []
    # the same with a blank line after each cell (the text double-spaced)
    spaced = [x for c in cells for x in (c, "")]
    _kept, taken = without_page_marks([Line(t) for t in spaced])
    assert taken == []


def test_a_number_beside_a_cell_repeated_in_a_table_is_no_page() -> None:
    # a repeated cell with the same number beside it twice: no count, no page
    lines = ["说明", "以印本形式交付的文件", "", "4", *[f"第{n}行" for n in range(12)], "以印本形式交付的文件", "4"]
    _kept, taken = without_page_marks([Line(t) for t in lines])
    assert taken == []


def test_blank_lines_of_a_blank_parted_text_stay() -> None:
    # a text parting its cells with blank lines wrote them: only the marks go (a page number put
    # before a blank line must not join the cells it parts, nor a run of blank lines shrink)
    cells = [f"单元格{n}号内容" for n in range(30)]
    spaced = [x for c in cells for x in (c, "")]
    paged = [TITLE, "", *spaced[:13], "2", TITLE, *spaced[13:]]
    kept, taken = without_page_marks([Line(t) for t in paged])
    assert [line.text for line in taken] == ["2", TITLE]
    assert [line.text for line in kept] == [TITLE, "", *spaced]
    runs = [TITLE, "", *spaced[:13], "", "", "— 2 —", *spaced[13:]]  # a run of blank lines before a mark
    kept, taken = without_page_marks([Line(t) for t in runs])
    assert [line.text for line in taken] == ["— 2 —"]
    assert [line.text for line in kept] == [TITLE, "", *spaced[:13], "", "", *spaced[13:]]


def test_a_bare_page_number_among_marked_pages_is_taken() -> None:
    # a publisher's page-number forms taken in turn: the bare one stands where its page is due
    lines = _table_lines(60)
    forms = ["— {n} —", "第{n}页 共6页", "-{n}-", "{n}"]
    paged: list[str] = []
    for k, line in enumerate(lines):
        if k and k % 12 == 0:
            n = k // 12 + 1
            paged.append(forms[(n - 2) % len(forms)].format(n=n))
        paged.append(line)
    kept, taken = without_page_marks([Line(t) for t in paged])
    assert [line.text for line in taken] == ["— 2 —", "第3页 共6页", "-4-", "5", "— 6 —"]
    assert [line.text for line in kept] == lines


def test_a_cell_repeated_after_a_mark_once_is_no_title() -> None:
    # a leader's cell printed again just after a page mark: its first copy stands below a mark, on
    # no first page, so it is no title repeated as a running head
    lines = _table_lines(30)
    cell = "分管省领导：张新"
    paged = [*lines[:14], "— 2 —", *lines[14:20], cell, *lines[20:26], "— 3 —", cell, *lines[26:]]
    kept, taken = without_page_marks([Line(t) for t in paged])
    assert [line.text for line in taken] == ["— 2 —", "— 3 —"]
    assert [line.text for line in kept].count(cell) == 2
