// purpose: Appeal chains: each later instance with the earlier one it reviewed, the disposition and both holdings.
// params: (none)
// columns: later, earlier, disposition, later_held, earlier_held
MATCH (later:Case)-[ap:APPEAL_OF]->(earlier:Case)
OPTIONAL MATCH (later)-[h1:HELD]->(l1:LiabilityForm)
WITH later, earlier, ap, collect(DISTINCT h1.party + ':' + l1.id) AS later_held
OPTIONAL MATCH (earlier)-[h2:HELD]->(l2:LiabilityForm)
RETURN later.id AS later, earlier.id AS earlier, ap.disposition AS disposition, later_held,
       collect(DISTINCT h2.party + ':' + l2.id) AS earlier_held
ORDER BY later
