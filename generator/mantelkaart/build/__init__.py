"""A whole site build: the list of producers, how they share two cores, and its scratch folders."""
