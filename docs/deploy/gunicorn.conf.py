"""gunicorn settings for Engage PD behind the buffering proxy of docs/deploy/nginx.conf.

    gunicorn -c docs/deploy/gunicorn.conf.py lms.site.wsgi

Sync workers, each serving one complete request at a time: nginx has already read
the request in full, so no worker waits on a slow client. The values are checked
against nginx.conf and the site's settings by tests/test_deploy_config.py.
"""

import multiprocessing
import os

# Only nginx on this machine talks to gunicorn.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
forwarded_allow_ips = "127.0.0.1,::1"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"

# A request that takes longer than this kills its worker (and nginx, waiting 35 s,
# answers 504): a page of the site that needs more is a fault to fix.
timeout = 30
# On a restart or reload, requests in flight get this long to finish.
graceful_timeout = 30
# Sync workers close the connection after each answer; nginx keeps the client's.
keepalive = 2

# The request line and headers: within nginx's large_client_header_buffers (8k).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Start each worker afresh now and then, so a slow leak never grows for weeks.
max_requests = 2000
max_requests_jitter = 200

accesslog = "-"
errorlog = "-"
