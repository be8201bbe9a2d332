"""Scanned versions of tables, made at run time (see README.md): nothing binary is committed."""
