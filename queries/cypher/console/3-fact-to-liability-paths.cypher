// purpose: Paths from a fact to a liability form
// params: {"fact": "platform-knew-or-should-have-known"}
MATCH p = (f:Fact {id: $fact})<-[:REQUIRES]-(:Rule)-[:YIELDS]->(:LiabilityForm)
RETURN p
LIMIT 25
