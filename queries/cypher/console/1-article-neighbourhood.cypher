// purpose: ECL art. 38 and what hangs on it
// params: {"id": "ECL:38"}
MATCH (a:Article {id: $id})-[r]-(b)
RETURN a, r, b
LIMIT 50
