// purpose: Every rule with how many of its required facts a fact set has (fired rules and near misses are read from it).
// params: $facts — a list of Fact ids; $framework — a Position id to keep only its rules, or null for all
// columns: rule, name_en, name_zh, framework, tier, condition, required, matched, missing, excluded_by
MATCH (r:Rule)-[:REQUIRES]->(f:Fact)
WHERE $framework IS NULL OR r.framework = $framework
WITH r, collect(f.id) AS required
OPTIONAL MATCH (r)-[:EXCLUDES]->(x:Fact) WHERE x.id IN $facts
WITH r, required, collect(x.id) AS excluded_by
WITH r, required, excluded_by, [f IN required WHERE f IN $facts] AS matched
WHERE size(matched) > 0
RETURN r.id AS rule, r.name_en AS name_en, r.name_zh AS name_zh, r.framework AS framework, r.tier AS tier,
       coalesce(r.condition, 'all') AS condition, required, matched,
       [f IN required WHERE NOT f IN $facts] AS missing, excluded_by
ORDER BY size(missing), rule
