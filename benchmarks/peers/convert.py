"""Convert two peers' Chinese test specs into extractor figure cases.

usage: python benchmarks/peers/convert.py [--dropped] RECOGNIZERS_GIT JIONLP_GIT

RECOGNIZERS_GIT: a git directory (or work tree) of github.com/microsoft/Recognizers-Text
JIONLP_GIT:      a git directory (or work tree) of github.com/dongrixinyu/JioNLP

Reads the spec files at HEAD with `git show` (nothing is imported or run from either project; the
JioNLP tests are Python files and are read with `ast.literal_eval`), and writes
corpus/figures/peers/recognizers.json and corpus/figures/peers/jionlp.json, each
{"source": {id, url, licence, commit, files}, "cases": [{"text", "figures", "origin"}]}.
The mapping rules are in benchmarks/peers/README.md. Output is deterministic (same snapshot, same
bytes). Prints, per source: cases read, kept, negatives, dropped by reason.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "corpus" / "figures" / "peers"

RT_FILES = [
    "Specs/Number/Chinese/PercentModel.json",
    "Specs/NumberWithUnit/Chinese/CurrencyModel.json",
    "Specs/NumberWithUnit/Chinese/DimensionModel.json",
    "Specs/NumberWithUnit/Chinese/AgeModel.json",
    "Specs/NumberWithUnit/Chinese/TemperatureModel.json",
    "Specs/Number/Chinese/OrdinalModel.json",
    "Specs/Number/Chinese/NumberModel.json",
    "Specs/Number/Chinese/NumberRangeModel.json",
    "Specs/Number/Chinese/NumberRangeModelExperimentalMode.json",
]
JIO_FILES = ["test/test_money_extractor.py", "test/test_money_parser.py"]

# ---------------------------------------------------------------- hand decisions (documented)
# Inputs whose spec result is empty although the phrase is a figure in our domain.
EMPTY_BUT_FIGURE = {
    "二三十个百分点": "approximate range 20-30 pp",
    "二三十個百分點": "approximate range 20-30 pp",
    "百分之二三十": "approximate range 20-30 %",
    "一美元": "amount 1 USD (number spec leaves currency phrases to the currency spec)",
    "两美刀": "amount 2 USD (美刀, slang for 美元)",
    "这台电脑两美刀": "amount 2 USD (美刀, slang for 美元)",
}
# JioNLP extractor inputs with no money but a duration: not a clean negative for us (a duration
# with a qualifier reads like a measure; our conventions only exclude dates and report periods).
DURATIONS = {
    '刑满释放后不足一个月又犯盗窃罪，系累犯，应从重处罚。"': "不足一个月",
    "数额巨大或者有其他严重情节的，处三年以上十年以下有期徒刑，并处罚金；": "三年以上十年以下",
}
# JioNLP parser values that differ from the value as written.
VALUE_AS_WRITTEN = {"233,333，333,434.344元": "233333333434.344"}  # the parser rounds to cents
# Inputs where the spec tags one type only and leaves other in-domain figures unannotated.
INCOMPLETE = {
    "江苏彩民15元中大乐透1600万 奖池36.57亿": "1600万 and 36.57亿 (money) not tagged",
    "包括在金融市场中管理的基金管理业务在内的FILP总额也减少了二％，为四十九兆九千五百九十二億元，是有史以来最大的。": "减少了二％ (change) not tagged by the currency spec",  # noqa: E501 (a spec's text, verbatim)
    "去年，潜江虾稻产业综合产值突破180亿元，带动就业超10万人，龙虾养殖户户平增收16000元，带动全省养殖小龙虾387万亩。": "突破180亿元, 超10万人, 16000元 not tagged by the dimension spec",  # noqa: E501 (a spec's text, verbatim)
    "基站总数是10000，其中有9000台是huawei 建的，还有一台是实验品。": "9000台, 一台 are counts (spec: no money)",
    "宝安科技公司与国际精密的15位股东签署收购协议，以每股1.95港元": "15位 (shareholders) is a count (spec: money only)",
    "经查，公诉机关起诉指控的被盗财物数量依照人民币被害人陈述予以认定，被告人班x庭审中提出只有两瓶津威的辩解意见，依照有利于被告人的原则，": "两瓶 is a count (spec: no money)",  # noqa: E501 (a spec's text, verbatim)
}
# Number-model inputs whose numerals are, by our conventions, not figures (dates, ranks, names).
NOT_FIGURES = {
    "１９９１年１月１６日晚巴黎时间２０点：法国总统密特朗发表电视讲话，宣布和平解决海湾危机已经让位于战争，法国已经作好一切战斗准备。": "date and clock time",  # noqa: E501 (a spec's text, verbatim)
    "１９９１年１月１６日晚巴黎時間２０點：法國總統密特朗發表電視講話，宣布和平解抉海灣危機已經讓位於戰爭，法國已經作好壹切戰鬥準備。": "date and clock time",  # noqa: E501 (a spec's text, verbatim)
    "这不是四川这是五台山": "names holding numerals (四川, 五台山)",
    "第零十刃": "ordinal",
    "单销量排名前三的品牌": "rank",
    "他的排名在第十和第十五之间": "ranks",
}
# Number-range spans that carry a unit, mapped by hand (value as written times its scale).
RANGE_KEEP = {
    "还有20万次以上来观影的呀？": [
        {"text": "20万次以上", "kind": "count", "value": 200000, "unit": "次", "qualifier": "at_least"}
    ],
    "我问你啊就是那个幕后之王收视率超过了百分之零点九": [
        {"text": "超过了百分之零点九", "kind": "percent", "value": 0.9, "unit": "%", "qualifier": "above"}
    ],
}
# JioNLP parser entries whose value is a tool default for an ambiguous phrase.
AMBIGUOUS = {"八到九百亿泰铢": "the test says 八 is read as 八亿 by default; ambiguous"}
# Values of the JioNLP extractor spans (the extractor test gives spans, not values), read by hand;
# where the parser test has the same phrase its value is used instead (see jio_value).
EXTRACTOR_VALUES = {
    "601,293.11元": ("CNY", Decimal("601293.11"), None, None),
    "一万二千三百四十五元": ("CNY", Decimal("12345"), None, None),
    "9佰日元": ("JPY", Decimal("900"), None, None),
    "十块钱": ("CNY", Decimal("10"), None, None),
    "壹仟玖佰圆整": ("CNY", Decimal("1900"), None, None),
    "1 万(含)-5 万元": ("CNY", Decimal("10000"), Decimal("50000"), None),
    "10k~15k": ("CNY", Decimal("10000"), Decimal("15000"), None),
    "3541.07万元": ("CNY", Decimal("35410700"), None, None),
    "123元1角1分": ("CNY", Decimal("123.11"), None, None),
    "2000余元": ("CNY", Decimal("2000"), None, "at_least"),
    "10.56亿元": ("CNY", Decimal("1056000000"), None, None),
    "47.264287亿元": ("CNY", Decimal("4726428700"), None, None),
}

JIO_CURRENCY = {
    "元": "CNY",
    "港元": "HKD",
    "美元": "USD",
    "日元": "JPY",
    "新台币": "TWD",
    "欧元": "EUR",
    "泰铢": "THB",
    "卢布": "RUB",
    "澳元": "AUD",
    "韩元": "KRW",
}
CURRENCY_WORDS = ["元", "圆", "块", "港币", "台币", "日币", "泰铢", "卢布", "人民币"]

# Written unit words for dimension/age/temperature spans, longest first.
UNIT_WORDS = sorted(
    [
        "千比特",
        "比特",
        "兆字节",
        "千字节",
        "兆赫兹",
        "赫兹",
        "千瓦",
        "千卡",
        "千米",
        "千克",
        "微克",
        "公斤",
        "公分",
        "亩",
        "吨",
        "米",
        "斤",
        "克",
        "两",
        "位",
        "cm",
        "m",
        "周岁",
        "个月",
        "岁",
        "周",
        "天",
        "摄氏度",
        "度",
    ],
    key=len,
    reverse=True,
)

VERBS = ("上升", "下降", "增长", "减少", "升高", "降低", "提高", "增加", "下跌", "上涨", "回落", "扩大", "收窄")
QUAL_BEFORE = ("近", "约", "大约", "超过", "超", "逾", "不足", "不到", "突破", "至少")
QUAL_AFTER = ("以上", "以下", "以内", "左右", "多", "余")
RANGE_MARK = re.compile(r"[0-9０-９一二三四五六七八九十百千万][ ]*[-~–—到至][ ]*$")


DROPPED: list[str] = []


def drop(counts: Counter, key: str, origin: str, text: str) -> None:
    counts[key] += 1
    DROPPED.append(f"{key[len('dropped: ') :]}\t{origin}\t{text[:60]}")


def git(repo: str, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", repo, *args], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


def number(d: Decimal):
    """A JSON number: int when whole, else float."""
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def licence(repo: str) -> str:
    head = git(repo, "show", "HEAD:LICENSE")
    if "MIT License" in head:
        return "MIT (LICENSE)"
    if "Apache License" in head and "Version 2.0" in head:
        return "Apache-2.0 (LICENSE)"
    raise SystemExit(f"{repo}: unknown licence in LICENSE")


def context_problem(text: str, span: str) -> str | None:
    """A reason when the spec's span leaves out part of the figure our conventions include."""
    i = text.find(span)
    before, after = text[:i].rstrip(), text[i + len(span) :].lstrip()
    if before.endswith(VERBS) or re.search(r"(上升|下降|增长|减少|升高|降低|提高|增加)了$", before):
        return "change verb outside the spec span"
    if before.endswith(QUAL_BEFORE) or after.startswith(QUAL_AFTER):
        return "qualifier outside the spec span"
    if RANGE_MARK.search(before):
        return "range start outside the spec span"
    return None


def unit_word(span: str) -> str | None:
    core = span.rstrip()
    if core.startswith("华氏"):
        return "华氏度"
    for tail in ("大", "半"):
        core = core[:-1] if core.endswith(tail) else core
    for word in UNIT_WORDS:
        if core.endswith(word):
            return word
    return None


# ---------------------------------------------------------------- Recognizers-Text
def rt_figure(model: str, result: dict) -> tuple[dict | None, str | None]:
    span = result["Text"]
    res = result.get("Resolution") or {}
    raw = res.get("value")
    if model in ("CurrencyModel", "TemperatureModel") and raw is None:
        return None, None  # a currency or unit name without a number: not a figure
    if model == "PercentModel":
        val = Decimal(raw.rstrip("%"))
        if "百分点" in span.replace(" ", "") or "百分點" in span.replace(" ", ""):
            return {"text": span, "kind": "change", "value": number(val), "unit": "pp"}, None
        return {"text": span, "kind": "percent", "value": number(val), "unit": "%"}, None
    if model == "CurrencyModel":
        iso = res.get("isoCurrency")
        if not iso:
            return None, f"currency without an ISO code ({res.get('unit')})"
        return {"text": span, "kind": "amount", "value": number(Decimal(raw)), "unit": iso}, None
    if model in ("DimensionModel", "AgeModel", "TemperatureModel"):
        unit = unit_word(span)
        if unit is None:
            return None, "unit word not recognised"
        return {"text": span, "kind": "quantity", "value": number(Decimal(raw)), "unit": unit}, None
    raise AssertionError(model)


def convert_recognizers(repo: str, counts: Counter) -> dict:
    cases, seen = [], set()
    for path in RT_FILES:
        model = Path(path).stem
        specs = json.loads(git(repo, "show", f"HEAD:{path}"))
        for n, spec in enumerate(specs):
            counts["read"] += 1
            text, results = spec["Input"], spec.get("Results", [])
            origin = f"{path}#{n}"
            if text in seen:
                drop(counts, "dropped: duplicate input", origin, text)
                continue
            if text in EMPTY_BUT_FIGURE:
                drop(counts, "dropped: spec empty but a figure for us", origin, text)
                continue
            if text in INCOMPLETE:
                drop(counts, "dropped: other in-domain figures not annotated", origin, text)
                continue
            figures, reason = [], None
            if model == "OrdinalModel" or text in NOT_FIGURES or not results:
                figures = []  # negative: no result, or ordinals / dates / names with numerals
            elif model == "NumberModel":
                reason = "bare number (number model)"
            elif model.startswith("NumberRange"):
                if text in RANGE_KEEP:
                    figures = RANGE_KEEP[text]
                else:
                    reason = "bare number range"
            else:
                for result in results:
                    if (result.get("Resolution") or {}).get("value") is None and model in (
                        "CurrencyModel",
                        "TemperatureModel",
                    ):
                        continue  # a currency or unit name without a number: not a figure
                    if result["Text"] not in text:
                        reason = "span not verbatim in input"
                        break
                    reason = context_problem(text, result["Text"])
                    if reason:
                        break
                    fig, reason = rt_figure(model, result)
                    if reason:
                        break
                    if fig:
                        figures.append(fig)
            if reason:
                drop(counts, f"dropped: {reason}", origin, text)
                continue
            seen.add(text)
            cases.append({"text": text, "figures": figures, "origin": origin})
    return {
        "source": {
            "id": "recognizers-text-zh",
            "url": "https://github.com/microsoft/Recognizers-Text",
            "licence": licence(repo),
            "commit": git(repo, "rev-parse", "HEAD").strip(),
            "files": RT_FILES,
        },
        "cases": cases,
    }


# ---------------------------------------------------------------- JioNLP
def py_list(source: str, name: str) -> list:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit(f"no {name} in test file")


def jio_qualifier(text: str) -> str | None:
    if text.startswith(("约", "近", "大约")):
        return "about"
    if text.startswith(("不到", "不足")):
        return "below"
    if text.startswith("小于"):
        return "below"
    if "以上" in text or text.startswith("至少") or re.search(r"[0-9一二三四五六七八九十百千万亿]+[多余]", text):
        return "at_least"
    return None


def convert_jionlp(repo: str, counts: Counter) -> dict:
    cases, seen = [], set()
    parser_values = {}
    parsed = py_list(git(repo, "show", f"HEAD:{JIO_FILES[1]}"), "money_string_list")
    extracted = py_list(git(repo, "show", f"HEAD:{JIO_FILES[0]}"), "money_string_list")
    for text, res in parsed:
        parser_values[text.replace(" ", "")] = res

    for n, (text, results) in enumerate(extracted):
        counts["read"] += 1
        origin = f"{JIO_FILES[0]}#{n}"
        if text in INCOMPLETE:
            drop(counts, "dropped: other in-domain figures not annotated", origin, text)
            continue
        if text in DURATIONS:
            drop(counts, "dropped: spec empty (money only) but holds a duration", origin, text)
            continue
        figures, reason = [], None
        for r in results:
            span = r["text"]
            if span not in text or text[r["offset"][0] : r["offset"][1]] != span:
                reason = "span not verbatim in input"
                break
            reason = context_problem(text, span)
            if reason:
                break
            unit, lo, hi, qual = EXTRACTOR_VALUES[span]
            fig = {"text": span, "kind": "amount", "value": number(lo), "unit": unit}
            if hi is not None:
                fig["value_max"] = number(hi)
            if qual:
                fig["qualifier"] = qual
            figures.append(fig)
        if reason:
            drop(counts, f"dropped: {reason}", origin, text)
            continue
        seen.add(text)
        cases.append({"text": text, "figures": figures, "origin": origin})

    for n, (text, res) in enumerate(parsed):
        counts["read"] += 1
        origin = f"{JIO_FILES[1]}#{n}"
        if text in seen:
            drop(counts, "dropped: duplicate input", origin, text)
            continue
        if text in AMBIGUOUS:
            drop(counts, "dropped: ambiguous, spec value is a tool default", origin, text)
            continue
        if not any(w in text for w in CURRENCY_WORDS) and not text.endswith(tuple(JIO_CURRENCY)):
            drop(counts, "dropped: no currency written (bare number)", origin, text)
            continue
        if re.search(r"[几幾数數]", text):
            drop(counts, "dropped: vague numeral (几/数)", origin, text)
            continue
        qual = jio_qualifier(text)
        if text.startswith("大约") and re.search(r"[多余]", text):
            drop(counts, "dropped: two qualifiers (大约 + 多)", origin, text)
            continue
        num = VALUE_AS_WRITTEN.get(text, res["num"])
        unit = JIO_CURRENCY[res["case"]]
        fig = {"text": text, "kind": "amount"}
        if isinstance(num, list):
            if qual == "at_least":  # 3000多 → at least 3000 (the parser's upper bound is its guess)
                fig.update(value=number(Decimal(num[0])), unit=unit)
            else:
                fig.update(value=number(Decimal(num[0])), unit=unit, value_max=number(Decimal(num[1])))
        else:
            fig.update(value=number(Decimal(num)), unit=unit)
        if qual and "value_max" not in fig:
            fig["qualifier"] = qual
        seen.add(text)
        cases.append({"text": text, "figures": [fig], "origin": origin})
    return {
        "source": {
            "id": "jionlp-money",
            "url": "https://github.com/dongrixinyu/JioNLP",
            "licence": licence(repo),
            "commit": git(repo, "rev-parse", "HEAD").strip(),
            "files": JIO_FILES,
        },
        "cases": cases,
    }


def write(name: str, data: dict, counts: Counter) -> None:
    for case in data["cases"]:
        for fig in case["figures"]:
            assert fig["text"] in case["text"], (fig, case["text"])
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    kept = len(data["cases"])
    negatives = sum(1 for c in data["cases"] if not c["figures"])
    figures = sum(len(c["figures"]) for c in data["cases"])
    print(
        f"{path.relative_to(ROOT)}: read {counts['read']}, kept {kept} "
        f"({negatives} negatives, {figures} figures), dropped {counts['read'] - kept}"
    )
    for key, value in sorted((k, v) for k, v in counts.items() if k.startswith("dropped")):
        print(f"  {key}: {value}")


def main(argv: list[str]) -> int:
    show_dropped = "--dropped" in argv
    argv = [a for a in argv if a != "--dropped"]
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for name, repo, convert in (
        ("recognizers.json", argv[0], convert_recognizers),
        ("jionlp.json", argv[1], convert_jionlp),
    ):
        counts = Counter()
        write(name, convert(repo, counts), counts)
    if show_dropped:
        print("\n".join(DROPPED))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
