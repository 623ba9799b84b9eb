"""Journey tests: one person's whole story through the site per role (see
docs/conventions.md, "Journey tests")."""
