// purpose: Decided cases that share facts with a fact set, most shared first, with what each held.
// params: $facts — a list of Fact ids; $limit — most cases returned
// columns: case, case_number, name_zh, year, matched_facts, shared, held
MATCH (c:Case)-[:HAS_FACT]->(f:Fact)
WHERE f.id IN $facts
WITH c, collect(f.id) AS matched_facts
OPTIONAL MATCH (c)-[h:HELD]->(l:LiabilityForm)
WITH c, matched_facts, h, l ORDER BY h.party
RETURN c.id AS case, c.case_number AS case_number, c.name_zh AS name_zh, c.year AS year, matched_facts,
       size(matched_facts) AS shared,
       [x IN collect(CASE WHEN l IS NULL THEN null ELSE {form: l.id, party: h.party, share: h.share} END)
        WHERE x IS NOT NULL] AS held
ORDER BY shared DESC, size(held) DESC, case
LIMIT $limit
