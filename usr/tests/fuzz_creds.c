// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_creds: a bounded random pass over this new calls --
 * capget/capset, prctl, seccomp, add_key/request_key/keyctl, ustat,
 * sysfs, and the pty ioctls -- with arguments drawn from good values,
 * special values, small and huge numbers, and valid, NULL and bad
 * pointers.  Nothing is checked but that the kernel survives: each batch
 * runs in a child as an unprivileged user (so it can only hurt itself)
 * that may end any way it likes, even killed by its own seccomp filter.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define BATCHES		100
#define CALLS		40

static unsigned long long seed = 88172645463325252ULL;
static char buf[8192];

static unsigned long long rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

static long arg(void)
{
	static const long special[] = {
		0, 1, 2, 3, 4, 7, 8, 15, 16, 21, 22, 23, 24, 40, 47, 64, 4096, -1, -2, -3, -4, -5,
		-6, -7, -8, 0x7fffffff, 0x80000000L, 0x19980330, 0x20071026, 0x20080522,
		0x3f3f3f3f, 0x5401, 0x5405, 0x80045430, 0x40045431, 0x5441,
	};

	switch (rnd() % 6) {
	case 0:
		return special[rnd() % (sizeof(special) / sizeof(special[0]))];
	case 1:
		return (long)(buf + rnd() % 64);	/* a valid buffer */
	case 2:
		return (long)"user";			/* a valid string */
	case 3:
		return rnd() % 2 ? 0 : (long)(rnd() | 0xffff800000000000ULL);	/* NULL, kernel */
	case 4:
		return (long)(rnd() % 1000);
	default:
		return (long)rnd();
	}
}

static void one_call(int ptm)
{
	static const long calls[] = {
		SYS_capget, SYS_capset, SYS_prctl, SYS_seccomp, SYS_add_key, SYS_request_key,
		SYS_keyctl, SYS_ustat, SYS_sysfs, SYS_ioctl,
	};
	long nr = calls[rnd() % (sizeof(calls) / sizeof(calls[0]))];
	long a[5];

	for (int i = 0; i < 5; i++)
		a[i] = arg();
	if (nr == SYS_ioctl)
		a[0] = ptm;
	/* Random bytes in the buffer: random BPF, random cap data, random strings. */
	for (int i = 0; i < 64; i++)
		buf[rnd() % 256] = rnd();
	buf[sizeof(buf) - 1] = 0;
	syscall(nr, a[0], a[1], a[2], a[3], a[4]);
}

LT_CASE(random_calls)
{
	for (int b = 0; b < BATCHES; b++) {
		unsigned long long s = rnd();
		pid_t pid = fork();

		LT_CHECK(pid >= 0);
		if (pid == 0) {
			int ptm = open("/dev/ptmx", O_RDWR | O_NOCTTY);

			seed = s | 1;
			alarm(10);
			if (setresgid(4242, 4242, 4242) || setresuid(4242, 4242, 4242))
				_exit(1);
			for (int i = 0; i < CALLS; i++)
				one_call(ptm);
			_exit(0);
		}
		/* Any end is fine: the point is that the kernel is still here. */
		LT_CHECK(lt_wait(pid) >= 0);
	}
	LT_CHECK(getpid() > 0);
}

int main(void)
{
	lt_begin("fuzz_creds");
	memset(buf, 0, sizeof(buf));
	/* A pty to aim the ioctls at (the test initramfs has no /dev/ptmx). */
	mknod("/dev/ptmx", S_IFCHR | 0666, makedev(5, 2));
	mkdir("/dev/pts", 0755);
	mount("devpts", "/dev/pts", "devpts", 0, "ptmxmode=0666");
	LT_RUN(random_calls);
	return lt_end();
}
