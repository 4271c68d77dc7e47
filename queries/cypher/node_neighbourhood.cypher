// purpose: A node and everything one step from it, for the explorer (any label).
// params: $id — any node id
// columns: source, rel, target, source_label, target_label, target_name
MATCH (a:Entity {id: $id})-[r]-(b:Entity)
RETURN startNode(r).id AS source, type(r) AS rel, endNode(r).id AS target,
       [l IN labels(startNode(r)) WHERE l <> 'Entity'][0] AS source_label, [l IN labels(endNode(r)) WHERE l <> 'Entity'][0] AS target_label,
       coalesce(b.name_en, b.label_zh, b.title_zh, b.name_zh, b.id) AS target_name
ORDER BY rel, source, target
LIMIT 300
