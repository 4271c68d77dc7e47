// purpose: The most central articles: PageRank over citations between articles and the cases that apply them.
// params: $limit — how many articles
// columns: id, law, label_zh, pagerank, cited_by, applied_in
MATCH (a:Article)
WHERE a.pagerank IS NOT NULL
WITH a ORDER BY a.pagerank DESC, a.id LIMIT $limit
OPTIONAL MATCH (x:Article)-[:REFERS_TO]->(a)
WITH a, count(DISTINCT x) AS cited_by
OPTIONAL MATCH (c:Case)-[:APPLIES]->(t) WHERE t.id = a.id OR t.article = a.id
RETURN a.id AS id, a.law AS law, a.label_zh AS label_zh, a.pagerank AS pagerank, cited_by,
       count(DISTINCT c) AS applied_in
ORDER BY pagerank DESC, id
