#!/usr/bin/env bash
# Installs the Debian packages the integration tests use: docker-registry (distribution 2.8,
# a real OCI registry on loopback), skopeo (an independent registry client) and apache2-utils
# (htpasswd for the basic-auth registry), and cmark-gfm (GitHub's GFM renderer: the job summary
# is rendered with it in __tests__/injection/summary-markdown.test.ts). Safe to run repeatedly;
# prints what it could not do.
set -uo pipefail
need=()
command -v docker-registry >/dev/null 2>&1 || [ -x /usr/bin/docker-registry ] || need+=(docker-registry)
command -v skopeo >/dev/null 2>&1 || need+=(skopeo)
command -v htpasswd >/dev/null 2>&1 || need+=(apache2-utils)
command -v cmark-gfm >/dev/null 2>&1 || need+=(cmark-gfm)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: cannot install ${need[*]} here; run: sudo apt-get install -y ${need[*]}" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 ||
  echo "install-system-deps: apt-get install ${need[*]} failed" >&2
exit 0
