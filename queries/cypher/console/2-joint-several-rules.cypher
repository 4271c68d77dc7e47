// purpose: Rules that yield joint and several liability
// params: {}
MATCH (r:Rule)-[:YIELDS]->(l:LiabilityForm {id: 'joint-several'})
OPTIONAL MATCH (r)-[:GROUNDED_IN]->(a)
RETURN r.id AS rule, r.framework AS framework, collect(a.id) AS articles
ORDER BY rule
