"""What professionals hand over: the page for referrers, the saved list and the PDF folders."""
