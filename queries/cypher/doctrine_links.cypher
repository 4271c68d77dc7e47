// purpose: A doctrine's links: what it justifies, the positions based on it, the cases relying on it, related doctrines.
// params: $id — a doctrine id, e.g. danger-control
// columns: id, name_zh, name_en, summary_en, justifies, positions, cases, related, sources
MATCH (d:Doctrine {id: $id})
OPTIONAL MATCH (d)-[:JUSTIFIES]->(j)
WITH d, collect(DISTINCT j.id) AS justifies
OPTIONAL MATCH (p:Position)-[:BASED_ON]->(d)
WITH d, justifies, collect(DISTINCT p.id) AS positions
OPTIONAL MATCH (c:Case)-[:RELIES_ON]->(d)
WITH d, justifies, positions, collect(DISTINCT c.id) AS cases
OPTIONAL MATCH (d)-[:RELATED_TO]-(o:Doctrine)
RETURN d.id AS id, d.name_zh AS name_zh, d.name_en AS name_en, d.summary_en AS summary_en, justifies,
       positions, cases, collect(DISTINCT o.id) AS related, d.sources AS sources
