#!/usr/bin/env python3
"""Set up and run Engage PD with nothing but Python 3.11+ and git.

    python3 dev.py run     # venv + pinned deps + migrate + demo data + web + worker
    python3 dev.py test    # venv + pinned deps + the whole test suite
    python3 dev.py setup   # only the venv, dependencies and Chromium
    python3 dev.py lock    # recompile requirements/*.txt from pyproject.toml

Only the standard library is used here, because it runs before anything is installed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("ENGAGE_VENV", ROOT / ".venv"))
LOCK = ROOT / "requirements" / "dev.txt"
STAMP = VENV / ".engage-installed"
IS_WINDOWS = os.name == "nt"
BIN = VENV / ("Scripts" if IS_WINDOWS else "bin")
PYTHON = BIN / ("python.exe" if IS_WINDOWS else "python")
DEMO_LOGINS = (
    ("lecturer", "Lecturer"),
    ("coach", "Coach"),
    ("coordinator", "Faculty coordinator"),
    ("admin", "Programme admin (also /admin/)"),
    ("assessor", "Assessor (a coach of another cohort)"),
    ("holder", "Lecturer with a certificate"),
    ("candidate", "Lecturer whose portfolio waits for the assessor's score"),
)
DEMO_PASSWORD = "engage-demo"  # lms/accounts/demo.py


def say(message: str) -> None:
    print(f"\033[1m==> {message}\033[0m", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def ensure_venv() -> None:
    """Create .venv and install the locked dependencies when the lock changed."""
    if sys.version_info < (3, 11):
        sys.exit("Engage PD needs Python 3.11 or newer.")
    if not PYTHON.exists():
        say(f"Creating the virtual environment in {VENV}")
        run(sys.executable, "-m", "venv", VENV)
    digest = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes())
    wanted = digest.hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    say("Installing the pinned dependencies (requirements/dev.txt)")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--require-hashes", "-r", LOCK)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
        "-e", ".")  # fmt: skip
    STAMP.write_text(wanted)


def manage(*args: str, env: dict[str, str] | None = None) -> None:
    run(PYTHON, "manage.py", *args, env=env)


def wait_until_healthy(url: str, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def cmd_run(args: argparse.Namespace) -> int:
    ensure_venv()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.site.settings.dev"}
    (ROOT / "var").mkdir(exist_ok=True)
    say("Migrating the database (SQLite in var/)")
    manage("migrate", "--no-input", env=env)
    say("Loading demo data")
    manage("seed_demo", env=env)
    address = f"{args.host}:{args.port}"
    say("Starting the web server and the Celery worker (with beat)")
    worker = subprocess.Popen(
        [str(BIN / "celery"), "-A", "lms.site", "worker", "--beat", "--pool=solo",
         "--loglevel=INFO"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    web = subprocess.Popen(
        [str(PYTHON), "manage.py", "runserver", address], cwd=ROOT, env=env
    )
    url = f"http://{address}/"
    if wait_until_healthy(url + "healthz"):
        print()
        say(f"Engage PD is running at {url}")
        print(f"   Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, role in DEMO_LOGINS:
            print(f"     {username:<12} {role}")
        print(f"   Wagtail admin: {url}admin/   ·   Stop with Ctrl+C\n", flush=True)
    try:
        while web.poll() is None and worker.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for process in (web, worker):
            if process.poll() is None:
                process.send_signal(signal.SIGINT if not IS_WINDOWS else signal.SIGTERM)
        for process in (web, worker):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
    return 0


def ensure_chromium() -> None:
    """The browser tests drive the system Chromium; install Debian's if we can."""
    if os.environ.get("ENGAGE_CHROMIUM") or shutil.which("chromium"):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("Installing Chromium from Debian's packages for the browser tests")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True)
        return
    sys.exit(
        "The browser tests need Chromium. Install it (Debian/Ubuntu: "
        "`sudo apt-get install chromium`) or set ENGAGE_CHROMIUM to its path."
    )


def ensure_verifier() -> None:
    """The credential tests check our Open Badges with an independent verifier
    (tests/verifier, Node.js): install its locked packages when the lock changed."""
    verifier = ROOT / "tests" / "verifier"
    if not shutil.which("npm"):
        if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
            say("Installing Node.js from Debian's packages for the credential tests")
            subprocess.run(["apt-get", "update", "-qq"], check=True)
            subprocess.run(
                ["apt-get", "install", "-y", "-qq", "nodejs", "npm"], check=True
            )
        else:
            sys.exit(
                "The credential tests need Node.js 20+ and npm (Debian/Ubuntu: "
                "`sudo apt-get install nodejs npm`)."
            )
    stamp = verifier / "node_modules" / ".engage-installed"
    wanted = hashlib.sha256((verifier / "package-lock.json").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return
    say("Installing the credential verifier's locked packages (tests/verifier)")
    run(
        "npm", "ci", "--prefix", verifier, "--ignore-scripts", "--no-audit", "--no-fund"
    )
    stamp.write_text(wanted)


def cmd_test(args: argparse.Namespace) -> int:
    ensure_venv()
    ensure_chromium()
    ensure_verifier()
    workers = args.workers or os.environ.get("ENGAGE_TEST_WORKERS", "2")
    pytest_args = ["-n", workers, *args.pytest_args]
    env = {**os.environ}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [str(PYTHON), "-m", "pytest", *pytest_args], cwd=ROOT, env=env, check=False
    )
    return result.returncode


def cmd_setup(args: argparse.Namespace) -> int:
    ensure_venv()
    ensure_chromium()
    ensure_verifier()
    return 0


def cmd_lock(args: argparse.Namespace) -> int:
    ensure_venv()
    common = ["--quiet", "--generate-hashes", "--strip-extras", "--allow-unsafe",
              "--no-emit-index-url", "--no-emit-find-links"]  # fmt: skip
    run(BIN / "pip-compile", *common, "-o", "requirements/base.txt", "pyproject.toml")
    run(BIN / "pip-compile", *common, "--extra", "dev", "-o", "requirements/dev.txt",
        "pyproject.toml")  # fmt: skip
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run_parser = sub.add_parser(
        "run", help="set up and run the platform with demo data"
    )
    run_parser.add_argument("--host", default="127.0.0.1")
    run_parser.add_argument("--port", default="8000")
    run_parser.set_defaults(func=cmd_run)
    test_parser = sub.add_parser("test", help="set up and run the whole test suite")
    test_parser.add_argument("-n", "--workers", help="pytest-xdist workers (default 2)")
    test_parser.set_defaults(func=cmd_test, pytest_args=[])
    sub.add_parser("lock", help="recompile the lock files").set_defaults(func=cmd_lock)
    sub.add_parser(
        "setup", help="only create the venv and install what tests need"
    ).set_defaults(func=cmd_setup)
    # Anything dev.py does not know (e.g. `-k login`, a test path) goes to pytest.
    args, extra = parser.parse_known_args()
    if extra and args.command != "test":
        parser.error(f"unrecognised arguments: {' '.join(extra)}")
    args.pytest_args = extra
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
