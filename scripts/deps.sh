#!/bin/sh
# Make sure the Debian packages the build and the tests need are present.
# As root, install what is missing; otherwise print the apt-get line and fail.
# Usage: scripts/deps.sh PACKAGE...
# shellcheck disable=SC2086 # $missing is a list of package names, split on purpose
missing=""
for pkg in "$@"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "Lantern needs these Debian packages:$missing" >&2
	echo "Install them with:  sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "Installing missing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have never fetched the package lists.
if ! apt-get install -y -q $missing >/dev/null 2>&1; then
	if ! { apt-get update -q >/dev/null && apt-get install -y -q $missing >/dev/null; }; then
		echo "apt-get install$missing failed" >&2
		exit 1
	fi
fi
