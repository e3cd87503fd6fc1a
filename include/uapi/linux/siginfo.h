/* SPDX-License-Identifier: GPL-2.0 */
/* siginfo_t as the x86-64 ABI lays it out (128 bytes). */
#ifndef _UAPI_LINUX_SIGINFO_H
#define _UAPI_LINUX_SIGINFO_H

#include <linux/types.h>

#define SI_MAX_SIZE	128

typedef union sigval {
	int sival_int;
	void __user *sival_ptr;
} sigval_t;

typedef struct kernel_siginfo_fields {
	int si_signo;
	int si_errno;
	int si_code;
	int __pad0;
	union {
		struct {		/* kill, sigqueue */
			pid_t _pid;
			uid_t _uid;
			sigval_t _sigval;
		} _rt;
		struct {		/* SIGCHLD */
			pid_t _pid;
			uid_t _uid;
			int _status;
			long _utime;
			long _stime;
		} _sigchld;
		struct {		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void __user *_addr;
			short _addr_lsb;
		} _sigfault;
		struct {		/* timers */
			int _tid;
			int _overrun;
			sigval_t _sigval;
		} _timer;
		struct {		/* SIGSYS from seccomp's SECCOMP_RET_TRAP */
			void __user *_call_addr;
			int _syscall;
			unsigned int _arch;
		} _sigsys;
		struct {		/* SIGIO and F_SETSIG's signal */
			long _band;
			int _fd;
		} _sigpoll;
	} _sifields;
} kernel_siginfo_fields_t;

typedef union siginfo {
	kernel_siginfo_fields_t f;
	char _pad[SI_MAX_SIZE];
} siginfo_t;

#define si_signo	f.si_signo
#define si_errno	f.si_errno
#define si_code		f.si_code
#define si_pid		f._sifields._rt._pid
#define si_uid		f._sifields._rt._uid
#define si_value	f._sifields._rt._sigval
#define si_status	f._sifields._sigchld._status
#define si_utime	f._sifields._sigchld._utime
#define si_stime	f._sifields._sigchld._stime
#define si_addr		f._sifields._sigfault._addr
#define si_call_addr	f._sifields._sigsys._call_addr
#define si_syscall	f._sifields._sigsys._syscall
#define si_arch		f._sifields._sigsys._arch
#define si_int		f._sifields._rt._sigval.sival_int
#define si_ptr		f._sifields._rt._sigval.sival_ptr
#define si_band		f._sifields._sigpoll._band
#define si_fd		f._sifields._sigpoll._fd

#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	-1
#define SI_TIMER	-2
#define SI_MESGQ	-3
#define SI_ASYNCIO	-4
#define SI_SIGIO	-5
#define SI_TKILL	-6

#define SYS_SECCOMP	1	/* SIGSYS: a seccomp filter said SECCOMP_RET_TRAP */

#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRERR	2
#define ILL_ILLOPN	2
#define FPE_INTDIV	1
#define TRAP_BRKPT	1
#define TRAP_TRACE	2	/* single-step */

/* si_code of SIGIO/SIGPOLL: what happened to the file. */
#define POLL_IN		1	/* data to read */
#define POLL_OUT	2	/* room to write */
#define POLL_MSG	3
#define POLL_ERR	4
#define POLL_PRI	5
#define POLL_HUP	6

#endif
