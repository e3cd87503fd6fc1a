// SPDX-License-Identifier: GPL-2.0
/*
 * proc_exec: execve.  Successful execs run a helper that checks what
 * arrived and exits 0: exec_check (arguments, environment, auxiliary
 * vector, #! scripts, what survives exec) and exec_start (the registers and
 * stack layout at the first instruction).  Failing execs run in a child,
 * so that an exec that wrongly succeeds cannot replace this program; the
 * environment then says LT_MODE=exit LT_CODE=77 and shows up as "exit 77".
 */
#define _GNU_SOURCE
#include <grp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"

#define CHECK		"/tests/exec_check"
#define MAX_ARG_STRLEN	(32 * 4096)	/* one string, with its NUL */

static char *const exit77_env[] = { "LT_MODE=exit", "LT_CODE=77", NULL };

/* Fork; the child execs and must exit with status WANT. */
#define CHECK_EXEC(path, argv, envp, want) do {				\
	pid_t p_ = fork();						\
	LT_CHECK(p_ >= 0);						\
	if (p_ == 0) {							\
		execve((path), (argv), (envp));				\
		LT_FAIL("execve(%s): %s", (path), lt_errname(errno));	\
	}								\
	LT_CHECK_WAIT(p_, LT_EXITED(want));				\
} while (0)

/* Fork; in the child the raw execve must fail with ERR. */
#define CHECK_EXEC_ERR(path, argv, envp, err) do {			\
	pid_t p_ = fork();						\
	LT_CHECK(p_ >= 0);						\
	if (p_ == 0) {							\
		LT_CHECK_ERR(syscall(SYS_execve, (path), (argv), (envp)), (err)); \
		_exit(0);						\
	}								\
	LT_CHECK_WAIT(p_, LT_EXITED(0));				\
} while (0)

/* Drop to uid/gid 1000 (in a child). */
static int become_user(void)
{
	return setgroups(0, NULL) || setresgid(1000, 1000, 1000) ||
	       setresuid(1000, 1000, 1000) ? -1 : 0;
}

/* FNV-1a over each string and its NUL, as exec_check computes it. */
static uint64_t hash_str(uint64_t h, const char *s)
{
	do {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	} while (*s++);
	return h;
}

static char *dup_filled(const char *prefix, int i, size_t fill, char c)
{
	size_t n = strlen(prefix) + 16 + fill;
	char *s = malloc(n);
	int len;

	if (!s)
		return NULL;
	len = snprintf(s, n, "%s%d=", prefix, i);
	memset(s + len, c, fill);
	s[len + fill] = '\0';
	return s;
}

/* 2000 arguments and ~200 KiB of environment arrive intact. */
LT_CASE(many_args_big_env)
{
	enum { ARGC = 2000, ENVC = 400 };
	static char *argv[ARGC + 1], *envp[ENVC + 2];
	static char sum[64];
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t env_bytes = 0;
	int i;

	argv[0] = "exec_check";
	argv[1] = sum;
	for (i = 2; i < ARGC; i++) {
		argv[i] = dup_filled("arg", i, i % 61, 'a' + i % 26);
		LT_CHECK(argv[i]);
		h = hash_str(h, argv[i]);
	}
	envp[0] = "LT_MODE=sum";
	h = hash_str(h, envp[0]);
	for (i = 1; i <= ENVC; i++) {
		envp[i] = dup_filled("LT_BIG", i, 500 + i % 17, 'A' + i % 26);
		LT_CHECK(envp[i]);
		env_bytes += strlen(envp[i]) + 1;
		h = hash_str(h, envp[i]);
	}
	LT_CHECK(env_bytes >= 200 * 1024);
	snprintf(sum, sizeof(sum), "%d:%d:%016llx", ARGC, ENVC + 1, (unsigned long long)h);
	CHECK_EXEC(CHECK, argv, envp, 0);
	for (i = 2; i < ARGC; i++)
		free(argv[i]);
	for (i = 1; i <= ENVC; i++)
		free(envp[i]);
}

static void auxv_env(char **envp, char bufs[][48], unsigned int uid, unsigned int euid,
		     unsigned int gid, int secure, const char *path, const char *comm)
{
	snprintf(bufs[0], 48, "LT_UID=%u", uid);
	snprintf(bufs[1], 48, "LT_EUID=%u", euid);
	snprintf(bufs[2], 48, "LT_GID=%u", gid);
	snprintf(bufs[3], 48, "LT_EGID=%u", gid);
	snprintf(bufs[4], 48, "LT_SECURE=%d", secure);
	snprintf(bufs[5], 48, "LT_PATH=%s", path);
	snprintf(bufs[6], 48, "LT_COMM=%s", comm);
	for (int i = 0; i < 7; i++)
		envp[i] = bufs[i];
	envp[7] = "LT_MODE=auxv";
	envp[8] = "LT_ARG0=renamed-argv0";
	envp[9] = NULL;
}

/*
 * The auxiliary vector describes the program (AT_PHDR/PHNUM/ENTRY), the
 * credentials, AT_EXECFN is the path given to execve while argv[0] is what
 * the caller chose, and the task name comes from the path.
 */
LT_CASE(auxv_root)
{
	char *argv[] = { "renamed-argv0", NULL }, *envp[10], bufs[7][48];

	auxv_env(envp, bufs, 0, 0, 0, 0, CHECK, "exec_check");
	CHECK_EXEC(CHECK, argv, envp, 0);
}

LT_CASE(auxv_user)
{
	char *argv[] = { "renamed-argv0", NULL }, *envp[10], bufs[7][48];
	pid_t pid;

	auxv_env(envp, bufs, 1000, 1000, 1000, 0, CHECK, "exec_check");
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(become_user());
		execve(CHECK, argv, envp);
		LT_FAIL("execve as uid 1000: %s", lt_errname(errno));
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/*
 * A set-user-ID root program run by uid 1000: euid 0, and AT_SECURE set.
 * The program is exec_start, which has no libc start-up code: musl's
 * would poll fds 0-2 in a secure program (poll is not in this milestone).
 */
LT_CASE(setuid_program)
{
	char *argv[] = { "argc=1 uid=1000 euid=0", NULL };
	pid_t pid;

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(become_user());
		execve("/tests/data/suid-start", argv, NULL);
		LT_FAIL("execve as uid 1000: %s", lt_errname(errno));
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* The same program without the set-user-ID bit: no change. */
	argv[0] = "argc=1 uid=0 euid=0";
	CHECK_EXEC("/tests/exec_start", argv, NULL, 0);
}

/*
 * Registers, flags, FPU control and stack layout at _start, for every
 * parity of argc + envc (the kernel pads to keep %rsp 16-byte aligned).
 */
LT_CASE(start_state)
{
	char *envs[] = { "A=1", "BB=22", "CCC=333", NULL };
	char *argv[4], arg0[16];
	int argc, envc;

	for (argc = 1; argc <= 3; argc++) {
		snprintf(arg0, sizeof(arg0), "argc=%d", argc);
		argv[0] = arg0;
		argv[1] = "one";
		argv[2] = "three";
		argv[argc] = NULL;
		for (envc = 0; envc <= 3; envc++) {
			char *envp[4] = { NULL };

			memcpy(envp, envs, envc * sizeof(char *));
			CHECK_EXEC("/tests/exec_start", argv, envp, 0);
		}
	}
	/* NULL envp: an empty environment. */
	argv[0] = "argc=1";
	argv[1] = NULL;
	CHECK_EXEC("/tests/exec_start", argv, NULL, 0);
}

/*
 * Since Linux 5.18 an empty argv becomes { "" }: argc is 1 for programs
 * that assume argv[0] exists.
 */
LT_CASE(null_argv)
{
	char *envp[] = { "LT_MODE=argv", "LT_ARGC=1", "LT_ARG0=", NULL };
	char *empty[] = { NULL };

	CHECK_EXEC(CHECK, NULL, envp, 0);
	CHECK_EXEC(CHECK, empty, envp, 0);
}

/*
 * "#!interpreter [one-argument]": argv becomes the interpreter as written,
 * the optional argument (everything after the blanks that follow the
 * interpreter, trailing blanks removed: one argument, inner blanks kept),
 * the script path as given to execve, then the original argv[1..];
 * the original argv[0] is dropped.
 */
LT_CASE(script_with_arg)
{
	char *argv[] = { "dropped", "a", "b c", NULL };
	char *envp[] = { "LT_MODE=argv", "LT_ARGC=5", "LT_ARG0=/tests/exec_check",
			 "LT_ARG1=optarg", "LT_ARG2=/tests/data/script-arg",
			 "LT_ARG3=a", "LT_ARG4=b c", NULL };

	CHECK_EXEC("/tests/data/script-arg", argv, envp, 0);
}

LT_CASE(script_without_arg)
{
	char *argv[] = { "dropped", "x", NULL };
	char *envp[] = { "LT_MODE=argv", "LT_ARGC=3", "LT_ARG0=/tests/exec_check",
			 "LT_ARG1=/tests/data/script-noarg", "LT_ARG2=x", NULL };

	CHECK_EXEC("/tests/data/script-noarg", argv, envp, 0);
}

LT_CASE(script_blanks)
{
	char *argv[] = { "dropped", NULL };
	char *envp[] = { "LT_MODE=argv", "LT_ARGC=3", "LT_ARG0=/tests/exec_check",
			 "LT_ARG1=one  two", "LT_ARG2=/tests/data/script-spaces", NULL };

	CHECK_EXEC("/tests/data/script-spaces", argv, envp, 0);
}

LT_CASE(script_errors)
{
	char *argv[] = { "script", NULL };

	/* The interpreter does not exist. */
	CHECK_EXEC_ERR("/tests/data/script-nointerp", argv, exit77_env, ENOENT);
	/* "#!" and nothing else. */
	CHECK_EXEC_ERR("/tests/data/script-noname", argv, exit77_env, ENOEXEC);
}

/* Pid, parent, umask, nice and limits survive exec; mappings do not. */
LT_CASE(what_survives)
{
	char *argv[] = { "exec_check", NULL };
	char env[6][48], fresh[48];
	char *envp[8];
	pid_t pid;
	void *p;

	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct rlimit rl;

		LT_CHECK_OK(getrlimit(RLIMIT_STACK, &rl));
		rl.rlim_cur = 4 << 20;
		LT_CHECK_OK(setrlimit(RLIMIT_STACK, &rl));
		LT_CHECK_OK(setpriority(PRIO_PROCESS, 0, 4));
		umask(061);
		snprintf(env[0], 48, "LT_PID=%d", getpid());
		snprintf(env[1], 48, "LT_PPID=%d", getppid());
		snprintf(env[2], 48, "LT_UMASK=%d", 061);
		snprintf(env[3], 48, "LT_NICE=%d", 4);
		snprintf(env[4], 48, "LT_STACK=%d", 4 << 20);
		for (int i = 0; i < 5; i++)
			envp[i] = env[i];
		envp[5] = "LT_MODE=inherit";
		envp[6] = NULL;
		execve(CHECK, argv, envp);
		LT_FAIL("execve: %s", lt_errname(errno));
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));

	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	LT_CHECK(p != MAP_FAILED);
	snprintf(fresh, sizeof(fresh), "LT_ADDR=%#lx", (unsigned long)p);
	envp[0] = "LT_MODE=fresh";
	envp[1] = fresh;
	envp[2] = NULL;
	CHECK_EXEC(CHECK, argv, envp, 0);
	LT_CHECK_OK(munmap(p, 4096));
}

/*
 * E2BIG: the strings may take a quarter of RLIMIT_STACK (at most 6 MiB
 * and at least 128 KiB), the argv/envp pointers count too, and one string
 * may be at most MAX_ARG_STRLEN bytes with its NUL.
 */
LT_CASE(e2big)
{
	enum { BIG = 24, STR = 128000 };
	char *argv[] = { "exec_check", NULL, NULL };
	char *envp[BIG + 3];
	char *s = malloc(MAX_ARG_STRLEN + 1);
	struct rlimit rl;
	pid_t pid;
	int i;

	LT_CHECK(s);
	memset(s, 'x', MAX_ARG_STRLEN);
	envp[0] = "LT_MODE=exit";
	envp[1] = "LT_CODE=0";
	envp[2] = NULL;

	/* One string of MAX_ARG_STRLEN - 1 characters fits, one more does not. */
	s[MAX_ARG_STRLEN - 1] = '\0';
	argv[1] = s;
	CHECK_EXEC(CHECK, argv, envp, 0);
	s[MAX_ARG_STRLEN - 1] = 'x';
	s[MAX_ARG_STRLEN] = '\0';
	CHECK_EXEC_ERR(CHECK, argv, envp, E2BIG);
	argv[1] = NULL;

	/* 24 strings of 125 KiB: 3 MiB, over 8 MiB / 4. */
	s[STR] = '\0';
	for (i = 0; i < BIG; i++)
		envp[2 + i] = s;
	envp[2 + BIG] = NULL;
	CHECK_EXEC_ERR(CHECK, argv, envp, E2BIG);

	/* 250 KB is fine under the default 8 MiB limit, not under 256 KiB. */
	envp[2 + 2] = NULL;
	CHECK_EXEC(CHECK, argv, envp, 0);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(getrlimit(RLIMIT_STACK, &rl));
		rl.rlim_cur = 256 * 1024;
		LT_CHECK_OK(setrlimit(RLIMIT_STACK, &rl));
		LT_CHECK_ERR(execve(CHECK, argv, envp), E2BIG);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	free(s);
}

/* 300000 empty strings: only 300 KB of text, but 2.4 MB of pointers. */
LT_CASE(e2big_pointers)
{
	enum { N = 300000 };
	char **argv = malloc((N + 1) * sizeof(char *));
	int i;

	LT_CHECK(argv);
	argv[0] = "exec_check";
	for (i = 1; i < N; i++)
		argv[i] = "";
	argv[N] = NULL;
	CHECK_EXEC_ERR(CHECK, argv, exit77_env, E2BIG);
	free(argv);
}

LT_CASE(enoent_enotdir)
{
	char *argv[] = { "x", NULL };

	CHECK_EXEC_ERR("/tests/no-such-program", argv, exit77_env, ENOENT);
	CHECK_EXEC_ERR("/no-such-dir/exec_check", argv, exit77_env, ENOENT);
	CHECK_EXEC_ERR("", argv, exit77_env, ENOENT);
	CHECK_EXEC_ERR("/tests/exec_check/x", argv, exit77_env, ENOTDIR);
}

/* Not executable: mode 0644, or a directory. */
LT_CASE(eacces)
{
	char *argv[] = { "x", NULL };

	CHECK_EXEC_ERR("/tests/data/noexec", argv, exit77_env, EACCES);
	CHECK_EXEC_ERR("/tests", argv, exit77_env, EACCES);
	CHECK_EXEC_ERR("/tests/", argv, exit77_env, EACCES);
	CHECK_EXEC_ERR("/", argv, exit77_env, EACCES);
}

/*
 * No binary format takes it: ENOEXEC, also for an ELF file cut inside its
 * header or inside its program headers.
 */
LT_CASE(enoexec)
{
	char *argv[] = { "x", NULL };

	CHECK_EXEC_ERR("/tests/data/garbage", argv, exit77_env, ENOEXEC);
	CHECK_EXEC_ERR("/tests/data/empty", argv, exit77_env, ENOEXEC);
	CHECK_EXEC_ERR("/tests/data/elf-trunc40", argv, exit77_env, ENOEXEC);
	CHECK_EXEC_ERR("/tests/data/elf-trunc100", argv, exit77_env, ENOEXEC);
}

LT_CASE(efault)
{
	static const unsigned long bad[] = {
		1, 0xffff888000000000UL, 0xffffffff80000000UL, 0 /* unmapped */
	};
	char *argv[] = { "x", NULL }, *badv[3] = { "x", NULL, NULL };
	unsigned int i;
	void *hole;

	hole = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	LT_CHECK(hole != MAP_FAILED);
	LT_CHECK_OK(munmap(hole, 4096));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *b = (char *)(bad[i] ? bad[i] : (unsigned long)hole);

		CHECK_EXEC_ERR(b, argv, exit77_env, EFAULT);		/* path */
		CHECK_EXEC_ERR(CHECK, (char **)b, exit77_env, EFAULT);	/* argv */
		CHECK_EXEC_ERR(CHECK, argv, (char **)b, EFAULT);	/* envp */
		badv[1] = b;
		CHECK_EXEC_ERR(CHECK, badv, exit77_env, EFAULT);	/* argv[1] */
		CHECK_EXEC_ERR(CHECK, argv, badv, EFAULT);		/* envp[1] */
	}
}

int main(void)
{
	lt_begin("proc_exec");
	LT_RUN(many_args_big_env);
	LT_RUN(auxv_root);
	LT_RUN(auxv_user);
	LT_RUN(setuid_program);
	LT_RUN(start_state);
	LT_RUN(null_argv);
	LT_RUN(script_with_arg);
	LT_RUN(script_without_arg);
	LT_RUN(script_blanks);
	LT_RUN(script_errors);
	LT_RUN(what_survives);
	LT_RUN(e2big);
	LT_RUN(e2big_pointers);
	LT_RUN(enoent_enotdir);
	LT_RUN(eacces);
	LT_RUN(enoexec);
	LT_RUN(efault);
	return lt_end();
}
