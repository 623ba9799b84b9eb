"""Reads of the frontend: the insight dashboards, the yearly reports a person
may see, and the role dashboard's own data."""
