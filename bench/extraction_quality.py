"""Extraction precision and recall on the seed releases against expected.json.

    python -m bench.extraction_quality [SEEDS_DIR]     # default: ../shared/seeds

Compares what the table and statement extractors read (no graph involved) with the
facts a careful reader takes from each seed, kind by kind: every extracted fact of a kind
that expected.json lists counts toward precision, every expected fact toward recall.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from stkg.ingest.extract.statements.parse import extract_statements
from stkg.ingest.extract.tables.parse import extract_tables
from stkg.ingest.normalize import name_key

Facts = dict[str, set[tuple[Any, ...]]]


def expected_facts(exp: dict[str, Any]) -> Facts:
    a, b = exp["000_f874dc3d0926f1b7.txt"], exp["004_2e30ccd89939a41a.txt"]
    link = a["programme_link"]
    return {
        "field rows": {tuple(r.values()) for r in a["field_table"]},
        "moves": {(m["from"], m["to"]) for m in a["moves"]},
        "edition totals": {(tuple(e["years"]), e["fields"], e["products"]) for e in a["editions"]},
        "programme link": {
            ("programmes", link["programmes_2021"], link["programmes_2022"]),
            ("budget", link["budget_2021_eok"] * 10**8, link["budget_2022_eok"] * 10**8),
            ("basis", link["budget_basis"]),
        }
        | {("named", name_key(n)) for n in link["named_programmes"]},
        "citizen proposals": {
            ("discovered", a["citizen_proposals"]["discovered"]),
            ("selected", a["citizen_proposals"]["selected"]),
        }
        | {("field", f) for f in a["citizen_proposals"]["fields"]}
        | {("example", name_key(x)) for x in a["citizen_proposals"]["examples"]},
        "smart-manufacturing items": {
            (i["area"], i["field"], i["type"], i["item"])
            for i in b["smart_manufacturing_items_2025"]
        },
        "patent indicators": {tuple(r.values()) for r in b["patent_indicators"]},
        "fields analysed": {(int(y), f) for y, fs in b["fields_analysed"].items() for f in fs},
        "institution roles": {(k, v["name"], v["role"]) for k, v in b["institutions"].items()},
        "promising tasks": set(b["promising_tasks"]["tasks"]),
    }


def extracted_facts(seeds: Path) -> Facts:
    ta = extract_tables((seeds / "000_f874dc3d0926f1b7.txt").read_text(encoding="utf-8"))
    tb = extract_tables((seeds / "004_2e30ccd89939a41a.txt").read_text(encoding="utf-8"))
    sa = extract_statements(
        (seeds / "000_f874dc3d0926f1b7.txt").read_text(encoding="utf-8"), source="a"
    )
    sb = extract_statements(
        (seeds / "004_2e30ccd89939a41a.txt").read_text(encoding="utf-8"), source="b"
    )
    facts: Facts = {
        k: set() for k in expected_facts(json.loads((seeds / "expected.json").read_text()))
    }
    if ta.field_counts:
        facts["field rows"] = {tuple(r.as_record().values()) for r in ta.field_counts.rows}
    if ta.overview:
        facts["moves"] = {(m.from_field.value, m.to_field.value) for m in ta.overview.moves}
        facts["edition totals"] = {
            (years, side.fields.as_int(), side.products.as_int())
            for row in ta.overview.rows
            if row.is_total
            for years, side in zip(ta.overview.editions, (row.before, row.after), strict=False)
        }
    link = sa.programme_link
    for c in link.programme_changes[:1]:
        facts["programme link"].add(("programmes", c.before.value, c.after.value))
    for c in [c for c in link.budget_changes if c.basis][:1]:
        facts["programme link"] |= {
            ("budget", c.before.value, c.after.value),
            ("basis", c.basis.value),
        }  # type: ignore[union-attr]
    facts["programme link"] |= {("named", name_key(n.value)) for n in link.named_programmes}
    cp = sa.citizen_proposals
    if cp:
        facts["citizen proposals"] = (
            ({("discovered", cp.discovered.value)} if cp.discovered else set())
            | {("selected", s.value) for s in cp.selected}
            | {("field", f.value) for f in cp.fields}
            | {("example", name_key(x.value)) for x in cp.examples}
        )
    if tb.smart_manufacturing:
        facts["smart-manufacturing items"] = {
            tuple(i.as_record().values()) for i in tb.smart_manufacturing.items
        }
    if tb.patent_indicators:
        facts["patent indicators"] = {
            tuple(r.as_record().values()) for r in tb.patent_indicators.rows
        }
    if tb.fields_analysed:
        facts["fields analysed"] = {
            (y.year, f.value) for y in tb.fields_analysed.years for f in y.fields
        }
    facts["institution roles"] = {
        (a.value, o.name.value, r.value)
        for o in sb.organisations
        for a in o.aliases
        for r in o.roles
    }
    facts["promising tasks"] = {
        i.value for t in sb.patent_method.promising_tasks if t.tasks for i in t.tasks.items
    }
    return facts


def main() -> None:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/seeds")
    expected = expected_facts(json.loads((seeds / "expected.json").read_text(encoding="utf-8")))
    got = extracted_facts(seeds)
    tp = fp = fn = 0
    print("kind\texpected\textracted\tcorrect\tprecision\trecall")
    for kind, want in expected.items():
        have = got.get(kind, set())
        ok = len(want & have)
        tp, fp, fn = tp + ok, fp + len(have - want), fn + len(want - have)
        precision = ok / len(have) if have else 0.0
        print(f"{kind}\t{len(want)}\t{len(have)}\t{ok}\t{precision:.3f}\t{ok / len(want):.3f}")
    print(f"all\t{tp + fn}\t{tp + fp}\t{tp}\t{tp / (tp + fp):.3f}\t{tp / (tp + fn):.3f}")


if __name__ == "__main__":
    main()
