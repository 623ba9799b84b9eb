"""The Open Badges 3.0 credential engine: build, sign (eddsa-rdfc-2022) and verify.

Pure functions over frozen dataclasses; see README.md in this package.
"""
