#!/usr/bin/env bash
# Installs Debian's Chromium (and CJK fonts for readable screenshots) if it is missing.
# Playwright drives this browser; `playwright install` would download one and fails offline.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
