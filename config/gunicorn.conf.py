"""gunicorn settings for `make serve` (production). Every value can be overridden from the environment.

Two workers with a few threads each keeps memory small (one Django process is ~60–80 MB) while
still serving several slow requests at once; raise WEB_CONCURRENCY on a larger machine.
"""

import os

bind = os.environ.get("GUNICORN_BIND", f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# Load the application once in the master: workers share its memory pages and a broken
# configuration fails at start, not on the first request.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so that a slow leak cannot grow without bound. Not often: a recycled
# worker is gone for one to two seconds before its successor serves, and the requests it held wait.
# A cached page costs about 3 ms, so at 2,000 requests a busy site lost a worker every 15 s (load
# test p95 in seconds) and at 20,000 every minute (p99 0.5 s in the runs with a recycle). Worker
# memory stays flat under load (bench/README.md): 200,000 requests between recycles.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "200000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Trust X-Forwarded-* only from these proxy addresses (comma-separated).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "config.wsgi:application"
