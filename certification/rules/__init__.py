"""Pure domain functions of certification: data in, decision out, no ORM."""
