#!/usr/bin/env python3
"""File figure-phrasing sources into dev and test, by publisher.

usage: assign_split.py INCOMING_DIR [...]   (each holding <source-id>.json, see GATHERING.md)

The unit of the split is the source's publisher: a publisher already filed keeps its split; new
ones, in the order of a hash of their name (stable, not chosen), go to `test` while the batch's
test share of cases is under TEST_SHARE, else to `dev`. Rules are developed on dev only.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEST_SHARE = 0.4


def publisher(data: dict) -> str:
    return data["source"].get("publisher") or data["source"]["id"]


def main(folders: list[str]) -> int:
    known = {
        publisher(json.loads(f.read_text("utf-8"))): split
        for split in ("dev", "test")
        for f in sorted((HERE / split).glob("*.json"))
    }
    for folder in map(Path, folders):
        files = {f: json.loads(f.read_text("utf-8")) for f in sorted(folder.glob("*.json"))}
        by_publisher: dict[str, list[Path]] = {}
        for f, data in files.items():
            by_publisher.setdefault(publisher(data), []).append(f)
        total = sum(len(d["cases"]) for d in files.values())
        test = sum(len(files[f]["cases"]) for p, fs in by_publisher.items() if known.get(p) == "test" for f in fs)
        for name in sorted(by_publisher, key=lambda p: hashlib.sha1(p.encode()).hexdigest()):
            cases = sum(len(files[f]["cases"]) for f in by_publisher[name])
            if name not in known:
                go_test = test + cases <= TEST_SHARE * total + 0.5
                known[name] = "test" if go_test else "dev"
                test += cases if go_test else 0
            target = HERE / known[name]
            target.mkdir(exist_ok=True)
            for f in by_publisher[name]:
                shutil.move(f, target / f.name)
    for split in ("dev", "test"):
        files = [json.loads(f.read_text("utf-8")) for f in sorted((HERE / split).glob("*.json"))]
        print(
            f"{split}: {len(files)} sources, {len({publisher(d) for d in files})} publishers, "
            f"{sum(len(d['cases']) for d in files)} cases",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
