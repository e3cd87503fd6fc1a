// SPDX-License-Identifier: GPL-2.0
/*
 * glibc_pty: glibc's pseudo-terminal calls on Lantern's ptys.  glibc's
 * posix_openpt/grantpt/unlockpt/ptsname and openpty take their own paths
 * through the ioctls (grantpt validates with TIOCGPTN, ptsname stats the
 * slave and checks it is a devpts node), so they are tested apart from
 * musl's (tests/pty).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "lt.h"

LT_CASE(openpt_grant_unlock)
{
	char buf[16], *name;
	struct pollfd p;
	int m, s;

	m = posix_openpt(O_RDWR | O_NOCTTY);
	LT_CHECK(m >= 0);
	LT_CHECK_OK(grantpt(m));
	LT_CHECK_OK(unlockpt(m));
	name = ptsname(m);
	LT_CHECK(name && !strncmp(name, "/dev/pts/", 9));
	s = open(name, O_RDWR | O_NOCTTY);
	LT_CHECK(s >= 0);
	LT_CHECK_EQ(write(m, "hi\n", 3), 3);
	p = (struct pollfd){ .fd = s, .events = POLLIN };
	LT_CHECK_EQ(poll(&p, 1, 2000), 1);
	LT_CHECK_EQ(read(s, buf, sizeof(buf)), 3);
	LT_CHECK(!memcmp(buf, "hi\n", 3));
	/* Not a pty master: glibc says EINVAL (grantpt) or ENOTTY (ptsname). */
	LT_CHECK_ERR(grantpt(s), EINVAL);
	LT_CHECK(ptsname(s) == NULL);
	close(s);
	close(m);
}

LT_CASE(openpty)
{
	struct winsize ws = { .ws_row = 10, .ws_col = 20 }, got;
	char name[64];
	int m, s;

	LT_CHECK_OK(openpty(&m, &s, name, NULL, &ws));
	LT_CHECK(!strncmp(name, "/dev/pts/", 9));
	LT_CHECK_OK(ioctl(s, TIOCGWINSZ, &got));
	LT_CHECK(got.ws_row == 10 && got.ws_col == 20);
	LT_CHECK(isatty(s));
	close(s);
	close(m);
}

int main(void)
{
	lt_begin("glibc_pty");
	mknod("/dev/ptmx", S_IFCHR | 0666, makedev(5, 2));
	mkdir("/dev/pts", 0755);
	mount("devpts", "/dev/pts", "devpts", 0, "ptmxmode=0666");
	LT_RUN(openpt_grant_unlock);
	LT_RUN(openpty);
	return lt_end();
}
