"""Fact patterns: each distinct combination of facts found in decided cases, derived at build time.

A *fact pattern* groups the cases whose facts are exactly the same set. It is an index, not a claim:
everything it holds follows from the cases' ``HAS_FACT`` relationships, so it carries no sources of its
own beyond those of its cases (it lists the sources of its first-ranked cases, up to ten, so every node
can be traced to a publication) and the RDF export leaves it out. It is what lets
``similar_cases`` scale with the number of *distinct patterns* rather than the number of cases: the
query ranks the patterns that share facts with the question (``COMBINES``) and reads each pattern's
ranked ``top_cases`` list, instead of counting shared facts case by case.

At 10k synthetic cases there are about 2,500 patterns, at 100k about 11,000 (see docs/benchmarks.md).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from lawgraph.graph.model import PATTERN_TOP_CASES, EdgeRecord, GraphData, Label, NodeRecord, RelType

#: sources a pattern lists: those of its first-ranked cases, in rank order
MAX_SOURCES = 10


def pattern_id(facts: list[str] | tuple[str, ...]) -> str:
    """A stable id for a set of fact ids: readable for small sets, hashed beyond.

    >>> pattern_id(["no-necessary-measures", "platform-knew-or-should-have-known"])
    'pattern:no-necessary-measures+platform-knew-or-should-have-known'
    >>> pattern_id(["b", "a"]) == pattern_id(["a", "b"])
    True
    >>> len(pattern_id([f"fact-number-{i}" for i in range(20)]))
    24
    """
    joined = "+".join(sorted(facts))
    if len(joined) <= 160:
        return f"pattern:{joined}"
    return "pattern:" + hashlib.sha1(joined.encode()).hexdigest()[:16]


def derive_fact_patterns(graph: GraphData, top_cases: int = PATTERN_TOP_CASES) -> int:
    """Add a ``FactPattern`` node per distinct fact set of the cases, ``HAS_PATTERN`` and ``COMBINES``.

    Cases within a pattern are ranked by how many holdings they record (most first), then by id; the
    first ``top_cases`` ids are kept on the pattern. Cases without facts get no pattern. Returns the
    number of patterns.
    """
    facts_of: dict[str, list[str]] = defaultdict(list)
    holdings: dict[str, int] = defaultdict(int)
    for edge in graph.edges:
        if edge.type is RelType.HAS_FACT:
            facts_of[edge.source].append(edge.target)
        elif edge.type is RelType.HELD:
            holdings[edge.source] += 1
    members: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for case, facts in facts_of.items():
        members[tuple(sorted(set(facts)))].append(case)
    for facts, cases in sorted(members.items()):
        pid = pattern_id(facts)
        cases.sort(key=lambda c: (-holdings[c], c))
        names_en = [str(graph.nodes[f].props.get("name_en") or f) for f in facts]
        names_zh = [str(graph.nodes[f].props.get("name_zh") or f) for f in facts]
        sources = list(dict.fromkeys(s for c in cases[:top_cases] for s in graph.nodes[c].props.get("sources", [])))
        graph.nodes[pid] = NodeRecord(pid, Label.FACT_PATTERN, {
            "facts": list(facts),
            "size": len(facts),
            "cases": len(cases),
            "top_cases": cases[:top_cases],
            "name_en": "Fact pattern: " + " + ".join(names_en),
            "name_zh": "事实组合：" + "＋".join(names_zh),
            "sources": sources[:MAX_SOURCES],
        })
        graph.edges.extend(EdgeRecord(RelType.COMBINES, pid, fact) for fact in facts)
        graph.edges.extend(EdgeRecord(RelType.HAS_PATTERN, case, pid) for case in cases)
    return len(members)
