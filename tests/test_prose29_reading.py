"""Numbered prose, prose29: the reading vocabulary as data, one numeral reading, and a list of one
read as the overview of the list after it.

Each document is written for the test, in several spellings (full-width and ASCII punctuation,
simplified and traditional script).
"""

from __future__ import annotations

import pytest

import extractor
from extractor.models import Row
from extractor.numerals import numeral_value
from extractor.rules.data import load
from extractor.textnorm import match_view
from tests.test_prose28_lists import to_traditional

READING = load("layout")["prose"]["reading"]


def _rows(text: str) -> list[Row]:
    document = extractor.parse(text.encode("utf-8"))
    return [r for t in document.tables for r in t.rows]


def _spellings(text: str) -> list[str]:
    ascii_punct = text.translate(str.maketrans("，：；（）", ",:;()"))
    return [text, ascii_punct, to_traditional(text)]


# ----------------------------------------------------------------- the vocabulary is data


def _cases(suffix: str) -> list[tuple[str, str]]:
    return [
        (key.removesuffix(suffix), example)
        for key, examples in READING.items()
        if key.endswith(suffix) and (suffix == "_counter_examples" or not key.endswith("_counter_examples"))
        for example in examples
    ]


def test_every_reading_pattern_has_examples_and_counter_examples() -> None:
    names = {k for k in READING if not k.endswith("examples")}
    assert names == {"reporting_heading", "plan_heading", "tailed_title", "closing_formula", "named_issue"}
    assert names == {n for n, _ in _cases("_examples")} == {n for n, _ in _cases("_counter_examples")}


@pytest.mark.parametrize(("name", "example"), _cases("_examples"))
def test_reading_example_matches(name: str, example: str) -> None:
    from extractor.layout.prose import _reading

    pattern = _reading()[name]
    assert pattern.search(example) or pattern.search(match_view(example)), (name, example)


@pytest.mark.parametrize(("name", "example"), _cases("_counter_examples"))
def test_reading_counter_example_is_not_matched(name: str, example: str) -> None:
    from extractor.layout.prose import _reading

    pattern = _reading()[name]
    assert not pattern.search(example) and not pattern.search(match_view(example)), (name, example)


def test_named_issue_ends_the_name_at_its_problem() -> None:
    from extractor.layout.prose import _reading

    match = _reading()["named_issue"].match(match_view("土路未硬化问题已在7月16日督促施工单位整改"))
    assert match is not None and match.group(1) == "土路未硬化问题"


# ----------------------------------------------------------------- one numeral reading


@pytest.mark.parametrize(
    ("token", "value"),
    [("1", 1), ("12", 12), ("十二", 12), ("壹", 1), ("贰", 2), ("叁", 3), ("拾", 10), ("七", 7)],
)
def test_numeral_value(token: str, value: int) -> None:
    assert numeral_value(token) == value
    assert numeral_value(match_view(to_traditional(token))) == value


def test_capital_three_in_the_matching_view_reads_three() -> None:
    # 參 (the capital 3) is 参 in the matching view, which is no numeral to the figure rules
    assert match_view("參") == "参"
    assert numeral_value(match_view("參")) == 3
    assert numeral_value("参与") is None
    assert numeral_value("1.5") is None


def test_capital_numerals_number_prose_items() -> None:
    text = (
        "壹、推进城市更新\n城市更新项目完成投资3亿元，已完工12个。\n"
        "貳、提升教育质量\n新建学校2所，已投入使用。\n"
        "參、完善医疗服务\n新增床位300张，已全部投用。\n"
    )
    rows = _rows(text)
    assert [r.seq for r in rows] == [1, 2, 3]
    assert [r.task for r in rows] == ["推进城市更新", "提升教育质量", "完善医疗服务"]


# ----------------------------------------------------------------- a list of one is an overview

OVERVIEW_THEN_CLASSES = """某市2023年重点项目推进情况

为确保全年目标任务完成，市发展改革委对重点项目推进情况进行了梳理。现将有关情况报告如下：

2023年，全市实施重点项目40项，总投资500亿元，年内计划完成投资120亿元。1-6月份，开复工项目36项，开复工率90%。
分区域看：
东城区项目12个，总投资150亿元，年内计划完成投资30亿元，开复工项目11个，开复工率92%；
西城区项目10个，总投资120亿元，年内计划完成投资28亿元，开复工项目9个，开复工率90%；
南城区项目18个，总投资230亿元，年内计划完成投资62亿元，开复工项目16个，开复工率89%。
"""

NARRATIVE_THEN_SEMICOLON_LIST = """街道开展民生实事项目督查

现将有关情况报告如下：

受天气影响，街道人大工委组织代表对2023年民生实事项目开展督查，以现场查看形式掌握项目最新进展情况。

目前，甲小区整治工程项目已完成施工进度的60%，预计10月底完工；乙公园二期建设项目已完成工程前期手续；丙活动中心改造工程可行性研究报告已完成，正在进行立项审批。
"""


@pytest.mark.parametrize("text", _spellings(OVERVIEW_THEN_CLASSES))
def test_lone_paragraph_before_an_announced_list_is_its_overview(text: str) -> None:
    rows = _rows(text)
    assert len(rows) == 3
    assert match_view(rows[0].task or "").startswith("东城区项目12个")
    assert match_view(rows[0].progress or "").startswith("开复工项目11个")
    assert not any("全市实施重点项目" in match_view(r.task or "") for r in rows)


@pytest.mark.parametrize("text", _spellings(NARRATIVE_THEN_SEMICOLON_LIST))
def test_lone_paragraph_before_a_semicolon_list_is_context(text: str) -> None:
    rows = _rows(text)
    assert [match_view(r.task or "") for r in rows] == [
        match_view(t) for t in ("甲小区整治工程项目", "乙公园二期建设项目", "丙活动中心改造工程")
    ]
    assert match_view(rows[0].progress or "").startswith(match_view("已完成施工进度的60%"))


def test_two_announced_paragraphs_stay_a_list() -> None:
    # Two paragraphs under the announcement are a list of their own: both stay rows.
    text = (
        "现将有关情况报告如下：\n"
        "东城区项目12个，总投资150亿元，开复工项目11个，开复工率92%。\n"
        "西城区项目10个，总投资120亿元，开复工项目9个，开复工率90%。\n"
        "分行业看：\n"
        "工业项目20个，总投资300亿元，开复工项目18个，开复工率90%；\n"
        "服务业项目2个，总投资20亿元，开复工项目2个，开复工率100%。\n"
    )
    rows = _rows(text)
    assert len(rows) == 4
    assert match_view(rows[0].task or "").startswith("东城区项目12个")


# ----------------------------------------------------------------- a labelled report after the title

RUN_IN_LABELLED = """一、坚持以抓项目对冲下行压力，经济发展稳中向好
一是抓“经济提效”，壮大了综合实力。进展情况：全年固定资产投资29.30亿元，同比增长63.4%。
二是抓“项目提速”，厚植了发展潜力。进展情况：10个重点项目全部开工，完成投资8.6亿元。
三是抓“招商提质”，增强了造血能力。进展情况：引进项目12个，到位资金5.2亿元。
"""

NAMED_WITH_REPORT_WORD = """关于离隰高速公路遗留问题整改进展情况的报告
一、边角地孤岛地问题进展情况：县协调领导小组办公室已函告各乡镇，完成复垦120亩。
二、土路未硬化问题进展情况：已在7月16日推进会上督促施工单位整改，完成硬化3.5公里。
"""


@pytest.mark.parametrize("text", _spellings(RUN_IN_LABELLED))
def test_run_in_title_before_a_progress_label_loses_its_stop(text: str) -> None:
    rows = _rows(text)
    assert [match_view(r.task or "") for r in rows] == [
        match_view(t)
        for t in ("抓“经济提效”，壮大了综合实力", "抓“项目提速”，厚植了发展潜力", "抓“招商提质”，增强了造血能力")
    ]
    assert match_view(rows[0].progress or "").startswith(match_view("全年固定资产投资"))


@pytest.mark.parametrize("text", _spellings(NAMED_WITH_REPORT_WORD))
def test_report_word_glued_to_a_name_before_its_colon_is_no_part_of_the_task(text: str) -> None:
    rows = _rows(text)
    assert [match_view(r.task or "") for r in rows] == [match_view("边角地孤岛地问题"), match_view("土路未硬化问题")]
    assert match_view(rows[1].progress or "").startswith(match_view("已在7月16日"))


# ----------------------------------------------------------------- a stated target over a report paragraph

TARGET_OVER_REPORT = """一、文化惠民
1.新建城市书房10个，改造提升乡镇文化站5个。推动公共文化服务向基层延伸。
该项目总投资1200万元。截至目前，已建成城市书房6个，完成乡镇文化站改造3个。
2.新增城镇就业3万人，城镇登记失业率控制在4%以内。
1-6月，全市城镇新增就业1.8万人，完成年度目标的60%。
"""


@pytest.mark.parametrize("text", _spellings(TARGET_OVER_REPORT))
def test_the_paragraph_break_after_a_stated_target_ends_the_task(text: str) -> None:
    rows = _rows(text)
    assert match_view(rows[0].task or "") == match_view(
        "新建城市书房10个，改造提升乡镇文化站5个。推动公共文化服务向基层延伸。"
    )
    assert match_view(rows[0].progress or "").startswith(match_view("该项目总投资1200万元。截至目前"))
    assert match_view(rows[1].progress or "").startswith(match_view("1-6月"))


def test_a_target_paragraph_over_more_targets_stays_whole() -> None:
    # Nothing after the break reports: the item is all task (a plan written over two paragraphs).
    from extractor.layout.prose import _statement_over_report

    assert _statement_over_report("新建城市书房10个。\n改造提升乡镇文化站5个。") is None
    assert _statement_over_report("新建城市书房10个\n已建成6个。") is None  # no whole sentence before the break
    task, rest, _, _ = _statement_over_report("新建城市书房10个。\n该项目已建成6个。")
    assert (task, rest) == ("新建城市书房10个。", "该项目已建成6个。")


def test_news_enumerators_read_numerals_as_prose_does() -> None:
    from extractor.layout.news import _number

    assert [_number(t) for t in ("1", "12", "十", "十二", "③")] == [1, 12, 10, 12, 3]
    assert _number("二十") == 20  # (read as nothing before numerals.py)
    assert _number(match_view("參")) == 3
    assert _number("其") is None


# ----------------------------------------------------------------- a news story after an announcing paragraph

NEWS_AFTER_PREAMBLE = """县政府召开重大项目列管会议 检视8大项目进度

为掌握全县重大项目建设情况，县政府办公室近期会同各有关部门对今年以来各项目的推进情况进行了梳理。现将有关情况报告如下：

县长昨主持召开2020年8月份重大项目列管会议，检视8大项目执行情形。（记者张三摄）
会议检视包括“城南污水厂”、“跨境物流平台”、“东部码头”等8大项目执行情形。
有关“城南污水厂”案中“一期工程”部分，建设局指出，该局曾于7月邀集施工单位讨论工期，主体结构将于10月封顶。
有关“城南污水厂”案中“配套管网”部分，水务局指出，管网路线经3次协调后确定，将于9月发包施工。
"""

REPORTS_AFTER_PREAMBLE = """\
为掌握全市重点项目建设情况，市发展改革委近期对今年以来各项目的推进情况进行了梳理。现将有关情况通报如下：
东城区项目12个，截至6月底已开工11个，完成投资30亿元。
西城区项目10个，截至6月底已开工9个，完成投资28亿元。
"""


@pytest.mark.parametrize("text", _spellings(NEWS_AFTER_PREAMBLE))
def test_news_story_after_an_announcing_paragraph_is_read_as_news(text: str) -> None:
    document = extractor.parse(text.encode("utf-8"))
    rows = [r for t in document.tables for r in t.rows]
    assert [t.layout for t in document.tables] == ["news"]
    assert [match_view(r.task or "") for r in rows] == [match_view("一期工程"), match_view("配套管网")]


@pytest.mark.parametrize("text", _spellings(REPORTS_AFTER_PREAMBLE))
def test_reports_after_an_announcing_paragraph_are_listed(text: str) -> None:
    rows = _rows(text)
    assert len(rows) == 2
    assert match_view(rows[1].task or "").startswith(match_view("西城区项目10个"))
    assert match_view(rows[1].progress or "").startswith(match_view("截至6月底"))


# ----------------------------------------------------------------- a target with its plan's figures over a report

TARGET_WITH_FIGURES_OVER_REPORT = """  2024年，区城市管理委共承办民生实事项目2项
  1.推进老旧小区综合整治，实现新开工6个小区，力争完成13个小区楼本体改造；推进管线改造，力争开工5个、完工13个小区。
  (1).两个街道的2个试点小区已完成竣工验收。 (2).两个街道的11个小区，已完工8个小区。未完工的3个小区中，1个暂缓施工。
  2.深入推进生活垃圾分类工作，创建20个生活垃圾分类示范小区。
  已完成20个示范小区创建，开展区级检查，形成问题台账。
"""


@pytest.mark.parametrize("text", _spellings(TARGET_WITH_FIGURES_OVER_REPORT))
def test_a_target_with_its_plan_figures_ends_at_the_break_before_its_report(text: str) -> None:
    rows = _rows(text)
    assert match_view(rows[0].task or "") == match_view(
        "推进老旧小区综合整治，实现新开工6个小区，力争完成13个小区楼本体改造；推进管线改造，力争开工5个、完工13个小区。"
    )
    assert match_view(rows[0].progress or "").startswith(match_view("(1).两个街道的2个试点小区"))
    assert match_view(rows[1].progress or "").startswith(match_view("已完成20个"))


def test_the_dot_after_a_bracketed_enumerator_ends_no_sentence() -> None:
    from extractor.layout.prose import _sentence_view

    assert _sentence_view("(1).两个街道已完成。(2).已完工8个.") == "(1).两个街道已完成。(2).已完工8个。"
    assert _sentence_view("共3.5亿元.") == "共3.5亿元。"
