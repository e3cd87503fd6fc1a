/*
 * syscall_fuzz: many system calls with garbage arguments must give error
 * codes (or succeed harmlessly), never crash or hang the kernel.
 *
 * A child calls randomly chosen system calls with arguments drawn from a
 * pool of troublemakers: 0, -1, small and huge numbers, NULL, kernel and
 * unmapped addresses, a pointer into a buffer of random bytes (so the
 * kernel parses garbage structures and strings), and one just before the
 * buffer's end (so a copy straddles into an unmapped page).  A periodic
 * SIGALRM interrupts calls that block.  Left out are the calls that would
 * take the child's own ground away (exit, exec, mmap & co., signal
 * masks and handlers, fatal signals, seccomp, rseq) or disturb the rest
 * of the test system (reboot, mount, the clock, hostname, other
 * processes' limits and priorities).  The child must finish its rounds
 * and exit 0; testinit fails the program if the kernel logs a bug
 * report meanwhile.  The seeds are fixed: a failure repeats.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>
#include "lt.h"

#define ROUNDS		10000
#define BUF_PAGES	4

static const long skip[] = {
	/* the child's own ground */
	SYS_exit, SYS_exit_group, SYS_execve, SYS_execveat, SYS_fork, SYS_vfork,
	SYS_clone, SYS_clone3, SYS_mmap, SYS_munmap, SYS_mremap, SYS_mprotect,
	SYS_pkey_mprotect, SYS_brk, SYS_madvise, SYS_remap_file_pages, SYS_shmat,
	SYS_shmdt, SYS_rt_sigaction, SYS_rt_sigprocmask, SYS_rt_sigreturn,
	SYS_rt_sigsuspend, SYS_ppoll, SYS_pselect6, SYS_epoll_pwait,
#ifdef SYS_epoll_pwait2
	SYS_epoll_pwait2,
#endif
	SYS_io_pgetevents, SYS_setitimer, SYS_alarm, SYS_timer_create, SYS_arch_prctl,
	SYS_rseq, SYS_seccomp, SYS_prctl, SYS_setrlimit, SYS_process_vm_writev,
	SYS_ptrace,
	/* signals that could reach anyone */
	SYS_kill, SYS_tkill, SYS_tgkill, SYS_rt_sigqueueinfo, SYS_rt_tgsigqueueinfo,
#ifdef SYS_pidfd_send_signal
	SYS_pidfd_send_signal,
#endif
	/* the rest of the system */
	SYS_reboot, SYS_kexec_load, SYS_kexec_file_load, SYS_init_module,
	SYS_finit_module, SYS_delete_module, SYS_mount, SYS_umount2, SYS_pivot_root,
	SYS_chroot, SYS_swapon, SYS_swapoff, SYS_settimeofday, SYS_clock_settime,
	SYS_adjtimex, SYS_clock_adjtime, SYS_sethostname, SYS_setdomainname,
	SYS_acct, SYS_vhangup, SYS_iopl, SYS_ioperm, SYS_syslog, SYS_prlimit64,
	SYS_setpriority, SYS_sched_setscheduler, SYS_sched_setparam, SYS_sched_setattr,
#ifdef SYS_move_mount
	SYS_move_mount, SYS_fsmount, SYS_fsconfig, SYS_fsopen, SYS_open_tree,
#endif
#ifdef SYS_mount_setattr
	SYS_mount_setattr,
#endif
	SYS_quotactl,
};

static const int ignored[] = {
	SIGPIPE, SIGXFSZ, SIGIO, SIGHUP, SIGTTIN, SIGTTOU, SIGTSTP, SIGPROF,
	SIGVTALRM, SIGXCPU, SIGUSR1, SIGUSR2,
};

static uint64_t rng;

static uint64_t next_rand(void)
{
	/* xorshift64*: small, and the same sequence on every kernel */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ULL;
}

static int skipped(long nr)
{
	unsigned int i;

	for (i = 0; i < sizeof(skip) / sizeof(skip[0]); i++)
		if (skip[i] == nr)
			return 1;
	return 0;
}

static unsigned char *buf;

static long garbage_arg(void)
{
	uint64_t r = next_rand();

	switch (r % 14) {
	case 0: return 0;
	case 1: return -1;
	case 2: return 1;
	case 3: return (long)(r >> 8) % 64;			/* small: fds, flags, sizes */
	case 4: return (long)(r >> 8);				/* anything */
	case 5: return (long)0xffff880000000000UL;		/* kernel space */
	case 6: return (long)0xffffffffff600000UL;		/* vsyscall page */
	case 7: return 0x10;					/* unmapped, low */
	case 8: return (long)0x00007ffffffff000UL;		/* top of user space */
	case 9: return (long)(buf + (r >> 8) % (BUF_PAGES * 4096));	/* garbage in memory */
	case 10: return (long)(buf + BUF_PAGES * 4096 - 1 - (r >> 8) % 16);	/* straddles */
	case 11: return 1L << ((r >> 8) % 63);		/* one bit */
	case 12: return (long)(int)(r >> 8);		/* sign-extended int */
	default: return (long)buf;
	}
}

static void on_alarm(int sig)
{
	(void)sig;	/* only to interrupt a blocking call */
}

/* The child: @rounds garbage calls, then exit 0 (straight to the kernel). */
static void fuzz(uint64_t seed, int rounds)
{
	struct itimerval it = { { 0, 10000 }, { 0, 10000 } };
	struct sigaction sa;
	int i, fd;

	rng = seed;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;	/* no SA_RESTART: blocked calls return EINTR */
	sigaction(SIGALRM, &sa, NULL);
	/* Signals garbage may legitimately earn (a write to a pipe without
	 * reader, O_ASYNC on a random fd, ...) must not end the run. */
	sa.sa_handler = SIG_IGN;
	for (i = 0; i < (int)(sizeof(ignored) / sizeof(ignored[0])); i++)
		sigaction(ignored[i], &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	/* Garbage writes to fds 0-2 must not reach the console. */
	fd = open("/dev/null", O_RDWR);
	if (fd < 0)
		fd = open("/tests/data/empty", O_RDWR);
	for (i = 0; i < 3 && fd >= 0; i++)
		dup2(fd, i);
	for (i = 0; i < rounds; i++) {
		long nr, a[6];
		int j;

		do {
			nr = next_rand() % 450;
		} while (skipped(nr) || (nr > 334 && nr < 424));
		for (j = 0; j < 6; j++)
			a[j] = garbage_arg();
		if (i % 64 == 0)	/* fresh garbage now and then */
			for (j = 0; j < BUF_PAGES * 4096; j += 8)
				*(uint64_t *)(buf + j) = next_rand();
		lt_syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	}
	lt_syscall(SYS_exit_group, 0, 0, 0, 0, 0, 0);
}

static void run_seed(uint64_t seed)
{
	pid_t pid;

	pid = fork();
	if (pid == 0)
		fuzz(seed, ROUNDS);
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(seed_1)
{
	run_seed(0x9e3779b97f4a7c15ULL);
}

LT_CASE(seed_2)
{
	run_seed(0xd1b54a32d192ed03ULL);
}

LT_CASE(seed_3)
{
	run_seed(0x2545f4914f6cdd1dULL);
}

int main(void)
{
	/* The garbage buffer, followed by an unmapped page. */
	buf = mmap(NULL, (BUF_PAGES + 1) * 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED)
		return 1;
	munmap(buf + BUF_PAGES * 4096, 4096);
	lt_begin("syscall_fuzz");
	LT_RUN(seed_1);
	LT_RUN(seed_2);
	LT_RUN(seed_3);
	return lt_end();
}
