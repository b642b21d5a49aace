// An empty read: the store keeps the bookmarks it returns as the graph's revision (they name the
// last transaction committed to the database, so they change with every write).
RETURN 1 AS probe
