"""Site pages of the practices database, one module per area."""
