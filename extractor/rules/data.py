"""Load the rule data files once. Each file in extractor/data is TOML with comments and examples.

Every file is validated on loading (extractor.rules.schema): a key the file's model does not know,
or an examples key with no pattern beside it, is refused with the file and the key named, so a
misplaced or misspelt key fails loudly instead of being absorbed or ignored.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from extractor.rules.compiled import cached_data, compile_rule, keep_data, rule_file_bytes

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class RuleDataError(ValueError):
    """A rule file that does not hold what its model allows (a bug in the data, not in the input)."""


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed contents of ``extractor/data/<name>.toml``, validated."""
    data = cached_data(name)  # parsed and validated by an earlier run, from these same bytes
    if data is None:
        import tomllib  # a run served by the rule cache never parses TOML

        # the bytes hashed into the cache key, not a second read that an edit could change
        data = tomllib.loads(rule_file_bytes(name).decode("utf-8"))
        validate(name, data)
        keep_data(name, data)
    return data


@cache
def shared_vocabulary() -> dict[str, str]:
    """The pieces every rule family uses (data/shared.toml): CLAUSE_BREAK, SENTENCE_BREAK, ENUMERATOR."""
    return dict(load("shared")["vocabulary"])


_PLACEHOLDER = compile_rule(r"\{([A-Z_]+)\}")  # from the rule cache: compiling it costs 0.4 ms a process


def expand(pattern: str, vocabulary: dict[str, str] | None = None, file: str = "rule data") -> str:
    """``pattern`` with its {PLACEHOLDER}s replaced: a file's own vocabulary first, then the shared
    pieces. Entries may use placeholders too; an unknown name is an error naming the file."""
    words = {**shared_vocabulary(), **(vocabulary or {})}
    for _ in range(6):
        try:
            pattern, found = _PLACEHOLDER.subn(lambda m: f"(?:{words[m.group(1)]})", pattern)
        except KeyError as exc:
            raise RuleDataError(f"{file}: unknown placeholder {{{exc.args[0]}}}") from None
        if not found:
            return pattern
    raise RuleDataError(f"{file}: placeholders nested too deep in {pattern!r}")


def validate(name: str, data: dict[str, Any]) -> None:
    """Raise RuleDataError naming the file and the key when ``data`` breaks the file's model."""
    # The models are imported here, not at start-up: a run served by the rule cache never needs them.
    from pydantic import ValidationError

    from extractor.rules.schema import MODELS, PATTERN_FILES, orphan_examples

    model = MODELS.get(name)
    if model is not None:
        try:
            model.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()[:5]
            )
            raise RuleDataError(f"extractor/data/{name}.toml: {problems}") from None
    elif name in PATTERN_FILES:
        orphans = orphan_examples(data)
        if orphans:
            raise RuleDataError(f"extractor/data/{name}.toml: examples with no pattern: {', '.join(orphans)}")
    else:
        raise RuleDataError(f"extractor/data/{name}.toml: no model in extractor.rules.schema")
