"""Review decisions written back as Turtle, so the next ingest knows them.

``ontology/reviewed.ttl`` sits beside ``reference.ttl`` and is loaded with it: an accepted
candidate becomes a reference individual (``extractionStatus "reviewed"``), a merged one an
altLabel of the individual it was merged into, a rejected one an individual marked
``"rejected"`` that resolution then refuses. Each block is appended only after the whole
file, with the block, parses.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from stkg.ontology.ids import instance_iri
from stkg.ontology.model import ONTOLOGY_DIR, parse_turtle

REVIEWED_FILE = ONTOLOGY_DIR / "reviewed.ttl"
HEADER = """# stkg review decisions: candidates a maintainer accepted, merged or rejected.
# Written by `stkg review`; loaded with reference.ttl. Edit like any reference data.
@prefix stkg: <https://w3id.org/stkg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

<https://w3id.org/stkg/reviewed> a owl:Ontology ;
    owl:imports <https://w3id.org/stkg/reference> .
"""


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _lang(text: str) -> str:
    return "@ko" if any("\uac00" <= ch <= "\ud7a3" for ch in text) else "@en"


def individual_block(
    cls: str, tid: str, name: str, aliases: list[str], status: str, who: str
) -> str:
    lines = [
        f"# {name}: {status} by {who} on {dt.date.today().isoformat()}",
        f"<{instance_iri(tid)}> a owl:NamedIndividual , stkg:{cls} ;",
        f"    stkg:id {_literal(tid)} ;",
        f"    stkg:name {_literal(name)} ;",
        f'    stkg:extractionStatus "{status}" ;',
    ]
    if aliases:
        lines.append("    stkg:aliases " + " , ".join(_literal(a) for a in aliases) + " ;")
        lines.append(
            "    skos:altLabel " + " , ".join(_literal(a) + _lang(a) for a in aliases) + " ;"
        )
    lines.append(f"    rdfs:label {_literal(name)}{_lang(name)} .")
    return "\n".join(lines) + "\n"


def alias_block(target: str, alias: str, who: str) -> str:
    return (
        f"# {alias}: merged into {target} by {who} on {dt.date.today().isoformat()}\n"
        f"<{instance_iri(target)}> stkg:aliases {_literal(alias)} ;\n"
        f"    skos:altLabel {_literal(alias)}{_lang(alias)} .\n"
    )


def append_block(
    block: str, path: Path = REVIEWED_FILE, *, header: str = HEADER, replace: str | None = None
) -> None:
    """Append ``block``; the file is replaced only if the result parses.

    ``replace``, when given, drops the earlier blocks that contain it first (a newer
    decision on the same thing replaces the older one)."""
    current = path.read_text("utf-8") if path.exists() else header
    if replace is not None:
        current = "\n\n".join(b for b in current.split("\n\n") if replace not in b)
    candidate = current.rstrip("\n") + "\n\n" + block
    fd, tmp = tempfile.mkstemp(suffix=".ttl", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(candidate)
        parse_turtle(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
