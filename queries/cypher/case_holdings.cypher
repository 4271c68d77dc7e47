// purpose: What each case held: the liability form per party with its share, and the case's appeal link.
// params: $case — a case id or a fragment of one (e.g. 黑01民终4637), or '' for all
// columns: case, case_number, party, form, share
MATCH (c:Case)-[h:HELD]->(l:LiabilityForm)
WHERE $case = '' OR c.id CONTAINS $case
RETURN c.id AS case, c.case_number AS case_number, h.party AS party, l.id AS form, h.share AS share
ORDER BY case, party, form
