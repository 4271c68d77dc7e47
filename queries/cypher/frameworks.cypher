// purpose: The positions that propose rules (frameworks), with their number of rules and what their rules yield.
// params: (none)
// columns: framework, name_en, name_zh, rules, yields
MATCH (p:Position)-[:PROPOSES]->(r:Rule)
OPTIONAL MATCH (r)-[:YIELDS]->(o)
RETURN p.id AS framework, p.name_en AS name_en, p.name_zh AS name_zh, count(DISTINCT r) AS rules,
       collect(DISTINCT o.id) AS yields
ORDER BY framework
