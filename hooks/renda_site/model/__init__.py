"""Model: shared model parts, what a record kind declares, the checks and the catalog of checked records."""
