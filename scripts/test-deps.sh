#!/usr/bin/env bash
# The Debian packages that the test suite drives for real: Chromium (browser tests through
# playwright-core), nginx (the generated configuration served for real) and python3-feedparser
# (a real feed reader for the RSS tests). Run by `npm test` before any test starts (npm's
# `pretest`) and by `.ci/run`, so a fresh machine needs no step by hand.
#
# Installs what is missing with apt-get when it can (root, or sudo without a password);
# otherwise prints the exact command to run and exits 1 before any test starts: a test that
# cannot run must fail and say why, never be skipped in silence.
#
# The paths checked can be overridden (CONGTRUONG_CHROMIUM, CONGTRUONG_NGINX, CONGTRUONG_PYTHON)
# so that the script's own test can play a machine that lacks them, and so can apt-get
# (CONGTRUONG_APT_GET) and the user id (CONGTRUONG_UID), so that the test can run the root path
# without installing anything.
set -uo pipefail

chromium="${CONGTRUONG_CHROMIUM:-/usr/bin/chromium}"
nginx="${CONGTRUONG_NGINX:-/usr/sbin/nginx}"
python="${CONGTRUONG_PYTHON:-/usr/bin/python3}"
apt_get="${CONGTRUONG_APT_GET:-apt-get}"

missing() {
  local need=()
  [ -x "$chromium" ] || need+=(chromium)
  [ -x "$nginx" ] || need+=(nginx-light)
  "$python" -c 'import feedparser' >/dev/null 2>&1 || need+=(python3-feedparser)
  echo "${need[@]}"
}

need=$(missing)
[ -z "$need" ] && exit 0

# fonts-dejavu-core: Chromium needs one font with Vietnamese glyphs to lay out pages.
packages="$need fonts-dejavu-core"
command="apt-get update && apt-get install -y --no-install-recommends $packages"

# How to run apt-get: directly as root, through sudo without a password, or not at all. (An
# empty array would be "unbound" under `set -u` when tested as a word, hence the separate flag.)
can_install=yes
if [ "${CONGTRUONG_UID:-$(id -u)}" = 0 ]; then
  sudo=(env)
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  sudo=(sudo -n)
else
  can_install=no
fi

if [ "$can_install" = yes ] && command -v "$apt_get" >/dev/null 2>&1; then
  echo "Cài các gói Debian mà bộ kiểm thử cần (Installing the Debian packages the tests need): $packages"
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086 # the package list is meant to split into words
  if "${sudo[@]}" "$apt_get" update -qq && "${sudo[@]}" "$apt_get" install -y -qq --no-install-recommends $packages >/dev/null; then
    need=$(missing)
    [ -z "$need" ] && exit 0
    echo "Đã cài nhưng vẫn thiếu (installed, still missing): $need" >&2
  else
    echo "apt-get không cài được các gói trên (apt-get could not install them)." >&2
  fi
fi

cat >&2 <<EOF

Chưa chạy kiểm thử: máy còn thiếu $need (trình duyệt Chromium, máy chủ nginx, thư viện đọc RSS
feedparser), các bài kiểm thử dùng chúng thật, không bỏ qua. Hãy chạy lệnh sau với quyền quản trị
(root) rồi chạy lại npm test:

  sudo sh -c '$command'

Tests not started: this machine lacks $need, which the tests use for real (none is skipped).
Run the command above as root (or with sudo), then run npm test again.
EOF
exit 1
