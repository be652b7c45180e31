#!/usr/bin/env bash
# Starts the background worker and the web server together; stopping one stops both.
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
    hr_admin     HR administrator (sees everything)
    recruiter    recruiter for all three demo jobs
    interviewer  interviewer for the sales and engineering jobs
    auditor      read-only audit log
    admin        system administrator (back office)
  Admin back office: http://$HOST:$PORT/admin/
  Candidate interview links are shown on each application page after "Invite".

MSG
$BIN/python manage.py runserver "$HOST:$PORT" --noreload
