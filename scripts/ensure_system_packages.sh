#!/usr/bin/env bash
# Installs the Debian packages the report PDF needs, if any is missing: WeasyPrint renders
# through pango, and Chinese text needs a CJK font ("Noto Sans CJK SC"). Nothing is downloaded
# when everything is present, so offline machines that have them keep working.
set -euo pipefail
PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk)
if ! command -v dpkg >/dev/null 2>&1; then
    echo "ensure_system_packages: not a Debian system; install pango and a CJK font yourself" >&2
    exit 0
fi
missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg -s "$package" >/dev/null 2>&1; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    if [ "$(id -u)" != "0" ]; then
        SUDO="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The package can be installed while fontconfig has not seen the font yet.
if command -v fc-list >/dev/null 2>&1 && ! fc-list : family | grep -q "Noto Sans CJK SC"; then
    fc-cache -f >/dev/null 2>&1 || true
fi
