"""HSDS 3.0 (Open Referral): the export of the catalogue and the import of a directory."""
