// purpose: An article with its paragraphs, the articles it cites and that cite it, and the cases that apply it.
// params: $id — an article id, e.g. ECL:38 or CL:286-1
// columns: id, law, label_zh, path_zh, text_zh, paragraphs, refers_to, referred_by, cases
MATCH (a:Article {id: $id})
OPTIONAL MATCH (p:Paragraph)-[:PART_OF]->(a)
WITH a, p ORDER BY p.ordinal
WITH a, collect(p.id) AS paragraphs
OPTIONAL MATCH (a)-[:REFERS_TO]->(out:Article)
WITH a, paragraphs, collect(DISTINCT out.id) AS refers_to
OPTIONAL MATCH (inc:Article)-[:REFERS_TO]->(a)
WITH a, paragraphs, refers_to, collect(DISTINCT inc.id) AS referred_by
OPTIONAL MATCH (c:Case)-[:APPLIES]->(x) WHERE x.id = a.id OR x.article = a.id
RETURN a.id AS id, a.law AS law, a.label_zh AS label_zh, a.path_zh AS path_zh, a.text_zh AS text_zh,
       paragraphs, refers_to, referred_by, collect(DISTINCT c.id) AS cases
