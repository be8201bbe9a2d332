#!/usr/bin/env python3
"""Give every corpus document a split, by publisher, and move it into that split's folder.

usage: assign_split.py INCOMING_DIR [...]     (each holding <id>.txt/.cut.toml/.gold.json + manifest.toml)

The unit of the split is the publisher (`family` when several publishers share one template, e.g.
a province's task list copied by its cities): all of a unit's documents go to one split, so the
test split holds only publishers the rules were never developed on. A unit already in
manifest.toml keeps its split. New units are taken in the order of a hash of their name (stable,
not chosen by hand) and go to `test` while the test split holds less than TEST_SHARE of the
documents of their gathering batch, else to `dev`; units listed in SEEN (documents looked at
before the split was made) always go to `dev`. A batch whose manifest names a split (`fresh`:
publishers gathered after development began, to measure on documents never developed on) keeps it.
"""

from __future__ import annotations

import hashlib
import pathlib
import shutil
import sys
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script: the project root holds the corpus package
from corpus import COMPANION_SUFFIXES  # noqa: E402

MANIFEST = HERE / "manifest.toml"
TEST_SHARE = 0.4
# Publishers whose documents were read while the corpus was being gathered, before the split:
# they can only be development material.
# huzhou.gov.cn: its 2023 汇总表 shape is in tests/test_layouts_real.py (an earlier issue's material).
SEEN = {"shpt.gov.cn", "cqstl.gov.cn", "bjxch.gov.cn", "pydc.gov.cn", "zhaoqing.gov.cn", "huzhou.gov.cn"}
KEYS = [
    "id",
    "split",
    "publisher",
    "publisher_key",
    "family",
    "region",
    "level",
    "url",
    "title",
    "retrieved",
    "via",
    "shape",
    "truncated",
    "has_table",
]


def unit(doc: dict) -> str:
    return doc.get("family") or doc["publisher_key"]


def load(path: pathlib.Path) -> list[dict]:
    return tomllib.loads(path.read_text("utf-8")).get("doc", []) if path.exists() else []


def dump(docs: list[dict]) -> str:
    out = ["# The accuracy corpus: one entry per document (see README.md). Split by publisher (assign_split.py).\n"]
    for doc in docs:
        out.append("[[doc]]")
        for key in KEYS + sorted(set(doc) - set(KEYS)):
            if key in doc:
                value = doc[key]
                if isinstance(value, bool):
                    text = "true" if value else "false"
                else:
                    text = '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
                out.append(f"{key} = {text}")
        out.append("")
    return "\n".join(out)


def main(folders: list[str]) -> int:
    docs = load(MANIFEST)
    known = {unit(d): d["split"] for d in docs}
    for folder in map(pathlib.Path, folders):
        batch = load(folder / "manifest.toml")
        units: dict[str, list[dict]] = {}
        for doc in batch:
            units.setdefault(unit(doc), []).append(doc)
        test = sum(len(ds) for u, ds in units.items() if known.get(u) == "test")
        for name in sorted(units, key=lambda u: hashlib.sha1(u.encode()).hexdigest()):
            given = {doc.get("split") for doc in units[name]} - {None}
            if name not in known and given:
                # A batch gathered for a split of its own (fresh: publishers met after development
                # began, measured only) keeps it.
                known[name] = given.pop()
            if name not in known:
                go_test = name not in SEEN and test + len(units[name]) <= TEST_SHARE * len(batch) + 0.5
                known[name] = "test" if go_test else "dev"
                test += len(units[name]) if go_test else 0
            for doc in units[name]:
                doc["split"] = known[name]
                target = HERE / doc["split"]
                target.mkdir(exist_ok=True)
                for suffix in (".txt", *COMPANION_SUFFIXES):
                    if (folder / (doc["id"] + suffix)).exists():
                        shutil.move(folder / (doc["id"] + suffix), target / (doc["id"] + suffix))
                docs.append(doc)
    docs.sort(key=lambda d: (d["split"], d["id"]))
    MANIFEST.write_text(dump(docs), "utf-8")
    for split in sorted({d["split"] for d in docs}):
        chosen = [d for d in docs if d["split"] == split]
        print(
            f"{split}: {len(chosen)} documents, {len({unit(d) for d in chosen})} publishers, "
            f"{len({d['region'] for d in chosen})} regions",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
