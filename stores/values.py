"""Turn the stores' node, relationship and path objects into plain JSON-able values, the same for both."""

from __future__ import annotations

from typing import Any


def plain_value(value: Any) -> Any:
    """A store value as plain Python: nodes and relationships become dicts, paths a dict of lists."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain_value(v) for k, v in value.items()}
    kind = type(value).__name__
    module = type(value).__module__
    if module.startswith("falkordb"):
        if kind == "Node":
            return {"labels": sorted(value.labels or []), "properties": plain_value(dict(value.properties))}
        if kind == "Edge":
            return {"type": value.relation, "properties": plain_value(dict(value.properties))}
        if kind == "Path":
            return {"nodes": [plain_value(n) for n in value.nodes()],
                    "relationships": [plain_value(e) for e in value.edges()]}
    if module.startswith("neo4j"):
        if kind == "Node":
            return {"labels": sorted(value.labels), "properties": plain_value(dict(value))}
        if kind == "Path":
            return {"nodes": [plain_value(n) for n in value.nodes],
                    "relationships": [plain_value(r) for r in value.relationships]}
        if hasattr(value, "type") and hasattr(value, "start_node"):
            return {"type": value.type, "properties": plain_value(dict(value))}
        if hasattr(value, "iso_format"):
            return value.iso_format()
    return str(value)
