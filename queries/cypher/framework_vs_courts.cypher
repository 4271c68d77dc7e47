// purpose: A framework's predictions against the courts' holdings, case by case (the platform's liability form).
// params: $framework — a Position id whose rules form the framework, e.g. tiered-liability-ladder
// columns: case, facts, predicted, held, agrees
MATCH (c:Case)-[:HELD {party: 'platform'}]->(held:LiabilityForm)
WITH c, collect(DISTINCT held.id) AS held
OPTIONAL MATCH (c)-[:HAS_FACT]->(f:Fact)
WITH c, held, collect(DISTINCT f.id) AS facts
OPTIONAL MATCH (r:Rule {framework: $framework})-[:REQUIRES]->(rf:Fact)
WITH c, held, facts, r, collect(rf.id) AS required
WITH c, held, facts, CASE WHEN r IS NOT NULL AND all(x IN required WHERE x IN facts) THEN r.id END AS fired
OPTIONAL MATCH (fr:Rule {id: fired})-[:YIELDS]->(p:LiabilityForm)
WITH c, held, facts, collect(DISTINCT p.id) AS predicted
RETURN c.id AS case, facts, predicted, held,
       size(predicted) > 0 AND any(x IN predicted WHERE x IN held) AS agrees
ORDER BY case
