"""Build the whole graph from ``data/``: parse, validate, and refuse all of it on any error.

>>> from pathlib import Path
>>> report = build_graph(Path(__file__).resolve().parents[1] / "data")
>>> report.articles_by_law["CC"]
1260
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawgraph.graph.model import LABELS, RELATIONSHIPS, EdgeRecord, GraphData, Label, NodeRecord, RelType
from lawgraph.graph.schema_data import DATA_FIELDS, StatuteKind, SupersedesMethod
from lawgraph.ingest.alignment import METHOD as ALIGNMENT_METHOD
from lawgraph.ingest.alignment import align
from lawgraph.ingest.case_numbers import CaseNumberError, parse_case_number
from lawgraph.ingest.court_codes import COURT_CODES_FILE, CourtCode
from lawgraph.ingest.errors import BuildRefused, DataError, SourceLocation
from lawgraph.ingest.fact_patterns import derive_fact_patterns
from lawgraph.ingest.gc_pause import gc_paused
from lawgraph.ingest.records import (
    KNOWLEDGE_SECTIONS,
    CaseEntry,
    CatalogStatute,
    ExternalStatute,
    PositionEntry,
    PublicationEntry,
    Ref,
    RuleEntry,
    StatuteLinkEntry,
)
from lawgraph.ingest.references import CitationFinder
from lawgraph.ingest.statutes import ParsedArticle, ParsedStatuteFile, parse_statute_file
from lawgraph.ingest.versions import VersionFiles, commencement, group_versions, repeal_clauses
from lawgraph.ingest.yaml_source import YamlDocument, iter_items, line_of, load_yaml_documents, plain
from pydantic import BaseModel, ValidationError

STATUTE_README = "README.md"
_WORD = re.compile(r"[a-z]+")


def code_for_file(path: Path, taken: Iterable[str] = ()) -> str:
    """The statute code of a file the catalog does not list: the initials of its name's words.

    Digits (years) are dropped; a code already taken gets ``-2``, ``-3`` …

    Examples
    --------
    >>> code_for_file(Path("data-security-law-2021.md"))
    'DSL'
    >>> code_for_file(Path("anti-monopoly-law.md"), taken={"AML"})
    'AML-2'
    """
    words = _WORD.findall(path.stem.lower())
    base = "".join(w[0] for w in words).upper() or "STATUTE"
    code, n = base, 1
    taken = set(taken)
    while code in taken:
        n += 1
        code = f"{base}-{n}"
    return code


def article_id(code: str, number: int, suffix: int | None) -> str:
    """The id of an article: ``ECL:38``; ``CL:286-1`` for 第二百八十六条之一.

    >>> article_id("CL", 286, 1)
    'CL:286-1'
    """
    return f"{code}:{number}" + (f"-{suffix}" if suffix else "")


@dataclass
class BuildReport:
    """The built graph and what the build counted."""

    graph: GraphData
    articles_by_law: dict[str, int]
    references_found: int
    references_outside_corpus: int
    outside_titles: dict[str, int]
    files: list[Path] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "articles_by_law": dict(sorted(self.articles_by_law.items())),
            "nodes": self.graph.label_counts(),
            "relationships": self.graph.relationship_counts(),
            "references": {"found": self.references_found, "outside_corpus": self.references_outside_corpus},
        }


@dataclass
class _Located:
    location: SourceLocation


class _Builder:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.graph = GraphData()
        self.errors: list[DataError] = []
        self.where: dict[str, SourceLocation] = {}
        # (edge, where its target is written, allowed target labels, where its source is written)
        self.pending_edges: list[tuple[EdgeRecord, SourceLocation, tuple[Label, ...], SourceLocation]] = []
        self.sources_to_check: list[tuple[list[str], SourceLocation]] = []
        self.files: list[Path] = []
        self.unreadable: list[Path] = []  # files refused as a whole: cross-references are not checked then
        self.articles_by_law: dict[str, int] = defaultdict(int)
        self.paragraph_count: dict[str, int] = {}
        self.references_found = 0
        self.references_outside = 0
        self.outside_titles: dict[str, int] = defaultdict(int)
        self.versions: dict[str, list[VersionFiles]] = {}

    # -- helpers -----------------------------------------------------------------------------
    def error(self, location: SourceLocation, message: str) -> None:
        self.errors.append(DataError(location, message))

    @staticmethod
    def at(location: SourceLocation, raw: Any, *path: str | int) -> SourceLocation:
        """Where ``raw[path…]`` is written: the line of the deepest key or item known, else ``location``."""
        return SourceLocation(location.file, _line_at(raw, location.line, *path))

    def add_node(self, node: NodeRecord, location: SourceLocation, sources_at: SourceLocation | None = None) -> None:
        if node.id in self.graph.nodes:
            first = self.where[node.id]
            self.error(location, f"duplicate id {node.id!r} (already defined at {first})")
            return
        self.graph.nodes[node.id] = node
        self.where[node.id] = location
        sources = node.props.get("sources")
        if sources:
            self.sources_to_check.append((list(sources), sources_at or location))

    def add_edge(self, rel: RelType, source: str, target: str, props: dict[str, Any], location: SourceLocation,
                 targets: tuple[Label, ...] | None = None, *, sources_at: SourceLocation | None = None,
                 source_at: SourceLocation | None = None) -> None:
        """``location``: where the target id is written; ``source_at``: the source id, when written elsewhere."""
        edge = EdgeRecord(rel, source, target, props)
        self.pending_edges.append((edge, location, targets or RELATIONSHIPS[rel].targets, source_at or location))
        if props.get("sources"):
            self.sources_to_check.append((list(props["sources"]), sources_at or location))

    def add_refs(self, rel: RelType, source: str, refs: list[Ref], default_sources: list[str],
                 location: SourceLocation, targets: tuple[Label, ...] | None = None, *, raw: Any = None,
                 key: str | None = None) -> None:
        """Edges of a reference list ``raw[key]``; each error names the line of its own item."""
        for index, ref in enumerate(refs):
            props: dict[str, Any] = {"sources": list(ref.sources or default_sources)}
            if ref.note_en:
                props["note_en"] = ref.note_en
            where = self.at(location, raw, key, index) if key else location
            sources_at = (self.at(where, raw, key, index, "sources") if ref.sources and key
                          else self.at(location, raw, "sources"))
            self.add_edge(rel, source, ref.target, props, where, targets, sources_at=sources_at)

    def validated(self, model: type[BaseModel], raw: Any, path: Path, line: int) -> BaseModel | None:
        try:
            return model.model_validate(plain(raw))
        except ValidationError as exc:
            for err in exc.errors():
                loc = err["loc"]
                err_line = _line_at(raw, line, *loc)
                where = ".".join(str(p) for p in loc) or "entry"
                message = err["msg"].removeprefix("Value error, ")
                self.error(SourceLocation(path, err_line), f"{where}: {message}")
            return None

    def documents(self, path: Path) -> list[YamlDocument]:
        self.files.append(path)
        try:
            return load_yaml_documents(path)
        except DataError as exc:
            self.errors.append(exc)
            self.unreadable.append(path)
            return []

    # -- statutes ----------------------------------------------------------------------------
    def load_statutes(self) -> None:
        statute_dir = self.data_dir / "statutes"
        catalog: dict[str, CatalogStatute] = {}
        catalog_path = statute_dir / "catalog.yaml"
        if catalog_path.exists():
            for doc in self.documents(catalog_path):
                for line, raw in iter_items(doc.data.get("statutes") if isinstance(doc.data, dict) else None):
                    entry = self.validated(CatalogStatute, raw, catalog_path, line)
                    if entry is not None:
                        for name in entry.files:
                            catalog[name] = entry  # type: ignore[assignment]
        parsed_by_code: dict[str, list[ParsedStatuteFile]] = defaultdict(list)
        meta_by_code: dict[str, CatalogStatute | None] = {}
        for path in sorted(statute_dir.glob("*.md")):
            if path.name == STATUTE_README:
                continue
            self.files.append(path)
            try:
                parsed = parse_statute_file(path)
            except DataError as exc:
                self.errors.append(exc)
                self.unreadable.append(path)
                continue
            entry = catalog.get(path.name)
            code = entry.code if entry else code_for_file(path, set(meta_by_code) | {c.code for c in catalog.values()})
            parsed_by_code[code].append(parsed)
            meta_by_code[code] = entry
        # files in catalog order, so a Civil Code book order is kept
        latest: dict[str, list[ParsedStatuteFile]] = {}
        for code, files in parsed_by_code.items():
            entry = meta_by_code[code]
            if entry is not None:
                order = {name: i for i, name in enumerate(entry.files)}
                files.sort(key=lambda f: order.get(f.path.name, 99))
            versions = group_versions(code, files)
            self._add_statute(code, versions, entry)
            latest[code] = versions[-1].files
        external = statute_dir / "external.yaml"
        if external.exists():
            for doc in self.documents(external):
                for line, raw in iter_items(doc.data.get("statutes") if isinstance(doc.data, dict) else None):
                    ext = self.validated(ExternalStatute, raw, external, line)
                    if isinstance(ext, ExternalStatute):
                        self._add_external_statute(ext, SourceLocation(external, line))
        self._add_repeals(latest)
        self._add_references(latest)

    def _add_statute(self, code: str, versions: list[VersionFiles], entry: CatalogStatute | None) -> None:
        """The work, each version, the stable articles (the latest version's text) and, for a work with more
        than one version, each version's own article texts (``FSL@2021:131``)."""
        newest = versions[-1]
        first = newest.files[0]
        kind = entry.kind if entry else (StatuteKind.JUDICIAL_INTERPRETATION.value
                                         if first.title_zh.startswith("最高人民法院") else StatuteKind.LAW.value)
        location = SourceLocation(first.path, 1)
        all_files = [f for v in versions for f in v.files]
        commences = next((d for f in all_files for a in reversed(f.articles) if (d := commencement(a.text_zh))), None)
        self.add_node(NodeRecord(code, Label.STATUTE, {
            "code": code,
            "title_zh": first.title_zh,
            "title_en": entry.title_en if entry else None,
            "kind": kind,
            "promulgated": (entry.promulgated if entry and entry.promulgated else versions[0].files[0].promulgated),
            "effective": (entry.effective if entry and entry.effective
                          else versions[0].files[0].effective or commences),
            "repealed": entry.repealed if entry else None,
            "source_file": ", ".join(f.path.name for f in all_files),
            "in_corpus": True,
            "enacted": min((v.enacted for v in versions if v.enacted), default=None),
            "preamble_zh": "\n".join(f.preamble_zh for f in newest.files if f.preamble_zh) or None,
            "sources": [f"statute:{code}#text"],
        }), location)
        self.versions[code] = versions
        if len(versions) == 1 and not versions[0].version_date and entry and entry.promulgated:
            versions[0].version_date = entry.promulgated  # a file with no adoption line: the catalog's date
        for index, version in enumerate(versions):
            later = versions[index + 1] if index + 1 < len(versions) else None
            self.add_node(NodeRecord(version.id, Label.STATUTE_VERSION, {
                "law": code, "version_date": version.version_date or None,
                "effective_from": version.effective_from,
                "effective_to": later.effective_from if later else None,
                "superseded_by": later.id if later else None,
                "source_file": ", ".join(f.path.name for f in version.files),
                "sources": [f"statute:{code}#text"],
            }), SourceLocation(version.files[0].path, 1))
            self.add_edge(RelType.VERSION_OF, version.id, code, {}, SourceLocation(version.files[0].path, 1))
        stable: set[tuple[int, int]] = set()
        for version in reversed(versions):
            seen: dict[tuple[int, int], Path] = {}
            for parsed in version.files:
                for art in parsed.articles:
                    aid = article_id(code, art.number, art.suffix)
                    loc = SourceLocation(parsed.path, art.line)
                    if art.key in seen and seen[art.key] != parsed.path:
                        self.error(loc, f"article {aid} is also in {seen[art.key].name}")
                        continue
                    seen[art.key] = parsed.path
                    source = f"statute:{code}#art-{art.number}" + (f"-{art.suffix}" if art.suffix else "")
                    if len(versions) > 1:
                        vid = f"{version.id}:{aid.partition(':')[2]}"
                        self.add_node(NodeRecord(vid, Label.ARTICLE_VERSION, {
                            "law": code, "article": aid, "version": version.id, "number": art.number,
                            "suffix": art.suffix, "label_zh": art.label_zh, "text_zh": art.text_zh,
                            "source_file": parsed.path.name, "line": art.line, "sources": [source],
                        }), loc)
                        self.add_edge(RelType.VERSION_OF, vid, aid, {}, loc)
                        self.add_edge(RelType.IN_VERSION, vid, version.id, {}, loc)
                    if art.key in stable:
                        continue
                    stable.add(art.key)
                    self._add_article(code, aid, art, parsed, source, loc)

    def _add_article(self, code: str, aid: str, art: ParsedArticle, parsed: ParsedStatuteFile, source: str,
                     loc: SourceLocation) -> None:
        self.add_node(NodeRecord(aid, Label.ARTICLE, {
            "law": code, "number": art.number, "suffix": art.suffix, "label_zh": art.label_zh,
            "text_zh": art.text_zh, "path_zh": art.path_zh, "source_file": parsed.path.name,
            "line": art.line, "sources": [source],
        }), loc)
        self.articles_by_law[code] += 1
        self.add_edge(RelType.PART_OF, aid, code, {"sources": [source]}, loc)
        self.paragraph_count[aid] = len(art.paragraphs)
        for para in art.paragraphs:
            pid = f"{aid}({para.ordinal})"
            self.add_node(NodeRecord(pid, Label.PARAGRAPH, {
                "law": code, "article": aid, "ordinal": para.ordinal, "text_zh": para.full_text,
                "items": para.items or None, "sources": [source],
            }), loc)
            self.add_edge(RelType.PART_OF, pid, aid, {"sources": [source]}, loc)

    def _add_repeals(self, latest: dict[str, list[ParsedStatuteFile]]) -> None:
        """Repeals the texts print (本法自…起施行。《…》同时废止): the repealed work gets ``repealed`` and
        ``successor``, its last version ``effective_to``, and a REPEALS edge from the repealing work."""
        titles = {files[0].title_zh: code for code, files in latest.items()}
        for code, files in latest.items():
            for parsed in files:
                for art in parsed.articles:
                    for clause in repeal_clauses(art.text_zh):
                        for title in clause.titles:
                            old = titles.get(title)
                            if old is None or old == code:
                                continue
                            source = f"statute:{code}#art-{art.number}"
                            work = self.graph.nodes[old].props
                            if work.get("repealed") and work["repealed"] != clause.date:
                                self.error(SourceLocation(parsed.path, art.line),
                                           f"{code} art. {art.number} repeals {old} on {clause.date}; the catalog "
                                           f"says {work['repealed']}")
                                continue
                            work["repealed"] = clause.date
                            work["successor"] = code
                            last = self.graph.nodes[self.versions[old][-1].id].props
                            last["effective_to"] = clause.date
                            self.add_edge(RelType.REPEALS, code, old, {"text": clause.text, "sources": [source]},
                                          SourceLocation(parsed.path, art.line))

    def add_derived_supersedes(self) -> None:
        """SUPERSEDES candidates of each repealed work's articles in its successor, by text alignment
        (lawgraph.ingest.alignment), each its own edge (key ``method``) beside any a source states."""
        for code in self.versions:
            successor = self.graph.nodes[code].props.get("successor")
            if not successor:
                continue
            texts = {n.id: n.props["text_zh"] for n in self.graph.nodes.values()
                     if n.label is Label.ARTICLE and n.props["law"] in (code, successor) and n.props.get("text_zh")}
            old = {k: v for k, v in texts.items() if k.startswith(f"{code}:")}
            new = {k: v for k, v in texts.items() if k.startswith(f"{successor}:")}
            for cand in align(old, new):
                self.graph.edges.append(EdgeRecord(RelType.SUPERSEDES, cand.successor, cand.repealed, {
                    "method": ALIGNMENT_METHOD, "score": cand.score, "rank": cand.rank, "derived": True,
                    "sources": [_article_source(cand.successor), _article_source(cand.repealed)],
                }))

    def _add_external_statute(self, ext: ExternalStatute, location: SourceLocation) -> None:
        self.add_node(NodeRecord(ext.code, Label.STATUTE, {
            "code": ext.code, "title_zh": ext.title_zh, "title_en": ext.title_en, "kind": ext.kind,
            "promulgated": ext.promulgated, "effective": ext.effective, "repealed": ext.repealed,
            "in_corpus": False, "sources": list(ext.sources),
        }), location)
        for art in ext.articles:
            aid = article_id(ext.code, art.number, art.suffix)
            self.add_node(NodeRecord(aid, Label.ARTICLE, {
                "law": ext.code, "number": art.number, "suffix": art.suffix, "label_zh": art.label_zh,
                "notes_en": art.note_en, "sources": list(ext.sources),
            }), location)
            self.articles_by_law[ext.code] += 1
            self.add_edge(RelType.PART_OF, aid, ext.code, {"sources": list(ext.sources)}, location)

    def _add_references(self, parsed_by_code: dict[str, list[ParsedStatuteFile]]) -> None:
        titles = {files[0].title_zh: code for code, files in parsed_by_code.items()}
        finder = CitationFinder(titles)
        known: dict[str, set[int]] = defaultdict(set)
        for node in self.graph.nodes.values():
            if node.label is Label.ARTICLE and not node.props.get("suffix"):
                known[node.props["law"]].add(node.props["number"])
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for code, files in parsed_by_code.items():
            for parsed in files:
                for art in parsed.articles:
                    source_id = article_id(code, art.number, art.suffix)
                    for citation in finder.find(art.text_zh, code, known):
                        self.references_found += 1
                        target = article_id(citation.code, citation.number, citation.suffix) if citation.code else None
                        if target is None or target not in self.graph.nodes:
                            self.references_outside += 1
                            self.outside_titles[citation.title or "(unnamed statute)"] += 1
                            continue
                        if target == source_id:
                            continue
                        edge = merged.setdefault((source_id, target), {"texts": [], "count": 0})
                        edge["count"] += 1
                        if citation.text not in edge["texts"]:
                            edge["texts"].append(citation.text)
        for (source_id, target), info in merged.items():
            law = source_id.split(":")[0]
            number = source_id.split(":")[1]
            self.graph.edges.append(EdgeRecord(RelType.REFERS_TO, source_id, target, {
                "text": " / ".join(info["texts"]), "count": info["count"],
                "sources": [f"statute:{law}#art-{number}"],
            }))

    # -- publications and knowledge ----------------------------------------------------------
    def load_publications(self) -> None:
        path = self.data_dir / "publications.yaml"
        if not path.exists():
            return
        for doc in self.documents(path):
            items = doc.data.get("publications") if isinstance(doc.data, dict) else None
            if items is None:
                self.error(SourceLocation(path, doc.line), "expected a 'publications:' list")
                continue
            for line, raw in iter_items(items):
                entry = self.validated(PublicationEntry, raw, path, line)
                if not isinstance(entry, PublicationEntry):
                    continue
                loc = SourceLocation(path, line)
                if not self.known_to_schema(entry, Label.PUBLICATION, loc, raw):
                    continue
                sources_at = self.at(loc, raw, "sources")
                self.add_node(NodeRecord(entry.id, Label.PUBLICATION, {
                    "title_zh": entry.title_zh, "title_en": entry.title_en, "authors": entry.authors or None,
                    "year": entry.year, "venue": entry.venue, "file": entry.file, "notes_en": entry.notes_en,
                    "sources": list(entry.sources),
                }), loc, sources_at)
                for index, cited in enumerate(entry.cites):
                    self.add_edge(RelType.CITES, entry.id, cited, {"sources": list(entry.sources)},
                                  self.at(loc, raw, "cites", index), sources_at=sources_at)

    def load_knowledge(self) -> None:
        for path in sorted((self.data_dir / "knowledge").glob("*.yaml")):
            for doc in self.documents(path):
                if not isinstance(doc.data, dict):
                    self.error(SourceLocation(path, doc.line), "a knowledge file is a mapping of sections")
                    continue
                for section, items in doc.data.items():
                    if section not in KNOWLEDGE_SECTIONS:
                        known = ", ".join(KNOWLEDGE_SECTIONS)
                        self.error(SourceLocation(path, line_of(doc.data, section)),
                                   f"unknown section {section!r} (known: {known})")
                        continue
                    if not isinstance(items, list):
                        self.error(SourceLocation(path, line_of(doc.data, section)), f"{section} must be a list")
                        continue
                    model, label = KNOWLEDGE_SECTIONS[section]
                    for line, raw in iter_items(items):
                        entry = self.validated(model, raw, path, line)
                        if entry is not None:
                            self._add_knowledge(entry, label, SourceLocation(path, line), raw)

    def known_to_schema(self, entry: BaseModel, label: Label, loc: SourceLocation, raw: Any) -> bool:
        """Refuse (with file:line) a field of an entry that the schema does not know: nothing is dropped silently.

        A field is a property of the label, ``id``/``sources``, or a key the schema says states a relationship
        (``fields`` annotations of graph/schema/lawgraph.yaml).
        """
        known = {"id", "sources", *LABELS[label].properties, *DATA_FIELDS.get(label, {})}
        unknown = sorted(set(entry.model_fields_set) - known)
        for name in unknown:
            self.error(self.at(loc, raw, name), f"{name}: not a property of {label.value} nor a relationship "
                                                f"field in the schema (graph/schema/lawgraph.yaml)")
        return not unknown

    def _add_knowledge(self, entry: BaseModel, label: Label | None, loc: SourceLocation, raw: Any = None) -> None:
        at_sources = self.at(loc, raw, "sources")
        if label is None:
            assert isinstance(entry, StatuteLinkEntry)
            props: dict[str, Any] = {"sources": list(entry.sources), "note_en": entry.note_en}
            if entry.type == RelType.SUPERSEDES:
                props["method"] = SupersedesMethod.LITERATURE.value  # stated by the entry's sources
            self.add_edge(RelType(entry.type), entry.from_, entry.to, props, self.at(loc, raw, "to"),
                          sources_at=at_sources, source_at=self.at(loc, raw, "from"))
            return
        if not self.known_to_schema(entry, label, loc, raw):
            return
        data = entry.model_dump()
        sources = list(data["sources"])
        wanted = LABELS[label].properties
        node_props = {k: (v or None) if isinstance(v, list) else v for k, v in data.items() if k in wanted}
        node_props["sources"] = sources
        self.add_node(NodeRecord(data["id"], label, node_props), loc, at_sources)
        eid = data["id"]

        def refs(rel: RelType, key: str) -> None:
            self.add_refs(rel, eid, getattr(entry, key), sources, loc, raw=raw, key=key)

        def item(key: str, index: int | None = None) -> SourceLocation:
            return self.at(loc, raw, key) if index is None else self.at(loc, raw, key, index)

        match label:
            case Label.DOCTRINE:
                refs(RelType.JUSTIFIES, "justifies")
                refs(RelType.RELATED_TO, "related")
            case Label.OBLIGATION:
                if entry.part_of:  # type: ignore[attr-defined]
                    self.add_edge(RelType.PART_OF_DUTY, eid, entry.part_of, {"sources": sources},  # type: ignore[attr-defined]
                                  item("part_of"), sources_at=at_sources)
            case Label.ISSUE:
                refs(RelType.CONCERNS, "concerns")
            case Label.POSITION:
                assert isinstance(entry, PositionEntry)
                refs(RelType.ANSWERS, "answers")
                refs(RelType.ADVOCATES, "advocates")
                refs(RelType.BASED_ON, "based_on")
                refs(RelType.ELABORATES, "elaborates")
                for index, arg in enumerate(entry.argued_by):
                    where = item("argued_by", index)
                    self.add_edge(RelType.ARGUES, arg.publication, eid, {
                        "stance": arg.stance, "section": arg.section, "sources": list(arg.sources or sources),
                    }, where, sources_at=self.at(where, raw, "argued_by", index, "sources") if arg.sources
                        else at_sources)
            case Label.RULE:
                assert isinstance(entry, RuleEntry)
                self.add_edge(RelType.PROPOSES, entry.framework, eid, {"sources": sources}, item("framework"),
                              sources_at=at_sources)
                for index, fact in enumerate(entry.requires):
                    self.add_edge(RelType.REQUIRES, eid, fact, {"sources": sources}, item("requires", index),
                                  sources_at=at_sources)
                for index, fact in enumerate(entry.excludes):
                    self.add_edge(RelType.EXCLUDES, eid, fact, {"sources": sources}, item("excludes", index),
                                  sources_at=at_sources)
                refs(RelType.YIELDS, "yields")
                refs(RelType.GROUNDED_IN, "grounded_in")
                for index, ref in enumerate(entry.illustrated_by):
                    where = item("illustrated_by", index)
                    self.add_edge(RelType.ILLUSTRATES, ref.target, eid, {"sources": list(ref.sources or sources)},
                                  where, (Label.RULE,),
                                  sources_at=self.at(where, raw, "illustrated_by", index, "sources") if ref.sources
                                  else at_sources)
                    self._illustration_sources.append((ref.target, where))

    _illustration_sources: list[tuple[str, SourceLocation]]

    # -- cases -------------------------------------------------------------------------------
    def load_cases(self) -> None:
        courts: dict[str, dict[str, Any]] = {}
        for path in sorted((self.data_dir / "cases").glob("*.yaml")):
            for doc in self.documents(path):
                entry = self.validated(CaseEntry, doc.data, path, doc.line)
                if not isinstance(entry, CaseEntry):
                    continue
                if self.known_to_schema(entry, Label.CASE, SourceLocation(path, doc.line), doc.data):
                    self._add_case(entry, SourceLocation(path, doc.line), doc, courts)
        named = self.court_names()
        for court_id, info in courts.items():
            info["sources"] = sorted(info["sources"])  # a set while cases are read (linear, not quadratic)
            if not info.get("name_zh") and named.get(info["code"]):  # no paper names it: the code does
                info["name_zh"] = named[info["code"]]
            self.graph.nodes[court_id] = NodeRecord(court_id, Label.COURT, info)
            self.where[court_id] = SourceLocation(self.data_dir / "cases")

    def court_names(self) -> dict[str, str | None]:
        """Court code → the court's name from data/courts.yaml (None for a code that names no court)."""
        path = self.data_dir / COURT_CODES_FILE
        if not path.exists():
            return {}
        names: dict[str, str | None] = {}
        for doc in self.documents(path):
            for line, raw in iter_items(doc.data.get("courts") if isinstance(doc.data, dict) else None):
                entry = self.validated(CourtCode, raw, path, line)
                if isinstance(entry, CourtCode):
                    if entry.code in names:
                        self.error(SourceLocation(path, line), f"court code {entry.code!r} listed twice")
                    names[entry.code] = entry.name_zh
        return names

    def _add_case(self, entry: CaseEntry, loc: SourceLocation, doc: YamlDocument,
                  courts: dict[str, dict[str, Any]]) -> None:
        sources = list(entry.sources)
        raw = doc.data
        at_sources = self.at(loc, raw, "sources")
        id_at = self.at(loc, raw, "case_number" if entry.case_number is not None else "id")
        props: dict[str, Any] = {
            "name_zh": entry.name_zh, "court_name_zh": entry.court_name_zh, "summary_en": entry.summary_en,
            "holding_en": entry.holding_en, "outcome_en": entry.outcome_en, "vagueness_en": entry.vagueness_en,
            "year": entry.year, "source_file": loc.file.name, "line": loc.line, "sources": sources,
        }
        if entry.case_number is not None:
            try:
                number = parse_case_number(entry.case_number)
            except CaseNumberError as exc:
                self.error(id_at, str(exc))
                return
            case_id = str(number)
            if case_id in self.graph.nodes:  # one error for the instance, not one more per relationship
                self.error(id_at, f"duplicate id {case_id!r} (already defined at {self.where[case_id]})")
                return
            props.update({
                "case_number": case_id, "year": number.year, "court_code": number.court_code,
                "procedure": number.procedure, "procedure_zh": number.procedure_zh, "serial": number.serial,
            })
            court_id = f"court:{number.court_code}"
            court = courts.setdefault(court_id, {
                "code": number.court_code, "name_zh": None, "province": number.province,
                "level": number.court_level, "sources": set(),
            })
            if entry.court_name_zh and not court.get("name_zh"):
                court["name_zh"] = entry.court_name_zh
            if court.get("province") is None and entry.court_name_zh:
                court["province"] = _province_from_name(entry.court_name_zh)
            court["sources"].update(sources)
            self.add_edge(RelType.DECIDED_BY, case_id, court_id, {"sources": sources}, id_at, sources_at=at_sources)
        else:
            case_id = entry.id  # type: ignore[assignment]
        self.add_node(NodeRecord(case_id, Label.CASE, props), id_at, at_sources)
        self.add_refs(RelType.HAS_FACT, case_id, entry.facts, sources, loc, raw=raw, key="facts")
        self.add_refs(RelType.APPLIES, case_id, entry.applies, sources, loc, raw=raw, key="applies")
        self.add_refs(RelType.RELIES_ON, case_id, entry.relies_on, sources, loc, raw=raw, key="relies_on")

        def own_sources(where: SourceLocation, given: list[str] | None, *path: str | int) -> SourceLocation:
            return self.at(where, raw, *path, "sources") if given else at_sources

        for index, held in enumerate(entry.held):
            where = self.at(loc, raw, "held", index)
            self.add_edge(RelType.HELD, case_id, held.form, {
                "party": held.party, "share": held.share, "note_en": held.note_en,
                "sources": list(held.sources or sources),
            }, where, sources_at=own_sources(where, held.sources, "held", index))
        if entry.appeal_of is not None:
            where = self.at(loc, raw, "appeal_of", "case")
            target = entry.appeal_of.case
            if not target.startswith("unnumbered:"):
                try:
                    target = str(parse_case_number(target))
                except CaseNumberError as exc:
                    self.error(where, f"appeal_of: {exc}")
                    target = ""
            if target:
                self.add_edge(RelType.APPEAL_OF, case_id, target, {
                    "disposition": entry.appeal_of.disposition,
                    "sources": list(entry.appeal_of.sources or sources),
                }, where, sources_at=own_sources(where, entry.appeal_of.sources, "appeal_of"))
        for index, involvement in enumerate(entry.platforms):
            where = self.at(loc, raw, "platforms", index)
            self.add_edge(RelType.INVOLVES, case_id, involvement.platform, {
                "role": involvement.role, "sources": list(involvement.sources or sources),
            }, where, sources_at=own_sources(where, involvement.sources, "platforms", index))
        for index, discussion in enumerate(entry.discussed_by):
            where = self.at(loc, raw, "discussed_by", index)
            self.add_edge(RelType.DISCUSSES, discussion.publication, case_id, {
                "section": discussion.section, "sources": list(discussion.sources or sources),
            }, where, sources_at=own_sources(where, discussion.sources, "discussed_by", index))

    # -- cross checks ------------------------------------------------------------------------
    def resolve_edges(self) -> None:
        seen: dict[tuple[str, str, str, tuple[Any, ...]], SourceLocation] = {}
        for edge, loc, targets, source_loc in self.pending_edges:
            spec = RELATIONSHIPS[edge.type]
            source = self.graph.nodes.get(edge.source)
            target = self.graph.nodes.get(edge.target)
            if source is None:
                self.error(source_loc, f"{edge.type}: unknown id {edge.source!r}{_suggest(edge.source, self.graph)}")
                continue
            if target is None:
                self.error(loc, f"{edge.type}: unknown id {edge.target!r}{_suggest(edge.target, self.graph)}")
                continue
            if source.label not in spec.sources:
                self.error(source_loc, f"{edge.type}: {edge.source!r} is a {source.label}, expected "
                                f"{' or '.join(spec.sources)}")
                continue
            if target.label not in targets:
                self.error(loc, f"{edge.type}: {edge.target!r} is a {target.label}, expected "
                                f"{' or '.join(targets)}")
                continue
            if edge.key in seen:
                if edge.type in (RelType.PART_OF, RelType.DECIDED_BY):
                    continue
                self.error(loc, f"{edge.type} {edge.source} → {edge.target} stated twice (also at {seen[edge.key]})")
                continue
            seen[edge.key] = loc
            self.graph.edges.append(edge)

    def check_sources(self) -> None:
        reported: set[tuple[str, str]] = set()
        for sources, loc in self.sources_to_check:
            for source in sources:
                problem = self._source_problem(source)
                if problem and (str(loc), source) not in reported:
                    reported.add((str(loc), source))
                    self.error(loc, f"source {source!r}: {problem}")

    def _source_problem(self, source: str) -> str | None:
        head, _, locator = source.partition("#")
        if not locator:
            return "expected '<source-id>#<locator>'"
        if head.startswith("statute:"):
            code = head.removeprefix("statute:")
            statute = self.graph.nodes.get(code)
            if statute is None or statute.label is not Label.STATUTE:
                return f"unknown statute code {code!r}"
            if locator == "text":
                return None
            match = re.fullmatch(r"art-(\d+)(?:-(\d+))?", locator)
            if not match:
                return "statute locator must be 'art-N', 'art-N-S' (之S, or paragraph S) or 'text'"
            number, extra = int(match.group(1)), match.group(2)
            if extra is None:
                return None if article_id(code, number, None) in self.graph.nodes else f"no article {number} in {code}"
            if article_id(code, number, int(extra)) in self.graph.nodes:
                return None
            if f"{article_id(code, number, None)}({int(extra)})" in self.graph.nodes:
                return None
            return f"no article {number}之{extra} nor paragraph {extra} of article {number} in {code}"
        node = self.graph.nodes.get(head)
        if node is None or node.label is not Label.PUBLICATION:
            return f"unknown publication {head!r}"
        return None


def _article_source(aid: str) -> str:
    code, _, local = aid.partition(":")
    return f"statute:{code}#art-{local}"


def _line_at(raw: Any, line: int, *path: str | int) -> int:
    """The line of ``raw[path[0]][path[1]]…`` in its file: the deepest key or item known, else ``line``."""
    node = raw
    for part in path:
        inner = line_of(node, part)
        if inner:
            line = inner
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return line


def _province_from_name(name: str) -> str | None:
    from lawgraph.ingest.case_numbers import PROVINCES

    for province in sorted(set(PROVINCES.values()), key=len, reverse=True):
        if name.startswith(province):
            return province
    return None


def _suggest(wanted: str, graph: GraphData) -> str:
    import difflib

    close = difflib.get_close_matches(wanted, list(graph.nodes), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def build_graph(data_dir: Path) -> BuildReport:
    """Parse and validate everything under ``data_dir``.

    Raises
    ------
    BuildRefused
        With every problem found, each naming its file and line; nothing is returned to load.
    """
    builder = _Builder(data_dir)
    builder._illustration_sources = []
    if not (data_dir / "statutes").is_dir():
        raise BuildRefused([DataError(SourceLocation(data_dir), "no statutes/ folder: not a lawgraph data folder")])
    with gc_paused():
        builder.load_statutes()
        builder.load_publications()
        if (data_dir / "knowledge").is_dir():
            builder.load_knowledge()
        if (data_dir / "cases").is_dir():
            builder.load_cases()
        if not builder.unreadable:  # else its ids are missing, and every reference to them would be reported too
            builder.resolve_edges()
            builder.add_derived_supersedes()
            builder.check_sources()
    if builder.errors:
        raise BuildRefused(builder.errors)
    from lawgraph.graph.analytics import annotate  # networkx: imported when a build runs, not by every importer

    derive_fact_patterns(builder.graph)
    annotate(builder.graph)
    return BuildReport(builder.graph, dict(builder.articles_by_law), builder.references_found,
                       builder.references_outside, dict(builder.outside_titles), builder.files)
