"""News-style progress reports (extractor/layout/news.py): prose with no header read as rows.

Each shape is a small document written for the test, checked in simplified and traditional script and
with full- and half-width punctuation; the negative cases (a notice, a story that only narrates, a
text some other layout reads) must keep their answer.
"""

from __future__ import annotations

from collections import Counter

import pytest
import regex

import extractor
from extractor.errors import NoTableError
from extractor.layout import choose_layout
from extractor.layout.base import Line
from extractor.layout.news import NEWS_CONFIDENCE, news_data, news_items, patterns
from extractor.models import Row
from extractor.readers.raw import Paragraph, RawTable
from extractor.textnorm import match_view

_HALF = str.maketrans({"：": ":", "，": ",", "（": "(", "）": ")", "；": ";"})
_T = str.maketrans(
    {
        "项": "項",
        "目": "目",
        "进": "進",
        "展": "展",
        "园": "園",
        "门": "門",
        "场": "場",
        "馆": "館",
        "处": "處",
        "卫": "衛",
        "生": "生",
        "局": "局",
        "这": "這",
        "桥": "橋",
        "电": "電",
        "设": "設",
        "计": "計",
        "划": "劃",
        "务": "務",
        "业": "業",
        "车": "車",
        "开": "開",
        "阶": "階",
        "段": "段",
        "经": "經",
        "检": "檢",
        "测": "測",
        "长": "長",
        "宣": "宣",
        "导": "導",
        "达": "達",
        "发": "發",
        "养": "養",
        "会": "會",
        "议": "議",
        "县": "縣",
        "报": "報",
        "告": "告",
        "资": "資",
        "万": "萬",
        "亿": "億",
    }
)


def _spellings(text: str) -> list[str]:
    return [text, text.translate(_HALF), text.translate(_T)]


def _rows(text: str) -> list[Row]:
    document = extractor.parse_bytes(text.encode("utf-8"), "t.txt")
    return [r for t in document.tables for r in t.rows]


def _view(text: str) -> str:
    return match_view(text).translate(_HALF)


# ------------------------------------------------------------------------------------------ data


def test_every_pattern_reads_its_examples_and_not_its_counter_examples() -> None:
    data = news_data()
    compiled = patterns()
    checked = 0
    for name, value in data.items():
        if name.endswith("_examples"):
            continue
        if isinstance(value, list):
            styles = [regex.compile(v) for v in value]
            for example in data.get(f"{name}_examples", []):
                assert any(s.search(_view(example)) for s in styles), (name, example)
            for example in data.get(f"{name}_counter_examples", []):
                assert not any(s.search(_view(example)) for s in styles), (name, example)
            checked += 1
            continue
        for example in data.get(f"{name}_examples", []):
            assert compiled[name].search(_view(example)), (name, example)
            checked += 1
        for example in data.get(f"{name}_counter_examples", []):
            assert not compiled[name].search(_view(example)), (name, example)
    assert checked > 40


def test_every_pattern_has_examples() -> None:
    data = news_data()
    assert [k for k in data if not k.endswith("_examples") and f"{k}_examples" not in data] == []


# ------------------------------------------------------------------------------------------ shapes

BRACKET_LIST = """2024年9月民生实事项目工作进展通报
截至9月底，我县民生实事20项中已有17项完成年度任务。
3项未完成的项目具体为：新建城东幼儿园（县教育局），改造提升老旧小区、新增停车泊位（县住建局），新增、改扩建公共厕所（县城管局等）。
请各牵头单位倒排计划，确保年底前全面完成。
"""


@pytest.mark.parametrize("text", _spellings(BRACKET_LIST))
def test_a_list_of_tasks_with_their_units_in_brackets(text: str) -> None:
    rows = _rows(text)
    assert [(_view(r.task), [_view(u) for u in r.lead_units]) for r in rows] == [
        (_view("新建城东幼儿园"), [_view("县教育局")]),
        (_view("改造提升老旧小区"), [_view("县住建局")]),
        (_view("新增停车泊位"), [_view("县住建局")]),
        (_view("新增、改扩建公共厕所"), [_view("县城管局")]),
    ]
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    assert all(_view(r.section or "") == _view("3项未完成的项目具体为") for r in rows)


QUOTED = """县政府召开重大项目列管会议 检视5大案进度
县政府昨召开9月份重大项目列管执行进度追踪会议。
有关“智慧城市”案中“数据中心”部分，县工信局指出，机房主体已完工，设备采购已完成80%。
而针对“体育公园”部分，县文体局表示，园区步道已完成铺设，预计11月开放。
另“农贸市场”部分，县商务局表示，目前正在进行内部装修。
"""


@pytest.mark.parametrize("text", _spellings(QUOTED))
def test_topics_in_quotes_with_the_unit_that_reports(text: str) -> None:
    rows = _rows(text)
    assert [_view(r.task) for r in rows] == [_view("数据中心"), _view("体育公园"), _view("农贸市场")]
    assert [[_view(u) for u in r.lead_units] for r in rows] == [
        [_view("县工信局")],
        [_view("县文体局")],
        [_view("县商务局")],
    ]
    # who said it opens the report: its lead unit, not its progress
    assert _view(rows[0].progress) == _view("机房主体已完工，设备采购已完成80%。")
    assert _view(rows[0].section or "") == _view("智慧城市")


ENUMERATED = """全县重点工作推进情况通报
今年以来，全县重点工作进展顺利。其一，城东大桥已于6月建成通车；其二，新建学校3所，目前已完成主体工程；其三，老旧小区改造已完成12个，完成率60%。
"""


@pytest.mark.parametrize("text", _spellings(ENUMERATED))
def test_run_in_items_counted_by_qiyi(text: str) -> None:
    rows = _rows(text)
    assert [(_view(r.task), _view(r.progress)) for r in rows] == [
        (_view("城东大桥"), _view("已于6月建成通车")),
        (_view("新建学校3所"), _view("目前已完成主体工程")),
        (_view("老旧小区改造"), _view("已完成12个，完成率60%。")),
    ]


SUBJECTS = """城区重点项目建设进展情况
城南污水处理厂项目已完成主体工程，完成投资1.2亿元。
截至10月底，东湖公园改造工程已完成80%的工程量，预计11月底完工。
人民医院新院区项目，总投资5亿元，已完成桩基施工。
下一步，我局将继续加快推进项目建设。
"""


@pytest.mark.parametrize("text", _spellings(SUBJECTS))
def test_one_project_a_paragraph_named_before_its_report(text: str) -> None:
    rows = _rows(text)
    assert [_view(r.task) for r in rows] == [
        _view("城南污水处理厂项目"),
        _view("东湖公园改造工程"),
        _view("人民医院新院区项目"),
    ]
    assert _view(rows[0].progress) == _view("已完成主体工程，完成投资1.2亿元。")
    # the time that led the sentence is the report's; the closing paragraph is the report's own
    assert _view(rows[1].progress) == _view("截至10月底，已完成80%的工程量，预计11月底完工。")
    assert _view("下一步") not in _view(rows[2].progress)


CLAUSES = """1-9月全县民生工程进展情况
剩余5项中，2个嵌入式养老机构建设已完成1个(50%)、15个农村幸福院建设已完成8个(53%)，城南污水处理厂项目已完成投资3亿元，东湖公园改造工程已完工。
"""


@pytest.mark.parametrize("text", _spellings(CLAUSES))
def test_projects_reported_clause_after_clause(text: str) -> None:
    rows = _rows(text)
    assert [(_view(r.task), _view(r.progress)) for r in rows] == [
        (_view("2个嵌入式养老机构建设"), _view("已完成1个(50%)")),
        (_view("15个农村幸福院建设"), _view("已完成8个(53%)")),
        (_view("城南污水处理厂项目"), _view("已完成投资3亿元")),
        (_view("东湖公园改造工程"), _view("已完工。")),
    ]


def test_names_sharing_one_report_are_one_item_not_a_split() -> None:
    """英山大桥、白合大桥均已…: the second name does not open an item after a first that reported nothing."""
    text = (
        "大桥建设进展\n英山大桥、白合大桥均已完成80%的工程量，分别完成投资986万元和518万元。\n"
        "福龙桥已完成50.5%的工程量。\n"
    )
    rows = _rows(text)
    assert [(r.task, r.progress) for r in rows] == [
        ("英山大桥、白合大桥", "均已完成80%的工程量，分别完成投资986万元和518万元。"),
        ("福龙桥", "已完成50.5%的工程量。"),
    ]


TITLED = """今年民生实事进展
城南污水处理厂提标改造工程（县住建局）
已完成主体工程，完成投资1.2亿元，占年度计划的60%。
东湖公园改造工程
目前已完成80%的工程量，预计10月底完工。
城北小学新建工程（县教育局）
主体已封顶，正在进行内部装修。
"""


@pytest.mark.parametrize("text", _spellings(TITLED))
def test_titles_over_their_reports(text: str) -> None:
    rows = _rows(text)
    assert [(_view(r.task), [_view(u) for u in r.lead_units]) for r in rows] == [
        (_view("城南污水处理厂提标改造工程"), [_view("县住建局")]),
        (_view("东湖公园改造工程"), []),
        (_view("城北小学新建工程"), [_view("县教育局")]),
    ]


def test_two_titles_over_their_reports_are_too_few() -> None:
    text = "\n".join(TITLED.splitlines()[:5]) + "\n"
    with pytest.raises(NoTableError):
        _rows(text)


LISTED_LABELS = """2024年为民办实事工程进展
【任务】今年，我县承担市为民办实事工程中的城南污水处理厂提标改造工程、东湖公园改造项目、城北小学建设等3个子项目。
【工作进度】城南污水处理厂提标改造工程已完成主体，完成投资1.2亿元；东湖公园改造项目已完工。城北小学正在进行主体施工，预计年底完工。
"""


@pytest.mark.parametrize("text", _spellings(LISTED_LABELS))
def test_a_labelled_task_that_lists_its_sub_projects(text: str) -> None:
    """【任务】…中的A、B、C等3个子项目: one row a name, its progress the clauses that name it."""
    rows = _rows(text)
    assert [(_view(r.task), _view(r.progress)) for r in rows] == [
        (_view("城南污水处理厂提标改造工程"), _view("城南污水处理厂提标改造工程已完成主体，完成投资1.2亿元")),
        (_view("东湖公园改造项目"), _view("东湖公园改造项目已完工。")),
        (_view("城北小学建设"), _view("城北小学正在进行主体施工，预计年底完工。")),
    ]


LABELS = """民生工程进展
【任务】新建城南小学一所。
【工作进度】主体工程已完工，完成投资3000万元。
"""


def test_a_task_label_and_its_progress_label() -> None:
    rows = _rows(LABELS)
    assert [(r.task, r.progress) for r in rows] == [("新建城南小学一所。", "主体工程已完工，完成投资3000万元。")]


def test_the_layout_is_named_and_trusted_little() -> None:
    document = extractor.parse_bytes(SUBJECTS.encode(), "t.txt")
    assert document.tables[0].layout == "news"
    assert 0 < document.tables[0].confidence <= NEWS_CONFIDENCE


@pytest.mark.parametrize("text", [BRACKET_LIST, QUOTED, ENUMERATED, SUBJECTS, CLAUSES, TITLED])
def test_nothing_is_lost(text: str) -> None:
    """Every Han character of the text is in a cell or a paragraph (a bracket's and a colon's marks
    and an enumerator aside: the enumerator is kept in its own cell)."""
    blocks = news_items([Line(line) for line in text.splitlines()])
    assert blocks is not None
    kept = []
    for block in blocks:
        if isinstance(block, Paragraph):
            kept.append(block.text)
        elif isinstance(block, RawTable):
            kept.extend(cell.text or "" for row in block.rows[1:] for cell in row.cells)
    want = Counter(regex.findall(r"\p{Han}", text))
    have = Counter(regex.findall(r"\p{Han}", "".join(kept)))
    assert want - have == Counter()


# ------------------------------------------------------------------------------------------ negatives

NOTICE = """关于报送2024年民生实事项目进展情况的通知
各乡镇、县直各单位：
城南污水处理厂项目已完成主体工程，东湖公园改造工程已完成80%的工程量。请各单位于每月5日前报送项目进展情况。
特此通知。
"""

STORY = """市长到城南调研重点项目
3月5日，市长张三到城南污水处理厂项目调研。他指出，要加快推进项目建设，确保按期完成。
随后，张三一行来到东湖公园，察看了公园改造规划，要求相关部门倒排工期。
"""

PLAIN = """关于调整办公时间的说明
自下月起，机关办公时间调整为上午九时至下午五时。
如有疑问，请与办公室联系。
"""


@pytest.mark.parametrize("text", [NOTICE, STORY, PLAIN], ids=["notice", "story", "plain"])
def test_a_text_that_does_not_report_on_items_is_no_table(text: str) -> None:
    with pytest.raises(NoTableError):
        _rows(text)
    assert news_items([Line(line) for line in text.splitlines()]) is None


def test_one_project_alone_is_no_list() -> None:
    text = "城南项目进展\n城南污水处理厂项目已完成主体工程，完成投资1.2亿元。\n"
    with pytest.raises(NoTableError):
        _rows(text)


def test_another_layout_that_reads_the_text_wins() -> None:
    """A text a stronger layout reads (numbered prose) is never read as news."""
    text = (
        "重点项目进展情况\n1.城南污水处理厂项目：已完成主体工程。\n2.东湖公园改造工程：已完成80%的工程量。\n"
        "3.人民医院项目：已完成桩基施工。\n"
    )
    choice = choose_layout([Line(line) for line in text.splitlines()])
    assert choice.layout != "news"
    assert choice.layout is not None


def test_the_no_table_message_names_prose_as_prose() -> None:
    """A story's paragraph is no header lacking a field: the message says it is prose with no items."""
    with pytest.raises(NoTableError) as error:
        _rows(STORY)
    message = error.value.message
    assert "prose with no items that report progress" in message
    assert "'3月5日，市长张三到城南污水处理厂项目调研。" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "content",
    ['[news]\nreport_word = "已"\nreport_wrod_examples = ["已完成"]\n', '[news]\nx = "a"\n[other]\ny = "b"\n'],
    ids=["misspelt-examples", "other-table"],
)
def test_a_news_file_that_breaks_its_model_is_refused(content: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.layout import news
    from extractor.rules.data import RuleDataError

    monkeypatch.setattr(news, "rule_file_bytes", lambda name: content.encode())
    with pytest.raises(RuleDataError, match=r"news\.toml"):
        news.news_data.__wrapped__()


PARAGRAPH_ITEMS = """全县重点工作推进情况通报
今年以来，全县重点工作进展顺利。
第一，城东大桥已于6月建成通车，完成投资2亿元。
第二，新建学校3所，目前已完成主体工程。
第三，老旧小区改造已完成12个，完成率60%。
下一步，我局将继续推进。
"""


@pytest.mark.parametrize("text", _spellings(PARAGRAPH_ITEMS))
def test_a_count_that_runs_on_across_paragraphs(text: str) -> None:
    """第一,… / 第二,… one a paragraph: one count; the closing paragraph is no item's progress."""
    rows = _rows(text)
    assert [(_view(r.task), _view(r.progress)) for r in rows] == [
        (_view("城东大桥"), _view("已于6月建成通车，完成投资2亿元。")),
        (_view("新建学校3所"), _view("目前已完成主体工程。")),
        (_view("老旧小区改造"), _view("已完成12个，完成率60%。")),
    ]


def test_a_lone_first_item_is_no_count() -> None:
    text = "全县重点工作推进情况\n第一，城东大桥已于6月建成通车。\n全年完成投资5亿元。\n"
    with pytest.raises(NoTableError):
        _rows(text)


UNITS_FIRST = (
    "重点项目进展情况\n县住建局：城南污水处理厂项目已完成主体工程。县交通局：东湖大桥工程目前已完成80%的工程量。\n"
)


@pytest.mark.parametrize("text", _spellings(UNITS_FIRST))
def test_a_unit_before_its_colon_leads_the_item_it_reports(text: str) -> None:
    rows = _rows(text)
    assert [(_view(r.task), [_view(u) for u in r.lead_units]) for r in rows] == [
        (_view("城南污水处理厂项目"), [_view("县住建局")]),
        (_view("东湖大桥工程"), [_view("县交通局")]),
    ]


FIGURES_ONLY = """1-9月民生实事完成情况
城镇新增就业完成5200人，完成年度目标的104%；农村公路提升改造完成386公里，占计划的96%；困难残疾人生活补贴发放已完成1.2万人次。
"""


@pytest.mark.parametrize("text", _spellings(FIGURES_ONLY))
def test_tasks_named_before_the_figure_they_reached(text: str) -> None:
    """A task with no project noun, reported by what it reached (…完成5200人): its name is the task."""
    rows = _rows(text)
    assert [_view(r.task) for r in rows] == [
        _view("城镇新增就业"),
        _view("农村公路提升改造"),
        _view("困难残疾人生活补贴发放"),
    ]
    assert _view(rows[0].progress) == _view("完成5200人，完成年度目标的104%")


def test_an_incidental_count_does_not_eclipse_the_projects_reported() -> None:
    """Two (1)(2) in one paragraph of a text that reports five projects: the projects are the rows."""
    text = (
        "城区重点项目建设进展情况\n本月召开会议两次：(1)动员会已召开；(2)推进会已召开。\n"
        "城南污水处理厂项目已完成主体工程。\n东湖公园改造工程已完工。\n人民医院新院区项目已完成桩基施工。\n"
        "城北小学建设项目正在进行主体施工。\n滨江绿道工程已完成80%。\n"
    )
    rows = _rows(text)
    assert [r.task for r in rows] == [
        "城南污水处理厂项目",
        "东湖公园改造工程",
        "人民医院新院区项目",
        "城北小学建设项目",
        "滨江绿道工程",
    ]


def test_items_that_would_swallow_a_heading_and_its_report_are_no_reading() -> None:
    """省立医院二期项目:… under a title, then the next title and its report: not the text's items."""
    text = (
        "2021年为民办实事项目进展\n建设全省重大疫情救治基地\n省级财政补助资金下达3.6亿元。\n"
        "省立医院二期项目：感染楼主体结构封顶。\n协和医院二期项目：感染楼主体结构施工至四层。\n"
        "提升卫生应急救援处置能力\n全省各地完成95支应急队伍组建。\n"
    )
    assert news_items([Line(line) for line in text.splitlines()]) is None


def test_a_signature_after_the_last_item_is_no_heading() -> None:
    text = SUBJECTS.replace("下一步，我局将继续加快推进项目建设。\n", "") + "城区重点项目建设指挥部\n"
    rows = _rows(text)
    assert [r.task for r in rows] == ["城南污水处理厂项目", "东湖公园改造工程", "人民医院新院区项目"]
