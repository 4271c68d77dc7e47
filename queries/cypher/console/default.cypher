// purpose: the query the console opens with
// params: {}
MATCH (a:Article {law: 'ECL'})-[r:REFERS_TO]->(b)
RETURN a, r, b
