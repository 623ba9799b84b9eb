"""Pure functions of the frontend: charts (data, SVG), the insight filters and
shape, and the yearly report's PDF drawing."""
