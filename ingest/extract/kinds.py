"""One kind per name: a name the document reads as a field and as a technology is a field.

``반도체, 디스플레이 등 3대 분야`` and, further on, ``반도체, 디스플레이 등의 기술`` make
two nodes of each name, a :class:`StrategicField` and a :class:`CoreTechnology`. A
roadmap never files one name under two kinds, and a name broad enough to be listed as a
field is the field; so this stage, run after the extractors, drops the technology or
product a document also reads as a field (``인공지능기술`` beside the field ``인공지능``
too), with its relationships. Reference individuals are never dropped.
"""

from __future__ import annotations

import re

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.nested import drop
from stkg.ingest.extract.resolve import CANDIDATE
from stkg.ingest.normalize import name_key

EXTRACTOR = "kinds"
#: The kind a name keeps, and the kinds it is not also read as.
KEPT, YIELDING = "StrategicField", ("CoreTechnology", "StrategicProduct")
#: ``인공지능기술`` is the field ``인공지능`` named with what it is.
_KIND_WORD = re.compile(r"(?:기술|산업|분야)$")


class OneKindPerName:
    name = EXTRACTOR
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        facts = source.ctx.facts
        fields = {
            _key(str(n.props["name"]))
            for n in facts.nodes.values()
            if n.cls == KEPT and n.props.get("name")
        }
        drop(
            facts,
            {
                n.id
                for n in facts.nodes.values()
                if n.cls in YIELDING
                and n.props.get("extractionStatus") == CANDIDATE
                and _key(str(n.props.get("name") or "")) in fields - {""}
            },
        )


def _key(name: str) -> str:
    return _KIND_WORD.sub("", name_key(name))
