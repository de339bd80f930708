"""The core: records, their schema and checks, the catalogue. It knows nothing of pages or MkDocs."""
