// SPDX-License-Identifier: GPL-2.0
/*
 * exec_elf: what binfmt_elf does beyond static programs.  Position-
 * independent programs (elf_pie, a static-pie), programs with an
 * interpreter (elf_dynprog names elf_pie as its PT_INTERP, so the
 * interpreter path is tested without ld.so mapping libraries), the
 * auxiliary vector, address-space randomization and how
 * randomize_va_space and personality(ADDR_NO_RANDOMIZE) turn it off, and
 * the errors for broken PT_INTERP headers and interpreters.  glibc's
 * ld.so runs as a command too (exec_dynamic has it load libraries).
 */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define PIE		"/tests/elf_pie"
#define DYNPROG		"/tests/elf_dynprog"
#define LDSO		"/lib64/ld-linux-x86-64.so.2"
#define DIR		"/exec_elf.d"
#define RANDOMIZE	"/proc/sys/kernel/randomize_va_space"

extern char **environ;

/* The hex value of "key=" in a line from elf_pie; 0 if absent. */
static unsigned long field(const char *line, const char *key)
{
	char pat[32];
	const char *p;

	snprintf(pat, sizeof(pat), " %s=", key);
	p = strstr(line, pat);
	if (!p && !strncmp(line, pat + 1, strlen(pat + 1)))
		p = line - 1;
	return p ? strtoul(p + strlen(pat), NULL, 16) : 0;
}

static const char *const layout_keys[] = { "main", "stack", "brk", "mmap", "vdso" };

static int read_randomize(void)
{
	char buf[8] = "";

	if (lt_get_file(RANDOMIZE, buf, sizeof(buf)) <= 0)
		return -1;
	return atoi(buf);
}

static int write_randomize(int v)
{
	char buf[4];

	snprintf(buf, sizeof(buf), "%d\n", v);
	return lt_put_file(RANDOMIZE, buf, strlen(buf), 0644);
}

/* The auxiliary vector follows the environment on the initial stack. */
static unsigned long aux(unsigned long type, int *found)
{
	static unsigned long *auxv;
	char **e;
	unsigned long *a;

	if (!auxv) {
		for (e = environ; *e; e++)
			;
		auxv = (unsigned long *)(e + 1);
	}
	for (a = auxv; a[0] != AT_NULL; a += 2)
		if (a[0] == type) {
			*found = 1;
			return a[1];
		}
	*found = 0;
	return 0;
}

#define CHECK_AUX(type, cond) do {					\
	int f_;								\
	unsigned long v = aux((type), &f_);				\
	if (!f_)							\
		LT_FAIL("%s missing from the auxiliary vector", #type);	\
	if (!(cond))							\
		LT_FAIL("%s = %#lx: %s does not hold", #type, v, #cond);\
} while (0)

extern void _start(void);

/* Every entry Linux gives an x86-64 program, with the values it gives. */
LT_CASE(auxv_complete)
{
	const Elf64_Ehdr *vdso;

	CHECK_AUX(AT_SYSINFO_EHDR, v != 0);
	vdso = (const Elf64_Ehdr *)aux(AT_SYSINFO_EHDR, &(int){ 0 });
	LT_CHECK(!memcmp(vdso->e_ident, ELFMAG, SELFMAG));
	CHECK_AUX(AT_MINSIGSTKSZ, v >= 1024 && v <= 65536);
	CHECK_AUX(AT_HWCAP, v != 0);
	CHECK_AUX(AT_HWCAP2, 1);
	CHECK_AUX(AT_PAGESZ, v == 4096);
	CHECK_AUX(AT_CLKTCK, v == 100);
	CHECK_AUX(AT_PHDR, ((const Elf64_Phdr *)v)->p_type == PT_LOAD ||
			   ((const Elf64_Phdr *)v)->p_type == PT_PHDR);
	CHECK_AUX(AT_PHENT, v == sizeof(Elf64_Phdr));
	CHECK_AUX(AT_PHNUM, v >= 2 && v < 64);
	CHECK_AUX(AT_BASE, v == 0);		/* static: no interpreter */
	CHECK_AUX(AT_FLAGS, v == 0);
	CHECK_AUX(AT_ENTRY, v == (unsigned long)_start);
	CHECK_AUX(AT_UID, v == getuid());
	CHECK_AUX(AT_EUID, v == geteuid());
	CHECK_AUX(AT_GID, v == getgid());
	CHECK_AUX(AT_EGID, v == getegid());
	CHECK_AUX(AT_SECURE, v == 0);
	CHECK_AUX(AT_RANDOM, v != 0 && memcmp((void *)v, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16));
	CHECK_AUX(AT_EXECFN, !strcmp((const char *)v, "/tests/exec_elf"));
	CHECK_AUX(AT_PLATFORM, !strcmp((const char *)v, "x86_64"));
}

/* A static-pie program runs at a base chosen by the kernel, not at 0. */
LT_CASE(pie_runs)
{
	char *argv[] = { PIE, NULL }, out[512];
	unsigned long main_addr, entry, phdr;

	LT_CHECK_EQ(lt_run_capture(argv, out, sizeof(out)), 0);
	main_addr = field(out, "main");
	entry = field(out, "entry");
	phdr = field(out, "phdr");
	if (main_addr < 0x100000 || entry < 0x100000 || (phdr & 0xfff) != 0x40)
		LT_FAIL("not relocated: %s", out);
	LT_CHECK_EQ(field(out, "base"), 0);
	LT_CHECK(strstr(out, "interp=-") != NULL);
	/* x86-64's default: a non-executable stack. */
	LT_CHECK(strstr(out, "stack_perms=rw-p") != NULL);
}

/* With ASLR on, two runs put program, stack, brk, mmap and vDSO elsewhere. */
LT_CASE(aslr_differs)
{
	char *argv[] = { PIE, NULL }, a[512], b[512];
	unsigned int i;

	LT_CHECK_EQ(read_randomize(), 2);
	LT_CHECK_EQ(lt_run_capture(argv, a, sizeof(a)), 0);
	LT_CHECK_EQ(lt_run_capture(argv, b, sizeof(b)), 0);
	for (i = 0; i < sizeof(layout_keys) / sizeof(layout_keys[0]); i++)
		if (field(a, layout_keys[i]) == field(b, layout_keys[i]))
			LT_FAIL("%s the same in two runs: %s / %s", layout_keys[i], a, b);
}

/* randomize_va_space=0: two runs match exactly. */
LT_CASE(aslr_off_sysctl)
{
	char *argv[] = { PIE, NULL }, a[512], b[512];
	int old = read_randomize(), ra, rb;

	LT_CHECK(old >= 0);
	LT_CHECK_OK(write_randomize(0));
	LT_CHECK_EQ(read_randomize(), 0);
	ra = lt_run_capture(argv, a, sizeof(a));
	rb = lt_run_capture(argv, b, sizeof(b));
	LT_CHECK_OK(write_randomize(old));
	LT_CHECK_EQ(ra, 0);
	LT_CHECK_EQ(rb, 0);
	if (strcmp(a, b))
		LT_FAIL("layouts differ: %s / %s", a, b);
}

/* A number (Linux takes any int; above 2 acts as 2), written by root only. */
LT_CASE(aslr_sysctl_bad)
{
	int old = read_randomize();
	pid_t pid;

	LT_CHECK(old >= 0);
	LT_CHECK(lt_put_file(RANDOMIZE, "x\n", 2, 0644) < 0 && errno == EINVAL);
	LT_CHECK(lt_put_file(RANDOMIZE, "\n", 1, 0644) < 0 && errno == EINVAL);
	LT_CHECK_EQ(read_randomize(), old);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK(lt_put_file(RANDOMIZE, "0\n", 2, 0644) < 0);
		LT_CHECK(errno == EACCES || errno == EPERM);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(read_randomize(), old);
}

/* personality(2): query, set, inherited by fork and exec. */
LT_CASE(personality_flags)
{
	pid_t pid;

	LT_CHECK_EQ(personality(0xffffffff), PER_LINUX);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_EQ(personality(PER_LINUX | ADDR_NO_RANDOMIZE), PER_LINUX);
		LT_CHECK_EQ(personality(0xffffffff), ADDR_NO_RANDOMIZE);
		if (fork() == 0)
			_exit(personality(0xffffffff) == ADDR_NO_RANDOMIZE ? 0 : 1);
		LT_CHECK_EQ(wait(NULL) > 0, 1);
		LT_CHECK_EQ(personality(PER_LINUX), ADDR_NO_RANDOMIZE);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(personality(0xffffffff), PER_LINUX);
}

/* The permissions /proc/self/maps shows for the area at @addr. */
static int maps_perms(void *addr, char perms[8])
{
	FILE *f = fopen("/proc/self/maps", "r");
	unsigned long start, end;
	char line[256];
	int found = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx-%lx %7s", &start, &end, perms) == 3 &&
		    start <= (unsigned long)addr && (unsigned long)addr < end) {
			found = 0;
			break;
		}
	fclose(f);
	return found;
}

/* READ_IMPLIES_EXEC: mmap(PROT_READ) gives an executable area. */
LT_CASE(personality_read_implies_exec)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		char perms[8];
		void *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		LT_CHECK(m != MAP_FAILED);
		LT_CHECK_OK(maps_perms(m, perms));
		LT_CHECK(!strcmp(perms, "r--p"));
		LT_CHECK_EQ(personality(READ_IMPLIES_EXEC), PER_LINUX);
		m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		LT_CHECK(m != MAP_FAILED);
		LT_CHECK_OK(maps_perms(m, perms));
		if (strcmp(perms, "r-xp"))
			LT_FAIL("PROT_READ mapping is %s", perms);
		m = mmap(NULL, 4096, PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		LT_CHECK(m != MAP_FAILED);
		LT_CHECK_OK(maps_perms(m, perms));
		LT_CHECK(!strcmp(perms, "-w-p"));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* ADDR_NO_RANDOMIZE: the next execs get the same layout, ASLR still on. */
LT_CASE(personality_norandom)
{
	char *argv[] = { PIE, NULL };
	char *out = lt_shared(1024);
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(personality(ADDR_NO_RANDOMIZE));
		LT_CHECK_EQ(lt_run_capture(argv, out, 512), 0);
		LT_CHECK_EQ(lt_run_capture(argv, out + 512, 512), 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	if (strcmp(out, out + 512))
		LT_FAIL("layouts differ: %s / %s", out, out + 512);
}

/*
 * A PIE with PT_INTERP: the interpreter (elf_pie) runs with AT_BASE set
 * to where it was put, AT_PHDR/AT_ENTRY describing the program.  Without
 * randomization the program sits at Linux's ELF_ET_DYN_BASE.
 */
LT_CASE(interp_runs)
{
	char *argv[] = { DYNPROG, NULL }, out[512];
	unsigned long base, main_addr, phdr;
	int old = read_randomize(), r;

	LT_CHECK_EQ(lt_run_capture(argv, out, sizeof(out)), 0);
	base = field(out, "base");
	main_addr = field(out, "main");
	phdr = field(out, "phdr");
	if (!base || main_addr < base || main_addr - base > (1UL << 20))
		LT_FAIL("AT_BASE is not the interpreter's: %s", out);
	if (phdr >= base && phdr < base + (1UL << 20))
		LT_FAIL("AT_PHDR is the interpreter's, not the program's: %s", out);
	LT_CHECK(strstr(out, "interp=" PIE " ") != NULL);

	LT_CHECK_OK(write_randomize(0));
	r = lt_run_capture(argv, out, sizeof(out));
	LT_CHECK_OK(write_randomize(old));
	LT_CHECK_EQ(r, 0);
	LT_CHECK_EQ(field(out, "phdr"), 0x555555554000UL + sizeof(Elf64_Ehdr));
}

/* Two runs of a program with an interpreter: both it and the interpreter move. */
LT_CASE(interp_aslr)
{
	char *argv[] = { DYNPROG, NULL }, a[512], b[512];

	LT_CHECK_EQ(lt_run_capture(argv, a, sizeof(a)), 0);
	LT_CHECK_EQ(lt_run_capture(argv, b, sizeof(b)), 0);
	if (field(a, "base") == field(b, "base") || field(a, "phdr") == field(b, "phdr"))
		LT_FAIL("same addresses: %s / %s", a, b);
}

/* glibc's loader, run as a command, needs no file mapping for --version. */
LT_CASE(ldso_direct)
{
	char *argv[] = { LDSO, "--version", NULL }, out[512];

	LT_CHECK_EQ(lt_run_capture(argv, out, sizeof(out)), 0);
	if (!strstr(out, "ld.so"))
		LT_FAIL("unexpected output: %s", out);
}

/* elf_dynprog's bytes, its PT_INTERP header, and room to append. */
static char prog[65536];
static size_t prog_len;

static Elf64_Phdr *prog_interp(void)
{
	Elf64_Ehdr *eh = (Elf64_Ehdr *)prog;
	Elf64_Phdr *ph = (Elf64_Phdr *)(prog + eh->e_phoff);
	int i;

	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_INTERP)
			return &ph[i];
	return NULL;
}

/*
 * Write DIR/prog: elf_dynprog with PT_INTERP pointing at @len bytes of
 * @path appended to the file (@len may leave out the NUL).
 */
static int write_prog(const char *path, size_t len)
{
	static char buf[sizeof(prog) + 8192];
	Elf64_Phdr *ph = prog_interp();

	if (!ph || len > 8192)
		return -1;
	ph->p_offset = prog_len;
	ph->p_filesz = len;
	memcpy(buf, prog, prog_len);
	memcpy(buf + prog_len, path, len);
	return lt_put_file(DIR "/prog", buf, prog_len + len, 0755);
}

/* Fork; the child's execve of DIR/prog must fail with @err. */
static int exec_prog_errno(void)
{
	char *argv[] = { DIR "/prog", NULL };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		int out = open(DIR "/out", O_WRONLY | O_CREAT | O_TRUNC, 0644);

		/* An exec that works runs elf_pie, whose report is not wanted here. */
		if (out < 0 || dup2(out, 1) < 0)
			_exit(126);
		execv(argv[0], argv);
		_exit(errno);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

#define CHECK_INTERP_ERR(path, len, err) do {				\
	LT_CHECK_OK(write_prog((path), (len)));				\
	LT_CHECK_EQ(exec_prog_errno(), (err));				\
} while (0)

/* Broken PT_INTERP headers and interpreters: an errno, the caller intact. */
LT_CASE(interp_bad)
{
	static char longpath[4200];
	ssize_t n;

	n = lt_get_file(DYNPROG, prog, sizeof(prog));
	LT_CHECK(n > 0 && (size_t)n < sizeof(prog));
	prog_len = n;
	LT_CHECK(prog_interp() != NULL);
	LT_CHECK_OK(lt_fs_setup(DIR));

	/* The unchanged program, with the string moved: still works. */
	CHECK_INTERP_ERR(PIE, sizeof(PIE), 0);
	/* The path must end in a NUL inside PT_INTERP. */
	CHECK_INTERP_ERR(PIE "x", sizeof(PIE), ENOEXEC);
	/* At most PATH_MAX bytes, and a path at all. */
	memset(longpath, 'a', sizeof(longpath));
	longpath[0] = '/';
	longpath[4097] = '\0';
	CHECK_INTERP_ERR(longpath, 4098, ENOEXEC);
	CHECK_INTERP_ERR("", 1, ENOEXEC);
	/* Missing, a directory, a corrupt name. */
	CHECK_INTERP_ERR("/tests/no-such-interpreter", 27, ENOENT);
	CHECK_INTERP_ERR("/tests", 7, EACCES);
	CHECK_INTERP_ERR("/tests/data/garbage/x", 22, ENOTDIR);
	CHECK_INTERP_ERR("\x01\x7f\xfe", 4, ENOENT);
	/* Not an ELF interpreter: bytes, a #! script, an empty file. */
	CHECK_INTERP_ERR("/tests/data/garbage", 20, ELIBBAD);
	CHECK_INTERP_ERR("/tests/data/script-arg", 23, ELIBBAD);
	CHECK_INTERP_ERR("/tests/data/empty", 18, EIO);
	/* Truncated: inside the ELF header, inside the program headers. */
	CHECK_INTERP_ERR("/tests/data/elf-trunc40", 24, EIO);
	CHECK_INTERP_ERR("/tests/data/elf-trunc100", 25, ELIBBAD);

	/* PT_INTERP beyond the end of the file. */
	LT_CHECK_OK(write_prog(PIE, sizeof(PIE)));
	prog_interp()->p_offset = 1 << 20;
	LT_CHECK_OK(lt_put_file(DIR "/prog", prog, prog_len, 0755));
	LT_CHECK_EQ(exec_prog_errno(), EIO);
	lt_rm_rf(DIR);
}

/* PT_GNU_STACK with PF_X: the stack is executable. */
LT_CASE(exec_stack)
{
	static char pie[1 << 20];
	char *argv[] = { DIR "/pie", NULL }, out[512];
	Elf64_Ehdr *eh = (Elf64_Ehdr *)pie;
	Elf64_Phdr *ph;
	ssize_t n = lt_get_file(PIE, pie, sizeof(pie));
	int i, found = 0;

	LT_CHECK(n > 0 && (size_t)n < sizeof(pie));
	ph = (Elf64_Phdr *)(pie + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_GNU_STACK) {
			ph[i].p_flags = PF_R | PF_W | PF_X;
			found = 1;
		}
	LT_CHECK(found);
	LT_CHECK_OK(lt_fs_setup(DIR));
	LT_CHECK_OK(lt_put_file(DIR "/pie", pie, n, 0755));
	LT_CHECK_EQ(lt_run_capture(argv, out, sizeof(out)), 0);
	lt_rm_rf(DIR);
	if (!strstr(out, "stack_perms=rwxp"))
		LT_FAIL("stack not executable: %s", out);
}

int main(void)
{
	int mounted;

	/* randomize_va_space and elf_pie's /proc/self/maps (nothing mounts /proc here). */
	mkdir("/proc", 0555);
	mounted = !mount("proc", "/proc", "proc", 0, NULL);
	lt_begin("exec_elf");
	LT_RUN(auxv_complete);
	LT_RUN(pie_runs);
	LT_RUN(aslr_differs);
	LT_RUN(aslr_off_sysctl);
	LT_RUN(aslr_sysctl_bad);
	LT_RUN(personality_flags);
	LT_RUN(personality_norandom);
	LT_RUN(personality_read_implies_exec);
	LT_RUN(interp_runs);
	LT_RUN(interp_aslr);
	LT_RUN(ldso_direct);
	LT_RUN(interp_bad);
	LT_RUN(exec_stack);
	if (mounted)
		umount("/proc");
	return lt_end();
}
