// purpose: Decided cases that share facts with a fact set: most shared facts first, then the closest fact pattern (fewest other facts), with what each held.
// params: $facts — a list of Fact ids; $limit — most cases returned (at most 100: each pattern lists its first 100 cases)
// columns: case, case_number, name_zh, year, procedure, facts, matched_facts, shared, other_facts, pattern, held, appeal_links, chain_procedures
// Ranks fact patterns (each distinct fact set of the cases, derived at build), not cases: the work grows with
// the patterns that share a fact, not with the docket. Within a pattern, cases with more holdings come first.
// `appeal_links` are the links of the appeal chain each case belongs to (the instances within three appeals of
// it, each later one with the earlier one it reviewed): anchored to the cases returned, not to the docket.
// `facts` (the case's whole fact set), `procedure` and `chain_procedures` (the other instances' procedures) feed
// the similarity score (queries/similarity.py), which re-ranks these candidates.
MATCH (f:Fact)<-[:COMBINES]-(p:FactPattern)
WHERE f.id IN $facts
WITH p, count(f) AS shared
// grouped by shared count first, so that the sort below only reads the patterns of the top groups
WITH shared, collect(p) AS patterns
ORDER BY shared DESC
UNWIND patterns AS p
WITH p, shared
ORDER BY shared DESC, p.size ASC, p.id ASC
LIMIT $limit
UNWIND range(0, size(p.top_cases) - 1) AS rank
WITH p, shared, rank
WHERE rank < $limit
MATCH (c:Case {id: p.top_cases[rank]})
WITH c, p, shared, rank
ORDER BY shared DESC, p.size ASC, p.id ASC, rank ASC
LIMIT $limit
OPTIONAL MATCH (c)-[h:HELD]->(l:LiabilityForm)
WITH c, p, shared, rank, h, l ORDER BY h.party
WITH c, p, shared, rank,
     [x IN collect(CASE WHEN l IS NULL THEN null ELSE {form: l.id, party: h.party, share: h.share} END)
      WHERE x IS NOT NULL] AS held
OPTIONAL MATCH (c)-[:APPEAL_OF*0..3]-(m:Case)
WITH c, p, shared, rank, held, collect(DISTINCT m) AS chain
WITH c, p, shared, rank, held, chain, [x IN chain WHERE x.id <> c.id | x.procedure] AS chain_procedures
UNWIND chain AS m
OPTIONAL MATCH (m)-[ap:APPEAL_OF]->(earlier:Case)
WITH c, p, shared, rank, held, chain_procedures,
     collect(CASE WHEN earlier IS NULL THEN null
             ELSE {later: m.id, earlier: earlier.id, disposition: ap.disposition} END) AS appeal_links
RETURN c.id AS case, c.case_number AS case_number, c.name_zh AS name_zh, c.year AS year,
       c.procedure AS procedure, p.facts AS facts, [x IN p.facts WHERE x IN $facts] AS matched_facts, shared, p.size - shared AS other_facts, p.id AS pattern,
       held, appeal_links, chain_procedures
ORDER BY shared DESC, p.size ASC, pattern ASC, rank ASC
