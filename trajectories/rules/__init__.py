"""Pure domain functions of the trajectories app: data in, decision out, no ORM."""
