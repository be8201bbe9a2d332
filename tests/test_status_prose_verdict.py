"""The document's verdict in the text around its tables (status.prose_verdict): the first short clause
that classifies the rows as a heading does, for the pipeline to pass as the farthest heading."""

from __future__ import annotations

import pytest

from extractor.rules.status import prose_verdict, row_status


@pytest.mark.parametrize(
    ("paragraphs", "verdict"),
    [
        (["据悉，我市今年上半年百城建设项目实现“双过半”，其中…"], "我市今年上半年百城建设项目实现“双过半”"),
        (["据悉,我市今年上半年百城建設項目實現「雙過半」。"], "我市今年上半年百城建設項目實現「雙過半」"),
        (["发布时间：2021-07-08", "2017年度11件民生实事共有20个子项，全部完成。"], "全部完成"),
        (["二、进度滞后的项目"], "二、进度滞后的项目"),
    ],
)
def test_a_clause_that_classifies_the_rows_is_the_verdict(paragraphs: list[str], verdict: str) -> None:
    assert prose_verdict(paragraphs) == verdict


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["确保全年目标任务全面完成。", "力争实现“双过半”"],
        ["关于解决项目推进缓慢问题的督办清单"],
        ["2025年縣政府重點工作任務一季度完成情況"],
        ["今年以来全市上下" + "认真贯彻落实" * 10 + "各项工作任务全面完成。"],
        [],
    ],
)
def test_an_aim_a_report_title_or_a_long_sentence_is_no_verdict(paragraphs: list[str]) -> None:
    assert prose_verdict(paragraphs) is None


def test_a_long_clause_would_read_as_a_verdict_alone() -> None:
    """The length bound, not the pattern, keeps the long clause above out."""
    from extractor.rules.status import status_rules

    assert status_rules().verdict.read_heading("认真贯彻落实" * 10 + "各项工作任务全面完成") == "done"


def test_the_prose_verdict_decides_as_the_farthest_heading() -> None:
    verdict = prose_verdict(["我市今年上半年百城建设提质工程项目实现“双过半”。"])
    cells = {"task": "某项目", "progress": "正在施工。"}
    status = row_status(cells, [], [], [], None, headings=["（一）新建项目", "2021年重点项目表", verdict])
    assert (status.value, status.verdict) == ("on_track", verdict)
    # a nearer heading that classifies decides first
    status = row_status(cells, [], [], [], None, headings=["二、进度滞后的项目", verdict])
    assert (status.value, status.verdict) == ("behind", "二、进度滞后的项目")


@pytest.mark.parametrize("sep", ["\t", " | "])
@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("2017年度11件民生实事共有20个子项，全部完成。", "done"),
        ("截至6月底，我市百城建设提质工程项目实现“双过半”。", "on_track"),
        ("今年以来，我市扎实推进民生实事。", None),  # no verdict: each row's own words decide
    ],
)
def test_the_documents_verdict_reaches_its_rows(sep: str, opening: str, expected: str | None) -> None:
    """End to end: the clause before the table is the farthest heading of every row."""
    import extractor

    text = (
        f"{opening}\n序号{sep}目标任务{sep}完成情况{sep}责任单位\n"
        f"1{sep}新建学校2所{sep}主体工程基本完工{sep}市教育局\n"
        f"2{sep}改造老旧小区10个{sep}已开工8个{sep}市住建局\n"
    )
    rows = extractor.parse(text.encode("utf-8")).tables[0].rows
    verdicts = [row.status.verdict for row in rows]
    if expected is None:
        assert verdicts == [None, None]
    else:
        assert [row.status.value for row in rows] == [expected, expected]
        assert all(verdicts)
