// SPDX-License-Identifier: GPL-2.0
/*
 * proc_acct: BSD process accounting.  With acct(2) on, an exiting child
 * leaves a version-3 record naming it, its parent, its exit status and
 * that it never exec'd (AFORK); acct(NULL) stops it; errors as Linux.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define FILE_PATH	"/tmp_acct_file"

struct acct_v3 {
	char ac_flag, ac_version;
	uint16_t ac_tty;
	uint32_t ac_exitcode, ac_uid, ac_gid, ac_pid, ac_ppid, ac_btime;
	float ac_etime;
	uint16_t ac_utime, ac_stime, ac_mem, ac_io, ac_rw, ac_minflt, ac_majflt, ac_swaps;
	char ac_comm[16];
};

LT_CASE(records)
{
	struct acct_v3 rec;
	int fd, found = 0;
	pid_t pid;

	fd = open(FILE_PATH, O_CREAT | O_TRUNC | O_RDWR, 0600);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(acct(FILE_PATH));
	pid = fork();
	if (pid == 0) {
		prctl(PR_SET_NAME, "acct_child");
		_exit(3);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(3));
	LT_CHECK_OK(acct(NULL));
	LT_CHECK_EQ(sizeof(rec), 64);
	while (read(fd, &rec, sizeof(rec)) == sizeof(rec)) {
		if (rec.ac_pid != (uint32_t)pid)
			continue;
		found = 1;
		LT_CHECK_EQ(rec.ac_version & 0x7f, 3);
		LT_CHECK(!strcmp(rec.ac_comm, "acct_child"));
		LT_CHECK_EQ(rec.ac_exitcode, 3 << 8);
		LT_CHECK_EQ(rec.ac_ppid, (uint32_t)getpid());
		LT_CHECK_EQ(rec.ac_uid, getuid());
		LT_CHECK(rec.ac_flag & 0x01);		/* AFORK */
		LT_CHECK(rec.ac_etime >= 0 && rec.ac_etime < 1000);
	}
	LT_CHECK(found);
	close(fd);
	unlink(FILE_PATH);
}

LT_CASE(errors)
{
	pid_t pid;

	LT_CHECK_ERR(acct("/"), EISDIR);
	LT_CHECK_ERR(acct("/does/not/exist"), ENOENT);
	LT_CHECK_ERR(acct((char *)1), EFAULT);
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(1);
		_exit(acct(NULL) == -1 && errno == EPERM ? 0 : 2);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("proc_acct");
	LT_RUN(records);
	LT_RUN(errors);
	return lt_end();
}
