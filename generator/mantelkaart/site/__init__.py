"""The site: pages, page kinds, templates' data, maps, folders, made from the catalogue as outputs."""
