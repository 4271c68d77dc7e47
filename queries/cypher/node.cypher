// purpose: One node's label and properties.
// params: $id — any node id
// columns: id, label, node
MATCH (n:Entity {id: $id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n AS node
