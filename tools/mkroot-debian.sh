#!/bin/bash
# mkroot-debian.sh: a Debian root file system as an initramfs, made from
# the Debian packages installed on this machine (nothing is downloaded).
#
#   tools/mkroot-debian.sh OUTPUT.cpio.gz INIT [FILE:/PATH]...
#   tools/mkroot-debian.sh --packages      the Debian packages it takes
#
# INIT is the static /init (usr/debian/init.c); each FILE:/PATH is one
# more file for the root (make bench's static bench program), or a whole
# directory when FILE is one (the module build directory,
# /lib/modules/<release>/build, from `make extmod_build_install`).  The root holds the files
# of the packages in PACKAGES below, minus documentation, manual pages and
# translations, plus every shared library `ldd` names for any ELF file in
# it.  ldd on the plugins and Python's extension modules (lib-dynload) as
# well covers what is only dlopen'ed: _sqlite3 brings libsqlite3, _ctypes
# libffi, _ssl libssl.  /etc comes from usr/debian/etc (passwd, group,
# hostname, nsswitch.conf, profile, inputrc) and /etc/ld.so.cache from
# `ldconfig -r` on the staging copy.  The checks the tests run are in
# /usr/share/lantern-tests (usr/debian/tests), what make bench runs in
# /usr/lib/lantern-bench (hello-glibc: usr/debian/bench/hello.c built by
# this machine's gcc).
#
# The archive is rebuilt only when an input changed: this script, INIT,
# usr/debian/, or the version of any installed package (a manifest of
# those is kept next to OUTPUT).  The staging copy lives in
# $DEBROOT_WORK (default: OUTPUT's directory/debian-root).
set -euo pipefail
SELF=$(realpath "$0")
cd "$(dirname "$SELF")/.."

# What a person expects of a small Debian system plus a compiler.  The
# python3.11 / gcc-12 packages are where Debian's "python3" and "gcc"
# meta-packages keep the actual programs.
PACKAGES=(
	base-files bash dash coreutils diffutils util-linux mount procps findutils grep sed
	gawk tar gzip debianutils hostname ncurses-base libc6 libc-bin
	python3 python3-minimal python3.11 python3.11-minimal
	libpython3.11-minimal libpython3.11-stdlib
	gcc gcc-12 cpp cpp-12 libgcc-12-dev libgcc-s1 binutils
	binutils-x86-64-linux-gnu binutils-common make
	libc6-dev libc-dev-bin linux-libc-dev libcrypt-dev
	git perl-base strace gdb file libmagic1 libmagic-mgc kmod
)

# Never needed to run anything: documentation, translations, shell
# completions.  lto1 (31 MiB) is used only by -flto.  git's HTTP(S)
# helpers would pull in libcurl and its TLS/LDAP/Kerberos stack for a
# root without a network.
SKIP_RE='^/usr/share/(doc|doc-base|man|info|locale|lintian|bug|bash-completion|menu|zsh|fish)(/|$)'
SKIP_RE+='|^/usr/lib/gcc/x86_64-linux-gnu/12/lto1$|^/usr/bin/(x86_64-linux-gnu-)?lto-dump(-12)?$'
SKIP_RE+='|^/usr/lib/git-core/(git-remote-https?|git-remote-ftps?|git-http-(fetch|push)|git-imap-send)$'
# The sanitizers' static archives: -fsanitize needs their .so too.
SKIP_RE+='|^/usr/lib/gcc/x86_64-linux-gnu/12/lib(a|hwa|l|t|ub)san[^/]*\.a$'

# The Makefile installs what is missing with scripts/deps.sh.
if [ "${1:-}" = --packages ]; then
	echo "${PACKAGES[*]}"
	exit 0
fi
OUT=${1:?usage: $0 OUTPUT.cpio.gz INIT}
INIT=${2:?usage: $0 OUTPUT.cpio.gz INIT}
WORK=${DEBROOT_WORK:-$(dirname "$OUT")/debian-root}
STAGE=$WORK/root
shift 2
EXTRA=("$@")

say() { echo "  DEBROOT $*" >&2; }
die() { echo "mkroot-debian: $*" >&2; exit 1; }

for p in "${PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		die "package $p is not installed ('make debian-root' installs it)"
done
[ -x "$INIT" ] || die "$INIT: no such program (make builds it)"
for e in "${EXTRA[@]}"; do
	[ -f "${e%%:*}" ] || [ -d "${e%%:*}" ] || die "${e%%:*}: no such file"
done

# The manifest: everything the result depends on.
mkdir -p "$WORK" "$(dirname "$OUT")"
manifest=$WORK/manifest.new
{
	sha256sum "$SELF" "$INIT"
	for e in "${EXTRA[@]}"; do
		if [ -d "${e%%:*}" ]; then
			echo "$e"
			(cd "${e%%:*}" && find . -type f | LC_ALL=C sort | xargs -d '\n' sha256sum)
		else
			echo "$e $(sha256sum <"${e%%:*}")"
		fi
	done
	find usr/debian -type f | LC_ALL=C sort | xargs -d '\n' sha256sum
	dpkg-query -W -f='${Package}:${Architecture} ${Version}\n' | LC_ALL=C sort
} >"$manifest"
if [ -f "$OUT" ] && cmp -s "$manifest" "$WORK/manifest"; then
	rm -f "$manifest"
	touch "$OUT"
	exit 0
fi
start=$SECONDS
say "staging $STAGE from ${#PACKAGES[@]} packages"

# Debian 12 has a merged /usr: /bin, /sbin, /lib, /lib64 are symlinks
# into /usr, but packages still list the old names.
canon() {
	sed -E 's#^/(bin|sbin|lib|lib32|lib64|libx32)/#/usr/\1/#'
}

list=$WORK/files
dpkg -L "${PACKAGES[@]}" | canon | grep -vE "$SKIP_RE" | LC_ALL=C sort -u |
	while IFS= read -r f; do
		# Directories come with their files; a symlink is kept as one.
		if [ -L "$f" ] || [ -f "$f" ]; then
			printf '%s\n' "$f"
		fi
	done >"$list.pkg"
# Python's byte-code: Debian compiles it at install time (py3compile), so
# dpkg does not list it; without it every import compiles from source.
grep -E '^/usr/lib/python3[^/]*/.*\.py$' "$list.pkg" |
	sed -E 's#^(.*)/([^/]*)\.py$#\1/__pycache__/\2.cpython-311.pyc#' |
	while IFS= read -r f; do
		[ -f "$f" ] && printf '%s\n' "$f"
	done >"$list.pyc"
cat "$list.pyc" >>"$list.pkg"

# The shared libraries: ldd of every ELF executable and shared object.
# ldd prints the whole dependency closure of each, so one pass suffices;
# each library is kept with the symlink chain from its soname.
elf_files() {
	while IFS= read -r f; do
		[ -L "$f" ] && continue
		case "$f" in
		*.so | *.so.*) ;;
		*) [ -x "$f" ] || continue ;;
		esac
		LC_ALL=C read -r -N 4 magic <"$f" 2>/dev/null || continue
		[ "$magic" = $'\x7fELF' ] && printf '%s\n' "$f"
	done <"$list.pkg"
}
elf_files >"$list.elf"
xargs -d '\n' -n 64 ldd <"$list.elf" 2>/dev/null |
	awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $2 ~ /^\(0x/ { print $1 }
	     $2 == "=>" && $3 == "not" { print "MISSING " $1 > "/dev/stderr" }' |
	LC_ALL=C sort -u >"$list.libs"
{
	cat "$list.libs"
	xargs -d '\n' -r realpath -e <"$list.libs"
} | canon | LC_ALL=C sort -u >"$list.libs2"
# Debian's alternatives (cc -> gcc, awk -> gawk, c99 ...): maintainer
# scripts make them, dpkg does not list them.  Kept when the program they
# choose on this machine is in the root.
declare -A have=()
while IFS= read -r f; do have[$f]=1; done < <(cat "$list.pkg" "$list.libs2")
for l in /usr/bin/* /usr/sbin/*; do
	[ -L "$l" ] || continue
	alt=$(readlink "$l")
	case "$alt" in /etc/alternatives/*) ;; *) continue ;; esac
	t=$(readlink -f "$l")
	[ -n "${have[$t]:-}" ] && printf '%s\n' "$l" "$alt"
done >"$list.alt"
LC_ALL=C sort -u "$list.pkg" "$list.libs2" "$list.alt" >"$list"

rm -rf "$STAGE"
mkdir -p "$STAGE"
cpio -p -d -m --quiet "$STAGE" <"$list" 2>"$WORK/cpio.log" ||
	die "copying the files failed: $(head -3 "$WORK/cpio.log")"

# The top of the tree: merged-/usr symlinks, mount points, /init.
for d in bin sbin lib lib64; do
	[ -e "$STAGE/usr/$d" ] || mkdir -p "$STAGE/usr/$d"
	ln -sfn "usr/$d" "$STAGE/$d"
done
mkdir -p "$STAGE"/{dev,proc,sys,run,root,home,mnt,tmp,var/tmp,usr/local/bin,etc}
chmod 1777 "$STAGE/tmp" "$STAGE/var/tmp"
chmod 0700 "$STAGE/root"
# With mknod rights the kernel finds /dev/console and gives it to init
# as fds 0-2; without, init opens it from devtmpfs.
mknod -m 600 "$STAGE/dev/console" c 5 1 2>/dev/null || true
cp "$INIT" "$STAGE/init"
chmod 0755 "$STAGE/init"
for f in usr/debian/etc/*; do
	rm -f "$STAGE/etc/${f##*/}"
	cp "$f" "$STAGE/etc/${f##*/}"
done
ln -sfn ../proc/self/mounts "$STAGE/etc/mtab"
# dash's postinst makes /bin/sh; dpkg does not list it.
[ -e "$STAGE/usr/bin/sh" ] || ln -sfn dash "$STAGE/usr/bin/sh"
install -m 0755 usr/debian/poweroff "$STAGE/usr/sbin/poweroff"
mkdir -p "$STAGE/usr/share/lantern-tests"
cp -r usr/debian/tests/. "$STAGE/usr/share/lantern-tests/"
ln -sfn /usr/share/lantern-tests/run-all "$STAGE/usr/local/bin/lantern-tests"
mkdir -p "$STAGE/usr/lib/lantern-bench"
cp usr/debian/bench/hello.c "$STAGE/usr/lib/lantern-bench/hello.c"
gcc -O2 -o "$STAGE/usr/lib/lantern-bench/hello-glibc" usr/debian/bench/hello.c
for e in "${EXTRA[@]}"; do
	mkdir -p "$STAGE$(dirname "${e#*:}")"
	if [ -d "${e%%:*}" ]; then
		rm -rf "$STAGE${e#*:}"
		cp -r "${e%%:*}" "$STAGE${e#*:}"
	else
		install -m 0755 "${e%%:*}" "$STAGE${e#*:}"
	fi
done

# The loader's cache, made against the staging tree only.
ldconfig -X -r "$STAGE" 2>"$WORK/ldconfig.log" ||
	die "ldconfig -r failed: $(head -3 "$WORK/ldconfig.log")"

# GNU cpio writes a hard-linked file's data with its last link only,
# which Lantern's initramfs unpacker does not expect (it keeps the data of
# the first).  The few hard links in these packages (perl, perl5.36.0)
# become symlinks to the first name.
find "$STAGE" -type f -links +1 -printf '%i %P\n' | LC_ALL=C sort -n |
	while read -r ino path; do
		if [ "$ino" = "${last_ino:-}" ]; then
			ln -sfn "/$first" "$STAGE/$path"
		else
			last_ino=$ino first=$path
		fi
	done

say "archiving $(du -sm "$STAGE" | cut -f1) MiB"
(cd "$STAGE" && find . -print0 | LC_ALL=C sort -z |
	cpio -o -0 -H newc -R 0:0 --quiet) | gzip -6n >"$OUT.tmp"
mv -f "$OUT.tmp" "$OUT"
mv -f "$manifest" "$WORK/manifest"
say "$OUT: $(du -m "$OUT" | cut -f1) MiB compressed, $(du -sm "$STAGE" | cut -f1) MiB unpacked, $(find "$STAGE" | wc -l) files, $((SECONDS - start)) s"
