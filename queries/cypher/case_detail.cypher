// purpose: One case: court, year, procedure, facts, articles applied, doctrines relied on, platforms and who discusses it.
// params: $id — a case id, e.g. (2020)黑01民终4637号
// columns: case, case_number, name_zh, court, court_name_zh, court_in_source, court_code, year, procedure, summary_en, holding_en, outcome_en, vagueness_en, facts, applies, relies_on, platforms, discussed_by, sources
MATCH (c:Case {id: $id})
OPTIONAL MATCH (c)-[:DECIDED_BY]->(court:Court)
OPTIONAL MATCH (c)-[:HAS_FACT]->(f:Fact)
WITH c, court, collect(DISTINCT f.id) AS facts
OPTIONAL MATCH (c)-[:APPLIES]->(a)
WITH c, court, facts, collect(DISTINCT a.id) AS applies
OPTIONAL MATCH (c)-[:RELIES_ON]->(d:Doctrine)
WITH c, court, facts, applies, collect(DISTINCT d.id) AS relies_on
OPTIONAL MATCH (c)-[:INVOLVES]->(p:Platform)
WITH c, court, facts, applies, relies_on, collect(DISTINCT p.id) AS platforms
OPTIONAL MATCH (pub:Publication)-[ds:DISCUSSES]->(c)
RETURN c.id AS case, c.case_number AS case_number, c.name_zh AS name_zh, court.id AS court,
       coalesce(c.court_name_zh, court.name_zh) AS court_name_zh, c.court_name_zh AS court_in_source,
       court.code AS court_code, c.year AS year, c.procedure AS procedure,
       c.summary_en AS summary_en, c.holding_en AS holding_en, c.outcome_en AS outcome_en,
       c.vagueness_en AS vagueness_en, facts, applies, relies_on, platforms,
       collect(DISTINCT pub.id + '#' + coalesce(ds.section, '')) AS discussed_by, c.sources AS sources
