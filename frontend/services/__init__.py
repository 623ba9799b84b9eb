"""Writes of the frontend: requesting and building the yearly report."""
