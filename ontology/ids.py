"""Typed ids and instance IRIs.

Every instance node has a typed id ``type:key`` (the type is the class's ``stkg:idPrefix``)
and an IRI in the instance namespace made of the percent-encoded typed id with ``:`` kept.
Both directions live here so the RDF export, the API and the ontology linter agree.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

__all__ = ["INSTANCE_NS", "instance_iri", "split_typed_id", "typed_id", "typed_id_from_iri"]

#: Namespace of instance IRIs.
INSTANCE_NS = "https://w3id.org/stkg/id/"


def typed_id(prefix: str, key: str) -> str:
    """Join an id prefix and a key; both must be non-empty and the prefix has no ``:``."""
    if not prefix or ":" in prefix or not key:
        raise ValueError(f"cannot build a typed id from prefix {prefix!r} and key {key!r}")
    return f"{prefix}:{key}"


def split_typed_id(tid: str) -> tuple[str, str]:
    """Split ``type:key`` at the first colon (keys may contain further colons)."""
    prefix, sep, key = tid.partition(":")
    if not sep or not prefix or not key:
        raise ValueError(f"not a typed id (expected 'type:key'): {tid!r}")
    return prefix, key


def instance_iri(tid: str) -> str:
    """The IRI of the node with typed id ``tid``."""
    split_typed_id(tid)
    return INSTANCE_NS + quote(tid, safe=":")


def typed_id_from_iri(iri: str) -> str:
    """The typed id behind an instance IRI; raises ``ValueError`` for other IRIs."""
    if not iri.startswith(INSTANCE_NS):
        raise ValueError(f"not an stkg instance IRI: {iri!r}")
    tid = unquote(iri[len(INSTANCE_NS) :])
    split_typed_id(tid)
    return tid


def as_typed_id(ref: str) -> str:
    """A node reference as a typed id: an instance IRI becomes its typed id, anything else
    is returned stripped; raises ``ValueError`` for an instance IRI with no typed id."""
    ref = ref.strip()
    return typed_id_from_iri(ref) if ref.startswith(INSTANCE_NS) else ref
