// purpose: The contested issues and who argues what: each position with what it advocates, its doctrines, and the publications for and against.
// params: (none)
// columns: issue, position, advocates, based_on, publication, stance, section
MATCH (p:Position)-[:ANSWERS]->(i:Issue)
OPTIONAL MATCH (p)-[:ADVOCATES]->(l)
WITH i, p, collect(DISTINCT l.id) AS advocates
OPTIONAL MATCH (p)-[:BASED_ON]->(d:Doctrine)
WITH i, p, advocates, collect(DISTINCT d.id) AS based_on
OPTIONAL MATCH (pub:Publication)-[a:ARGUES]->(p)
RETURN i.id AS issue, p.id AS position, advocates, based_on, pub.id AS publication, a.stance AS stance,
       a.section AS section
ORDER BY issue, position, publication, section
