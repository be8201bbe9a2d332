#!/usr/bin/env bash
# Installs Debian's Chromium for the review page's browser test (tests/test_review_page.py drives it
# with Playwright for Python; Playwright's own browser download is never used: no network beyond the
# package registries). Idempotent: does nothing when /usr/bin/chromium already runs. Quiet unless it fails.
set -euo pipefail

chromium_ready() {
    [[ -x /usr/bin/chromium ]] && /usr/bin/chromium --headless --no-sandbox --version >/dev/null 2>&1
}

chromium_ready && exit 0
command -v apt-get >/dev/null || { echo "install-browser: no apt-get on this machine" >&2; exit 1; }
sudo=()
[[ $(id -u) == 0 ]] || sudo=(sudo -n)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
# --no-install-recommends: the headless test needs neither the sandbox helper's extras nor
# chromium-l10n; fonts-noto-cjk is not pulled in (screenshots may draw CJK as boxes without it).
"${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
chromium_ready || { echo "install-browser: /usr/bin/chromium installed but does not start" >&2; exit 1; }
