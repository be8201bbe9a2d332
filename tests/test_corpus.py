"""The accuracy corpus stays consistent: every gold is what its cut gives, every document has its
manifest entry in the split it sits in, and the split is by publisher."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from corpus.make_gold import CutError, build, document_for, document_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
MANIFEST = tomllib.loads((CORPUS / "manifest.toml").read_text("utf-8"))["doc"]
CUTS = [cut for split in ("dev", "test") for cut in sorted((CORPUS / split).glob("*.cut.toml"))]


@pytest.mark.parametrize("cut_file", CUTS, ids=lambda p: p.name.removesuffix(".cut.toml"))
def test_gold_is_what_its_cut_gives(cut_file: Path) -> None:
    spec = tomllib.loads(cut_file.read_text("utf-8"))
    gold = build(document_text(document_for(cut_file)), spec)
    committed = json.loads(cut_file.with_name(cut_file.name.replace(".cut.toml", ".gold.json")).read_text("utf-8"))
    assert committed == gold, "run: python corpus/make_gold.py"


def test_every_document_is_in_the_manifest_under_its_split() -> None:
    on_disk = {(p.parent.name, p.name.removesuffix(".cut.toml")) for p in CUTS}
    listed = {(d["split"], d["id"]) for d in MANIFEST}
    assert on_disk == listed
    assert all(d["url"].startswith("http") and d["publisher"] and d["region"] for d in MANIFEST)


def test_split_is_by_publisher() -> None:
    splits: dict[str, set[str]] = {}
    for doc in MANIFEST:
        splits.setdefault(doc.get("family") or doc["publisher_key"], set()).add(doc["split"])
    assert all(len(s) == 1 for s in splits.values())


def test_corpus_size_and_spread() -> None:
    """What issue 11 asks of the corpus: 40 documents, 12 publishers, 8 provinces and a SAR."""
    regions = {d["region"] for d in MANIFEST}
    assert len(MANIFEST) >= 40
    assert len({d["publisher_key"] for d in MANIFEST}) >= 12
    assert len(regions - {"香港", "澳门", "台湾"}) >= 8 and regions & {"香港", "澳门", "台湾"}


def test_a_cut_that_is_not_in_the_document_fails() -> None:
    with pytest.raises(CutError):
        build("序号 任务 进展\n1 建设码头 已完成", {"rows": [{"seq": 1, "task": "建设道路"}]})


def test_a_cut_joins_a_cell_wrapped_over_lines() -> None:
    gold = build(
        "1 建设\n码头 已完\n  成主体", {"rows": [{"seq": 1, "task": "建设码头", "progress": ["已完", "主体"]}]}
    )
    assert (gold["rows"][0]["task"], gold["rows"][0]["progress"]) == ("建设码头", "已完成主体")


def test_every_status_file_fits_its_gold() -> None:
    """Each row's label is one of the statuses, in the gold's order, its cue copied from the row."""
    from corpus.status import load_labels

    labelled = 0
    for gold in sorted(CORPUS.glob("*/*.gold.json")):
        labels = load_labels(gold)
        labelled += labels is not None
    assert labelled >= 160


def test_a_status_file_that_does_not_fit_is_refused(tmp_path: Path) -> None:
    from corpus.status import LabelError, load_labels

    gold = tmp_path / "x.gold.json"
    gold.write_text(json.dumps({"rows": [{"seq_text": "1.", "task": "建成10所学校", "progress": "已建成"}]}), "utf-8")
    status = tmp_path / "x.status.toml"
    status.write_text('[[rows]]\nseq_text = "1."\nstatus = "done"\ncue = "已建成"\n', "utf-8")
    assert load_labels(gold)[0].status == "done"
    for bad in ('status = "finished"\ncue = ""', 'status = "done"\ncue = "已完成"', 'status = "done"\nwho = "x"'):
        status.write_text(f'[[rows]]\nseq_text = "1."\n{bad}\n', "utf-8")
        with pytest.raises(LabelError):
            load_labels(gold)
