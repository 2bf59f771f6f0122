#!/bin/sh
# Install (if missing) Debian's chromium and chromium-driver for the browser tests.
#
#   tests/browser/ensure-chromium.sh     install them with apt-get when chromedriver is missing
#
# Exit status 0 when both are there afterwards; 1 with a message on stderr when they cannot be
# installed (not root, no apt-get, no network): tests/test_web_browser.py is then skipped with the reason.
set -eu

have() {
    command -v chromedriver >/dev/null 2>&1 && { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }
}

have && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: chromium or chromedriver not found and cannot install (need root and apt-get):" \
         "install Debian's chromium and chromium-driver packages" >&2
    exit 1
fi
echo "ensure-chromium: installing chromium and chromium-driver (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 && apt-get install -y -qq chromium chromium-driver >&2
have
