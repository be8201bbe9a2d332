"""Texts that hold no table stay ``no_table`` (issue 11, the counter-set): the readings that take
two rows for a table (``headerless.gapped_rows``, ``lastresort.periodic_cells``,
``lastresort.glued_rows``) must not read a page's prose, navigation or articles as one. A wrong
table is worse than none for a pipeline that trusts what it is given.
"""

from __future__ import annotations

import pytest

from extractor.layout import Line, choose_layout

NEWS = """近日，县委县政府召开专题会议，研究部署下一阶段重点工作。
会议指出，今年以来全县上下认真贯彻落实上级决策部署，经济社会发展总体平稳。
会议强调，各级各部门要进一步统一思想、提高认识，切实增强责任感和紧迫感。
要坚持问题导向，聚焦群众急难愁盼问题，拿出务实管用的举措。
各乡镇、各有关单位主要负责同志参加会议。
"""

# a page of links, each with its date, the page's furniture around them (cells parted by spaces)
NAVIGATION = """网站首页  机构概况  政务公开  政务服务  互动交流
当前位置：首页 > 政务公开 > 工作动态
我县召开重点项目推进会  2023-05-12
县政府常务会议研究部署安全生产工作  2023-05-10
全县经济运行分析会召开  2023-05-08
发布时间：2023-05-12  来源：县政府办  浏览次数：326
"""

NAVIGATION_LINES = """网站首页
机构概况
政务公开
政务服务
互动交流
新闻动态
通知公告
政策文件
"""

# a notice's body: numbered points, what is to be done (no report of what was)
NOTICE = """关于开展2023年重点工作督查的通知
各乡镇人民政府，县直各单位：
为推动重点工作落地见效，经县政府同意，决定开展专项督查。现将有关事项通知如下：
1.督查内容。重点督查政府工作报告确定的目标任务推进情况。
2.督查方式。采取听取汇报、查阅资料、实地察看等方式进行。
3.工作要求。各单位要高度重视，如实提供有关资料。
县政府办公室
2023年5月12日
"""

# a regulation's articles
ARTICLES = """第一条  为了规范政府信息公开工作，根据有关法律法规，制定本办法。
第二条  本办法适用于本县各级行政机关。
第三条  行政机关应当及时、准确地公开政府信息。
第四条  本办法自发布之日起施行。
"""

# a speech: paragraphs of prose, one a paragraph, with a wide gap inside one of them
SPEECH = """同志们：

今天我们召开这次会议，主要任务是总结上半年工作，安排部署下半年任务。

上半年，全县经济运行稳中有进，主要指标好于预期。  这些成绩的取得，是全县上下共同努力的结果。

下半年，我们要坚定信心，真抓实干，确保完成全年目标任务。  希望大家再接再厉。
"""

# traditional script, full-width spaces between a link and its date
TRADITIONAL_LINKS = """首頁\u3000\u3000新聞中心\u3000\u3000政務公開
本縣召開重點項目推進會\u3000\u30002023-05-12
縣政府常務會議研究部署安全生產工作\u3000\u30002023-05-10
"""


# numbered points with single spaces in them: no report at any place, no table
POINTS = """通知
1 各单位 要 高度重视
2 各单位 要 按时报送
"""


@pytest.mark.parametrize(
    "text",
    [
        NEWS,
        NAVIGATION,
        NAVIGATION_LINES,
        # numbered prose (prose.py, not this area's) reads a notice's points and a regulation's
        # articles as rows at full confidence: reported to its owner
        pytest.param(NOTICE, marks=pytest.mark.xfail(strict=True, reason="prose.py reads numbered points")),
        pytest.param(ARTICLES, marks=pytest.mark.xfail(strict=True, reason="prose.py reads 第N条 as rows")),
        SPEECH,
        TRADITIONAL_LINKS,
        POINTS,
    ],
    ids=["news", "navigation", "navigation-lines", "notice", "articles", "speech", "traditional-links", "points"],
)
def test_no_table_in_text_without_one(text: str) -> None:
    choice = choose_layout([Line(t) for t in text.split("\n")])
    assert choice.layout is None, [b for b in choice.blocks if type(b).__name__ == "RawTable"]
