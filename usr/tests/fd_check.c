// SPDX-License-Identifier: GPL-2.0
/*
 * fd_check: the far side of fs_files' close-on-exec test.  Each argument is
 * "<fd>=open" or "<fd>=closed"; fd_check asks fcntl(fd, F_GETFD) about each
 * and exits 0 when every fd is as described, 1 otherwise, after printing a
 * "# fd_check: ..." line per mismatch.  An open fd must have FD_CLOEXEC
 * clear (exec keeps only those).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int i, errors = 0;

	for (i = 1; i < argc; i++) {
		char line[256], *eq = strchr(argv[i], '=');
		int fd = atoi(argv[i]), r, n;

		errno = 0;
		r = fcntl(fd, F_GETFD);
		if (eq && !strcmp(eq + 1, "closed") && r == -1 && errno == EBADF)
			continue;
		if (eq && !strcmp(eq + 1, "open") && r == 0)
			continue;
		n = snprintf(line, sizeof(line), "# fd_check: %s: F_GETFD gave %d (errno %d)\n",
			     argv[i], r, errno);
		(void)!write(1, line, n);
		errors++;
	}
	return errors ? 1 : 0;
}
