"""Open data in and out: the exports, the spreadsheet, and HSDS 3.0 (hsds/)."""
