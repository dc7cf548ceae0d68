"""`python -m webapp.serve`: run gunicorn exactly as the Procfile's `web:` line says."""

import os
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def procfile_command():
    for line in (ROOT / "Procfile").read_text(encoding="utf-8").splitlines():
        if line.startswith("web:"):
            return shlex.split(line.removeprefix("web:"))
    raise SystemExit("Procfile has no web: line")


def main():
    command = procfile_command()
    gunicorn = Path(sys.executable).with_name(command[0])
    os.chdir(ROOT)
    os.execv(str(gunicorn), [str(gunicorn), *command[1:]])


if __name__ == "__main__":
    main()
