// purpose: The appeal links of the chains the given cases belong to (each later instance with the earlier one it reviewed).
// params: $cases — a list of Case ids
// columns: later, earlier, disposition
// Anchored to the cases asked about: the work grows with their chains (two or three instances), not with the
// docket. `appeal_chains` lists every link in the graph, with both holdings.
MATCH (c:Case)
WHERE c.id IN $cases
MATCH (c)-[:APPEAL_OF*0..3]-(m:Case)
WITH DISTINCT m
MATCH (m)-[ap:APPEAL_OF]->(earlier:Case)
RETURN m.id AS later, earlier.id AS earlier, ap.disposition AS disposition
ORDER BY later
