"""Site pages of the trajectories app, one module per area: parse the request,
call one service or selector, render. Every view declares who may use it."""
