// purpose: Everything one step from an article (or paragraph): its statute, paragraphs, citations, rules, cases, doctrines.
// params: $id — an article or paragraph id, e.g. ECL:38
// columns: rel, direction, id, label, name
MATCH (a:Entity {id: $id})-[r]-(b)
RETURN type(r) AS rel, CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction, b.id AS id,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS label, coalesce(b.name_en, b.label_zh, b.title_zh, b.name_zh, b.id) AS name
ORDER BY rel, direction, id
