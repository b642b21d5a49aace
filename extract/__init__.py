"""Reading inputs and extracting entities and relations from speeches."""
