// purpose: One rule with what it yields, the articles it is grounded in, the cases that illustrate it and its sources.
// params: $id — a rule id
// columns: rule, framework, tier, yields, articles, cases, sources, summary_en
MATCH (r:Rule {id: $id})
OPTIONAL MATCH (r)-[:YIELDS]->(o)
WITH r, collect(DISTINCT {id: o.id, label: [l IN labels(o) WHERE l <> 'Entity'][0], name_en: o.name_en, name_zh: o.name_zh}) AS yields
OPTIONAL MATCH (r)-[:GROUNDED_IN]->(a)
WITH r, yields, collect(DISTINCT a.id) AS articles
OPTIONAL MATCH (c:Case)-[:ILLUSTRATES]->(r)
RETURN r.id AS rule, r.framework AS framework, r.tier AS tier, yields, articles, collect(DISTINCT c.id) AS cases,
       r.sources AS sources, r.summary_en AS summary_en
