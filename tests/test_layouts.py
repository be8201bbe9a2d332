"""Every way a progress table reaches us as text, end to end: file → ``extractor.parse`` → rows.

One small document per layout lives in ``tests/fixtures/layouts/`` (see its README); the Word and
Excel variants are built here with python-docx / openpyxl. Each test states the rows a reader of the
document would write down — 序号, task and progress verbatim (edges trimmed, inner line breaks
kept as "\\n"), lead units split at 、，, — plus the table's title and attachment label and the
warnings that matter (``truncated``, ``text_layout``). A failure here is a library bug to fix, not
an expectation to relax.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

import docx
import openpyxl
import pytest
from docx.enum.text import WD_BREAK

import extractor
from extractor.headers import parse_seq
from extractor.models import Document, Row, Table
from extractor.textnorm import match_view

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"


class R(NamedTuple):
    """What a row must hold."""

    seq: int | None
    task: str | None
    progress: str | None
    lead_units: list[str]
    section: str | None = None


def rows_of(table: Table) -> list[R]:
    """Rows with their printed 序号 (``seq`` is the document position when numbering restarts)."""
    return [R(printed(r), r.task, r.progress, r.lead_units, r.section) for r in table.rows]


def printed(row: Row) -> int | None:
    return parse_seq(row.seq_text) if row.seq_text else row.seq


# --------------------------------------------------------------------------------------------
# sources: fixture files, and Word / Excel files built from them


def fixture(name: str) -> Callable[[], bytes]:
    return lambda: (LAYOUTS / name).read_bytes()


def _docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_paragraphs(name: str) -> Callable[[], bytes]:
    """A Word file holding the fixture's text, one paragraph per line (blank lines too), no table."""

    def build() -> bytes:
        document = docx.Document()
        for line in (LAYOUTS / name).read_text(encoding="utf-8").rstrip("\n").split("\n"):
            document.add_paragraph(line)
        return _docx_bytes(document)

    return build


def _add_table(document: docx.document.Document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text


def _page_break(document: docx.document.Document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


@cache
def parsed(name: str, source: Callable[[], bytes]) -> Document:
    return extractor.parse(source())


# --------------------------------------------------------------------------------------------
# expected content shared by several layouts

TITLE = "2024年区政府重点工作推进情况表"
HEADER = ["序号", "目标任务", "完成情况", "牵头责任单位"]

# layouts 1–3 and 13: rows 3–4 stand under the merged 区住房城乡建委 cell of row 2.
BASE = [
    R(1, "加快推进轨道交通15号线前期工作", "1-9月完成投资3.2亿元，同比增长5.1%，完成年度计划的76%。", ["区发展改革委"]),
    R(2, "新建改建公共停车泊位2000个", "累计建成公共停车泊位1650个，完成年度目标的82.5%。", ["区住房城乡建委"]),
    R(3, "完成老旧小区改造30个", "已开工28个，完工19个，完成投资1.6亿元。", ["区住房城乡建委"]),
    R(4, "推进城市燃气管道老化更新改造", "完成改造管网42公里，占年度任务的70%。", ["区住房城乡建委"]),
    R(
        5,
        "完成主城区12条道路提档升级",
        "已完成9条道路改造，剩余3条正在进行路面摊铺，预计11月底完工。存在问题：雨季施工影响进度。",
        ["区交通局", "区城市管理局"],
    ),
]

PIPE_ROWS = [
    R(
        1,
        "新建改扩建中小学校5所\n新增学位810个",  # the continuation line is the task cell's second paragraph
        "已完工3所，2所主体结构封顶，1-9月完成投资2.4亿元。",
        ["区教委"],
    ),
    R(2, "新增城市公园绿地12公顷", "已完成9.6公顷，完成率80%。", ["区城市管理局"]),
    R(3, "为60岁以上老年人免费接种流感疫苗", "累计接种3.1万人次，同比增长12.3%。", ["区卫生健康委"]),
    R(4, "改造农村公路100公里", "已完工86公里，剩余路段10月底前完成。", ["区交通局"]),
    R(5, "新增普惠托位500个", "新增托位320个。存在问题：场地落实难度大。", ["区卫生健康委", "区妇联"]),
]

TAB_BREAK_ROWS = [
    BASE[0],
    R(2, "新建改建公共停车泊位2000个，\n其中新能源充电车位300个", BASE[1].progress, ["区住房城乡建委"]),
    R(3, BASE[2].task, BASE[2].progress, ["区住房城乡建委"]),
    R(
        4,
        "完成主城区12条道路提档升级",
        "已完成9条道路改造，剩余3条正在进行路面摊铺。\n存在问题：雨季施工影响进度。",
        ["区交通局", "区城市管理局"],
    ),
    R(
        5,
        "推进城市燃气管道老化更新改造",
        "完成改造管网42公里，\n占年度任务的70%。\n预计12月底前全面完成。",
        ["区城市管理局"],
    ),
]

CELL_ENDS_WITH_BREAK_ROWS = [
    R(1, "新增城镇就业6000人", "新增城镇就业4870人，完成年度目标的81.2%。", ["区人力社保局"]),
    R(2, "新增市场主体5000户", "新增市场主体4120户，同比增长6.3%。", ["区市场监管局"]),
    R(3, "建成5G基站300个", "已建成5G基站245个。", ["区经济信息委"]),
]

TWO_ROW_HEADER_TITLE = "2024年区级重大项目推进情况表"
TWO_ROW_HEADER_ROWS = [
    R(1, "加快建设东部新城综合交通枢纽", "主体结构完成65%，1-9月完成投资4.8亿元。", ["区交通局"]),
    R(2, "推动智能制造产业园二期建设", "已完成厂房主体施工，引进企业3家。", ["区经济信息委"]),
    R(3, "实施城乡供水一体化工程", "管网铺设完成38公里，完成率76%。", ["区水利局", "区住房城乡建委"]),
    R(4, "新建区人民医院门诊综合楼", "完成桩基施工，累计完成投资1.2亿元，同比增长8.5%。", ["区卫生健康委"]),
]
# (牵头区领导, 10月工作计划) of each row
TWO_ROW_HEADER_EXTRA = [
    ("张明", "推进钢结构吊装，10月完成投资0.6亿元。"),
    ("李强", "启动设备安装调试。"),
    ("王丽", "完成剩余管网铺设12公里。"),
    ("张明", "开展地下室结构施工。"),
]

INDUSTRY = "一、产业发展提速工程"
TRANSPORT = "二、交通基础设施提升工程"
CATEGORY_TITLE = "2024年区重点项目推进情况表"
CATEGORY_ROWS = [
    R(1, "推动智能制造产业园二期建设", "已完成厂房主体施工，引进企业3家。", ["区经济信息委"], INDUSTRY),
    R(2, "建成5G基站300个", "已建成5G基站245个，完成率81.7%。", ["区经济信息委"], INDUSTRY),
    R(3, "加快建设东部新城综合交通枢纽", "主体结构完成65%，1-9月完成投资4.8亿元。", ["区交通局"], TRANSPORT),
    R(4, "改造农村公路100公里", "已完工86公里，剩余路段10月底前完成。", ["区交通局"], TRANSPORT),
    R(5, "新建公交首末站2座", "1座已投用，1座完成主体施工。", ["区交通局", "区城市管理局"], TRANSPORT),
]

SECTION_ROWS = [
    R(1, "新增城镇就业6000人", "新增城镇就业6215人，完成年度目标的103.6%。", ["区人力社保局"], "已完成的任务"),
    R(2, "新增市场主体5000户", "新增市场主体5380户，同比增长6.3%。", ["区市场监管局"], "已完成的任务"),
    R(3, "建成5G基站300个", "已建成5G基站245个。存在问题：选址协调难度大。", ["区经济信息委"], "进度滞后的项目"),
    R(4, "新增普惠托位500个", "新增托位320个，完成率64%。", ["区卫生健康委"], "进度滞后的项目"),
]
SECTION_ROWS_TRADITIONAL = [
    R(1, "新增城鎮就業6000人", "新增城鎮就業6215人，完成年度目標的103.6%。", ["區人力社保局"], "已完成的任務"),
    R(2, "新增市場主體5000戶", "新增市場主體5380戶，同比增長6.3%。", ["區市場監管局"], "已完成的任務"),
    R(3, "建成5G基站300個", "已建成5G基站245個。存在問題：選址協調難度大。", ["區經濟信息委"], "進度滯後的項目"),
    R(4, "新增普惠托位500個", "新增托位320個，完成率64%。", ["區衛生健康委"], "進度滯後的項目"),
]

QUARTER_ROWS = [
    R(1, "新增城镇就业6000人", "新增城镇就业4870人，完成年度目标的81.2%。", ["区人力社保局"]),
    R(2, "新增市场主体5000户", "新增市场主体4120户，同比增长6.3%。", ["区市场监管局"]),
    R(3, "建成5G基站300个", "已建成5G基站245个，完成率81.7%。", ["区经济信息委"]),
    R(4, "改造农村公路100公里", "已完工86公里，剩余路段10月底前完成。", ["区交通局"]),
]
# The document stops inside row 5: no lead-unit cell was written, so none is known (the unit of
# the row above is not this row's: a cut is not a merged cell).
TRUNCATED_ROWS = [*QUARTER_ROWS, R(5, "新增普惠托位500个", "新增托位320个，剩余", [])]

ASCII_ROWS = [
    R(
        1,
        "积极融入西部陆海新通道,进出口总额增长5%",
        "1-9月,全区实现外贸进出口总额43亿元,同比下降4.2%(全市下降11.9%)。存在问题:国际需求减弱;部分出口订单转移。",
        ["区商务委"],
    ),
    R(2, "完成FDI3000万美元", "1-9月实际利用外资1850万美元,完成年度目标的61.7%。", ["区商务委", "区招商投资促进局"]),
    R(
        3,
        "新增市场主体5000户",
        "新增市场主体4120户(其中企业1380户),同比增长6.3%。存在问题:个体工商户注销较多。",
        ["区市场监管局"],
    ),
    R(4, "实施城乡供水一体化工程", "管网铺设完成38公里;水厂主体完工,完成投资2.6亿元。", ["区水利局"]),
]
TRADITIONAL_ROWS = [
    R(
        1,
        "積極融入西部陸海新通道，進出口總額增長5%",
        "1-9月，全區實現外貿進出口總額43億元，同比下降4.2%（全市下降11.9%）。存在問題：國際需求減弱；部分出口訂單轉移。",
        ["區商務委"],
    ),
    R(2, "完成外資3000萬美元", "1-9月實際利用外資1850萬美元，完成年度目標的61.7%。", ["區商務委", "區招商投資促進局"]),
    R(
        3,
        "新增市場主體5000戶",
        "新增市場主體4120戶（其中企業1380戶），同比增長6.3%。存在問題：個體工商戶註銷較多。",
        ["區市場監管局"],
    ),
    R(4, "實施城鄉供水一體化工程", "管網鋪設完成38公里；水廠主體完工，完成投資2.6億元。", ["區水利局"]),
]

SPACED_ROWS = [
    R(1, "推進重點項目建設", "1-9 月完成投資 3,600 萬元，同比增長 8% 左右。", ["區發展改革委"]),
    R(2, "實施老舊小區改造", "2019 年以來累計改造小區 46 個，今年完成投資 1.25 億元。", ["區住房城鄉建委"]),
    R(3, "穩定外貿外資", "實際利用外資 2,350 萬美元，同比下降 3.4 %。", ["區商務委"]),
    R(4, "新增城鎮就業", "新增城鎮就業 6,800 人，城鎮調查失業率控制在 5.5% 以內。", ["區人力社保局"]),
]

PROSE_TITLE = "关于2024年1-9月重点工作推进情况的报告"
PROSE_ROWS = [
    # the 存在问题： label of item 1 is a field of its own (an issue), not progress
    R(1, "城乡供水一体化工程", "管网铺设进度较慢，1-9月完成管网铺设38公里，完成率76%。", ["区水利局"]),
    R(2, "农村生活污水治理", "完成12个行政村污水治理设施建设，完成投资0.85亿元。", ["区生态环境局"]),
    R(3, "中小河流综合治理", "完成河道整治15.2公里，同比增长5.1%。", ["区水利局", "区财政局"]),
    R(4, "高标准农田建设", "新建高标准农田2.3万亩，完成年度任务的92%。", ["区农业农村委"]),
]
# The item reference (第11项) is not part of the task (gold conventions); it is kept in its own cell.
REFERENCE_ROWS = [
    R(1, "社会消费品零售总额", "1-9月完成128.6亿元,同比增长6.2%,完成年度目标的74.5%。", []),
    R(2, "外贸进出口", "1-9月完成56.3亿元,同比增长3.1%,低于全市平均水平1.2个百分点。", []),
    R(3, "实际利用外资", "1-9月实际利用外资1850万美元,完成年度目标的61.7%。", []),
    R(4, "招商引资", "新签约项目42个,协议引资额215亿元。", []),
]
RUN_IN_ROWS = [
    R(1, "深化“一网通办”改革", "政务服务事项网上可办率达98.5%", []),
    R(2, "推进工程建设项目审批制度改革", "审批时限压缩至60个工作日以内", []),
    R(3, "强化惠企政策兑现", "累计兑现资金2.3亿元，惠及企业1260家。", []),  # its sentence's full stop
]
LABELLED_TITLE = "2024年区政府重点工作任务推进情况"
LABELLED_ROWS = [
    R(1, "轨道交通15号线一期工程", "1-9月完成投资3.2亿元，同比增长5.1%，完成年度计划的76%。", ["区交通局"]),
    # a head longer than a name, followed by labels: the whole head is the task, as written
    R(
        2,
        "新建改建公共停车泊位2000个，其中新能源充电车位300个。",
        "累计建成公共停车泊位1650个，完成年度目标的82.5%。",
        ["区住房城乡建委"],
    ),
    R(3, "城市燃气管道老化更新改造", "完成改造管网42公里，占年度任务的70%。", ["区城市管理局"]),
]
# (牵头领导, 配合单位) of each labelled item
LABELLED_EXTRA = [("张明", ["区发展改革委", "区财政局"]), ("李强", ["区交通局"]), ("王丽", ["各街道"])]


# --------------------------------------------------------------------------------------------
# the single-table cases


@dataclass(frozen=True)
class Case:
    name: str
    source: Callable[[], bytes] = field(compare=False)
    title: str | None
    rows: list[R] = field(compare=False)
    attachment: str | None = None
    codes: frozenset[str] = frozenset()  # warning codes expected, unplaced_text aside

    def document(self) -> Document:
        return parsed(self.name, self.source)


def _case(
    name: str,
    title: str | None,
    rows: list[R],
    *,
    attachment: str | None = None,
    source: Callable[[], bytes] | None = None,
    codes: frozenset[str] = frozenset(),
) -> object:
    case = Case(name, source or fixture(name), title, rows, attachment, codes)
    return pytest.param(case, id=name.rsplit(".", 1)[0])


TEXT_LAYOUT = frozenset({"text_layout"})
CASES = [
    # 1–3: a web table copied as text, one cell per line
    _case("l01_web_cells_blank.txt", TITLE, BASE),
    _case("l02_web_cells_pipe.txt", TITLE, BASE),
    _case("l03_web_cells_no_blank.txt", TITLE, BASE),
    # 4: pipe tables, a metadata table directly above
    _case("l04_pipe_metadata.txt", "2024年民生实事项目进展情况表", PIPE_ROWS),
    # 5: tab-separated rows with line breaks inside cells
    _case("l05_tab_rows_breaks.txt", TITLE, TAB_BREAK_ROWS),
    _case("l05b_tab_cell_ends_with_break.txt", None, CELL_ENDS_WITH_BREAK_ROWS),
    # 6: two-row headers
    _case("l06a_two_row_header_tab.txt", TWO_ROW_HEADER_TITLE, TWO_ROW_HEADER_ROWS),
    _case("l06b_two_row_header_pipe.txt", TWO_ROW_HEADER_TITLE, TWO_ROW_HEADER_ROWS),
    _case("l06c_two_row_header_stream.txt", TWO_ROW_HEADER_TITLE, TWO_ROW_HEADER_ROWS),
    # 7: merged category cells and section-heading rows
    _case("l07a_category_tab.txt", CATEGORY_TITLE, CATEGORY_ROWS),
    _case("l07b_category_stream.txt", CATEGORY_TITLE, CATEGORY_ROWS),
    _case("l07c_section_rows_tab.txt", "2024年区政府工作报告目标任务落实情况表", SECTION_ROWS),
    _case(
        "l07d_section_rows_stream_traditional.txt", "2024年區政府工作報告目標任務落實情況表", SECTION_ROWS_TRADITIONAL
    ),
    # 8: page furniture above the title
    _case("l08a_furniture_stream.txt", "2024年第三季度重点工作推进情况表", QUARTER_ROWS, attachment="附件2"),
    _case("l08b_furniture_tab.txt", "2024年区级重点民生项目建设进度表", QUARTER_ROWS),
    _case("l08c_furniture_pipe.txt", "区政府2024年度重点目标任务", QUARTER_ROWS),
    # 9: cut off inside a row
    _case("l09a_truncated_tab.txt", TITLE, TRUNCATED_ROWS, codes=frozenset({"truncated"})),
    _case("l09b_truncated_stream.txt", TITLE, TRUNCATED_ROWS, codes=frozenset({"truncated"})),
    # 10–11: ASCII punctuation, traditional script, spaced numbers
    _case("l10a_ascii_punctuation_tab.txt", "2024年1-9月目标任务完成情况", ASCII_ROWS),
    _case("l10b_traditional_tab.txt", "2024年1-9月目標任務完成情況", TRADITIONAL_ROWS),
    _case("l11_spaced_numbers_tab.txt", "2024年重點工作推進情況", SPACED_ROWS),
    # 12: numbered prose
    _case("l12a_prose_lead_label.txt", PROSE_TITLE, PROSE_ROWS),
    _case("l12b_prose_item_reference.txt", "区商务委2024年1-9月目标任务完成情况", REFERENCE_ROWS),
    _case("l12c_prose_run_in.txt", "2024年1-9月优化营商环境工作推进情况", RUN_IN_ROWS),
    _case("l12d_prose_labels.txt", LABELLED_TITLE, LABELLED_ROWS, attachment="附件1"),
    # 13: the same text inside a Word file without a table, and in a web page without <table>
    _case(
        "l13_docx_web_cells_blank.docx",
        TITLE,
        BASE,
        source=docx_paragraphs("l01_web_cells_blank.txt"),
        codes=TEXT_LAYOUT,
    ),
    _case(
        "l13_docx_web_cells_no_blank.docx",
        TITLE,
        BASE,
        source=docx_paragraphs("l03_web_cells_no_blank.txt"),
        codes=TEXT_LAYOUT,
    ),
    _case(
        "l13_docx_prose_lead_label.docx",
        PROSE_TITLE,
        PROSE_ROWS,
        source=docx_paragraphs("l12a_prose_lead_label.txt"),
        codes=TEXT_LAYOUT,
    ),
    _case(
        "l13_docx_prose_labels.docx",
        LABELLED_TITLE,
        LABELLED_ROWS,
        attachment="附件1",
        source=docx_paragraphs("l12d_prose_labels.txt"),
        codes=TEXT_LAYOUT,
    ),
    _case("l13_web_paragraphs.html", TITLE, BASE, codes=TEXT_LAYOUT),
]


@pytest.mark.parametrize("case", CASES)
def test_one_table(case: Case) -> None:
    assert len(case.document().tables) == 1


@pytest.mark.parametrize("case", CASES)
def test_rows(case: Case) -> None:
    (table, *_) = case.document().tables
    assert rows_of(table) == case.rows


@pytest.mark.parametrize("case", CASES)
def test_title_and_attachment(case: Case) -> None:
    (table, *_) = case.document().tables
    assert (table.attachment, table.title) == (case.attachment, case.title)


@pytest.mark.parametrize("case", CASES)
def test_warning_codes(case: Case) -> None:
    codes = {w.code for w in case.document().warnings if w.code != "unplaced_text"}
    assert codes == case.codes


def _case_named(name: str) -> Case:
    return next(p.values[0] for p in CASES if p.values[0].name == name)


def _unplaced(document: Document) -> list[str]:
    return [w.message for w in document.warnings if w.code == "unplaced_text"]


# --------------------------------------------------------------------------------------------
# layout-specific details


def test_pipe_metadata_table_is_not_the_table() -> None:
    document = _case_named("l04_pipe_metadata.txt").document()
    (table,) = document.tables
    assert [c.header for c in table.columns] == ["序号", "项目内容", "进展情况", "牵头单位"]
    metadata = {"索引号", "11500102MB1534567X/2024-00123", "发布机构", "区政府办公室", "发布日期", "2024-10-15"}
    assert not [text for row in table.rows for text in row.cells.values() if text in metadata]


@pytest.mark.parametrize(
    "name",
    ["l06a_two_row_header_tab.txt", "l06b_two_row_header_pipe.txt", "l06c_two_row_header_stream.txt"],
)
def test_two_row_header_columns(name: str) -> None:
    (table,) = _case_named(name).document().tables
    assert [(c.header, c.field) for c in table.columns] == [
        ("序号", "seq"),
        ("目标任务", "task"),
        ("牵头区领导", "lead_leaders"),
        ("牵头单位", "lead_units"),
        ("2024年推进情况/截至9月底进展", "progress"),
        ("2024年推进情况/10月工作计划", "plan"),
    ]
    assert [(r.cells.get("lead_leaders"), r.cells.get("plan")) for r in table.rows] == TWO_ROW_HEADER_EXTRA


def test_category_column_keeps_the_category_cell() -> None:
    (table,) = _case_named("l07a_category_tab.txt").document().tables
    assert [c.field for c in table.columns] == ["category", "seq", "task", "progress", "lead_units"]
    assert [r.cells.get("category") for r in table.rows] == [INDUSTRY, INDUSTRY, TRANSPORT, TRANSPORT, TRANSPORT]


@pytest.mark.parametrize("name", ["l07c_section_rows_tab.txt", "l07d_section_rows_stream_traditional.txt"])
def test_section_headings_are_neither_rows_nor_lost(name: str) -> None:
    document = _case_named(name).document()
    (table,) = document.tables
    headings = {"已完成的任务", "进度滞后的项目", "已完成的任務", "進度滯後的項目"}
    assert not [r for r in table.rows if {r.task, r.progress, r.seq_text} & headings]
    assert not set(_unplaced(document)) & headings


FURNITURE = {
    "l08a_furniture_stream.txt": [
        "当前位置：首页 > 政务公开 > 重点工作",
        "•",
        "发布日期：2024-10-15  浏览次数：1024",
        "字体：[ 大 中 小 ]",
        "来源：区政府办公室",
    ],
    "l08b_furniture_tab.txt": [
        "当前位置：首页 > 政务公开 > 重点工作",
        "•",
        "发布日期：2024-10-15  浏览次数：1024",
        "字体：[ 大 中 小 ]",
        "来源：区政府办公室",
    ],
    "l08c_furniture_pipe.txt": [
        "• 首页",
        "当前位置：首页 > 政务公开 > 规划计划",
        "发布时间：2024-10-15 09:30",
        "【打印】【关闭】",
    ],
    "l13_web_paragraphs.html": ["当前位置：首页 > 政务公开 > 重点工作", "发布日期：2024-10-15 来源：区政府办公室"],
}


@pytest.mark.parametrize("name", list(FURNITURE))
def test_furniture_is_neither_title_nor_unplaced(name: str) -> None:
    document = _case_named(name).document()
    messages = [w.message for w in document.warnings]
    assert [line for line in FURNITURE[name] if any(line.strip() in m for m in messages)] == []
    assert document.tables[0].title not in FURNITURE[name]


@pytest.mark.parametrize("name", ["l09a_truncated_tab.txt", "l09b_truncated_stream.txt"])
def test_truncated_warning_points_at_the_last_row(name: str) -> None:
    document = _case_named(name).document()
    assert [(w.row, w.table) for w in document.warnings if w.code == "truncated"] == [(4, 0)]


def test_ascii_punctuation_seq_text_and_issues() -> None:
    (table,) = _case_named("l10a_ascii_punctuation_tab.txt").document().tables
    assert [r.seq_text for r in table.rows] == ["1、", "2、", "3、", "4、"]
    assert [[i.text for i in r.issues] for r in table.rows] == [
        ["国际需求减弱;", "部分出口订单转移。"],
        [],
        ["个体工商户注销较多。"],
        [],
    ]


def test_traditional_issues_keep_the_source_text() -> None:
    (table,) = _case_named("l10b_traditional_tab.txt").document().tables
    assert [c.header for c in table.columns] == ["序號", "目標任務", "進展情況", "牽頭單位"]
    assert [[i.text for i in r.issues] for r in table.rows] == [
        ["國際需求減弱；", "部分出口訂單轉移。"],
        [],
        ["個體工商戶註銷較多。"],
        [],
    ]


def _figure_values(table: Table) -> list[list[tuple[object, ...]]]:
    # a measure word keeps its source script (個 against 个): compare it folded
    return [[(f.field, f.kind, f.value, match_view(f.unit), f.basis, f.scope) for f in r.figures] for r in table.rows]


def test_ascii_and_traditional_give_the_same_figures() -> None:
    (ascii_table,) = _case_named("l10a_ascii_punctuation_tab.txt").document().tables
    (traditional,) = _case_named("l10b_traditional_tab.txt").document().tables
    assert _figure_values(ascii_table) == _figure_values(traditional)
    assert [(f.kind, f.value, f.unit, f.scope) for f in ascii_table.rows[0].figures if f.field == "progress"] == [
        ("amount", 4.3e9, "CNY", None),
        ("change", -4.2, "%", None),
        ("change", -11.9, "%", "全市"),
    ]
    assert [(f.kind, f.value, f.unit) for f in traditional.rows[1].figures if f.field == "progress"] == [
        ("amount", 1.85e7, "USD"),
        ("percent", 61.7, "%"),
    ]
    assert [(f.kind, f.value, f.unit) for f in traditional.rows[3].figures if f.field == "progress"] == [
        ("quantity", 38.0, "公里"),
        ("amount", 2.6e8, "CNY"),
    ]


@pytest.mark.parametrize(
    "name", ["l10a_ascii_punctuation_tab.txt", "l10b_traditional_tab.txt", "l11_spaced_numbers_tab.txt"]
)
def test_figures_are_the_source_text(name: str) -> None:
    (table,) = _case_named(name).document().tables
    for row in table.rows:
        for figure in row.figures:
            assert row.cells[figure.field][figure.span[0] : figure.span[1]] == figure.text


SPACED_FIGURES = [
    [("amount", 3.6e7, "CNY", None, None), ("change", 8.0, "%", "yoy", "about")],
    [("count", 46.0, "個", None, None), ("amount", 1.25e8, "CNY", None, None)],  # the unit as written
    [("amount", 2.35e7, "USD", None, None), ("change", -3.4, "%", "yoy", None)],
    [("count", 6800.0, "人", None, None), ("percent", 5.5, "%", None, "at_most")],
]


@pytest.mark.parametrize("index", range(len(SPACED_FIGURES)))
def test_spaced_numbers_give_the_right_figures(index: int) -> None:
    (table,) = _case_named("l11_spaced_numbers_tab.txt").document().tables
    row = table.rows[index]
    got = [(f.kind, f.value, f.unit, f.basis, f.qualifier) for f in row.figures if f.field == "progress"]
    assert got == SPACED_FIGURES[index], (
        f"figure rules (spaced web-copy numbers) read {row.progress!r} as {got}, expected {SPACED_FIGURES[index]}"
    )


def test_spaced_year_is_no_figure() -> None:
    (table,) = _case_named("l11_spaced_numbers_tab.txt").document().tables
    assert not [f for r in table.rows for f in r.figures if f.value == 2019], "figure rules: '2019 年' is a year"


@pytest.mark.parametrize("name", ["l12a_prose_lead_label.txt", "l13_docx_prose_lead_label.docx"])
def test_prose_issue_preamble_and_closing(name: str) -> None:
    document = _case_named(name).document()
    (table,) = document.tables
    assert [[i.text for i in r.issues] for r in table.rows] == [["部分路段征地拆迁未完成。"], [], [], []]
    unplaced = _unplaced(document)
    # the preamble and the closing signature/date are kept, outside the rows
    for line in (
        "今年以来，我局认真贯彻落实区委、区政府决策部署，现将1-9月重点工作推进情况报告如下。",
        "区水利局",
        "2024年10月12日",
    ):
        assert line in unplaced


@pytest.mark.parametrize("name", ["l12d_prose_labels.txt", "l13_docx_prose_labels.docx"])
def test_prose_labels(name: str) -> None:
    (table,) = _case_named(name).document().tables
    assert [(r.cells.get("lead_leaders"), r.partner_units) for r in table.rows] == LABELLED_EXTRA


def test_prose_reference_figures() -> None:
    (table,) = _case_named("l12b_prose_item_reference.txt").document().tables
    assert [r.cells["项目编号"] for r in table.rows] == ["(第11项)", "(第12项)", "(第13项)", "(第14项)"]
    figures = [(f.kind, f.value, f.unit, f.basis) for f in table.rows[1].figures if f.field == "progress"]
    assert figures[:2] == [("amount", 5.63e9, "CNY", None), ("change", 3.1, "%", "yoy")]


def test_run_in_context_is_not_a_row() -> None:
    document = _case_named("l12c_prose_run_in.txt").document()
    unplaced = _unplaced(document)
    assert "今年以来，我区持续推进优化营商环境各项工作，取得阶段性成效。" in unplaced
    assert "下一步，我区将持续深化改革，推动营商环境不断优化。" in unplaced


# --------------------------------------------------------------------------------------------
# 14: several Word tables, a workbook of sheets


def _two_attachments() -> bytes:
    document = docx.Document()
    document.add_paragraph("附件1")
    document.add_paragraph("2024年区政府重点工作推进情况表")
    _add_table(
        document,
        [
            HEADER,
            ["1", "加快推进轨道交通15号线前期工作", "1-9月完成投资3.2亿元，同比增长5.1%。", "区发展改革委"],
            ["2", "新建改建公共停车泊位2000个", "累计建成1650个，完成年度目标的82.5%。", "区住房城乡建委"],
        ],
    )
    _page_break(document)
    document.add_paragraph("附件2")
    document.add_paragraph("2024年区级民生实事项目进展情况表")
    _add_table(
        document,
        [
            ["序号", "项目名称", "进展情况", "责任单位", "完成时限"],
            ["1", "新增普惠托位500个", "新增托位320个，完成率64%。", "区卫生健康委", "2024年12月底"],
            ["2", "改造农村公路100公里", "已完工86公里。", "区交通局、区城市管理局", "2024年11月底"],
        ],
    )
    return _docx_bytes(document)


def test_docx_two_attachments_are_two_tables() -> None:
    document = parsed("two_attachments", _two_attachments)
    assert [(t.attachment, t.title) for t in document.tables] == [
        ("附件1", "2024年区政府重点工作推进情况表"),
        ("附件2", "2024年区级民生实事项目进展情况表"),
    ]
    first, second = document.tables
    assert rows_of(first) == [
        R(1, "加快推进轨道交通15号线前期工作", "1-9月完成投资3.2亿元，同比增长5.1%。", ["区发展改革委"]),
        R(2, "新建改建公共停车泊位2000个", "累计建成1650个，完成年度目标的82.5%。", ["区住房城乡建委"]),
    ]
    assert rows_of(second) == [
        R(1, "新增普惠托位500个", "新增托位320个，完成率64%。", ["区卫生健康委"]),
        R(2, "改造农村公路100公里", "已完工86公里。", ["区交通局", "区城市管理局"]),
    ]
    assert [r.cells["deadline"] for r in second.rows] == ["2024年12月底", "2024年11月底"]
    assert not [w for w in document.warnings if w.code != "unplaced_text"]


def _continued_after_page_break() -> bytes:
    document = docx.Document()
    document.add_paragraph("附件3")
    document.add_paragraph(TITLE)
    _add_table(
        document,
        [
            HEADER,
            ["1", BASE[0].task or "", BASE[0].progress or "", "区发展改革委"],
            ["2", BASE[1].task or "", "累计建成公共停车泊位1650个，", "区住房城乡建委"],
        ],
    )
    _page_break(document)
    _add_table(
        document,
        [
            HEADER,
            ["", "", "完成年度目标的82.5%。", ""],  # the rest of row 2, cut by the page break
            ["3", BASE[2].task or "", BASE[2].progress or "", "区住房城乡建委"],
            ["4", BASE[4].task or "", BASE[4].progress or "", "区交通局、区城市管理局"],
        ],
    )
    return _docx_bytes(document)


def test_docx_table_continued_after_page_break_is_one_table() -> None:
    document = parsed("continued", _continued_after_page_break)
    (table,) = document.tables
    assert (table.attachment, table.title) == ("附件3", TITLE)
    assert rows_of(table) == [BASE[0], BASE[1], BASE[2], R(4, BASE[4].task, BASE[4].progress, BASE[4].lead_units)]
    assert not [w for w in document.warnings if w.code != "unplaced_text"]


RESTART_FIRST = [
    R(1, "新增城镇就业6000人", "新增城镇就业4870人，完成年度目标的81.2%。", ["区人力社保局"]),
    R(2, "新增市场主体5000户", "新增市场主体4120户，同比增长6.3%。", ["区市场监管局"]),
]
RESTART_SECOND = [
    R(1, "建成5G基站300个", "已建成5G基站245个，完成率81.7%。", ["区经济信息委"]),
    R(2, "改造农村公路100公里", "已完工86公里，剩余路段10月底前完成。", ["区交通局"]),
    R(3, "新增普惠托位500个", "新增托位320个，完成率64%。", ["区卫生健康委"]),
]


def _restart_rows(rows: list[R]) -> list[list[str]]:
    return [HEADER] + [[str(r.seq), r.task or "", r.progress or "", "、".join(r.lead_units)] for r in rows]


def _docx_restarting() -> bytes:
    document = docx.Document()
    _add_table(document, _restart_rows(RESTART_FIRST))
    _page_break(document)
    _add_table(document, _restart_rows(RESTART_SECOND))
    return _docx_bytes(document)


def _xlsx_restarting() -> bytes:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.title = "经济发展"
    second = workbook.create_sheet("民生保障")
    for sheet, rows in ((first, RESTART_FIRST), (second, RESTART_SECOND)):
        for row in _restart_rows(rows):
            sheet.append([int(c) if c.isdigit() else c for c in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "build"), [("docx", _docx_restarting), ("xlsx", _xlsx_restarting)])
def test_same_header_with_seq_restarting_is_two_tables(name: str, build: Callable[[], bytes]) -> None:
    document = parsed(f"restart_{name}", build)
    assert [rows_of(t) for t in document.tables] == [RESTART_FIRST, RESTART_SECOND]
    # Numbering starts again: seq is each row's position in the document, seq_text what was printed.
    assert [(r.seq, r.seq_text) for t in document.tables for r in t.rows] == [
        (1, "1"),
        (2, "2"),
        (3, "1"),
        (4, "2"),
        (5, "3"),
    ]
    assert not [w for w in document.warnings if w.code != "unplaced_text"]
