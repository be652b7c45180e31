#!/usr/bin/env bash
# Starts the background worker and the production web server together; stopping one stops both.
set -euo pipefail
BIN=.venv/bin
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
# One embedded worker: anything still "running" was left by a worker that stopped.
$BIN/python manage.py requeue_stale_tasks --minutes 0
$BIN/python manage.py db_worker --queue-name '*' --no-reload &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
cat <<MSG

  HireLoop is running at http://$HOST:$PORT/
  Demo logins (password: hireloop-demo):
    hr_admin     HR administrator (sees everything; sets up two-factor login first)
    recruiter    recruiter for all three demo jobs
    interviewer  interviewer for the sales and engineering jobs
    auditor      read-only audit log
    admin        system administrator (back office; sets up two-factor login first)
  Admin back office: http://$HOST:$PORT/admin/
  Candidate interview links are shown on each application page after "Invite".

MSG
# The production server: several gunicorn processes (threads for slow uploads), static files
# from WhiteNoise. `make dev` runs Django's development server instead.
$BIN/gunicorn hireloop.wsgi:application --bind "$HOST:$PORT" \
    --workers "${WEB_WORKERS:-3}" --threads "${WEB_THREADS:-4}" --timeout 120 \
    --max-requests 2000 --max-requests-jitter 200 --access-logfile - --error-logfile -
