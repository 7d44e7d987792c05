"""Extraction: one file per kind of fact, each an :class:`~.base.Extractor`.

:mod:`.registry` lists them in the order they run; adding an extractor is adding a file
and one line there. Every extractor reads the same :class:`~.base.Source` (the read
document, its Kiwi/spaCy analysis, its date) and adds facts to the document's
:class:`~stkg.ingest.context.BuildContext`; nothing here touches Neo4j.
"""
