"""Load the rule data files once. Each file in extractor/data is TOML with comments and examples."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed contents of ``extractor/data/<name>.toml``."""
    text = resources.files("extractor").joinpath("data", f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)
