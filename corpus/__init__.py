"""The accuracy corpus: documents, their gold and the scripts that make and file it."""

# Files kept beside a document that are not the document: its cut, its gold, a text copy of a
# binary, its status labels (corpus/STATUS-LABELLING.md).
COMPANION_SUFFIXES = (".cut.toml", ".gold.json", ".text.txt", ".status.toml")
