// SPDX-License-Identifier: GPL-2.0
/*
 * syscall-demo NR [ARG...]: make system call number NR with up to six
 * integer arguments and print what it returned, for trying a call from
 * the busybox shell that no applet makes:
 *
 *	syscall-demo 179           (quotactl: not in Lantern, -ENOSYS)
 *	dmesg | tail -n 1          (logged once, at KERN_DEBUG)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	long a[6] = { 0 }, ret;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: syscall-demo NR [ARG...]\n");
		return 2;
	}
	for (i = 2; i < argc && i < 8; i++)
		a[i - 2] = strtol(argv[i], NULL, 0);
	ret = syscall(strtol(argv[1], NULL, 0), a[0], a[1], a[2], a[3], a[4], a[5]);
	if (ret == -1)
		printf("-1 (%s)\n", strerror(errno));
	else
		printf("%ld\n", ret);
	return 0;
}
