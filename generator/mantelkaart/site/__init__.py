"""The site's foundation: pages and files as outputs, page kinds, structured data, the look, front-end files, maps and CSV cells."""
