"""Generate the schema's derived files from its one source, ``graph/schema/lawgraph.yaml`` (LinkML).

``make schema`` (``python -m lawgraph.graph.schema_gen``) writes, relative to the checkout:

- ``graph/schema_data.py``: labels, relationship types, vocabularies (enums), property ranges, the store
  DDL (unique labels, indexes), RDF terms as CURIEs, dashboard styles and fact-group titles;
- ``graph/shapes/lawgraph.ttl``: the SHACL shapes of the RDF export — the node shapes of
  ``graph/schema/shapes_nodes.ttl`` with the schema's classes and vocabularies filled in, and one shape per
  relationship type (predicate, endpoints, claim sources, property constraints from the slots);
- ``docs/schema.md``: the schema as a page.

The generated files are committed; ``tests/test_schema.py`` regenerates them into a temporary folder and
fails on any difference. linkml (``SchemaView``) is needed here only: the generated module imports nothing
beyond :mod:`lawgraph.graph.specs`.

How the property graph is written in LinkML: a node label is a class ``is_a: Entity`` (the base label);
a relationship type is a class ``is_a: Relationship`` whose annotations ``source`` / ``target`` name the
labels it connects (space-separated), ``keys`` its identifying properties, ``claim: false`` a derived
relationship, ``predicate`` its RDF predicate; properties are slots (``slot_uri`` their RDF term,
annotations ``rdf_kind`` / ``rdf_on_expression`` / ``rdf_derived`` how they become triples). Class
annotations ``colour`` / ``icon`` style the dashboard, ``indexed`` names the properties with a store index.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SCHEMA_FILE = Path(__file__).resolve().parent / "schema" / "lawgraph.yaml"
REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_MODULE = "graph/schema_data.py"
SCHEMA_DOC = "docs/schema.md"
SHAPES = "graph/shapes/lawgraph.ttl"
GENERATED = (DATA_MODULE, SCHEMA_DOC, SHAPES)
HEADER = ("GENERATED from graph/schema/lawgraph.yaml by `make schema` (python -m lawgraph.graph.schema_gen): "
          "do not edit")
PYTHON_TYPES = {"string": "str", "integer": "int", "float": "float", "boolean": "bool", "date_text": "str"}


def _annotations(element: Any) -> dict[str, Any]:
    from jsonasobj2 import as_dict

    return {k: v["value"] for k, v in as_dict(element.annotations).items()} if element.annotations else {}


def _flag(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def _words(value: Any) -> tuple[str, ...]:
    return tuple(str(value).split()) if value else ()


def member(name: str) -> str:
    """The enum member for a label, relationship type or vocabulary value.

    >>> member("LiabilityForm"), member("PART_OF"), member("product-risk")
    ('LIABILITY_FORM', 'PART_OF', 'PRODUCT_RISK')
    """
    if name.isupper():
        return name
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").upper()


class _Schema:
    """The parts of the LinkML schema the generators need, read once through ``SchemaView``."""

    def __init__(self, path: Path) -> None:
        from linkml_runtime.utils.schemaview import SchemaView

        self.view = SchemaView(str(path))
        self.schema = self.view.schema
        own = self.view.all_classes(imports=False)
        self.base = next(n for n, c in own.items() if _flag(_annotations(c).get("base_label")))
        self.labels = [n for n in own if self._is_a(n, self.base) and n != self.base and not own[n].abstract]
        self.relationships = [n for n in own if self._is_a(n, "Relationship") and not own[n].abstract]
        self.enums = self.view.all_enums(imports=False)

    def _is_a(self, name: str, ancestor: str) -> bool:
        return ancestor in self.view.class_ancestors(name, mixins=False)

    def cls(self, name: str) -> Any:
        return self.view.get_class(name)

    def ann(self, name: str) -> dict[str, Any]:
        return _annotations(self.cls(name))

    def own_slots(self, name: str) -> list[str]:
        return list(self.cls(name).slots or [])

    def slot(self, name: str, cls: str | None = None) -> Any:
        return self.view.induced_slot(name, cls) if cls else self.view.get_slot(name)

    def concept_labels(self) -> list[str]:
        return [n for n in self.labels if "Concept" in (self.cls(n).mixins or [])]

    def layer(self, layer: str) -> list[str]:
        return [n for n in self.labels if layer in _words(self.ann(n).get("layers"))]

    def term(self, slot: Any) -> tuple[str, str, bool] | None:
        if not slot.slot_uri or slot.name in ("id", "sources"):
            return None
        ann = _annotations(slot)
        return (str(slot.slot_uri), str(ann.get("rdf_kind", "value")), _flag(ann.get("rdf_on_expression")))

    def range_of(self, slot: Any) -> str:
        rng = str(slot.range or self.schema.default_range)
        py = rng if rng in self.enums else PYTHON_TYPES[rng]
        return f"list[{py}]" if slot.multivalued else py


# -- graph/schema_data.py ------------------------------------------------------------------------
def _tuple(items: Iterable[str]) -> str:
    items = list(items)
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _curies(text: str) -> list[str]:
    return re.findall(r"['\"]([a-z]+:[A-Za-z_][A-Za-z0-9_-]*)['\"]", text)


def _term(term: tuple[str, str, bool]) -> str:
    curie, kind, on_expression = term
    args = [repr(curie)] + ([repr(kind)] if kind != "value" or on_expression else [])
    if on_expression:
        args.append("on_expression=True")
    return f"RdfTerm({', '.join(args)})"


def render_data_module(s: _Schema) -> str:
    L = lambda n: f"Label.{member(n)}"  # noqa: E731
    R = lambda n: f"RelType.{member(n)}"  # noqa: E731
    out = [f'"""{HEADER}.', "",
           "The schema's labels, relationship types, vocabularies, store DDL, RDF terms and styles, as",
           "plain values (no linkml at run time). :mod:`lawgraph.graph.model` re-exports the graph parts.", '"""', "",
           "from __future__ import annotations", "", "from enum import StrEnum", "from typing import Literal", "",
           "from lawgraph.graph.specs import LabelSpec, RdfTerm, RelationshipSpec", "",
           f"SCHEMA_VERSION = {str(s.schema.version)!r}", "",
           "#: A base label every node also carries, so that relationships can be matched by id alone.",
           f"BASE_LABEL = {s.base!r}", "", ""]

    def enum(name: str, doc: str, values: Iterable[str]) -> None:
        out.extend([f"class {name}(StrEnum):", f'    """{doc}"""', ""])
        out.extend(f"    {member(v)} = {v!r}" for v in values)
        out.extend(["", ""])

    enum("Label", "Node labels of the schema contract (and its extensions).", s.labels)
    enum("RelType", "Relationship types of the schema contract (and its extensions, marked).", s.relationships)
    for name, e in s.enums.items():
        enum(name, f"{str(e.description).rstrip('.')}.", list(e.permissible_values))
    out[-1:] = []
    out.append("# the vocabularies as Literal types, for the pydantic records of the data files (plain str values)")
    for name, e in s.enums.items():
        out.append(f"{name}Value = Literal[{', '.join(repr(v) for v in e.permissible_values)}]")
    out.append("")

    def labels(names: Iterable[str]) -> str:
        return _tuple(L(n) for n in names)

    out += ["#: Labels whose nodes are vocabulary concepts (SKOS concept schemes in RDF).",
            f"CONCEPT_LABELS: tuple[Label, ...] = {labels(s.concept_labels())}",
            "#: Labels of the knowledge layer: every node has name_zh, name_en, summary_en, sources.",
            f"KNOWLEDGE_LABELS: tuple[Label, ...] = {labels(s.layer('knowledge'))}",
            "#: Labels of things that can be the outcome of a rule (what YIELDS points to).",
            f"OUTCOME_LABELS: tuple[Label, ...] = {labels(s.layer('outcome'))}",
            "#: Labels whose nodes make no claim of their own (derived from a statute file or a case number).",
            "UNSOURCED_LABELS: frozenset[Label] = frozenset("
            + labels(n for n in s.labels if not _flag(s.ann(n).get("claim", True))) + ")",
            "#: Labels and relationship types that only index what other relationships say (derived at build time,",
            "#: loaded into the stores for fast queries, left out of the RDF export).",
            "INDEX_LABELS: frozenset[Label] = frozenset("
            + labels(n for n in s.labels if _flag(s.ann(n).get("index"))) + ")",
            "INDEX_RELATIONSHIPS: frozenset[RelType] = frozenset("
            + _tuple(R(n) for n in s.relationships if _flag(s.ann(n).get("index"))) + ")", "",
            "LABELS: dict[Label, LabelSpec] = {"]
    for n in s.labels:
        desc = str(s.cls(n).description or "")
        out.append(f"    {L(n)}: LabelSpec({L(n)}, {_tuple(repr(p) for p in s.own_slots(n))}, {desc!r}),")
    out += ["}", "", "RELATIONSHIPS: dict[RelType, RelationshipSpec] = {"]
    for n in s.relationships:
        a = s.ann(n)
        args = [R(n), labels(_words(a["source"])), labels(_words(a["target"])),
                _tuple(repr(p) for p in s.own_slots(n))]
        if a.get("keys"):
            args.append("keys=" + _tuple(repr(k) for k in _words(a["keys"])))
        if not _flag(a.get("claim", True)):
            args.append("claim=False")
        if _flag(a.get("extension")):
            args.append("extension=True")
        if s.cls(n).description:
            args.append(f"description={str(s.cls(n).description)!r}")
        out.append(f"    {R(n)}: RelationshipSpec({', '.join(args)}),")
    out += ["}", "", "#: property → Python type of its values, for every label (overridden per label by LABEL_RANGES)",
            "PROPERTY_RANGES: dict[str, str] = {"]
    global_range: dict[str, str] = {}
    for name in s.view.all_slots(imports=False):
        global_range[name] = s.range_of(s.slot(name))
        out.append(f"    {name!r}: {global_range[name]!r},")
    out += ["}", "LABEL_RANGES: dict[tuple[Label, str], str] = {"]
    for n in s.labels:
        for p in s.own_slots(n):
            rng = s.range_of(s.slot(p, n))
            if rng != global_range[p]:
                out.append(f"    ({L(n)}, {p!r}): {rng!r},")
    out += ["}", "", "#: label → data-file key of its entries → the relationship type that key states",
            "DATA_FIELDS: dict[Label, dict[str, RelType]] = {"]
    by_label: dict[str, list[tuple[str, str]]] = {}
    for n in s.relationships:
        for where in _words(s.ann(n).get("fields")):
            label, _, key = where.partition(".")
            if key:
                by_label.setdefault(label, []).append((key, n))
    for n in s.labels:
        if n in by_label:
            out.append(f"    {L(n)}: {{{', '.join(f'{k!r}: {R(r)}' for k, r in by_label[n])}}},")
    out += ["}", "#: relationship types a ``statute_links`` entry of a knowledge file may state",
            "StatuteLinkValue = Literal["
            + ", ".join(repr(n) for n in s.relationships if "statute_links" in _words(s.ann(n).get("fields"))) + "]",
            ""]
    out += ["", "#: vocabulary → its values, in order (the enums above, by the name the schema gives them)",
            "VOCABULARIES: dict[str, tuple[str, ...]] = {"]
    for name, e in s.enums.items():
        out.append(f"    {name!r}: {_tuple(repr(v) for v in e.permissible_values)},")
    out += ["}", "", "#: fact groups in the order a lawyer reads a fact pattern → (English, 中文)",
            "FACT_GROUP_TITLES: dict[FactGroup, tuple[str, str]] = {"]
    for v, pv in s.enums["FactGroup"].permissible_values.items():
        out.append(f"    FactGroup.{member(v)}: ({str(pv.title)!r}, {str(_annotations(pv)['title_zh'])!r}),")
    out += ["}", "#: a publication's stance → (English, 中文)", "STANCE_TITLES: dict[Stance, tuple[str, str]] = {"]
    for v, pv in s.enums["Stance"].permissible_values.items():
        out.append(f"    Stance.{member(v)}: ({str(pv.title)!r}, {str(_annotations(pv)['title_zh'])!r}),")
    out += ["}", "", "# -- store DDL ---------------------------------------------------------------------------------",
            "#: labels that get a uniqueness constraint on ``id`` (every label, and the base label)",
            f"UNIQUE_LABELS: tuple[str, ...] = {_tuple(['BASE_LABEL', *(L(n) + '.value' for n in s.labels)])}",
            "#: extra indexes that hot queries use: (label, property)",
            "INDEXES: tuple[tuple[Label, str], ...] = ("]
    for n in s.labels:
        out.extend(f"    ({L(n)}, {p!r})," for p in _words(s.ann(n).get("indexed")))
    out += [")", "", "# -- dashboard ---------------------------------------------------------------------------------",
            "#: label → (colour, Material icon of st-link-analysis); DEFAULT_STYLE for anything else",
            f"DEFAULT_STYLE: tuple[str, str] = ({str(s.ann(s.base)['colour'])!r}, {str(s.ann(s.base)['icon'])!r})",
            "LABEL_STYLE: dict[Label, tuple[str, str]] = {"]
    for n in s.labels:
        a = s.ann(n)
        if a.get("colour"):
            out.append(f"    {L(n)}: ({str(a['colour'])!r}, {str(a['icon'])!r}),")
    out += ["}", "", "# -- RDF (CURIEs of graph/namespaces.py's prefixes; graph/rdf.py resolves them) --------------",
            "#: property → term, for every label (overridden per label by LABEL_RDF)",
            "PROPERTY_RDF: dict[str, RdfTerm] = {"]
    global_term: dict[str, tuple[str, str, bool] | None] = {}
    derived: dict[str, str] = {}
    for name in s.view.all_slots(imports=False):
        slot = s.slot(name)
        global_term[name] = s.term(slot)
        if "rdf_derived" in _annotations(slot):
            derived[name] = str(_annotations(slot)["rdf_derived"])
        if global_term[name]:
            out.append(f"    {name!r}: {_term(global_term[name])},")  # type: ignore[arg-type]
    out += ["}", "#: (label, property) → term, where a label maps a property differently",
            "LABEL_RDF: dict[tuple[Label, str], RdfTerm] = {"]
    exported = [n for n in s.labels if not _flag(s.ann(n).get("index"))]
    for n in exported:
        for p in s.own_slots(n):
            term = s.term(s.slot(p, n))
            if term and term != global_term[p]:
                out.append(f"    ({L(n)}, {p!r}): {_term(term)},")
    out += ["}", "#: properties a relationship already states (so they are not repeated as literals), and why",
            "DERIVED_PROPERTIES: dict[str, str] = {"]
    out += [f"    {k!r}: {v!r}," for k, v in derived.items()]
    out += ["}", "#: label → the class of its nodes and the standard classes they also get",
            "CLASS_RDF: dict[Label, tuple[str, ...]] = {"]
    for n in exported:
        classes = [str(s.cls(n).class_uri)]
        classes += [str(s.cls(m).class_uri) for m in s.cls(n).mixins or []]
        classes += list(_words(s.ann(n).get("rdf_extra_classes")))
        out.append(f"    {L(n)}: {_tuple(repr(c) for c in classes)},")
    out += ["}", "#: concept label → the titles of its concept scheme (English, 中文)",
            "SCHEME_TITLES: dict[Label, tuple[str, str]] = {"]
    for n in s.concept_labels():
        a = s.ann(n)
        out.append(f"    {L(n)}: ({str(a['scheme_title_en'])!r}, {str(a['scheme_title_zh'])!r}),")
    out += ["}", "#: relationship type → (class of its rdf:Statement, predicate of the direct triple)",
            "EDGE_RDF: dict[RelType, tuple[str, str]] = {"]
    for n in s.relationships:
        a = s.ann(n)
        if a.get("predicate"):
            out.append(f"    {R(n)}: ({str(s.cls(n).class_uri)!r}, {str(a['predicate'])!r}),")
    out += ["}", "#: relationship types that also get the inverse triple of a standard vocabulary",
            "INVERSE_RDF: dict[RelType, str] = {"]
    for n in s.relationships:
        if s.ann(n).get("inverse_predicate"):
            out.append(f"    {R(n)}: {str(s.ann(n)['inverse_predicate'])!r},")
    lg_terms = sorted({c.partition(":")[2] for c in _curies("\n".join(out)) if c.startswith("lg:")})
    out += ["}", "#: every term of the project's own namespace ``lg:`` the schema uses (graph/namespaces.py's LG)",
            f"LG_TERMS: tuple[str, ...] = {_tuple(repr(t) for t in lg_terms)}",
            "#: prefix → namespace of the CURIEs above",
            "PREFIXES: dict[str, str] = {"]
    for prefix, p in s.schema.prefixes.items():
        if prefix != "linkml":
            out.append(f"    {prefix!r}: {str(p.prefix_reference)!r},")
    out += ["}", ""]
    return ruff_format("\n".join(out))


def ruff_format(text: str) -> str:
    """The generated module as ``ruff format`` writes it (the project's style, deterministic)."""
    ruff = Path(sys.executable).with_name("ruff")
    done = subprocess.run([str(ruff) if ruff.exists() else "ruff", "format", "--line-length", "120",
                           "--stdin-filename", DATA_MODULE, "-"], input=text, capture_output=True, text=True,
                          check=True, cwd=REPO_ROOT)
    return done.stdout


# -- graph/shapes/lawgraph.ttl -------------------------------------------------------------------
SHAPES_TEMPLATE = SCHEMA_FILE.with_name("shapes_nodes.ttl")
XSD_OF = {"string": "xsd:string", "integer": "xsd:integer", "float": "xsd:double", "boolean": "xsd:boolean"}
def _ttl_list(items: Iterable[str]) -> str:
    return "( " + " ".join(items) + " )"


def _standard_classes(s: _Schema, label: str) -> list[str]:
    """The standard classes a label's nodes get besides their own ``lg:`` class (mixins, ``rdf_extra_classes``)."""
    return [*(str(s.cls(m).class_uri) for m in s.cls(label).mixins or []),
            *_words(s.ann(label).get("rdf_extra_classes"))]


def _endpoint(s: _Schema, labels: tuple[str, ...]) -> str:
    """What the subject or object of a relationship must be: the outcome shape, one label's class, the most
    specific standard class the labels share (e.g. ``eli:LegalResourceSubdivision``), or any of their classes."""
    if set(labels) == set(s.layer("outcome")) and len(labels) > 1:
        return "sh:node lgsh:OutcomeNode"
    if len(labels) == 1:
        return f"sh:class {s.cls(labels[0]).class_uri}"
    shared = set.intersection(*(set(_standard_classes(s, n)) for n in labels))
    if shared:
        holders = {c: sum(c in _standard_classes(s, n) for n in s.labels) for c in shared}
        return f"sh:class {min(sorted(shared), key=holders.__getitem__)}"
    return "sh:or " + _ttl_list(f"[ sh:class {s.cls(n).class_uri} ]" for n in labels)


def _property_shape(s: _Schema, slot: Any) -> str:
    ann = _annotations(slot)
    if ann.get("shape"):
        return f"sh:property {ann['shape']}"
    curie, kind, _ = s.term(slot) or (str(slot.slot_uri), "value", False)
    parts = [f"sh:path {curie}"]
    if slot.required:
        parts.append("sh:minCount 1")
    if not slot.multivalued:
        parts.append("sh:maxCount 1")
    rng = str(slot.range or s.schema.default_range)
    if rng in s.enums:
        parts.append("sh:in " + _ttl_list(f'"{v}"' for v in s.enums[rng].permissible_values))
    elif kind in ("zh", "en"):
        parts.append(f'sh:languageIn ( "{kind}" )')
    else:
        parts.append(f"sh:datatype {XSD_OF[rng]}")
    if slot.minimum_value is not None:
        parts.append(f"sh:minInclusive {slot.minimum_value}")
    if slot.maximum_value is not None:
        parts.append(f"sh:maxInclusive {slot.maximum_value}")
    return f"sh:property [ {' ; '.join(parts)} ]"


def render_shapes(s: _Schema) -> str:
    """The SHACL shapes: the node shapes of the template with the schema's names, then one shape per relationship."""
    text = SHAPES_TEMPLATE.read_text(encoding="utf-8")
    exported = [n for n in s.labels if not _flag(s.ann(n).get("index"))]
    fills = {"generated": HEADER + ".",
             "node_classes": ", ".join(str(s.cls(n).class_uri) for n in exported),
             "or:outcome": _ttl_list(f"[ sh:class {s.cls(n).class_uri} ]" for n in s.layer("outcome"))}
    fills |= {f"in:{name}": _ttl_list(f'"{v}"' for v in e.permissible_values) for name, e in s.enums.items()}
    for key, value in fills.items():
        text = text.replace("{{" + key + "}}", value)
    if "{{" in text:
        raise ValueError(f"{SHAPES_TEMPLATE.name}: unknown placeholder at {text[text.index('{{'):][:40]!r}")
    out = [text.rstrip("\n"), ""]
    for n in s.relationships:
        a = s.ann(n)
        if not a.get("predicate"):
            continue  # an index relationship: not exported
        lines = [f"lgsh:{n} a sh:NodeShape"]
        if s.cls(n).description:
            lines.append(f'rdfs:comment "{s.cls(n).description}"')
        lines += [f"sh:targetClass {s.cls(n).class_uri}",
                  f"sh:property [ sh:path rdf:predicate ; sh:hasValue {a['predicate']} ]",
                  f"sh:property [ sh:path rdf:subject ; sh:minCount 1 ; sh:maxCount 1 ; "
                  f"{_endpoint(s, _words(a['source']))} ]",
                  f"sh:property [ sh:path rdf:object ; sh:minCount 1 ; sh:maxCount 1 ; "
                  f"{_endpoint(s, _words(a['target']))} ]"]
        if _flag(a.get("claim", True)):
            lines.append("sh:property lgsh:ClaimSourcesProperty")
        lines += [_property_shape(s, s.slot(p, n)) for p in s.own_slots(n)]
        out += [" ;\n    ".join(lines) + " .", ""]
    return "\n".join(out)


# -- docs/schema.md ------------------------------------------------------------------------------
def render_schema_doc(s: _Schema) -> str:
    lines = ["# Graph schema", "",
             f"<!-- {HEADER} -->", "",
             "Generated by `make schema` from `graph/schema/lawgraph.yaml` (LinkML), the single statement of the "
             "schema. It follows the contract of `shared/design/SCHEMA.md` and extends it (extensions marked).", "",
             f"Every node has a unique `id` and the base label `{s.base}` (so relationships can be matched by id "
             "alone). Every node and every claim-bearing relationship has `sources`.", "",
             "## Labels", "", "| label | properties | what |", "|---|---|---|"]
    for n in s.labels:
        props = ", ".join(["id", "sources", *s.own_slots(n)])
        lines.append(f"| {n} | {props} | {s.cls(n).description or ''} |")
    lines += ["", "## Relationship types", "", "| type | from → to | properties | keyed by | claim | note |",
              "|---|---|---|---|---|---|"]
    for n in s.relationships:
        a = s.ann(n)
        ends = f"{'/'.join(_words(a['source']))} → {'/'.join(_words(a['target']))}"
        note = ("extension; " if _flag(a.get("extension")) else "") + str(s.cls(n).description or "")
        claim = "yes" if _flag(a.get("claim", True)) else "derived"
        lines.append(f"| {n} | {ends} | {', '.join(s.own_slots(n)) or '—'} | {', '.join(_words(a.get('keys'))) or '—'}"
                     f" | {claim} | {note} |")
    lines += ["", "## Property types", "", "| property | type | labels and relationship types |", "|---|---|---|"]
    owners: dict[str, list[str]] = {}
    for n in [*s.labels, *s.relationships]:
        for p in s.own_slots(n):
            owners.setdefault(p, []).append(n)
    for p in sorted(owners):
        ranges = sorted({s.range_of(s.slot(p, n)) for n in owners[p]})
        typed = ", ".join(f"{r} ({', '.join(n for n in owners[p] if s.range_of(s.slot(p, n)) == r)})"
                          for r in ranges) if len(ranges) > 1 else ranges[0]
        lines.append(f"| {p} | {typed} | {', '.join(owners[p])} |")
    lines += ["", "## Vocabularies", "", "| vocabulary | values | what |", "|---|---|---|"]
    for name, e in s.enums.items():
        lines.append(f"| {name} | {', '.join(f'`{v}`' for v in e.permissible_values)} | {e.description or ''} |")
    lines += ["", "## Operational", "",
              "- `LoadRun` (both stores): one node recording the last complete load (`load_id`, `status`, "
              "`fingerprint`, `nodes`, `relationships`, `loaded_at`), written in the same atomic step as the load; "
              f"not an `{s.base}`.", "- `load_id` (Neo4j only) on every node and relationship: the run that wrote it.",
              "- `pagerank` (Article), `centrality` and `community` (doctrinal layer): networkx analytics written "
              "back at build time (graph/analytics.py).", ""]
    return "\n".join(lines)


def generate(schema: Path = SCHEMA_FILE) -> dict[str, str]:
    """Every generated file: path relative to the checkout → its text."""
    s = _Schema(schema)
    return {DATA_MODULE: render_data_module(s), SCHEMA_DOC: render_schema_doc(s), SHAPES: render_shapes(s)}


def write(out: Path, schema: Path = SCHEMA_FILE) -> list[Path]:
    written = []
    for rel, text in generate(schema).items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lawgraph.graph.schema_gen", description=__doc__.splitlines()[0])
    parser.add_argument("--schema", type=Path, default=SCHEMA_FILE, help="the LinkML schema")
    parser.add_argument("--out", type=Path, default=REPO_ROOT, help="folder to write into (default: the checkout)")
    args = parser.parse_args(argv)
    for path in write(args.out, args.schema):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
