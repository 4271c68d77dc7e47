"""The schema is stated once (graph/schema/lawgraph.yaml) and everything derived from it is current and agrees.

The generated files are committed; these tests regenerate them into a temporary folder and fail on any
difference (run ``make schema`` and commit), and check the generated statement against the data and the
hand-written parts that still repeat it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lawgraph.graph import schema_data
from lawgraph.graph.model import LABELS, RELATIONSHIPS, GraphData, Label
from lawgraph.graph.namespaces import PREFIXES
from lawgraph.graph.rdf import load_shapes
from lawgraph.graph.schema_gen import GENERATED, SCHEMA_FILE, write  # the generator: linkml, a dev dependency
from rdflib import Literal
from rdflib.collection import Collection
from rdflib.namespace import SH

REPO = Path(__file__).resolve().parents[1]


def test_generated_files_equal_the_committed_ones(tmp_path: Path) -> None:
    written = write(tmp_path)
    assert sorted(str(p.relative_to(tmp_path)) for p in written) == sorted(GENERATED)
    stale = [rel for rel in GENERATED
             if (tmp_path / rel).read_text(encoding="utf-8") != (REPO / rel).read_text(encoding="utf-8")]
    assert not stale, f"{', '.join(stale)} differ from {SCHEMA_FILE.name}: run `make schema` and commit"


def test_the_generator_runs_as_a_module(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "lawgraph.graph.schema_gen", "--out", str(tmp_path)],
                          capture_output=True, text=True, check=True)
    assert f"wrote {tmp_path / 'graph' / 'schema_data.py'}" in done.stdout
    assert (tmp_path / "docs" / "schema.md").read_text(encoding="utf-8").startswith("# Graph schema")


def test_property_values_of_the_build_have_the_schema_types(graph: GraphData) -> None:
    """Every node property of the real build is one the schema lists for its label, of the schema's type."""
    python = {"str": str, "int": int, "float": float, "bool": bool}
    vocabularies = schema_data.VOCABULARIES
    checked = 0
    for node in graph.nodes.values():
        allowed = {"sources", *LABELS[node.label].properties}
        for prop, value in node.props.items():
            assert prop in allowed, (node.label, prop)
            wanted = schema_data.LABEL_RANGES.get((node.label, prop), schema_data.PROPERTY_RANGES[prop])
            inner = wanted.removeprefix("list[").removesuffix("]")
            values = value if wanted.startswith("list[") else [value]
            assert isinstance(values, list), (node.id, prop, value)
            for item in values:
                if inner in vocabularies:
                    assert item in vocabularies[inner], (node.id, prop, item)
                else:
                    assert type(item) is python[inner], (node.id, prop, item, wanted)
                checked += 1
    for edge in graph.edges:
        allowed = {"sources", *RELATIONSHIPS[edge.type].properties}
        assert set(edge.props) <= allowed, (edge.type, set(edge.props) - allowed)
    assert checked > 40_000


def test_tier_types_are_stated_per_label() -> None:
    assert schema_data.PROPERTY_RANGES["tier"] == "str"
    assert schema_data.LABEL_RANGES[(Label.RULE, "tier")] == "int"


def test_shape_vocabularies_are_the_schema_enums() -> None:
    """The SHACL shapes list each vocabulary as the schema does (same values, same order)."""
    shapes = load_shapes()
    lists = {}
    for node in shapes.subjects(SH["in"], None):
        path = shapes.value(node, SH.path)
        items = Collection(shapes, shapes.value(node, SH["in"]))
        if all(isinstance(i, Literal) for i in items):
            lists[str(path).rpartition("#")[2]] = tuple(str(i) for i in items)
    assert lists["group"] == schema_data.VOCABULARIES["FactGroup"]
    assert lists["stance"] == schema_data.VOCABULARIES["Stance"]
    assert lists["disposition"] == schema_data.VOCABULARIES["Disposition"]
    assert lists["kind"] == schema_data.VOCABULARIES["StatuteKind"]
    assert lists["condition"] == schema_data.VOCABULARIES["RuleCondition"]


def test_prefixes_are_the_schema_prefixes() -> None:
    assert schema_data.PREFIXES == PREFIXES


def _entry_models() -> list[tuple[type, Label]]:
    from lawgraph.ingest.records import KNOWLEDGE_SECTIONS, CaseEntry, PublicationEntry

    models = [(model, label) for model, label in KNOWLEDGE_SECTIONS.values() if label is not None]
    return [*models, (CaseEntry, Label.CASE), (PublicationEntry, Label.PUBLICATION)]


def test_every_record_field_is_known_to_the_schema() -> None:
    """Each field of a data-file entry is a property of its label or a key that states a relationship."""
    for model, label in _entry_models():
        known = {"id", "sources", *LABELS[label].properties, *schema_data.DATA_FIELDS.get(label, {})}
        assert set(model.model_fields) <= known, (model.__name__, set(model.model_fields) - known)
    # and every relationship key of the schema is read by some entry model
    fields = {(label, key) for label, keys in schema_data.DATA_FIELDS.items() for key in keys}
    read = {(label, key) for model, label in _entry_models() for key in model.model_fields}
    assert fields <= read, fields - read


def test_a_field_the_schema_does_not_know_is_refused_with_file_and_line(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A record that validates a field the schema lacks: the build refuses it instead of dropping it."""
    import shutil

    from lawgraph.ingest import build
    from lawgraph.ingest.build import build_graph
    from lawgraph.ingest.errors import BuildRefused
    from lawgraph.ingest.records import ObligationEntry

    class ColouredObligation(ObligationEntry):
        colour: str | None = None

    monkeypatch.setitem(build.KNOWLEDGE_SECTIONS, "obligations", (ColouredObligation, Label.OBLIGATION))
    data = tmp_path / "data"
    shutil.copytree(REPO / "tests" / "data" / "valid", data)
    knowledge = data / "knowledge" / "knowledge.yaml"
    text = knowledge.read_text(encoding="utf-8")
    knowledge.write_text(text.replace("    tier: basic\n", "    tier: basic\n    colour: red\n", 1), encoding="utf-8")
    line = text.splitlines().index("    tier: basic") + 2
    with pytest.raises(BuildRefused) as refused:
        build_graph(data)
    messages = [str(e) for e in refused.value.errors]
    assert messages[0] == (f"{knowledge}:{line}: colour: not a property of Obligation nor a relationship field in "
                           "the schema (graph/schema/lawgraph.yaml)"), messages
    # the refused obligation is not in the graph, so what refers to it is reported too
    assert all("unknown id 'qualification-review'" in m for m in messages[1:]), messages


def _type_name(annotation: object) -> str:
    """``Annotated[str, …] | None`` → ``str``; ``list[Annotated[str, …]]`` → ``list[str]``; a Literal → its values."""
    import types
    import typing

    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _type_name(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        kept = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _type_name(kept[0]) if len(kept) == 1 else repr(annotation)
    if origin is list:
        return f"list[{_type_name(typing.get_args(annotation)[0])}]"
    if origin is typing.Literal:
        return "|".join(map(str, typing.get_args(annotation)))
    return getattr(annotation, "__name__", repr(annotation))


def test_record_field_types_are_the_schema_types() -> None:
    """A field that becomes a node property has the schema's type (vocabularies: the schema's values)."""
    checked = 0
    for model, label in _entry_models():
        for name, field in model.model_fields.items():
            if name not in LABELS[label].properties:
                continue
            wanted = schema_data.LABEL_RANGES.get((label, name), schema_data.PROPERTY_RANGES[name])
            if wanted in schema_data.VOCABULARIES:
                wanted = "|".join(schema_data.VOCABULARIES[wanted])
            assert _type_name(field.annotation) == wanted, (model.__name__, name, field.annotation, wanted)
            checked += 1
    assert checked > 60
