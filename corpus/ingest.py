#!/usr/bin/env python3
"""Write corpus documents exactly as the search tool returned them.

usage: ingest.py RESULT.json [...]  (each: {"id": ..., "url": ..., "excerpt": ...} or a list of them)

A document is kept as received: the `excerpt` string of a `search` (pages corpus) result, copied
into a JSON file with its escapes untouched, is decoded here and written as `<id>.txt` (UTF-8, no
trailing newline added) beside the JSON file, which is then removed. The manifest keeps the URL.
"""

from __future__ import annotations

import json
import pathlib
import sys


def main(argv: list[str]) -> int:
    for name in argv:
        path = pathlib.Path(name)
        data = json.loads(path.read_text("utf-8"))
        for item in data if isinstance(data, list) else [data]:
            target = path.with_name(item["id"] + ".txt")
            target.write_text(item["excerpt"], "utf-8")
            print(f"{target}: {len(item['excerpt'])} characters from {item.get('url', '?')}")
        path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
