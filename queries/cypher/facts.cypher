// purpose: The fact vocabulary, grouped, with how many rules require each fact and how many cases have it.
// params: (none)
// columns: id, group, name_en, name_zh, rules, cases, sources
MATCH (f:Fact)
OPTIONAL MATCH (r:Rule)-[q:REQUIRES]->(f)
WITH f, count(q) AS rules
OPTIONAL MATCH (c:Case)-[h:HAS_FACT]->(f)
RETURN f.id AS id, f.group AS group, f.name_en AS name_en, f.name_zh AS name_zh, rules, count(h) AS cases,
       f.sources AS sources
ORDER BY group, id
