"""A hard-wrapped text (a PDF's text, a narrow page's copy: lines broken at a fixed width, mid-sentence
and mid-label) reads as the same text unwrapped: its paragraphs are joined back before the layout
stage weighs its readings (extractor/layout/unwrap.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from extractor.layout.base import Line
from extractor.layout.unwrap import _numbered_rows, display_width, unwrapped, wrap_width
from tests.conftest_helpers import rows_of_text

# the robustness benchmark's own wrap (a table's lines left whole), so that this test checks what it measures
_ROBUSTNESS = Path(__file__).resolve().parent.parent / "benchmarks" / "robustness.py"
_spec = importlib.util.spec_from_file_location("robustness_bench", _ROBUSTNESS)
assert _spec is not None and _spec.loader is not None
sys.path.insert(0, str(_ROBUSTNESS.parent))
robustness_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(robustness_bench)
_hard_wrap = robustness_bench._hard_wrap

REPORT = """某县2023年重点工作任务进展情况
一、经济发展
1.全县地区生产总值增长6.5%以上，规模以上工业增加值增长8%，固定资产投资增长10%，社会消费品零售总额增长7%。（牵头单位：县发展改革局；配合单位：县统计局、县工信局、县商务局）进展情况：上半年全县地区生产总值完成125.6亿元，同比增长6.8%，规模以上工业增加值同比增长8.3%，固定资产投资同比增长10.5%。
2.实施重点项目120个，年度计划投资150亿元，新开工项目50个以上，竣工投产项目30个以上。（牵头单位：县发展改革局；配合单位：各乡镇人民政府、县直有关部门）进展情况：截至6月底，120个重点项目已开工86个，完成投资82.3亿元，占年度计划的54.9%，新开工项目32个。
二、民生保障
3.新建改扩建中小学校和幼儿园10所，新增学位5000个，改造农村薄弱学校20所。（牵头单位：县教育局；配合单位：县财政局、县自然资源局、各乡镇人民政府）进展情况：10所学校中已竣工3所，主体完工5所，其余2所正在进行基础施工，新增学位2100个。
4.城镇新增就业5000人，农村劳动力转移就业3000人，城镇登记失业率控制在3.5%以内。（牵头单位：县人力资源社会保障局；配合单位：各乡镇人民政府）进展情况：1-6月城镇新增就业2860人，农村劳动力转移就业1750人，城镇登记失业率3.2%。
"""


def _rows(text: str) -> list[tuple]:
    return [(r.seq, r.section, r.task, r.progress, r.lead_units, r.partner_units) for r in rows_of_text(text)]


@pytest.mark.parametrize("width", [60, 76, 90])
@pytest.mark.parametrize("punctuation", ["full-width", "ascii"])
def test_a_hard_wrapped_report_reads_as_written_whole(width: int, punctuation: str) -> None:
    text = REPORT if punctuation == "full-width" else REPORT.translate(str.maketrans("，；：（）", ",;:()"))
    wrapped = _hard_wrap(text, width)
    assert wrapped.count("\n") > text.count("\n") + 8  # the wrap broke labels and sentences
    expected = _rows(text)
    assert [row[0] for row in expected] == [1, 2, 3, 4]
    assert expected[0][4] == ["县发展改革局"]
    assert _rows(wrapped) == expected


def test_the_width_is_measured_in_display_columns() -> None:
    assert display_width("新增学位5000个") == 2 * 5 + 4
    lines = [Line(line) for line in _hard_wrap(REPORT, 70).split("\n")]
    assert wrap_width(lines) in range(66, 71)


def test_lines_that_open_items_or_hold_cells_are_not_joined() -> None:
    lines = [Line(line) for line in _hard_wrap(REPORT, 70).split("\n")]
    joined = unwrapped(lines)
    assert joined is not None
    texts = [line.text for line in joined]
    assert [t[:2] for t in texts if t[:1].isdigit()] == ["1.", "2.", "3.", "4."]
    assert "一、经济发展" in texts and "二、民生保障" in texts


def test_a_text_that_is_not_wrapped_is_left_alone() -> None:
    assert unwrapped([Line(line) for line in REPORT.split("\n")]) is None
    aligned = [Line(f"{k}    某某项目建设工程名称第{k}期    县住建局    已完成主体工程建设任务") for k in range(1, 9)]
    assert unwrapped(aligned) is None  # a table's lines are all as wide, and break at cells


def test_a_label_at_a_line_end_waits_for_its_value_and_a_known_label_opens_a_field() -> None:
    wrapped = [
        "1.轨道交通1号线一期工程投入试运营。牵头领导:林静国责任单位:市轨道交通工程建设指",
        "挥部项目责任人:尹文德实际完成情况:轨道交通1号线一期工程已于5月30日通车试运营。",
        "2.新增安装300套路口交通信息视频采集设备。(市级牵头单位:市发展改革委;区级牵头单",
        "位:区发改局)全年计划完成安装任务,已于上半年完成设备采购和部分安装调试工作任务。",
        "完成情况:中心设备调试、前端摄像机上杆安装,以及外场线路铺设等工作已完成大部分了",
        "3.新辟公交线路10条,优化调整20条。牵头领导:王仁洲责任单位:市交通委项目责任人:",
        "劳可军配合单位:市公安局、市城管局,各区政府共同推进线路优化调整工作有序开展中。",
    ]
    joined = unwrapped([Line(text) for text in wrapped])
    assert joined is not None
    assert [line.text[:2] for line in joined] == ["1.", "2.", "完成", "3."]
    assert joined[0].text.endswith("通车试运营。") and "建设指挥部项目责任人" in joined[0].text
    assert "牵头单位:区发改局)" in joined[1].text  # a label broken over the lines is one again


def test_a_column_of_short_cells_with_long_ones_wrapped_reads_as_wrapped() -> None:
    """A cell stream (one short cell a line) whose long cells a PDF wrapped: the short lines say
    nothing of the page's width, the long ones do."""
    stream = ["序号", "主要任务", "进展情况", "责任单位"]
    for n in range(1, 5):
        stream += [
            str(n),
            f"重点打造第{n}批特色楼宇。",
            "区投促局：对楼宇信息全面掌握，已开始针对楼宇行业特色进行重点推介。目前楼内有4",
            "家公司正在进行装修，招商方向主要为金融、保险类公司为主，已明确入驻正在签约中。",
            "区投促局",
        ]
    joined = unwrapped([Line(text) for text in stream])
    assert joined is not None
    assert len(joined) == len(stream) - 4
    assert joined[6].text.endswith("正在签约中。")


def test_explain_names_the_reading_that_won(tmp_path, capsys) -> None:
    from extractor.cli import main

    path = tmp_path / "wrapped.txt"
    path.write_text(_hard_wrap(REPORT, 70), "utf-8")
    assert main(["parse", "--explain", str(path)]) == 0
    out = capsys.readouterr().out
    chosen = [line for line in out.splitlines() if line.lstrip().startswith("→")]
    assert len(chosen) == 1 and "(unwrapped)" in chosen[0]


def test_a_semicolon_list_runs_on_and_a_sentence_end_stops() -> None:
    """A full line ending in ；runs on into the next (a ；-list wraps like any sentence); one ending in
    。 ends its paragraph."""
    wrapped = [
        "目前，雨花苑老旧小区整治工程项目已完成施工进度的50%，预计9月底可以完工；康盛花园",
        "片区整治工程项目初步设计已获批复，概算文本已上报，待批复后开展后续工作所需手续；",
        "花神科技园小游园二期建设项目已完成工程前期手续，退役军人活动场所打造工程可研完成。",
        "雨花街道文体中心建设目前硬装已经结束，软装和家具正在设计阶段，并对功能进行划分，确保",
        "合理运用，下一步将加快推进室外配套工程建设，力争年底前全面完成各项建设任务并投入使",
        "用。",
    ]
    joined = unwrapped([Line(text) for text in wrapped])
    assert joined is not None
    assert [line.text for line in joined] == ["".join(wrapped[:3]), "".join(wrapped[3:])]


SPACED_NUMBERS = (
    "幼稚園\n"
    "承諾 目前情況\n"
    "1. 在 1996 年向幼稚園和幼兒中心發出合訂的課程指引。 我們已在 1996 "
    "年 9 月向幼稚園和幼兒中心發出合訂的課程指引，並已完成全部工作。\n"
    "2. 在 1996 至 97 年度增辦在職訓練課程，為 1 130 "
    "名在職幼稚園教師提供訓練。 在 1996 至 97 年度，約有 1 180 "
    "名在職幼稚園教師已參加在職訓練課程。\n"
    "3. 在 1997 年 9 月底前，每間幼稚園最少有 40% "
    "的教師修畢合格幼稚園教師課程。 約有 80% "
    "的幼稚園已達到規定，這個項目的進度略受阻延。\n"
    "4. 在 1996 年統一幼稚園教師和幼兒工作員的訓練。 "
    "高等教育院校會根據建議的基本計劃，繼續發展有關課程，並建議教育署給予認可。\n"
)


@pytest.mark.parametrize("width", [62, 68])
def test_a_line_the_page_broke_before_a_number_is_continued(width: int) -> None:
    """A page breaks before "在 1996 年 9 月", which it does not split, so the line above ends well short
    of the width. It is still a wrapped line: the next line's first stretch would not have fitted."""
    wrapped = _hard_wrap(SPACED_NUMBERS, width)
    short = [line for line in wrapped.split("\n") if display_width(line) < width - 8 and not line.endswith("。")]
    assert short, "the wrap must leave a line short of the width before a number"
    assert _rows(wrapped) == _rows(SPACED_NUMBERS)


NUMBERED_BY_SPACES = (
    "序号 项目名称 建设内容 当前进度 备注\n"
    "1 乡村融合发展中心建设 "
    "利用幼儿园南侧约6.2亩预留地块，建设集乡村文化供给、乡村人才培养、振兴项目孵化等功能模块的乡村融合发展中心。 "
    "已进行项目开工奠基，目前已完成开工前各项准备。 建管办\n"
    "2 环宇南路综合改造 "
    "提升环宇南路综合形象，结合沿线实际进行立面改造并增设停车位。 "
    "相关方案已经通过，目前正在做招投标准备工作，预计八月完成招投标。 建管办\n"
    "3 公共厕所新建 "
    "提升安置社区惠民便民配套，在社区南片广场南侧、永兴村各新建公共卫生间一座。 "
    "两处厕所已全部完工。 农工办\n"
    "4 特色康居乡村建设 "
    "围绕进一步拓展村庄内涵，打造连片的康居样板，改造改善现有基础设施及人居环境。 "
    "目前主体工程基本完工，同步完善氛围布置，确保高分通过评估验收。 农工办\n"
)


def test_rows_numbered_with_a_space_are_not_joined_to_the_row_above() -> None:
    """ "3 公共厕所新建…" after a wrapped row that ends with its unit: the 序号 run (1, 2, 3, 4 at lines'
    starts, a space after each) opens each row; a lone number at a line's start does not."""
    lines = [Line(line) for line in _hard_wrap(NUMBERED_BY_SPACES, 60).split("\n")]
    joined = unwrapped(lines)
    assert joined is not None
    starts = [line.text[:2] for line in joined if line.text.strip()]
    assert starts == ["序号", "1 ", "2 ", "3 ", "4 "]
    # A lone number at a line's start is a figure the page broke before, not a row.
    assert _numbered_rows([Line("1 甲项目 建设中"), Line("2 乙项目 已完工"), Line("120 名教师已参加培训。")]) == {0, 1}
