// purpose: The rules that require at least one fact of a fact set, with all the outcome reasoning reads of each: its required and excluding facts, what it yields, the articles it is grounded in with the doctrines behind them, the cases that illustrate it, its framework's names.
// params: $facts — a list of Fact ids; $framework — a Position id to keep only its rules, or null for all
// columns: rule, labels, name_en, name_zh, framework, framework_labels, framework_name_en, framework_name_zh, tier, condition, required, excludes, yields, articles, cases, sources
// Whether a rule applies, nearly applies or is excluded is decided from these rows by lawgraph.queries.reasoning.
// Each article lists the duties it imposes that a doctrine justifies (`duties`) and the doctrines that justify
// the article itself (`doctrines`). Every variable of the pattern comprehensions has a name of its own:
// FalkorDB mixes up variables of the same name in sibling comprehensions (`duties` came back empty).
MATCH (r:Rule)-[:REQUIRES]->(f:Fact)
WHERE $framework IS NULL OR r.framework = $framework
WITH r, collect(f.id) AS required
WHERE any(id IN required WHERE id IN $facts)
OPTIONAL MATCH (p:Position {id: r.framework})
RETURN r.id AS rule, labels(r) AS labels, r.name_en AS name_en, r.name_zh AS name_zh, r.framework AS framework,
       labels(p) AS framework_labels, p.name_en AS framework_name_en, p.name_zh AS framework_name_zh,
       r.tier AS tier, coalesce(r.condition, 'all') AS condition, required,
       [(r)-[:EXCLUDES]->(x:Fact) | x.id] AS excludes,
       [(r)-[:YIELDS]->(y) | {id: y.id, labels: labels(y), name_en: y.name_en, name_zh: y.name_zh}] AS yields,
       [(r)-[:GROUNDED_IN]->(a) | {id: a.id, labels: labels(a),
          duties: [(a)-[:IMPOSES]->(o:Obligation)<-[:JUSTIFIES]-(od:Doctrine) |
                   {id: o.id, labels: labels(o), name_en: o.name_en,
                    doctrine: {id: od.id, labels: labels(od), name_en: od.name_en}}],
          doctrines: [(ad:Doctrine)-[:JUSTIFIES]->(a) | {id: ad.id, labels: labels(ad), name_en: ad.name_en}]}]
         AS articles,
       [(c:Case)-[:ILLUSTRATES]->(r) | c.id] AS cases, r.sources AS sources
ORDER BY rule
