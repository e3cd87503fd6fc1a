// SPDX-License-Identifier: GPL-2.0
/*
 * sig_coredump: a process killed by SIGSEGV (or SIGABRT) writes an ELF
 * core file when RLIMIT_CORE allows, named by core_pattern, and its wait
 * status has WCOREDUMP; the core holds a PT_NOTE with NT_PRSTATUS (the
 * signal) and the process's memory in PT_LOAD segments.  RLIMIT_CORE 0
 * or PR_SET_DUMPABLE 0 mean no core and no WCOREDUMP.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define PROC	"/t_core_proc"
#define DIR	"/t_core_dir"
#define MARKER	"lantern-core-marker-1234"

static char saved_pattern[256];

static int set_pattern(const char *p)
{
	int fd = open(PROC "/sys/kernel/core_pattern", O_WRONLY);
	int ok;

	if (fd < 0)
		return -1;
	ok = write(fd, p, strlen(p)) == (ssize_t)strlen(p);
	close(fd);
	return ok ? 0 : -1;
}

/* A child that dies of @sig with RLIMIT_CORE @limit; returns its status. */
static int crash(int sig, rlim_t limit, int dumpable)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		struct rlimit rl = { limit, limit };
		volatile char *marker = malloc(4096);

		strcpy((char *)marker, MARKER);
		setrlimit(RLIMIT_CORE, &rl);
		if (!dumpable)
			prctl(PR_SET_DUMPABLE, 0);
		signal(sig, SIG_DFL);
		if (sig == SIGSEGV)
			*(volatile int *)0 = marker[0];
		raise(sig);
		_exit(1);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : st.st_size;
}

LT_CASE(segv_core)
{
	static char buf[1 << 20];
	Elf64_Ehdr *eh = (Elf64_Ehdr *)buf;
	Elf64_Phdr *ph;
	int fd, status, i, loads = 0, signo = 0;
	ssize_t n;

	unlink(DIR "/core");
	LT_CHECK_OK(set_pattern("core"));
	status = crash(SIGSEGV, RLIM_INFINITY, 1);
	LT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	LT_CHECK(WCOREDUMP(status));
	fd = open(DIR "/core", O_RDONLY);
	LT_CHECK(fd >= 0);
	if (fd < 0)
		return;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	LT_CHECK(n > (ssize_t)sizeof(*eh));
	LT_CHECK(!memcmp(eh->e_ident, ELFMAG, SELFMAG));
	LT_CHECK_EQ(eh->e_type, ET_CORE);
	LT_CHECK_EQ(eh->e_machine, EM_X86_64);
	ph = (Elf64_Phdr *)(buf + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD)
			loads++;
		if (ph[i].p_type == PT_NOTE && ph[i].p_offset + 12 + 8 + 4 < (size_t)n) {
			Elf64_Nhdr *nh = (Elf64_Nhdr *)(buf + ph[i].p_offset);

			/* The first note is NT_PRSTATUS; its first word the signal. */
			LT_CHECK_EQ(nh->n_type, NT_PRSTATUS);
			signo = *(int *)((char *)(nh + 1) + ((nh->n_namesz + 3) & ~3));
		}
	}
	LT_CHECK(loads > 0);
	LT_CHECK_EQ(signo, SIGSEGV);
	LT_CHECK(memmem(buf, n, MARKER, strlen(MARKER)) != NULL ||
		 file_size(DIR "/core") > (long)sizeof(buf));
	unlink(DIR "/core");
}

LT_CASE(pattern_and_limits)
{
	char name[64];
	int status;
	pid_t pid;

	LT_CHECK_OK(set_pattern("core.%s.%%"));
	status = crash(SIGABRT, RLIM_INFINITY, 1);
	LT_CHECK(WIFSIGNALED(status) && WCOREDUMP(status));
	snprintf(name, sizeof(name), DIR "/core.%d.%%", SIGABRT);
	LT_CHECK(file_size(name) > 0);
	unlink(name);

	/* No core: the limit is 0 (the default), or the process is not dumpable. */
	LT_CHECK_OK(set_pattern("nocore"));
	status = crash(SIGSEGV, 0, 1);
	LT_CHECK(WIFSIGNALED(status) && !WCOREDUMP(status));
	status = crash(SIGSEGV, RLIM_INFINITY, 0);
	LT_CHECK(WIFSIGNALED(status) && !WCOREDUMP(status));
	LT_CHECK_EQ(file_size(DIR "/nocore"), -1);
	/* SIGTERM never dumps. */
	status = crash(SIGTERM, RLIM_INFINITY, 1);
	LT_CHECK(WIFSIGNALED(status) && !WCOREDUMP(status));
	LT_CHECK_EQ(file_size(DIR "/nocore"), -1);

	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(1);
		_exit(set_pattern("x") == -1 ? 0 : 2);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(prctl(PR_GET_DUMPABLE), 1);
}

LT_CASE(coredump_filter)
{
	char buf[32] = "";

	LT_CHECK(lt_read_file(PROC "/self/coredump_filter", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "00000033\n"));
}

int main(void)
{
	int fd, ret;
	ssize_t n;

	mkdir(PROC, 0555);
	mount("proc", PROC, "proc", 0, NULL);
	mkdir(DIR, 0777);
	if (chdir(DIR))
		return 1;
	fd = open(PROC "/sys/kernel/core_pattern", O_RDONLY);
	n = fd >= 0 ? read(fd, saved_pattern, sizeof(saved_pattern) - 1) : 0;
	saved_pattern[n > 0 ? n : 0] = 0;
	if (fd >= 0)
		close(fd);
	lt_begin("sig_coredump");
	LT_RUN(segv_core);
	LT_RUN(pattern_and_limits);
	LT_RUN(coredump_filter);
	ret = lt_end();
	if (saved_pattern[0])
		set_pattern(saved_pattern);
	return ret;
}
