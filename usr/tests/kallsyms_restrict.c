// SPDX-License-Identifier: GPL-2.0
/*
 * kallsyms_restrict: /proc/kallsyms lists the kernel's symbols to anyone
 * ("<address> <type> <name>" a line), but the addresses only to CAP_SYSLOG,
 * and to nobody at all once kernel.kptr_restrict is 2.  Everyone else
 * reads zeros.  Only the first lines are read: Linux's table is long.
 * /proc is mounted here, as the test system has none.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lt.h"

#define PROC	"/kallsyms_proc"
#define KALLSYMS	PROC "/kallsyms"
#define KPTR_RESTRICT	PROC "/sys/kernel/kptr_restrict"
#define NOBODY	65534
#define LINES	3000

/*
 * Read the first LINES lines: -1 if one is malformed or none has a text
 * symbol (type t or T), else how many text symbols had a kernel address
 * (at or above 0xffffffff80000000) and, in *zeros, how many showed 0.
 */
static int scan(int *zeros)
{
	FILE *f = fopen(KALLSYMS, "r");
	char line[512], type, name[256];
	unsigned long long addr;
	int text = 0, kernel = 0;

	*zeros = 0;
	if (!f)
		return -1;
	for (int i = 0; i < LINES && fgets(line, sizeof(line), f); i++) {
		if (strlen(line) < 20 || line[16] != ' ' || line[18] != ' ' ||
		    sscanf(line, "%16llx %c %255s", &addr, &type, name) != 3) {
			fclose(f);
			return -1;
		}
		if (type != 't' && type != 'T')
			continue;
		text++;
		if (addr >= 0xffffffff80000000ULL)
			kernel++;
		else if (addr == 0)
			(*zeros)++;
	}
	fclose(f);
	return text ? kernel : -1;
}

static int write_text(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

LT_CASE(root_sees_addresses)
{
	int zeros;

	LT_CHECK_OK(write_text(KPTR_RESTRICT, "0\n"));
	LT_CHECK(scan(&zeros) > 0);
	LT_CHECK_EQ(zeros, 0);
}

LT_CASE(nobody_sees_zeros)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int zeros;

		if (setgroups(0, NULL) || setresgid(NOBODY, NOBODY, NOBODY) ||
		    setresuid(NOBODY, NOBODY, NOBODY))
			LT_FAIL("cannot become nobody: %s", lt_errname(errno));
		LT_CHECK_EQ(scan(&zeros), 0);
		LT_CHECK(zeros > 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(kptr_restrict_2_hides_from_root)
{
	int zeros;

	LT_CHECK_OK(write_text(KPTR_RESTRICT, "2\n"));
	LT_CHECK_EQ(scan(&zeros), 0);
	LT_CHECK(zeros > 0);
	LT_CHECK_OK(write_text(KPTR_RESTRICT, "0\n"));
	LT_CHECK(scan(&zeros) > 0);
}

int main(void)
{
	lt_begin("kallsyms_restrict");
	mkdir(PROC, 0755);
	if (mount("proc", PROC, "proc", 0, NULL))
		lt_note("mount proc: %s", strerror(errno));
	LT_RUN(root_sees_addresses);
	LT_RUN(nobody_sees_zeros);
	LT_RUN(kptr_restrict_2_hides_from_root);
	umount(PROC);
	rmdir(PROC);
	return lt_end();
}
