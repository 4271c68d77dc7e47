// purpose: Every doctrine with counts of what it justifies, the positions based on it and the cases relying on it.
// params: (none)
// columns: id, name_zh, name_en, justifies, positions, cases
MATCH (d:Doctrine)
OPTIONAL MATCH (d)-[j:JUSTIFIES]->()
WITH d, count(j) AS justifies
OPTIONAL MATCH (p:Position)-[b:BASED_ON]->(d)
WITH d, justifies, count(b) AS positions
OPTIONAL MATCH (c:Case)-[r:RELIES_ON]->(d)
RETURN d.id AS id, d.name_zh AS name_zh, d.name_en AS name_en, justifies, positions, count(r) AS cases
ORDER BY id
