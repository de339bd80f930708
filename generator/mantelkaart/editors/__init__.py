"""The editors' tools: JSON Schema, web editor, report, changes, new records, init and migrate."""
