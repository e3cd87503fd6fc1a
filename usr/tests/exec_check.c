// SPDX-License-Identifier: GPL-2.0
/*
 * exec_check: the far side of proc_exec's execve tests.  It checks what the
 * kernel handed it and exits 0 when everything matched, 1 otherwise, after
 * printing one "# exec_check: ..." line per mismatch (comments to the test
 * runner, for the log).  The check comes from the environment, which every
 * kind of exec (plain, #! script, NULL argv) passes through untouched:
 *
 *   LT_MODE=argv	argv is LT_ARGC entries: LT_ARG0, LT_ARG1, ...
 *   LT_MODE=sum	argv[1] is "<argc>:<envc>:<hash>", a hash of argv[2..]
 *			and of every environment string, in order
 *   LT_MODE=auxv	the auxiliary vector matches the running binary and
 *			LT_PATH, LT_UID, LT_EUID, LT_GID, LT_EGID, LT_SECURE;
 *			argv[0] is LT_ARG0, the task name LT_COMM
 *   LT_MODE=inherit	pid, parent, umask, nice and RLIMIT_STACK are
 *			LT_PID, LT_PPID, LT_UMASK, LT_NICE, LT_STACK
 *   LT_MODE=fresh	LT_ADDR (a page mapped before the exec) is unmapped
 *   LT_MODE=exit	exit with status LT_CODE at once
 */
#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

extern const Elf64_Ehdr __ehdr_start;
extern char _start[];

static int errors;
static char **auxv_env;

static void mismatch(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void mismatch(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n = snprintf(line, sizeof(line), "# exec_check: ");

	va_start(ap, fmt);
	n += vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	(void)!write(1, line, n);
	errors++;
}

static const char *env(const char *name)
{
	const char *v = getenv(name);

	if (!v)
		mismatch("environment variable %s missing", name);
	return v ? v : "";
}

static long env_num(const char *name)
{
	return strtol(env(name), NULL, 0);
}

static void check_str(const char *what, const char *got, const char *want)
{
	if (!got)
		mismatch("%s is NULL, expected '%.60s'", what, want);
	else if (strcmp(got, want))
		mismatch("%s is '%.60s', expected '%.60s'", what, got, want);
}

static void check_num(const char *what, unsigned long got, unsigned long want)
{
	if (got != want)
		mismatch("%s is %#lx, expected %#lx", what, got, want);
}

static void mode_argv(int argc, char **argv)
{
	char name[24];
	int i, want = env_num("LT_ARGC");

	if (argc != want) {
		mismatch("argc is %d, expected %d", argc, want);
		return;
	}
	for (i = 0; i < argc; i++) {
		snprintf(name, sizeof(name), "LT_ARG%d", i);
		check_str(name, argv[i], env(name));
	}
	if (argv[argc])
		mismatch("argv[argc] is not NULL");
}

/* FNV-1a over each string and its terminating NUL. */
static uint64_t hash_str(uint64_t h, const char *s)
{
	do {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	} while (*s++);
	return h;
}

static void mode_sum(int argc, char **argv, char **envp)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	char want[64];
	int i, envc = 0;

	for (i = 2; i < argc; i++)
		h = hash_str(h, argv[i]);
	for (; envp[envc]; envc++)
		h = hash_str(h, envp[envc]);
	snprintf(want, sizeof(want), "%d:%d:%016llx", argc, envc, (unsigned long long)h);
	check_str("argv[1] (argc:envc:hash)", argc > 1 ? argv[1] : NULL, want);
}

/* The auxiliary vector follows the environment's NULL on the initial stack. */
static const unsigned long *find_aux(unsigned long type)
{
	const unsigned long *a;

	for (a = (const unsigned long *)auxv_env; a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a;
	return NULL;
}

static unsigned long aux(unsigned long type, const char *name)
{
	const unsigned long *a = find_aux(type);

	if (!a) {
		mismatch("auxv entry %s missing", name);
		return 0;
	}
	return a[1];
}

static unsigned int cpuid1_edx(void)
{
	unsigned int a = 1, b, c = 0, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return d;
}

static void mode_auxv(char **argv)
{
	const Elf64_Ehdr *eh = &__ehdr_start;
	const unsigned char *rnd;
	char comm[17] = "";
	int i, nonzero = 0;

	check_str("argv[0]", argv[0], env("LT_ARG0"));
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
		mismatch("__ehdr_start is not an ELF header");
	check_num("AT_PAGESZ", aux(AT_PAGESZ, "AT_PAGESZ"), 4096);
	check_num("AT_PHDR", aux(AT_PHDR, "AT_PHDR"), (unsigned long)eh + eh->e_phoff);
	check_num("AT_PHENT", aux(AT_PHENT, "AT_PHENT"), sizeof(Elf64_Phdr));
	check_num("AT_PHNUM", aux(AT_PHNUM, "AT_PHNUM"), eh->e_phnum);
	check_num("AT_ENTRY", aux(AT_ENTRY, "AT_ENTRY"), (unsigned long)_start);
	check_num("AT_BASE (no interpreter)", aux(AT_BASE, "AT_BASE"), 0);
	check_num("AT_FLAGS", aux(AT_FLAGS, "AT_FLAGS"), 0);
	check_num("AT_CLKTCK", aux(AT_CLKTCK, "AT_CLKTCK"), 100);
	check_num("AT_UID", aux(AT_UID, "AT_UID"), env_num("LT_UID"));
	check_num("AT_EUID", aux(AT_EUID, "AT_EUID"), env_num("LT_EUID"));
	check_num("AT_GID", aux(AT_GID, "AT_GID"), env_num("LT_GID"));
	check_num("AT_EGID", aux(AT_EGID, "AT_EGID"), env_num("LT_EGID"));
	check_num("getuid()", getuid(), env_num("LT_UID"));
	check_num("geteuid()", geteuid(), env_num("LT_EUID"));
	check_num("AT_SECURE", aux(AT_SECURE, "AT_SECURE"), env_num("LT_SECURE"));
	check_num("AT_HWCAP (CPUID 1 EDX)", aux(AT_HWCAP, "AT_HWCAP"), cpuid1_edx());
	check_str("AT_EXECFN", (const char *)aux(AT_EXECFN, "AT_EXECFN"), env("LT_PATH"));
	check_str("AT_PLATFORM", (const char *)aux(AT_PLATFORM, "AT_PLATFORM"), "x86_64");
	rnd = (const unsigned char *)aux(AT_RANDOM, "AT_RANDOM");
	for (i = 0; rnd && i < 16; i++)
		nonzero += rnd[i] != 0;
	if (rnd && nonzero < 8)
		mismatch("AT_RANDOM bytes look unrandom (%d of 16 nonzero)", nonzero);
	prctl(PR_GET_NAME, comm);
	check_str("task name (PR_GET_NAME)", comm, env("LT_COMM"));
}

static void mode_inherit(void)
{
	struct rlimit rl;
	mode_t mask = umask(0);

	check_num("getpid()", getpid(), env_num("LT_PID"));
	check_num("getppid()", getppid(), env_num("LT_PPID"));
	check_num("umask", mask, env_num("LT_UMASK"));
	check_num("nice", getpriority(PRIO_PROCESS, 0), env_num("LT_NICE"));
	getrlimit(RLIMIT_STACK, &rl);
	check_num("RLIMIT_STACK soft", rl.rlim_cur, env_num("LT_STACK"));
}

/* mprotect fails with ENOMEM on an unmapped page: nothing survived exec. */
static void mode_fresh(void)
{
	unsigned long addr = env_num("LT_ADDR");

	errno = 0;
	if (mprotect((void *)addr, 4096, PROT_READ) == 0 || errno != ENOMEM)
		mismatch("page %#lx is still mapped after exec (errno %d)", addr, errno);
}

int main(int argc, char **argv, char **envp)
{
	const char *mode = getenv("LT_MODE");

	for (auxv_env = envp; *auxv_env; auxv_env++)
		;
	auxv_env++;

	if (!mode)
		mismatch("LT_MODE not set");
	else if (!strcmp(mode, "argv"))
		mode_argv(argc, argv);
	else if (!strcmp(mode, "sum"))
		mode_sum(argc, argv, envp);
	else if (!strcmp(mode, "auxv"))
		mode_auxv(argv);
	else if (!strcmp(mode, "inherit"))
		mode_inherit();
	else if (!strcmp(mode, "fresh"))
		mode_fresh();
	else if (!strcmp(mode, "exit"))
		return env_num("LT_CODE");
	else
		mismatch("unknown LT_MODE '%s'", mode);
	return errors ? 1 : 0;
}
