"""Pure functions of the practices database: text processing and licences (no ORM)."""
