"""`python -m webapp.serve`: Fresh Start as production must run it (scripts/run.sh).

Debian's nginx (deploy/nginx.conf) listens on BIND_HOST:PORT (127.0.0.1:8000 unless told
otherwise) and buffers every request whole before gunicorn, started exactly as the Procfile's
`web:` line says, sees it on a loopback port. gunicorn's threads read headers themselves: on
its own, a dozen clients trickling header lines hold every thread (issue 14). The two run as
children of this process; when either stops, or this process is told to stop, both stop and the
temporary folder holding nginx's rendered config and pid file is removed.

`python -m webapp.serve --direct` runs gunicorn alone (the Procfile), only for a platform whose
own router buffers requests the same way.
"""

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from webapp import refusals

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx.conf"


def procfile_command():
    for line in (ROOT / "Procfile").read_text(encoding="utf-8").splitlines():
        if line.startswith("web:"):
            return shlex.split(line.removeprefix("web:"))
    raise SystemExit("Procfile has no web: line")


def gunicorn_argv():
    command = procfile_command()
    gunicorn = Path(sys.executable).with_name(command[0])
    return [str(gunicorn), *command[1:]]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def render_nginx_conf(run_dir, bind_host, port, upstream_port):
    text = NGINX_CONF.read_text(encoding="utf-8")
    for word, value in {
        "@RUN@": run_dir,
        "@BIND_HOST@": bind_host,
        "@PORT@": port,
        "@UPSTREAM_PORT@": upstream_port,
        "@REFUSED_400@": refusals.for_nginx(400),
        "@REFUSED_413@": refusals.for_nginx(413),
    }.items():
        text = text.replace(word, str(value))
    return text


def find_nginx():
    found = os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.access(found, os.X_OK):
        raise SystemExit(
            "nginx not found: scripts/setup.sh installs it (apt-get install nginx); "
            "or run gunicorn alone behind a buffering proxy: python -m webapp.serve --direct"
        )
    return found


def serve_behind_nginx():
    nginx = find_nginx()
    bind_host = os.environ.get("BIND_HOST", "127.0.0.1")
    port = os.environ.get("PORT", "8000")
    upstream_port = os.environ.get("UPSTREAM_PORT") or str(free_port())
    run_dir = tempfile.mkdtemp(prefix="fresh-start-nginx-")
    # nginx's workers run as nobody when started by root: they must reach their temp folders.
    os.chmod(run_dir, 0o711)
    children = []
    try:
        conf = Path(run_dir, "nginx.conf")
        conf.write_text(
            render_nginx_conf(run_dir, bind_host, port, upstream_port), encoding="utf-8"
        )
        gunicorn_env = {**os.environ, "BIND_HOST": "127.0.0.1", "PORT": upstream_port}
        children.append(subprocess.Popen(gunicorn_argv(), cwd=ROOT, env=gunicorn_env))
        children.append(
            subprocess.Popen([nginx, "-p", run_dir, "-e", "stderr", "-c", str(conf)], cwd=run_dir)
        )

        def stop(_signum, _frame):
            raise SystemExit(0)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        # Whichever child stops first stops the other: half a server is no server.
        _pid, status = os.wait()
        return os.waitstatus_to_exitcode(status) or 1
    finally:
        for child in children:
            if child.poll() is None:
                child.terminate()  # gunicorn and nginx both stop at once on SIGTERM
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        shutil.rmtree(run_dir, ignore_errors=True)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if "--direct" in argv:
        os.chdir(ROOT)
        command = gunicorn_argv()
        os.execv(command[0], command)
    sys.exit(serve_behind_nginx())


if __name__ == "__main__":
    main()
