// purpose: The articles of one statute in order, with their place in its structure (编/章/节).
// params: $law — a statute code, e.g. ECL
// columns: id, number, suffix, label_zh, path_zh, paragraphs
MATCH (a:Article {law: $law})
OPTIONAL MATCH (p:Paragraph)-[:PART_OF]->(a)
RETURN a.id AS id, a.number AS number, coalesce(a.suffix, 0) AS suffix, a.label_zh AS label_zh,
       a.path_zh AS path_zh, count(p) AS paragraphs
ORDER BY number, suffix
