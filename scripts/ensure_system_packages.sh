#!/usr/bin/env bash
# Installs the Debian packages HireLoop needs, if any is missing: WeasyPrint renders the report
# PDF through pango, and Chinese text needs a CJK font ("Noto Sans CJK SC"); OCR of scanned
# resumes needs Tesseract's Chinese and English language data (hireloop/resumes/ocr.py runs
# Tesseract through the tesserocr wheel, which reads them from /usr/share/tesseract-ocr).
# Nothing is downloaded when everything is present, so offline machines that have them keep
# working.
set -euo pipefail
# Coding questions run JavaScript answers with Node.js, sandboxed with util-linux's unshare.
# espeak-ng synthesises the English speech that the media tests and bench/media.py transcribe.
PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk
    tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng nodejs util-linux espeak-ng)
if ! command -v dpkg >/dev/null 2>&1; then
    echo "ensure_system_packages: not a Debian system; install pango, a CJK font and" \
        "Tesseract with its chi_sim and eng data yourself" >&2
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
