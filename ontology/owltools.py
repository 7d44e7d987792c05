"""Check the ontology with the field's own tools: Apache Jena and ROBOT (OWL API, HermiT, ELK).

The jars come from Maven Central the way Neo4j's do (``jena-pom.xml``, ``robot-pom.xml``;
``mvn dependency:copy-dependencies`` once, into the stkg cache), so a clean clone needs
only Java 17 and Maven. :func:`run_checks` runs, on the shipped files:

* Jena ``riot --validate`` on every Turtle file: parse errors and warnings (bad IRIs,
  ill-typed literals) are counted;
* Jena ``shacl validate``: the reference individuals (the data alone) against
  ``shapes.ttl`` and ``closed-shapes.ttl``;
* ROBOT ``validate-profile --profile DL`` on ``stkg.ttl``, ``vocab.ttl`` and
  ``reference.ttl``, each loaded alone with its ``owl:imports`` resolved offline through
  ``catalog-v001.xml``;
* ROBOT ``reason`` with HermiT and with ELK: consistent, no unsatisfiable class;
* ROBOT ``report`` with ``robot-report-profile.txt`` (the OBO profile without the rules
  that assume OBO conventions, see that file).

``python -m stkg.ontology.owltools`` (``make owl-check``) prints one line per check and
exits 1 when one fails; ``tests/ontology/test_owl_tools.py`` runs the same in the suite.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from stkg.ontology.model import ONTOLOGY_DIR, parse_turtle

__all__ = [
    "CATALOG",
    "OWL_FILES",
    "Check",
    "Tools",
    "ToolsUnavailable",
    "ensure_tools",
    "jena_shacl",
    "riot_validate",
    "robot",
    "run_checks",
]

CATALOG = ONTOLOGY_DIR / "catalog-v001.xml"
#: The OWL ontologies (the shapes files are SHACL, not meant for OWL tools).
OWL_FILES = ("stkg.ttl", "vocab.ttl", "reference.ttl")
SHAPE_FILES = ("shapes.ttl", "closed-shapes.ttl")
REPORT_PROFILE = ONTOLOGY_DIR / "robot-report-profile.txt"

_POMS = {"jena": ONTOLOGY_DIR / "jena-pom.xml", "robot": ONTOLOGY_DIR / "robot-pom.xml"}
_ROBOT_MAIN = "org.obolibrary.robot.CommandLineInterface"
_TIMEOUT = 600


class ToolsUnavailable(RuntimeError):
    """Java or Maven is missing, or Maven could not fetch the jars."""


@dataclass(frozen=True)
class Tools:
    """Class paths of the two tool sets (kept apart: ROBOT bundles an older Jena)."""

    java: str
    jena: Path
    robot: Path

    def classpath(self, which: str) -> str:
        return str((self.jena if which == "jena" else self.robot) / "*")


@dataclass
class Check:
    """One check's outcome: ``ok``, the numbers it counted and the tool's own words."""

    name: str
    ok: bool
    counts: dict[str, int] = field(default_factory=dict)
    output: str = ""

    def __str__(self) -> str:
        numbers = ", ".join(f"{k} {v}" for k, v in self.counts.items())
        return f"{'ok  ' if self.ok else 'FAIL'} {self.name}: {numbers}"


def _cache_dir() -> Path:
    """The stkg cache (``STKG_CACHE_DIR``, default ``~/.cache/stkg``), as the settings say."""
    env = os.environ.get("STKG_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "stkg"


def _version(pom: Path) -> str:
    found = re.findall(r"<(?:jena|robot)\.version>([^<]+)<", pom.read_text(encoding="utf-8"))
    return found[0] if found else "x"


def _fetch(name: str, mvn: str, cache: Path) -> Path:
    pom = _POMS[name]
    lib = cache / "owl-tools" / f"{name}-{_version(pom)}"
    if (lib / ".complete").exists():
        return lib
    staging = lib.with_name(f"{lib.name}.partial-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    cmd = [mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies"]
    cmd += [f"-DoutputDirectory={staging}", "-DincludeScope=runtime"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=_TIMEOUT)
    if proc.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise ToolsUnavailable(
            f"Maven could not fetch {name} from Maven Central (exit {proc.returncode}): "
            f"{(proc.stdout + proc.stderr)[-2000:]}"
        )
    (staging / ".complete").write_text(_version(pom))
    if lib.exists():  # another process finished first
        shutil.rmtree(staging, ignore_errors=True)
    else:
        staging.rename(lib)
    return lib


def ensure_tools(cache: Path | None = None) -> Tools:
    """The Jena and ROBOT jars, fetched from Maven Central the first time."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home, "bin", "java") if java_home else None
    java = str(candidate) if candidate and candidate.exists() else shutil.which("java")
    mvn = shutil.which("mvn")
    if not java or not mvn:
        raise ToolsUnavailable(
            "the ontology checks need Java 17+ and Maven (`make system-deps` installs them)"
        )
    cache = cache if cache is not None else _cache_dir()
    return Tools(java, _fetch("jena", mvn, cache), _fetch("robot", mvn, cache))


def _run(tools: Tools, which: str, main: str, args: Sequence[str]) -> tuple[int, str]:
    cmd = [tools.java, "-Xmx1g", "-cp", tools.classpath(which), main, *args]
    proc = subprocess.run(
        cmd, capture_output=True, text=True, check=False, cwd=ONTOLOGY_DIR, timeout=_TIMEOUT
    )
    return proc.returncode, proc.stdout + proc.stderr


def robot(tools: Tools, *args: str) -> tuple[int, str]:
    """Run ROBOT with the shipped catalog; (exit code, output)."""
    return _run(tools, "robot", _ROBOT_MAIN, ["--catalog", str(CATALOG), *args])


_RIOT_LINE = re.compile(r"\b(WARN|ERROR)\b")


def riot_validate(tools: Tools, *files: Path | str) -> Check:
    """Jena ``riot --validate``: counts the warnings and errors it reports."""
    code, out = _run(tools, "jena", "riotcmd.riot", ["--validate", *map(str, files)])
    kinds = [m.group(1) for line in out.splitlines() if (m := _RIOT_LINE.search(line))]
    counts = {"warnings": kinds.count("WARN"), "errors": kinds.count("ERROR")}
    names = ", ".join(Path(f).name for f in files)
    ok = code == 0 and not any(counts.values())
    return Check(f"riot --validate {names}", ok, counts, out)


def _write_nt(graph: Graph, path: Path) -> Path:
    graph.serialize(destination=str(path), format="nt", encoding="utf-8")
    return path


_FOCUS = re.compile(r"sh:focusNode\s+<([^>]+)>")


def jena_shacl(tools: Tools, data: Graph, shapes: Graph | None = None) -> tuple[Check, set[str]]:
    """Jena ``shacl validate`` of ``data`` against the shipped shapes (or ``shapes``);
    returns the check and the focus nodes of the violations."""
    if shapes is None:
        shapes = Graph()
        for name in SHAPE_FILES:
            parse_turtle(ONTOLOGY_DIR / name, shapes)
    with tempfile.TemporaryDirectory() as tmp:
        shapes_nt = _write_nt(shapes, Path(tmp) / "shapes.nt")
        data_nt = _write_nt(data, Path(tmp) / "data.nt")
        code, out = _run(
            tools,
            "jena",
            "shacl.shacl",
            ["validate", "--shapes", str(shapes_nt), "--data", str(data_nt)],
        )
    conforms = re.search(r"sh:conforms\s+true", out) is not None
    focus = set(_FOCUS.findall(out))
    results = len(re.findall(r"sh:ValidationResult", out))
    ok = code == 0 and conforms
    return Check("Jena shacl validate", ok, {"results": results}, out), focus


def _profile(tools: Tools, name: str) -> Check:
    code, out = robot(tools, "validate-profile", "--profile", "DL", "--input", name)
    violations = 0
    if code != 0:
        report = out.split("violations are present:", 1)[-1]
        violations = sum(1 for ln in report.splitlines() if ln.strip() and "[" in ln)
    return Check(f"ROBOT DL profile {name}", code == 0, {"violations": violations}, out)


_UNSAT = re.compile(r"(\d+) unsatisfiable class")


def _reason(tools: Tools, reasoner: str, name: str) -> Check:
    with tempfile.TemporaryDirectory() as tmp:
        code, out = robot(
            tools, "reason", "--reasoner", reasoner, "--input", name, "--output", f"{tmp}/o.ttl"
        )
    unsat = _UNSAT.search(out)
    counts = {
        "inconsistent": int("inconsistent" in out.lower()),
        "unsatisfiable": int(unsat.group(1)) if unsat else 0,
    }
    return Check(f"ROBOT reason {reasoner} {name}", code == 0, counts, out)


_REPORT_LINE = re.compile(r"^(ERROR|WARN|INFO)\t", re.MULTILINE)


def _report(tools: Tools, name: str) -> Check:
    with tempfile.TemporaryDirectory() as tmp:
        out_tsv = Path(tmp) / "report.tsv"
        code, out = robot(
            tools,
            "report",
            "--input",
            name,
            "--profile",
            str(REPORT_PROFILE),
            "--fail-on",
            "WARN",
            "--output",
            str(out_tsv),
        )
        table = out_tsv.read_text(encoding="utf-8") if out_tsv.exists() else ""
    levels = _REPORT_LINE.findall(table)
    counts = {lvl.lower(): levels.count(lvl) for lvl in ("ERROR", "WARN", "INFO")}
    return Check(f"ROBOT report {name}", code == 0, counts, out + table)


def run_checks(tools: Tools | None = None) -> list[Check]:
    """Every check on the shipped files, in order."""
    tools = tools if tools is not None else ensure_tools()
    checks = [riot_validate(tools, *(ONTOLOGY_DIR / n for n in (*OWL_FILES, *SHAPE_FILES)))]
    # the instance data alone: the shapes do not need the class hierarchy merged in
    checks.append(jena_shacl(tools, parse_turtle(ONTOLOGY_DIR / "reference.ttl"))[0])
    checks += [_profile(tools, name) for name in OWL_FILES]
    for reasoner in ("HermiT", "ELK"):
        checks += [_reason(tools, reasoner, name) for name in ("reference.ttl", "vocab.ttl")]
    checks += [_report(tools, name) for name in OWL_FILES]
    return checks


def main() -> int:  # pragma: no cover - `make owl-check`
    try:
        checks = run_checks()
    except ToolsUnavailable as exc:
        print(exc, file=sys.stderr)
        return 2
    for check in checks:
        print(check)
        if not check.ok:
            print(check.output[-3000:], file=sys.stderr)
    return 0 if all(c.ok for c in checks) else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
