// SPDX-License-Identifier: GPL-2.0
/*
 * proc_rseq: restartable sequences.  Registration fills in cpu_id; the
 * EINVAL/EBUSY/EPERM rules of registering and unregistering; a critical
 * section interrupted by a signal resumes at its abort handler, not
 * where it was.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>
#include "lt.h"

#define SIG	0x53053053

struct rseq_area {
	uint32_t cpu_id_start, cpu_id;
	uint64_t rseq_cs;
	uint32_t flags;
} __attribute__((aligned(32)));

struct rseq_cs {
	uint32_t version, flags;
	uint64_t start_ip, post_commit_offset, abort_ip;
} __attribute__((aligned(32)));

static struct rseq_area area;

/* Spin inside the critical section until *flag is set: 0; aborted: 1. */
int rseq_loop(uint64_t *cs_field, struct rseq_cs *cs, volatile int *flag);
extern char rseq_cs_start[], rseq_cs_end[], rseq_cs_abort[];
__asm__(".text\n"
	".globl rseq_loop\n"
	"rseq_loop:\n"
	"	movq %rsi, (%rdi)\n"
	".globl rseq_cs_start\n"
	"rseq_cs_start:\n"
	"	cmpl $0, (%rdx)\n"
	"	je rseq_cs_start\n"
	".globl rseq_cs_end\n"
	"rseq_cs_end:\n"
	"	movq $0, (%rdi)\n"
	"	xorl %eax, %eax\n"
	"	ret\n"
	"	.long 0x53053053\n"
	".globl rseq_cs_abort\n"
	"rseq_cs_abort:\n"
	"	movl $1, %eax\n"
	"	ret\n");

static long sys_rseq(void *p, uint32_t len, int flags, uint32_t sig)
{
	return syscall(SYS_rseq, p, len, flags, sig);
}

static volatile int fired;

static void on_alarm(int sig)
{
	(void)sig;
	fired = 1;
}

LT_CASE(register_rules)
{
	static char buf[64] __attribute__((aligned(32)));

	area.cpu_id = 12345;
	LT_CHECK_ERR(sys_rseq(buf + 8, 32, 0, SIG), EINVAL);	/* misaligned */
	LT_CHECK_ERR(sys_rseq(&area, 31, 0, SIG), EINVAL);
	LT_CHECK_ERR(sys_rseq(&area, 32, 2, SIG), EINVAL);
	LT_CHECK_ERR(sys_rseq((void *)0xffff880000000000UL, 32, 0, SIG), EFAULT);
	LT_CHECK_OK(sys_rseq(&area, 32, 0, SIG));
	LT_CHECK(area.cpu_id < 1024);		/* filled in on the way out */
	LT_CHECK_EQ(area.cpu_id_start, area.cpu_id);
	LT_CHECK_ERR(sys_rseq(&area, 32, 0, SIG), EBUSY);
	LT_CHECK_ERR(sys_rseq(&area, 32, 0, SIG + 1), EPERM);
	LT_CHECK_ERR(sys_rseq(buf, 32, 0, SIG), EINVAL);
	LT_CHECK_ERR(sys_rseq(&area, 32, 1, SIG + 1), EPERM);
	LT_CHECK_ERR(sys_rseq(buf, 32, 1, SIG), EINVAL);
	LT_CHECK_ERR(sys_rseq(&area, 32, 3, SIG), EINVAL);
	LT_CHECK_OK(sys_rseq(&area, 32, 1, SIG));
	LT_CHECK_EQ(area.cpu_id, (uint32_t)-1);
	LT_CHECK_ERR(sys_rseq(&area, 32, 1, SIG), EINVAL);	/* not registered */
}

LT_CASE(abort_on_signal)
{
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	struct rseq_cs cs = {
		.start_ip = (uintptr_t)rseq_cs_start,
		.post_commit_offset = rseq_cs_end - rseq_cs_start,
		.abort_ip = (uintptr_t)rseq_cs_abort,
	};
	int ret;

	LT_CHECK_OK(sys_rseq(&area, 32, 0, SIG));
	signal(SIGALRM, on_alarm);
	fired = 0;
	LT_CHECK_OK(setitimer(ITIMER_REAL, &it, NULL));
	ret = rseq_loop(&area.rseq_cs, &cs, &fired);
	LT_CHECK_EQ(ret, 1);
	LT_CHECK_EQ(area.rseq_cs, 0);		/* the kernel cleared it */
	while (!fired)
		;
	LT_CHECK_OK(sys_rseq(&area, 32, 1, SIG));
}

int main(void)
{
	lt_begin("proc_rseq");
	LT_RUN(register_rules);
	LT_RUN(abort_on_signal);
	return lt_end();
}
