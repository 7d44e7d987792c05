"""Extraction: one module or sub-package per kind of fact, each an :class:`~.base.Extractor`.

:mod:`.registry` lists them in the order they run; adding an extractor is adding a file
and one line there. Every extractor reads the same :class:`~.base.Source` (the read
document, its Kiwi/spaCy analysis, its date) and adds facts to the document's
:class:`~stkg.ingest.context.BuildContext`; nothing here touches Neo4j.

The kinds with parsing of their own keep it beside their fact building in a sub-package
(:mod:`.tables`, :mod:`.statements`, :mod:`.patents`: a ``parse`` and a ``facts`` module
each); the prose extractors are single modules reading the shared analysis.
"""
