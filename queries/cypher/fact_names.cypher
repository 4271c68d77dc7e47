// purpose: The fact vocabulary with names only (what `outcomes` needs; `facts` also counts rules and cases).
// params: (none)
// columns: id, labels, group, name_en, name_zh
MATCH (f:Fact)
RETURN f.id AS id, labels(f) AS labels, f.group AS group, f.name_en AS name_en, f.name_zh AS name_zh
ORDER BY group, id
