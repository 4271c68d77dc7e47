// purpose: Every case with its court, year and procedure, as the case number gives them.
// params: (none)
// columns: case, case_number, name_zh, court, level, province, year, procedure
MATCH (c:Case)
OPTIONAL MATCH (c)-[:DECIDED_BY]->(court:Court)
RETURN c.id AS case, c.case_number AS case_number, c.name_zh AS name_zh, court.id AS court, court.level AS level,
       court.province AS province, c.year AS year, c.procedure AS procedure
ORDER BY case
