"""Rules: find spans in cell text (``find_*``) and turn them into typed values (``parse_*``).

The vocabulary and patterns live as named data in ``extractor/data/*.toml``.
"""
