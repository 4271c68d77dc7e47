// purpose: Split decisions: pairs of cases that share facts but held the platform to different forms, and reversals on appeal.
// params: $min_shared — least number of shared facts for a pair (e.g. 1)
// columns: kind, case_a, case_b, shared_facts, held_a, held_b
MATCH (a:Case)-[:HAS_FACT]->(f:Fact)<-[:HAS_FACT]-(b:Case)
WHERE a.id < b.id
WITH a, b, collect(DISTINCT f.id) AS shared_facts
WHERE size(shared_facts) >= $min_shared
MATCH (a)-[ha:HELD]->(la:LiabilityForm) WHERE ha.party = 'platform'
MATCH (b)-[hb:HELD]->(lb:LiabilityForm) WHERE hb.party = 'platform'
WITH a, b, shared_facts, collect(DISTINCT la.id) AS held_a, collect(DISTINCT lb.id) AS held_b
WHERE NOT all(x IN held_a WHERE x IN held_b) OR NOT all(y IN held_b WHERE y IN held_a)
OPTIONAL MATCH (a)-[ap:APPEAL_OF]-(b)
RETURN CASE WHEN ap IS NULL THEN 'different-cases' ELSE 'on-appeal' END AS kind, a.id AS case_a, b.id AS case_b,
       shared_facts, held_a, held_b
ORDER BY kind, size(shared_facts) DESC, case_a, case_b
