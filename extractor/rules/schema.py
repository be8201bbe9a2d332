"""What each rule file in extractor/data may hold: typed models that refuse an unknown key.

TOML puts a key written after an array-of-tables header into the last table of the array (a
``not_figures = [...]`` below the last ``[[veto]]`` becomes that veto's key), and a misspelt key is
simply never read. Both are mistakes a rule author cannot see; ``extractor.rules.data.load``
validates every file against its model here and fails naming the file and the key.

A file whose sections are named patterns with their examples (layout.toml) is checked by
convention instead: every ``NAME_examples`` / ``NAME_counter_examples`` key belongs to a pattern
``NAME`` in the same table.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


Examples = list[Any]
Patterns = str | list[str]


# --------------------------------------------------------------------------------------------
# figures.toml


class FigureRule(_Strict):
    id: str
    kind: str
    pattern: str
    basis: str | None = None
    unit: str | None = None
    examples: Examples = Field(default_factory=list)


class FigureVeto(_Strict):
    id: str
    before: str | None = None
    after: str | None = None
    head: str | None = None
    unless_before: str | None = None
    examples: list[str] = Field(default_factory=list)
    not_examples: list[str] = Field(default_factory=list)


class Signed(_Strict):
    up: list[str]
    down: list[str]


class Distribution(_Strict):
    lead: str
    joiner: str
    restated: str
    examples: Examples = Field(default_factory=list)


class SharedUnit(_Strict):
    tail: str
    member: str
    lead: str
    examples: Examples = Field(default_factory=list)


class ReferenceBasis(_Strict):
    before: str
    between: str
    examples: Examples = Field(default_factory=list)


class AbsoluteChange(_Strict):
    before: str
    up: list[str]
    down: list[str]
    examples: Examples = Field(default_factory=list)


class Bases(_Strict):
    yoy: list[str]
    mom: list[str]
    yoy_ref: list[str]
    mom_ref: list[str]
    schedule_words: list[str]


class FigureContext(_Strict):
    clause_break: str
    scope: str
    unit_level: str
    target_cue: str
    target_label: str


class Subject(_Strict):
    lead: list[str]
    trail: list[str]
    place: str
    change_before: str
    reject: str
    min_length: int
    max_length: int
    max_stretch: int
    share_between: str


class FiguresFile(_Strict):
    not_figures: list[str]
    masks: dict[str, str | list[str]]
    vocabulary: dict[str, str]
    change_words: Signed
    gap_words: Signed
    driver_words: Signed
    schedule_gap: Signed
    distribution: Distribution
    shared_unit: SharedUnit
    reference_basis: ReferenceBasis
    absolute_change: AbsoluteChange
    bases: Bases
    context: FigureContext
    subject: Subject
    subjects: dict[str, list[str]]
    qualifiers: dict[str, str]
    rule: list[FigureRule]
    veto: list[FigureVeto]


# --------------------------------------------------------------------------------------------
# units.toml


class HomeCurrency(_Strict):
    min_traditional_share: float
    min_currency_names: int
    min_place_marks: int
    examples: Examples = Field(default_factory=list)
    currency_names: dict[str, list[str]]
    places: dict[str, list[str]]


class MeasureWords(_Strict):
    count: list[str]
    quantity: list[str]


class UnitsFile(_Strict):
    prefixes: dict[str, list[str]]
    scales: dict[str, float]
    currencies: dict[str, str | list[str]]
    measure_words: MeasureWords
    home_currency: HomeCurrency


# --------------------------------------------------------------------------------------------
# status.toml


class Cue(_Strict):
    id: str
    pattern: str
    examples: list[str] = Field(default_factory=list)
    counter_examples: list[str] = Field(default_factory=list)


class Tier(_Strict):
    name: str
    status: str
    scope: list[str]
    cue: list[Cue]


class Resumed(_Strict):
    pattern: str
    examples: list[str] = Field(default_factory=list)
    counter_examples: list[str] = Field(default_factory=list)


class Milestone(_Strict):
    id: str
    task: str
    reached: str
    preparation: str
    examples: Examples = Field(default_factory=list)
    counter_examples: Examples = Field(default_factory=list)


class VerdictPatterns(_Strict):
    done: str
    on_track: str
    behind: str
    stalled: str
    not_started: str
    examples: Examples = Field(default_factory=list)
    counter_examples: list[str] = Field(default_factory=list)


class Verdict(_Strict):
    enumerator: str
    end: str
    column: VerdictPatterns
    heading: VerdictPatterns


class Completion(_Strict):
    id: str
    forecast_id: str
    scope: list[str]
    pattern: str
    examples: Examples = Field(default_factory=list)
    counter_examples: list[str] = Field(default_factory=list)


class StatusFigures(_Strict):
    growth: str
    direction: str
    below_target: str
    meets_target: str
    share: str
    forecast: str
    share_kinds: list[str]
    scope: list[str]
    examples: Examples = Field(default_factory=list)
    counter_examples: Examples = Field(default_factory=list)


class BenchmarkExample(_Strict):
    task: str
    progress: str
    value: str | None = None


class Benchmark(_Strict):
    id_met: str
    id_missed: str
    task: str
    above: str
    below: str
    examples: list[BenchmarkExample]
    counter_examples: list[BenchmarkExample]


class StartRateExample(_Strict):
    text: str
    value: str


class StartRate(_Strict):
    id: str
    pattern: str
    examples: list[StartRateExample]
    counter_examples: Examples


class RunningYear(_Strict):
    title: str
    title_examples: Examples
    title_counter_examples: Examples


class PlannedExample(_Strict):
    text: str
    value: str


class Planned(_Strict):
    id: str
    pattern: str
    column: str
    examples: list[PlannedExample]
    counter_examples: Examples


class StatusVocabulary(_Strict):
    """A named word list status.py reads (a task sentence that reports, a clause of what is yet to
    come, …): its pattern, texts it finds and texts it must not find."""

    pattern: str
    examples: list[str] = Field(default_factory=list)
    counter_examples: list[str] = Field(default_factory=list)


# status.toml [object_done]: a completion claim read against the task's own object.
class ObjectDoneExample(_Strict):
    task: str
    progress: str
    value: str


class ObjectDone(_Strict):
    id: str
    step_id: str
    generic: list[str]
    count: str
    not_whole: str
    continuing: str
    examples: list[ObjectDoneExample]
    counter_examples: list[ObjectDoneExample]


class StatusFile(_Strict):
    order: list[str]
    negator: str
    schedule_tolerance: float
    tier: list[Tier]
    resumed: Resumed
    milestone: Milestone
    verdict: Verdict
    completion: Completion
    figures: StatusFigures
    benchmark: Benchmark
    start_rate: StartRate
    running_year: RunningYear
    planned: Planned
    vocabulary: dict[str, StatusVocabulary] = Field(default_factory=dict)
    object_done: ObjectDone


# --------------------------------------------------------------------------------------------
# dates.toml


class DateRule(_Strict):
    id: str
    kind: str
    grain: str
    pattern: str
    deadline_cue: bool | None = None
    veto_after: str | None = None
    veto_before: str | None = None
    examples: Examples = Field(default_factory=list)


class DateVeto(_Strict):
    id: str
    before: str
    reach: int
    examples: list[str] = Field(default_factory=list)


class DateContext(_Strict):
    sentence_end: str
    deadline_after: str
    past_before: str
    fact_after: str
    plan_before: str


class PeriodSettings(_Strict):
    title_rules: list[str]
    text_rules: list[str]
    cumulative_rules: list[str]
    text_needs_cutoff: list[str]
    grain_rank: dict[str, int]


class Holidays(_Strict):
    aliases: dict[str, str]
    fixed: dict[str, str]
    window: dict[str, list[int]]
    lunar: dict[str, str]


class Dateline(_Strict):
    labelled: str
    line: str
    examples: Examples = Field(default_factory=list)
    counter_examples: list[str] = Field(default_factory=list)


class DatesFile(_Strict):
    not_dates: list[str]
    vocabulary: dict[str, str]
    context: DateContext
    rule: list[DateRule]
    veto: list[DateVeto]
    period: PeriodSettings
    relative_years: dict[str, int]
    holidays: Holidays
    dateline: Dateline


# --------------------------------------------------------------------------------------------
# cells.toml, assess.toml, headers.toml


class StatementKind(_Strict):
    kind: str
    cue: str | None = None
    opener: str | None = None
    examples: Examples = Field(default_factory=list)
    counter_examples: Examples = Field(default_factory=list)


class StatementLabel(_Strict):
    kind: str
    pattern: str
    fixed: bool | None = None
    examples: Examples = Field(default_factory=list)


class FieldKind(_Strict):
    kind: str
    fixed: bool | None = None


class Statements(_Strict):
    sentence_end: str
    clause_break: str
    clause_min: int
    clause_lead: str
    lead: str
    label_boundary: str
    response_kind: str
    problem_fields: list[str]
    kind: list[StatementKind]
    field_kinds: dict[str, FieldKind]
    label: list[StatementLabel]


class Issues(_Strict):
    marker: str
    marker_examples: Examples
    end_marker: str
    enumerators: list[str]
    circled_enumerator: str
    enumerator_examples: Examples
    no_problem: str
    item_separators: str
    elaboration: str
    elaboration_examples: Examples
    response: str
    response_examples: Examples


class UnitSplitting(_Strict):
    separators: str
    conjunctions: str
    suffixes: list[str]
    bare: str
    examples: Examples
    etc: str
    etc_examples: Examples
    lead_mark: str
    lead_mark_examples: Examples


class CellsFile(_Strict):
    issues: Issues
    statements: Statements
    units: UnitSplitting


class AssessFile(_Strict):
    not_a_target: str
    not_a_target_examples: Examples
    full_year_forecast: str
    full_year_forecast_examples: Examples
    full_year_forecast_counter_examples: Examples
    target_column: str
    target_column_examples: Examples
    target_column_counter_examples: Examples


class HeaderField(_Strict):
    synonyms: list[str]


class HeadersFile(_Strict):
    period_header: str
    period_header_examples: Examples
    not_header_cell: list[str]
    not_header_cell_examples: Examples
    not_header_cell_counter_examples: Examples
    fields: dict[str, HeaderField]
    morphemes: dict[str, list[Any]]


class TextFile(_Strict):
    frequent_hanzi: str


class PairsFile(_Strict):
    pairs: str
    variant_pairs: str | None = None
    radical_pairs: str | None = None


class SharedFile(_Strict):
    vocabulary: dict[str, str]
    examples: dict[str, list[tuple[str, int]]]


MODELS: dict[str, type[BaseModel]] = {
    "shared": SharedFile,
    "figures": FiguresFile,
    "units": UnitsFile,
    "status": StatusFile,
    "dates": DatesFile,
    "cells": CellsFile,
    "assess": AssessFile,
    "headers": HeadersFile,
    "text": TextFile,
    "variants": PairsFile,
    "t2s": PairsFile,
}
# Files of named patterns with their examples, checked by the examples convention.
PATTERN_FILES = frozenset({"layout", "news"})
EXAMPLE_SUFFIXES = ("_counter_examples", "_examples")


def orphan_examples(table: dict[str, Any], where: str = "") -> list[str]:
    """Keys ``NAME_examples`` / ``NAME_counter_examples`` with no ``NAME`` in their table, at any depth."""
    found = []
    for key, value in table.items():
        if isinstance(value, dict):
            found += orphan_examples(value, f"{where}{key}.")
            continue
        for suffix in EXAMPLE_SUFFIXES:
            if key.endswith(suffix):
                if key.removesuffix(suffix) not in table:
                    found.append(f"{where}{key}")
                break
    return found
