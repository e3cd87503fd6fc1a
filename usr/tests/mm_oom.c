// SPDX-License-Identifier: GPL-2.0
/*
 * mm_oom: the OOM killer and its /proc files.  oom_score_adj takes
 * -1000..1000 and is inherited by fork; lowering it below what a
 * privileged writer last set needs CAP_SYS_RESOURCE; oom_adj is the old
 * -17..15 scale onto the same value; oom_score follows the adjustment
 * and is 0 at -1000.  A process that touches memory until none is left
 * is killed with SIGKILL, and a process at -1000 is spared -- and keeps
 * working: rereading its own file throughout sees neither EIO nor SIGBUS.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define PROC	"/t_oom_proc"		/* the test initramfs mounts nothing */
#define CHUNK	(4L << 20)

static int write_str(const char *file, const char *val)
{
	char path[64];
	int fd, ret;

	snprintf(path, sizeof(path), PROC "/self/%s", file);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	ret = write(fd, val, strlen(val)) == (ssize_t)strlen(val) ? 0 : -1;
	close(fd);
	return ret;
}

static long read_long(const char *file)
{
	char path[64], buf[32];

	snprintf(path, sizeof(path), PROC "/self/%s", file);
	if (lt_read_file(path, buf, sizeof(buf)) <= 0)
		return -99999;
	return strtol(buf, NULL, 10);
}

/* Touch memory in 4 MiB steps until killed; exit 3 after 8 GiB (never killed). */
static void hog(const char *adj)
{
	if (adj && write_str("oom_score_adj", adj))
		_exit(2);
	for (int i = 0; i < 2048; i++) {
		char *p = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);

		if (p == MAP_FAILED) {
			usleep(1000);
			continue;
		}
		memset(p, i | 1, CHUNK);
	}
	_exit(3);
}

LT_CASE(adj_values)
{
	long low;

	LT_CHECK_EQ(read_long("oom_score_adj"), 0);
	low = read_long("oom_score");
	LT_CHECK(low >= 0 && low <= 1000);
	LT_CHECK_OK(write_str("oom_score_adj", "500"));
	LT_CHECK_EQ(read_long("oom_score_adj"), 500);
	LT_CHECK(read_long("oom_score") > low);
	LT_CHECK_ERR(write_str("oom_score_adj", "1001"), EINVAL);
	LT_CHECK_ERR(write_str("oom_score_adj", "-1001"), EINVAL);
	LT_CHECK_ERR(write_str("oom_score_adj", "lots"), EINVAL);
	LT_CHECK_EQ(read_long("oom_score_adj"), 500);
	/* The old scale: 15 is the top, -17 exempts. */
	LT_CHECK_OK(write_str("oom_score_adj", "1000"));
	LT_CHECK_EQ(read_long("oom_adj"), 15);
	LT_CHECK_OK(write_str("oom_adj", "-17"));
	LT_CHECK_EQ(read_long("oom_score_adj"), -1000);
	LT_CHECK_EQ(read_long("oom_score"), 0);
	LT_CHECK_ERR(write_str("oom_adj", "16"), EINVAL);
	LT_CHECK_OK(write_str("oom_adj", "0"));
	LT_CHECK_EQ(read_long("oom_score_adj"), 0);
}

LT_CASE(inherited_and_privilege)
{
	pid_t pid;

	LT_CHECK_OK(write_str("oom_score_adj", "300"));
	pid = fork();
	if (pid == 0) {
		if (read_long("oom_score_adj") != 300)
			_exit(1);
		/* Set while privileged: the floor for the unprivileged is 100. */
		if (write_str("oom_score_adj", "100") || setuid(65534) ||
		    prctl(PR_SET_DUMPABLE, 1))
			_exit(2);
		if (write_str("oom_score_adj", "400") || write_str("oom_score_adj", "150"))
			_exit(3);
		if (write_str("oom_score_adj", "50") != -1 || errno != EACCES)
			_exit(4);
		if (write_str("oom_adj", "-3") != -1 || errno != EACCES)
			_exit(5);
		_exit(read_long("oom_score_adj") == 150 ? 0 : 6);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(write_str("oom_score_adj", "0"));
}

/* The biggest process at 1000 goes; the one at -1000 holding memory stays. */
LT_CASE(hog_is_killed)
{
	int ready[2];
	pid_t spared, hungry;
	char c;

	LT_CHECK_OK(pipe(ready));
	spared = fork();
	if (spared == 0) {
		char *p = mmap(NULL, 8 * CHUNK, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED || write_str("oom_score_adj", "-1000"))
			_exit(2);
		memset(p, 1, 8 * CHUNK);
		if (write(ready[1], "r", 1) != 1)
			_exit(3);
		for (;;)
			pause();
	}
	LT_CHECK(spared > 0);
	LT_CHECK_EQ(read(ready[0], &c, 1), 1);
	hungry = fork();
	if (hungry == 0)
		hog("1000");
	LT_CHECK_WAIT(hungry, LT_KILLED(SIGKILL));
	/* Still there, until we end it. */
	LT_CHECK_OK(kill(spared, 0));
	LT_CHECK_EQ(waitpid(spared, NULL, WNOHANG), 0);
	kill(spared, SIGKILL);
	LT_CHECK_WAIT(spared, LT_KILLED(SIGKILL));
	close(ready[0]);
	close(ready[1]);
}

static volatile sig_atomic_t stop_reading;

static void on_usr1(int sig)
{
	(void)sig;
	stop_reading = 1;
}

/* A byte sum of this program's file, read a page at a time; -1 on an error. */
static long sum_of_exe(int fd, char *buf)
{
	long sum = 0;
	off_t off = 0;
	ssize_t n;

	while ((n = pread(fd, buf, 4096, off)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			sum += (unsigned char)buf[i];
		off += n;
	}
	return n < 0 ? -1 : sum;
}

/*
 * A process that keeps working while a hog eats every page must not be
 * hurt by the shortage: on a disk root its text and the file it reads
 * leave the page cache, and bringing them back needs memory (the buffer
 * cache, a bio) that the allocator must find by killing the hog, not
 * fail as an I/O error (EIO from read, SIGBUS on a text fault).
 */
LT_CASE(reader_survives_pressure)
{
	int ready[2];
	pid_t reader, hungry;
	char c;

	LT_CHECK_OK(pipe(ready));
	reader = fork();
	if (reader == 0) {
		static char buf[4096];
		int fd = open(PROC "/self/exe", O_RDONLY);
		long want, got;

		signal(SIGUSR1, on_usr1);
		if (fd < 0 || write_str("oom_score_adj", "-1000"))
			_exit(2);
		want = sum_of_exe(fd, buf);
		if (want < 0 || write(ready[1], "r", 1) != 1)
			_exit(3);
		while (!stop_reading) {
			got = sum_of_exe(fd, buf);
			if (got < 0)
				_exit(4);
			if (got != want)
				_exit(5);
		}
		_exit(0);
	}
	LT_CHECK(reader > 0);
	LT_CHECK_EQ(read(ready[0], &c, 1), 1);
	hungry = fork();
	if (hungry == 0)
		hog("1000");
	LT_CHECK_WAIT(hungry, LT_KILLED(SIGKILL));
	LT_CHECK_OK(kill(reader, SIGUSR1));
	LT_CHECK_WAIT(reader, LT_EXITED(0));
	close(ready[0]);
	close(ready[1]);
}

int main(void)
{
	mkdir(PROC, 0555);
	mount("proc", PROC, "proc", 0, NULL);
	lt_begin("mm_oom");
	/* This program must outlive its hogs whatever the scores say. */
	if (write_str("oom_score_adj", "0")) {
		lt_note("no oom_score_adj: %s", lt_errname(errno));
		return 1;
	}
	LT_RUN(adj_values);
	LT_RUN(inherited_and_privilege);
	LT_RUN(hog_is_killed);
	LT_RUN(reader_survives_pressure);
	umount(PROC);
	rmdir(PROC);
	return lt_end();
}
