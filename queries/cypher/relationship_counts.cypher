// purpose: How many relationships the graph has per type.
// params: (none)
// columns: type, n
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS n
ORDER BY type
