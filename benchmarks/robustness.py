"""Accuracy under variation: the corpus split again, each document and its gold rewritten alike.

    python benchmarks/robustness.py corpus/dev            # every variant, means beside the original
    python benchmarks/robustness.py corpus/dev --variant traditional --worst 10

A rule that holds only for the exact characters of the documents it was built on fails here first:
the same document in the other script, with ASCII instead of full-width punctuation (or the other
way round), with CRLF line ends or with tabs expanded to spaces should read the same. Each variant
rewrites the text documents (``*.txt``) of a folder and the text fields of their gold (task,
progress, units, issues, figure texts, cells) with one character mapping, so the gold stays the
analyst's answer for the rewritten document; status labels are left out (their cues are verbatim
text). The means are
scored by benchmarks/accuracy.py's own ``run_split``. Run it on dev: it is a tool for finding
brittle mechanisms, not a measure to report on test.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accuracy import KEYS, run_split

from corpus import COMPANION_SUFFIXES

DATA = Path(__file__).resolve().parents[1] / "extractor" / "data"
VARIANT_PAIRS, T2S = DATA / "variants.toml", DATA / "t2s.toml"
FULL_TO_ASCII = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"})
ASCII_TO_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
GOLD_TEXT_KEYS = frozenset(
    {"task", "progress", "lead_units", "issues", "text", "seq_text", "cells", "title", "unit", "field", "columns"}
)


def _to_traditional() -> Callable[[str], str]:
    """Simplified → traditional with the pairs the project folds the other way (variants.toml, the
    hand-checked ones, then t2s.toml): the first traditional form of each simplified character."""
    import tomllib

    table: dict[int, str] = {}
    for source in (VARIANT_PAIRS, T2S):
        for pair in tomllib.loads(source.read_text("utf-8"))["pairs"].split():
            traditional, simplified = pair[0], pair[1:]
            if len(simplified) == 1:
                table.setdefault(ord(simplified), traditional)
    return lambda text: text.translate(table)


def _to_full_width(text: str) -> str:
    # Not inside numbers or times ("1,000", "10:30").
    return regex.sub(r"(?<!\d)[,;:()]|[,;:](?!\d)|[()]", lambda m: ASCII_TO_FULL[m.group()], text)


# Item numbers written in another of the styles publishers use: 1. ↔ 1、, （1） ↔ 1）. Only the marker
# at a line's start changes; the gold's seq is the number, which stays.
_ENUMERATOR_SWAP = {".": "、", "．": "、", "、": "."}


def _swap_enumerators(text: str) -> str:
    def swap(match: regex.Match[str]) -> str:
        if match.group("open"):
            return f"{match.group('lead')}{match.group('number')}）"
        return f"{match.group('lead')}{match.group('number')}{_ENUMERATOR_SWAP[match.group('stop')]}"

    return regex.sub(
        r"(?m)^(?P<lead>[ \t\u3000]*)"
        r"(?:(?P<open>[（(])(?P<number>\d{1,2})[）)]|(?P<number>\d{1,2})(?P<stop>[.．、])(?!\d))",
        swap,
        text,
    )


def _hard_wrap(text: str, width: int = 76) -> str:
    """Lines broken so that none is wider than ``width`` display columns, each at the last place
    between two Han characters that fits (a number or a Latin word stays whole), as a PDF's text is."""
    out = []
    for line in text.split("\n"):
        if "|" in line or "｜" in line or "\t" in line or regex.search(r"\S {2,}\S", line):
            out.append(line)  # a table's line: a page would not break it so
            continue
        start, columns, last_break = 0, 0, None
        for index, ch in enumerate(line):
            if index > start and "\u4e00" <= line[index - 1] <= "\u9fff" and "\u4e00" <= ch <= "\u9fff":
                last_break = index
            step = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
            if columns + step > width:
                cut = last_break if last_break is not None and last_break > start else index
                out.append(line[start:cut])
                start, last_break = cut, None
                columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[start:index])
            columns += step
        out.append(line[start:])
    return "\n".join(out)


# Header and label words written as another publisher writes the same meaning: each word of a family
# becomes the next (a role keeps its role: 牵头单位 → 牵头部门, never 牵头 → 责任).
SYNONYM_FAMILIES = (
    ("进展情况", "推进情况", "落实情况", "工作进展", "进展情况"),
    ("完成情况", "执行情况", "完成情况"),
    ("目标任务", "工作任务", "重点任务", "目标任务"),
    ("牵头单位", "牵头部门", "牵头单位"),
    ("责任单位", "责任部门", "责任单位"),
    ("存在问题", "存在困难", "存在问题"),
    ("下一步工作打算", "下步工作计划", "下一步工作打算"),
    ("完成时限", "完成时间", "完成时限"),
)


def _swap_synonyms(text: str) -> str:
    table = {family[k]: family[k + 1] for family in SYNONYM_FAMILIES for k in range(len(family) - 1)}
    pattern = regex.compile("|".join(sorted(map(regex.escape, table), key=len, reverse=True)))
    return pattern.sub(lambda match: table[match.group()], text)


PADDED_WORDS = (
    *("序号", "牵头单位", "责任单位", "进展情况", "完成情况"),
    *("目标任务", "存在问题", "备注", "责任人", "完成时限"),
)


def _pad_words(text: str) -> str:
    """Header and label words spaced out as a centred cell prints them ("序  号", "牵 头 单 位"): a word
    that stands alone (a cell, a label), not one inside a longer word ("市级牵头单位", "完成情况良好")."""
    pattern = regex.compile(r"(?<!\p{Han})(?:" + "|".join(PADDED_WORDS) + r")(?!\p{Han})")
    return pattern.sub(lambda match: " ".join(match.group()), text)


FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
# A label written in lenticular brackets instead of before a colon ("【责任单位】市住建局").
_COLON_LABEL = regex.compile(
    r"(?<=^|[\s。；;,，(（])(责任单位|牵头单位|配合单位|进展情况|完成情况|存在问题|责任人|完成时限)\s*[:：]"
)


def _bracket_labels(text: str) -> str:
    return _COLON_LABEL.sub(lambda match: f"【{match.group(1)}】", text)


def _double_spaced(text: str) -> str:
    """A blank line after every line, as a web page's paragraphs copy."""
    return "\n\n".join(text.split("\n"))


def _pipes_as_tabs(text: str) -> str:
    """A pipe table's rows written with tabs between the cells (the gold holds no bars to rewrite)."""
    return "\n".join(
        line.strip().strip("|").replace("|", "\t") if line.count("|") >= 2 else line for line in text.split("\n")
    )


_UNIT_BRACKET = regex.compile(
    r"([（(])\s*(牵头单位|责任单位|牵头部门|责任部门)\s*[:：]\s*([^；;：:）)]+?)\s*"
    r"(?:[；;]\s*(?:配合单位|协办单位|配合部门)\s*[:：]\s*([^；;：:）)]+?)\s*)?([）)])"
)


def _units_by_role(text: str) -> str:
    """A bracket of labelled units written as another publisher names the same roles in words:
    "（牵头单位：市发改委；配合单位：市财政局）" → "（市发改委牵头，市财政局配合）",
    "（责任单位：市教育局）" → "（市教育局负责）"."""

    def rewrite(match: regex.Match[str]) -> str:
        open_, label, leads, partners, close = match.groups()
        role = "牵头" if label.startswith("牵头") or partners else "负责"
        comma = "，" if open_ == "（" else ","
        return f"{open_}{leads}{role}" + (f"{comma}{partners}配合" if partners else "") + close

    return _UNIT_BRACKET.sub(rewrite, text)


def _cells_as_lines(text: str, between: str = "\n") -> str:
    """A pipe table's rows written a cell a line, as a web page's table copies as text (an empty cell
    an empty line; with ``between`` a blank line after each cell, as some pages' copies hold)."""
    out = []
    for line in text.split("\n"):
        if line.count("|") < 2:
            out.append(line)
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if all(regex.fullmatch(r":?-{3,}:?", cell) for cell in cells if cell):
            continue  # a Markdown rule under the header ("|---|---|") is no row of a web page's copy
        out.append(between.join(cells))
    return "\n".join(out)


VARIANTS: dict[str, Callable[[str], str]] = {
    "units_by_role": _units_by_role,
    "cells_as_lines": _cells_as_lines,
    "cells_as_paragraphs": lambda text: _cells_as_lines(text, "\n\n"),
    "pipes_as_tabs": _pipes_as_tabs,
    "full_width_bars": lambda text: text.replace("|", "｜"),
    "full_width_digits": lambda text: text.translate(FULL_WIDTH_DIGITS),
    "bracket_labels": _bracket_labels,
    "double_spaced": _double_spaced,
    "header_synonyms": _swap_synonyms,
    "padded_words": _pad_words,
    "enumerator_style": _swap_enumerators,
    "hard_wrap": _hard_wrap,
    "ascii_punctuation": lambda text: text.translate(FULL_TO_ASCII),
    "full_width_punctuation": _to_full_width,
    "traditional": _to_traditional(),
    "crlf": lambda text: text.replace("\r\n", "\n").replace("\n", "\r\n"),
    "tabs_as_spaces": lambda text: text.expandtabs(4),
}


def _rewrite_gold(value: object, change: Callable[[str], str], key: str | None = None) -> object:
    if isinstance(value, dict) and key == "cells":  # a cell is named by its header, rewritten too
        return {change(k): _rewrite_gold(v, change, "cells") for k, v in value.items()}
    if isinstance(value, dict):
        return {k: _rewrite_gold(v, change, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_rewrite_gold(v, change, key) for v in value]
    if isinstance(value, str) and key in GOLD_TEXT_KEYS:
        return change(value).replace("\r\n", "\n")  # a gold cell holds no line ends to rewrite
    return value


def _variant_folder(folder: Path, change: Callable[[str], str], into: Path) -> None:
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        documents = [p for p in folder.glob(stem + ".*") if not p.name.endswith(COMPANION_SUFFIXES)]
        if len(documents) != 1 or documents[0].suffix != ".txt":
            continue  # only text documents can be rewritten character by character
        text = documents[0].read_bytes().decode("utf-8")
        (into / documents[0].name).write_bytes(change(text).encode("utf-8"))
        data = json.loads(gold.read_text("utf-8"))
        (into / gold.name).write_text(json.dumps(_rewrite_gold(data, change), ensure_ascii=False), "utf-8")


FORMATS = ("docx", "pdf")


def _format_folder(folder: Path, fmt: str, into: Path) -> None:
    """The folder's text documents as Word files, one paragraph a line (a paragraph-only .docx is read
    through the text layouts), and for ``pdf`` those printed by LibreOffice: a PDF's text comes back
    in lines the page's width broke, as real attachments do. Gold and status labels copied. Texts
    holding a table copied as text (pipes, tabs) are left out: no real attachment holds one so."""
    import shutil
    import subprocess

    import docx

    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        text = folder / f"{stem}.txt"
        if not text.exists() or regex.search(r"[|｜\t]", text.read_text("utf-8")):
            continue  # a table copied as text (pipes, tabs) is no table a real Word or PDF file holds
        document = docx.Document()
        for line in text.read_text("utf-8").split("\n"):
            document.add_paragraph(line)
        document.save(into / f"{stem}.docx")
        for companion in folder.glob(stem + ".*"):
            if companion.name.endswith(COMPANION_SUFFIXES):
                shutil.copy(companion, into / companion.name)
    if fmt == "pdf":
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office is None:
            raise SystemExit("the pdf format needs LibreOffice (soffice) on the PATH")
        words = sorted(into.glob("*.docx"))
        subprocess.run(
            [office, "--headless", "--convert-to", "pdf", "--outdir", str(into), *map(str, words)],
            capture_output=True,
            check=True,
            timeout=1800,
        )
        for word in words:
            word.unlink()


def _by_stem(docs: dict[str, dict]) -> dict[str, dict]:
    return {Path(name).stem: scores for name, scores in docs.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS), help="default: all of them")
    parser.add_argument("--worst", type=int, default=5, help="documents that lose most, per variant")
    parser.add_argument(
        "--format",
        action="append",
        choices=FORMATS,
        default=[],
        help="also score the text documents converted to this format (pdf needs LibreOffice)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        original = Path(tmp) / "original"
        original.mkdir()
        _variant_folder(args.folder, lambda text: text, original)
        base = run_split(original)
        print(f"{'variant':24}" + "".join(f"{k[:8]:>9}" for k in KEYS))
        print(f"{'original':24}" + "".join(f"{base['mean'][k]:9.3f}" for k in KEYS))
        names = (args.variant or ([] if args.format else sorted(VARIANTS))) + [f"as_{f}" for f in args.format]
        for name in names:
            into = Path(tmp) / name
            into.mkdir()
            if name.startswith("as_"):
                _format_folder(args.folder, name.removeprefix("as_"), into)
            else:
                _variant_folder(args.folder, VARIANTS[name], into)
            result = run_split(into)
            before_docs = _by_stem(base["docs"])
            if len(result["docs"]) < len(base["docs"]):  # a format variant holds fewer documents
                same = [before_docs[doc] for doc in _by_stem(result["docs"])]
                label = f"  original, those {len(same)}"
                print(f"{label:24}" + "".join(f"{sum(d[k] for d in same) / max(len(same), 1):9.3f}" for k in KEYS))
            print(f"{name:24}" + "".join(f"{result['mean'][k]:9.3f}" for k in KEYS))
            losses = []
            for doc, scores in _by_stem(result["docs"]).items():
                before = before_docs[doc]
                loss = sum(before[k] - scores[k] for k in KEYS)
                if loss > 1e-9:
                    worst = max(KEYS, key=lambda k: before[k] - scores[k])
                    losses.append((loss, doc, worst, before[worst], scores[worst]))
            for loss, doc, worst, was, now in sorted(losses, reverse=True)[: args.worst]:
                print(f"    {doc:28} loses {loss:5.2f} (most in {worst}: {was:.3f} → {now:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
