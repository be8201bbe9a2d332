#!/usr/bin/env bash
# System packages for the OCR extra (issue 17). Idempotent: installs only what is missing.
#   bash .ci/install-ocr.sh              libraries OpenCV's wheel links (libGL, GLib): the default engine
#                                        (RapidOCR, pip extra 'ocr') needs nothing else from apt
#   bash .ci/install-ocr.sh --tesseract  also Tesseract with chi_sim and chi_tra, for the engine
#                                        comparison (EXTRACTOR_OCR_ENGINE=tesseract, benchmarks/ocr_bench.py)
# The Python side is `pip install -e '.[ocr]'` (models ship inside the rapidocr-onnxruntime wheel).
set -euo pipefail

packages=(libgl1 libglib2.0-0)
if [[ "${1:-}" == "--tesseract" ]]; then
  packages+=(tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  echo "install-ocr: system packages present (${packages[*]})"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo -n)
fi
echo "install-ocr: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
