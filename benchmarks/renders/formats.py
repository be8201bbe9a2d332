"""Renders as the files analysts receive: a saved web page, an Excel sheet, a Word table, each with
the habits of real ones (site furniture around the page's table, a title merged across the sheet,
units merged down the rows that share them, section rows spanning the table, a cell in two
paragraphs, an empty 备注 column, a note under the table). They measure the readers and the table
stage on structure the files state themselves, where the text renders measure the layout stage."""

from __future__ import annotations

import html
import io
import random

from renders import Render, gold_rows, new_gold, rng_for

SEQ_FORMS = ("{n}", "{n}.", "{n}、")
TASK_HEADERS = ("工作任务", "重点任务", "目标任务", "工作内容", "项目名称")
PROGRESS_HEADERS = ("进展情况", "完成情况", "推进情况", "落实情况", "工作进展")
LEAD_HEADERS = ("牵头单位", "责任单位", "牵头责任单位", "责任部门")
FURNITURE_ABOVE = (
    "首页 > 政务公开 > 重点工作",
    "发布时间：2024-07-05 来源：政府办公室 浏览次数：",
    "【字体：大 中 小】",
)
FURNITURE_BELOW = ("【打印本页】 【关闭窗口】", "主办单位：人民政府办公室 网站标识码：0000000000")


def _rows(gold: dict) -> list[dict] | None:
    """Rows with a task and a progress, numbered 1…n, sections kept; None under two rows."""
    rows = [r for r in gold_rows(gold) if r.get("task") and r.get("progress")]
    if len(rows) < 2:
        return None
    for n, row in enumerate(rows, 1):
        if any(ch in t for t in (row["task"], row["progress"], *row.get("lead_units", [])) for ch in "\r\n\t"):
            return None
        row["seq"] = n
        row["issues"] = [i for i in row.get("issues", []) if i in row["progress"]]
    return rows


def _paragraphs(text: str, rng: random.Random) -> list[str]:
    """A cell's text, split into two paragraphs at a sentence stop a third of the time (a cell over
    paragraphs is one cell, joined without the break: gold-conventions)."""
    stops = [i + 1 for i, ch in enumerate(text[:-1]) if ch == "。"]
    if stops and rng.random() < 0.33:
        cut = rng.choice(stops)
        return [text[:cut], text[cut:]]
    return [text]


class _Plan:
    """What one rendering of a document looks like: header words, seq form, extra column, merges."""

    def __init__(self, gold: dict, meta: dict, salt: str) -> None:
        rng = self.rng = rng_for(meta, salt)
        self.rows = _rows(gold)
        self.title = (gold.get("title") or "重点工作推进情况表").strip() or "重点工作推进情况表"
        self.header = ["序号", rng.choice(TASK_HEADERS), rng.choice(PROGRESS_HEADERS), rng.choice(LEAD_HEADERS)]
        self.seq_form = rng.choice(SEQ_FORMS)
        self.remarks = rng.random() < 0.5  # an empty 备注 column
        if self.remarks:
            self.header.append("备注")
        self.merge_units = rng.random() < 0.6
        self.sections = rng.random() < 0.7
        self.note = rng.random() < 0.5

    def gold(self, source: dict) -> dict:
        assert self.rows is not None
        for row in self.rows:
            row["seq_text"] = self.seq_form.format(n=row["seq"])
            if not self.sections:
                row.pop("section", None)
        return new_gold(source, self.rows, title=self.title)

    def grid(self) -> list[tuple[str, list[tuple[list[str], int, int]]]]:
        """Rows of the table as (kind, [(paragraphs, rowspan, colspan)]): kind "title", "header",
        "section" or "row"; a cell covered by a merge is absent."""
        assert self.rows is not None
        width = len(self.header)
        out: list[tuple[str, list[tuple[list[str], int, int]]]] = [("header", [([h], 1, 1) for h in self.header])]
        section, i = None, 0
        while i < len(self.rows):
            row = self.rows[i]
            if self.sections and row.get("section") and row["section"] != section:
                section = row["section"]
                out.append(("section", [([section], 1, width)]))
            units = "、".join(row.get("lead_units", []))
            span = 1
            while (
                self.merge_units
                and units
                and i + span < len(self.rows)
                and "、".join(self.rows[i + span].get("lead_units", [])) == units
                and (not self.sections or self.rows[i + span].get("section") == row.get("section"))
            ):
                span += 1
            for k in range(span):
                r = self.rows[i + k]
                cells = [
                    ([self.seq_form.format(n=r["seq"])], 1, 1),
                    ([r["task"]], 1, 1),
                    (_paragraphs(r["progress"], self.rng), 1, 1),
                ]
                if k == 0:
                    cells.append(([units], span, 1))
                if self.remarks:
                    cells.append(([""], 1, 1))
                out.append(("row", cells))
            i += span
        return out


def _html_page(gold: dict, meta: dict) -> tuple[bytes, dict, str] | None:
    plan = _Plan(gold, meta, "html")
    if plan.rows is None:
        return None
    rng, esc = plan.rng, html.escape
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>",
        esc(plan.title),
        "</title>",
        "<style>td{border:1px solid #000}</style></head><body>",
    ]
    parts += [f"<div class='crumb'>{esc(line)}</div>" for line in FURNITURE_ABOVE]
    parts.append(f"<h1>{esc(plan.title)}</h1>")
    if rng.random() < 0.5:
        parts.append("<p>&nbsp;&nbsp;现将有关工作推进情况公布如下。</p>")
    parts.append("<table border='1' cellspacing='0'>")
    nested = rng.random() < 0.5  # Word's export: every cell text in <p><span>
    for kind, cells in plan.grid():
        parts.append("<tr>")
        for paragraphs, rowspan, colspan in cells:
            tag = "th" if kind == "header" and rng.random() < 0.5 else "td"
            attrs = (f" rowspan='{rowspan}'" if rowspan > 1 else "") + (f" colspan='{colspan}'" if colspan > 1 else "")
            if nested:
                body = "".join(
                    f"<p style='text-align:left'><span style='font-size:14px'>{esc(p)}</span></p>" for p in paragraphs
                )
            else:
                body = "<br>".join(esc(p) for p in paragraphs)
            parts.append(f"<{tag}{attrs}>{body}</{tag}>")
        parts.append("</tr>\n")
    parts.append("</table>")
    if plan.note:
        parts.append("<p>注：以上数据截至报送日。</p>")
    parts += [f"<div class='foot'>{esc(line)}</div>" for line in FURNITURE_BELOW]
    parts.append("</body></html>")
    return "".join(parts).encode("utf-8"), plan.gold(gold), ".html"


def _xlsx_sheet(gold: dict, meta: dict) -> tuple[bytes, dict, str] | None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    plan = _Plan(gold, meta, "xlsx")
    if plan.rows is None:
        return None
    book = Workbook()
    sheet = book.active
    width = len(plan.header)
    r = 1
    if plan.rng.random() < 0.5:
        sheet.cell(r, 1, "附件1")
        r += 1
    sheet.cell(r, 1, plan.title)
    sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    r += 1
    pending: dict[int, int] = {}  # column → rows still covered by a merge above
    for _kind, cells in plan.grid():
        c, covered = 1, {col for col, n in pending.items() if n > 0}
        pending = {col: n - 1 for col, n in pending.items() if n > 1}
        for paragraphs, rowspan, colspan in cells:
            while c in covered:
                c += 1
            cell = sheet.cell(r, c, "\n".join(paragraphs) if any(paragraphs) else None)
            cell.alignment = Alignment(wrap_text=True)
            if rowspan > 1 or colspan > 1:
                sheet.merge_cells(start_row=r, start_column=c, end_row=r + rowspan - 1, end_column=c + colspan - 1)
                if rowspan > 1:
                    pending[c] = rowspan - 1
            c += colspan
        r += 1
    if plan.note:
        sheet.cell(r + 1, 1, "注：以上数据截至报送日。")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), plan.gold(gold), ".xlsx"


def _docx_table(gold: dict, meta: dict, *, salt: str = "docx", ruled: bool = True) -> tuple[bytes, dict, str] | None:
    from docx import Document
    from docx.shared import Cm

    plan = _Plan(gold, meta, salt)
    if plan.rows is None:
        return None
    grid = plan.grid()
    document = Document()
    if plan.rng.random() < 0.5:
        document.add_paragraph("附件1")
    document.add_paragraph(plan.title)
    width = len(plan.header)
    table = document.add_table(rows=len(grid), cols=width)
    table.autofit = False
    if ruled:
        table.style = "Table Grid"
    # Widths as publishers set them (a narrow 序号, a wide progress), not python-docx's equal ones:
    # a section's text then runs across the columns, as on real pages.
    widths = {"序号": 1.5, "备注": 1.6}
    for c, name in enumerate(plan.header):
        width = Cm(widths.get(name, 7.0 if name in PROGRESS_HEADERS else 3.0 if name in LEAD_HEADERS else 4.5))
        table.columns[c].width = width
        for row in table.rows:
            row.cells[c].width = width
    # Text first, merges after, bottom row first: python-docx finds a cell by its grid position,
    # which a merge above would move.
    pending: dict[int, int] = {}
    merges = []
    for r, (_kind, cells) in enumerate(grid):
        c, covered = 0, {col for col, n in pending.items() if n > 0}
        pending = {col: n - 1 for col, n in pending.items() if n > 1}
        for paragraphs, rowspan, colspan in cells:
            while c in covered:
                c += 1
            cell = table.cell(r, c)
            cell.paragraphs[0].text = paragraphs[0]
            for more in paragraphs[1:]:
                cell.add_paragraph(more)
            if rowspan > 1 or colspan > 1:
                merges.append((r, c, r + rowspan - 1, c + colspan - 1))
                if rowspan > 1:
                    pending[c] = rowspan - 1
            c += colspan
    for top, left, bottom, right in reversed(merges):
        table.cell(top, left).merge(table.cell(bottom, right))
    if plan.note:
        document.add_paragraph("注：以上数据截至报送日。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), plan.gold(gold), ".docx"


RENDERS = {
    "render_html_page": Render(_html_page, "a saved web page: site furniture, the table with merges and sections"),
    "render_xlsx_sheet": Render(_xlsx_sheet, "an Excel sheet: a title merged across, units merged down, sections"),
    "render_docx_table": Render(_docx_table, "a Word table: units merged down, sections, cells in two paragraphs"),
    "render_pdf_ruled": Render(
        lambda gold, meta: _docx_table(gold, meta, salt="pdf"),
        "the Word table printed to PDF by LibreOffice (ruled)",
        to_pdf=True,
    ),
    "render_pdf_unruled": Render(
        lambda gold, meta: _docx_table(gold, meta, salt="pdf-unruled", ruled=False),
        "the Word table without borders printed to PDF (an unruled table)",
        to_pdf=True,
    ),
}
