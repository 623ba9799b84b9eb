"""Pure rules of lms.xapi: data in, answer out, no database."""
