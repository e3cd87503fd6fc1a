/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lt.h: the user-space test harness.  Each test program is a static musl
 * binary whose main() runs a list of cases; every case prints exactly one
 * line on fd 1:
 *
 *	PASS <suite>/<case>
 *	FAIL <suite>/<case>: <file>:<line>: <what was expected, what came>
 *
 * A case is a void function; the first failing check records the reason
 * and returns from it:
 *
 *	LT_CASE(brk_grow) {
 *		LT_CHECK_ERR(syscall(SYS_munmap, 1, 4096), EINVAL);
 *		...
 *	}
 *	int main(void) { lt_begin("mm_brk"); LT_RUN(brk_grow); return lt_end(); }
 *
 * Checks also work in a child process (fork, vfork, clone): there a failure
 * stores its reason in a page shared with the parent and exits with
 * LT_CHILD_FAILED, and the parent's LT_CHECK_WAIT() quotes that reason.
 * lt_note() adds a "# <suite>/<case>: ..." comment line (measurements).
 * Lines are built in a buffer and written with one write(2), so output
 * from several processes never interleaves within a line.
 */
#ifndef LT_H
#define LT_H

#include <errno.h>
#include <stddef.h>
#include <sys/types.h>

#define LT_CHILD_FAILED		99	/* exit status of a child whose check failed */
#define LT_WAIT_TIMEOUT_MS	20000	/* lt_wait() kills a child after this long */
#define LT_WAIT_TIMEDOUT	(-2)	/* lt_wait(): the child had to be killed */

/* Wait statuses as wait4() reports them, for LT_CHECK_WAIT(). */
#define LT_EXITED(code)		(((code) & 0xff) << 8)
#define LT_KILLED(sig)		(sig)

void lt_begin(const char *suite);
int lt_end(void);
void lt_run(const char *name, void (*fn)(void));

void lt_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void lt_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int lt_is_err(long ret, int err);
int lt_wait(pid_t pid);
const char *lt_errname(int err);
const char *lt_signame(int sig);
const char *lt_status(int status);
const char *lt_child_reason(void);
void *lt_shared(size_t size);
long long lt_now_ns(void);
void lt_sleep_ms(long ms);
int lt_wait_flag(volatile int *flag, int value, int timeout_ms);
/* Run argv[0] with stdout into @out (NUL-terminated); the wait status or -1. */
int lt_run_capture(char *const argv[], char *out, size_t size);
/* The file at @path into @buf (NUL-terminated, at most size - 1 bytes); its length or -1. */
long lt_read_file(const char *path, char *buf, size_t size);
/* The loopback interface up (Linux boots it down; the network tests need it). */
void lt_lo_up(void);
/* A counter of /proc/net/snmp: @name in the @proto ("Ip", "Udp"...) lines; -1 if absent. */
long lt_snmp(const char *proto, const char *name);

#define LT_CASE(name)	static void lt_case_##name(void)
#define LT_RUN(name)	lt_run(#name, lt_case_##name)

#define LT_FAIL(...)	do { lt_fail(__FILE__, __LINE__, __VA_ARGS__); return; } while (0)

#define LT_CHECK(cond) do {						\
	if (!(cond))							\
		LT_FAIL("check failed: %s (errno %s)", #cond,		\
			lt_errname(errno));				\
} while (0)

#define LT_CHECK_EQ(expr, want) do {					\
	long long lt_got_ = (long long)(expr);				\
	long long lt_want_ = (long long)(want);				\
	if (lt_got_ != lt_want_)					\
		LT_FAIL("%s: expected %lld (%#llx), got %lld (%#llx) (errno %s)", \
			#expr, lt_want_, lt_want_, lt_got_, lt_got_,	\
			lt_errname(errno));				\
} while (0)

/* The call succeeded: it did not return -1 (or MAP_FAILED). */
#define LT_CHECK_OK(expr) do {						\
	errno = 0;							\
	long lt_ret_ = (long)(expr);					\
	if (lt_ret_ == -1)						\
		LT_FAIL("%s: expected success, got -1 (errno %s)",	\
			#expr, lt_errname(errno));			\
} while (0)

/*
 * The call failed with ERR: a libc-style -1 with errno == ERR, or a raw
 * kernel return of -ERR.
 */
#define LT_CHECK_ERR(expr, err) do {					\
	errno = 0;							\
	long lt_ret_ = (long)(expr);					\
	if (!lt_is_err(lt_ret_, (err)))					\
		LT_FAIL("%s: expected %s, got %ld (errno %s)", #expr,	\
			lt_errname(err), lt_ret_, lt_errname(errno));	\
} while (0)

/* Wait (bounded) for child PID and compare its wait status. */
#define LT_CHECK_WAIT(pid, want) do {					\
	int lt_st_ = lt_wait(pid);					\
	if (lt_st_ != (want)) {						\
		char lt_w_[40];						\
		lt_copy_status(lt_w_, sizeof(lt_w_), (want));		\
		LT_FAIL("child %d: expected %s, got %s%s%s", (int)(pid), \
			lt_w_, lt_status(lt_st_),			\
			*lt_child_reason() ? ": " : "", lt_child_reason()); \
	}								\
} while (0)

void lt_copy_status(char *buf, size_t size, int status);

/* A system call without libc: no errno, returns -ERR on failure. */
static inline long lt_syscall(long n, long a1, long a2, long a3, long a4,
			      long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

#endif /* LT_H */
