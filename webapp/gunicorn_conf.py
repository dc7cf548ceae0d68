"""gunicorn settings shared by the Procfile and scripts/run.sh (via webapp.serve)."""

import os

from webapp import gunicorn_refusals
from webapp.logging_conf import GUNICORN_LOGCONFIG

# gunicorn's own refusal pages and log lines: fixed text, the app's headers, no client address.
gunicorn_refusals.install()

# Loopback unless told otherwise: in production nginx (deploy/nginx.conf) is the only client.
bind = f"{os.environ.get('BIND_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# 4 threads, not 8: requests/s is the same, but with 8 threads contending for each worker's GIL
# the slowest 1 % waited twice as long (p99 at 64 connections about 45 ms against 25 ms for both
# the trivial page and a question page, measured with benchmarks on 2 cores; docs/performance.md).
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# The access log never records query strings, referers or cookies: only method, path, status.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
# The error log's tracebacks keep frames and exception types, never messages (logging_conf.py).
logconfig_dict = {**GUNICORN_LOGCONFIG}
# Each worker listens on its own socket (SO_REUSEPORT) and the kernel spreads connections
# between them. On one shared socket, the worker that wins the accept race could take every
# connection of a burst and keep it alive: measured, one worker then served all 64 connections
# while the other slept, for 5-15 s at a time, in about one 10-s run in five (half the
# requests/s, for the trivial page as for ours; gunicorn issues 2817, 3433). Only processes of
# the same user can join a port's group.
reuse_port = True
# gunicorn's defaults, spelled out: a request line, header count and header size it refuses
# with 400 before the app sees them (the answers cookie is at most about 4 KB).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# No control socket file under $HOME: serving writes nothing to disk.
control_socket_disable = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
