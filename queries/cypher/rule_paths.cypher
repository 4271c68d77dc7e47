// purpose: The doctrines behind the articles a rule is grounded in: directly (JUSTIFIES an article) or through the duty the article imposes.
// params: $rules — a list of Rule ids
// columns: rule, article, obligation, doctrine, doctrine_name_en, sources
MATCH (r:Rule)-[:GROUNDED_IN]->(a)
WHERE r.id IN $rules
OPTIONAL MATCH (a)-[:IMPOSES]->(o:Obligation)<-[:JUSTIFIES]-(d1:Doctrine)
OPTIONAL MATCH (d2:Doctrine)-[:JUSTIFIES]->(a)
WITH r, a, o, d1, d2
WITH r, a, CASE WHEN d1 IS NULL THEN null ELSE o.id END AS obligation, coalesce(d1, d2) AS d
WHERE d IS NOT NULL
RETURN DISTINCT r.id AS rule, a.id AS article, obligation, d.id AS doctrine, d.name_en AS doctrine_name_en,
       d.sources AS sources
ORDER BY rule, article, doctrine
