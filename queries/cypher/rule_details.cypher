// purpose: Rules with what they yield, the articles they are grounded in, the cases that illustrate them and their sources.
// params: $ids — a list of Rule ids
// columns: rule, name_en, name_zh, framework, tier, yields, articles, cases, sources, summary_en
MATCH (r:Rule)
WHERE r.id IN $ids
OPTIONAL MATCH (r)-[:YIELDS]->(o)
WITH r, collect(DISTINCT {id: o.id, label: [l IN labels(o) WHERE l <> 'Entity'][0], name_en: o.name_en,
                          name_zh: o.name_zh}) AS yields
OPTIONAL MATCH (r)-[:GROUNDED_IN]->(a)
WITH r, yields, collect(DISTINCT a.id) AS articles
OPTIONAL MATCH (c:Case)-[:ILLUSTRATES]->(r)
RETURN r.id AS rule, r.name_en AS name_en, r.name_zh AS name_zh, r.framework AS framework, r.tier AS tier, yields,
       articles, collect(DISTINCT c.id) AS cases, r.sources AS sources, r.summary_en AS summary_en
ORDER BY rule
