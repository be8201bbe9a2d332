#!/usr/bin/env bash
# Installs Debian's Chromium for the review page's browser test (tests/test_review_page.py drives it
# with Playwright for Python; Playwright's own browser download is never used: its host is not a
# package registry). Idempotent (nothing to do when both are there) and quiet unless it fails.
# fonts-wqy-microhei (1.6 MB) draws the Chinese text of the test's screenshot; without a CJK font
# Chromium draws boxes. Measured on Debian 12 from scratch: apt-get update + install ≈ 35 s.
set -euo pipefail

chromium_ready() {
    [[ -x /usr/bin/chromium ]] && /usr/bin/chromium --headless --no-sandbox --version >/dev/null 2>&1
}
cjk_font_ready() {
    command -v fc-list >/dev/null && [[ -n $(fc-list :lang=zh family) ]]
}

chromium_ready && cjk_font_ready && exit 0
command -v apt-get >/dev/null || { echo "install-browser: no apt-get on this machine" >&2; exit 1; }
sudo=()
[[ $(id -u) == 0 ]] || sudo=(sudo -n)
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# apt's output is shown only when it fails.
{ "${sudo[@]}" apt-get update -qq &&
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei; } >"$log" 2>&1 ||
    { cat "$log" >&2; echo "install-browser: apt-get install chromium fonts-wqy-microhei failed" >&2; exit 1; }
chromium_ready || { echo "install-browser: /usr/bin/chromium is installed but does not start" >&2; exit 1; }
