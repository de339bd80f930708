"""The finder (/zoeken/): search index, facets, search words and Dutch text analysis."""
