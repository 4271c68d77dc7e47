// purpose: Every contested issue with its names, summary, number of positions and what it concerns.
// params: (none)
// columns: id, name_en, name_zh, summary_en, positions, concerns
MATCH (i:Issue)
OPTIONAL MATCH (p:Position)-[:ANSWERS]->(i)
WITH i, count(DISTINCT p) AS positions
OPTIONAL MATCH (i)-[:CONCERNS]->(x)
RETURN i.id AS id, i.name_en AS name_en, i.name_zh AS name_zh, i.summary_en AS summary_en, positions,
       collect(DISTINCT x.id) AS concerns
ORDER BY id
