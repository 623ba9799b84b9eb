"""The certification pages, one module per area: the lecturer's portfolios, the
assessors' and programme team's assessment pages, credentials (verification,
downloads, revocation) and the Wagtail admin's import, export and versioning."""
