# Shortcuts for people who have make; each calls dev.py, which needs only Python.
.PHONY: run test lock lint
run:
	python3 dev.py run
test:
	python3 dev.py test
lock:
	python3 dev.py lock
lint:
	.venv/bin/ruff format --check . && .venv/bin/ruff check . && .venv/bin/lint-imports && .venv/bin/mypy
