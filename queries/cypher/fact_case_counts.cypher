// purpose: How many cases have each fact, and how many cases have any fact: the weights of the case similarity score (rare facts weigh more).
// params: (none)
// columns: fact, cases, total
// Read from the fact patterns (one per distinct fact set, with its number of cases), not from the docket.
MATCH (p:FactPattern)
WITH toInteger(sum(p.cases)) AS total
MATCH (f:Fact)<-[:COMBINES]-(p:FactPattern)
RETURN f.id AS fact, toInteger(sum(p.cases)) AS cases, total
ORDER BY fact
