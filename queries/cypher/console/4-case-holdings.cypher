// purpose: What each case held for each party
// params: {}
MATCH (c:Case)-[h:HELD]->(l:LiabilityForm)
RETURN c.id AS case, h.party AS party, l.id AS form, h.share AS share
ORDER BY case, party
