"""Local copies of JSON-LD contexts (data only; see README.md here)."""
