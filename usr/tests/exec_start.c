// SPDX-License-Identifier: GPL-2.0
/*
 * exec_start: the process state at its first instruction, before any libc
 * code has run.  Built with -nostartfiles, so _start below is the ELF entry
 * point; it saves the registers and calls start_c() with the initial stack
 * pointer.  What Linux guarantees there, and this program checks:
 *
 *   - %rsp is 16-byte aligned and points at argc, then argv[], NULL,
 *     envp[], NULL, then the auxiliary vector
 *   - the argument and environment strings are packed one after another,
 *     followed by the AT_EXECFN path, which ends 8 bytes below the
 *     page-aligned top of the stack
 *   - every general-purpose register but %rsp is zero (%rdx too: the ABI
 *     says it holds a function for atexit(), and 0 means none)
 *   - RFLAGS is 0x202 (IF and the reserved bit 1: DF is clear), the x87
 *     control word 0x37f and MXCSR 0x1f80 (the power-on defaults)
 *
 *   - the credentials in the auxiliary vector are the process's, and
 *     AT_SECURE is set exactly when they differ (a set-user-ID program)
 *
 * The parent describes what it expects in argv[0]: "argc=N", optionally
 * followed by " uid=N euid=N".  Exits 0 when all holds; otherwise prints a
 * "# exec_start: ..." line per problem and exits 1.  No libc: its start-up
 * code is exactly what is bypassed here.  (That also makes this the
 * set-user-ID test program: musl's start-up would poll fds 0-2 there.)
 */
#include <elf.h>
#include <stddef.h>
#include <sys/syscall.h>

/* Filled in by _start; read from the assembly below by name. */
unsigned long entry_regs[15] __attribute__((used));
unsigned long entry_rsp __attribute__((used));
unsigned long entry_rflags __attribute__((used));
unsigned int entry_mxcsr __attribute__((used));
unsigned short entry_fcw __attribute__((used));

static const char *const reg_names[15] = {
	"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp",
	"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};

__asm__(".text\n"
	".globl _start\n"
	".type _start, @function\n"
	"_start:\n"
	"	mov %rax, entry_regs+0(%rip)\n"
	"	mov %rbx, entry_regs+8(%rip)\n"
	"	mov %rcx, entry_regs+16(%rip)\n"
	"	mov %rdx, entry_regs+24(%rip)\n"
	"	mov %rsi, entry_regs+32(%rip)\n"
	"	mov %rdi, entry_regs+40(%rip)\n"
	"	mov %rbp, entry_regs+48(%rip)\n"
	"	mov %r8, entry_regs+56(%rip)\n"
	"	mov %r9, entry_regs+64(%rip)\n"
	"	mov %r10, entry_regs+72(%rip)\n"
	"	mov %r11, entry_regs+80(%rip)\n"
	"	mov %r12, entry_regs+88(%rip)\n"
	"	mov %r13, entry_regs+96(%rip)\n"
	"	mov %r14, entry_regs+104(%rip)\n"
	"	mov %r15, entry_regs+112(%rip)\n"
	"	mov %rsp, entry_rsp(%rip)\n"
	"	pushfq\n"
	"	popq entry_rflags(%rip)\n"
	"	stmxcsr entry_mxcsr(%rip)\n"
	"	fnstcw entry_fcw(%rip)\n"
	"	mov %rsp, %rdi\n"
	"	and $-16, %rsp\n"
	"	call start_c\n"
	"	ud2\n");

static int errors;

static long sys3(long n, long a, long b, long c)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}

static size_t slen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static char *put_str(char *p, const char *s)
{
	while (*s)
		*p++ = *s++;
	return p;
}

static char *put_hex(char *p, unsigned long v)
{
	int shift = 60;

	p = put_str(p, "0x");
	while (shift > 0 && !(v >> shift))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		*p++ = "0123456789abcdef"[(v >> shift) & 15];
	return p;
}

/* "# exec_start: WHAT is GOT, expected WANT" */
static void bad(const char *what, unsigned long got, unsigned long want)
{
	char line[160], *p = line;

	p = put_str(p, "# exec_start: ");
	p = put_str(p, what);
	p = put_str(p, " is ");
	p = put_hex(p, got);
	p = put_str(p, ", expected ");
	p = put_hex(p, want);
	*p++ = '\n';
	sys3(SYS_write, 1, (long)line, p - line);
	errors++;
}

static void check(const char *what, unsigned long got, unsigned long want)
{
	if (got != want)
		bad(what, got, want);
}

/* The number after a word "KEY=" in argv[0] (words are blank-separated), or -1. */
static long arg0_value(const char *arg0, const char *key)
{
	const char *s, *k;
	long n;

	for (s = arg0; *s; s++) {
		if (s != arg0 && s[-1] != ' ')
			continue;
		for (k = key; *k && *s == *k; s++, k++)
			;
		if (*k || *s != '=')
			continue;
		for (s++, n = 0; *s >= '0' && *s <= '9'; s++)
			n = n * 10 + *s - '0';
		return n;
	}
	return -1;
}

/* Each string starts where the previous one ended; returns the last end. */
static const char *check_packed(char **strs, long n, const char *expect, const char *what)
{
	long i;

	for (i = 0; i < n; i++) {
		if (expect && strs[i] != expect)
			bad(what, (unsigned long)strs[i], (unsigned long)expect);
		expect = strs[i] + slen(strs[i]) + 1;
	}
	return expect;
}

__attribute__((noreturn, used)) void start_c(unsigned long *sp)
{
	long argc = (long)sp[0], envc = 0, i;
	char **argv = (char **)(sp + 1), **envp = argv + argc + 1;
	unsigned long *auxv, execfn = 0, aux[AT_EXECFN + 1] = { 0 };
	long uid, euid, gid, egid, want;
	const char *end;

	check("initial %rsp & 15", entry_rsp & 15, 0);
	for (i = 0; i < 15; i++)
		check(reg_names[i], entry_regs[i], 0);
	check("rflags", entry_rflags, 0x202);
	check("mxcsr", entry_mxcsr, 0x1f80);
	check("x87 control word", entry_fcw, 0x37f);

	check("argc", argc, argc >= 1 ? arg0_value(argv[0], "argc") : -1);
	check("argv[argc]", (unsigned long)argv[argc], 0);
	while (envp[envc])
		envc++;
	for (auxv = (unsigned long *)(envp + envc + 1); auxv[0] != AT_NULL; auxv += 2)
		if (auxv[0] <= AT_EXECFN)
			aux[auxv[0]] = auxv[1];
	execfn = aux[AT_EXECFN];

	end = check_packed(argv, argc, NULL, "argv string");
	end = check_packed(envp, envc, end, "envp string");
	check("AT_EXECFN (after the last string)", execfn, (unsigned long)end);
	if (execfn)
		check("end of AT_EXECFN + 8, page offset",
		      (execfn + slen((char *)execfn) + 1 + 8) & 4095, 0);

	uid = sys3(SYS_getuid, 0, 0, 0);
	euid = sys3(SYS_geteuid, 0, 0, 0);
	gid = sys3(SYS_getgid, 0, 0, 0);
	egid = sys3(SYS_getegid, 0, 0, 0);
	check("AT_UID", aux[AT_UID], uid);
	check("AT_EUID", aux[AT_EUID], euid);
	check("AT_GID", aux[AT_GID], gid);
	check("AT_EGID", aux[AT_EGID], egid);
	check("AT_SECURE", aux[AT_SECURE], uid != euid || gid != egid);
	want = arg0_value(argv[0], "uid");
	if (want >= 0)
		check("uid", uid, want);
	want = arg0_value(argv[0], "euid");
	if (want >= 0)
		check("euid", euid, want);

	sys3(SYS_exit_group, errors ? 1 : 0, 0, 0);
	__builtin_unreachable();
}
