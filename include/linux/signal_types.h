/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's signal bookkeeping types. */
#ifndef _LINUX_SIGNAL_TYPES_H
#define _LINUX_SIGNAL_TYPES_H

#include <linux/list.h>
#include <linux/refcount.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/siginfo.h>

typedef void __signalfn_t(int);
typedef __signalfn_t __user *__sighandler_t;
typedef void __restorefn_t(void);
typedef __restorefn_t __user *__sigrestore_t;

typedef struct {
	unsigned long sig[_NSIG_WORDS];
} sigset_t;

struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	sigset_t sa_mask;
};

struct k_sigaction {
	struct sigaction sa;
};

/*
 * Pending signals: the set says which are pending; the list holds one
 * struct sigqueue per queued instance, in arrival order, carrying its
 * siginfo.  A standard signal has at most one entry (it coalesces); a
 * real-time signal has one per send.
 */
struct sigpending {
	struct list_head list;
	sigset_t signal;
};

struct user_struct;

struct sigqueue {
	struct list_head list;
	siginfo_t info;
	struct user_struct *user;	/* charged for RLIMIT_SIGPENDING */
};

/* The alternate signal stack, as sigaltstack(2) passes it. */
typedef struct sigaltstack {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig[0] |= 1UL << (sig - 1);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig[0] &= ~(1UL << (sig - 1));
}

static inline int sigismember(const sigset_t *set, int sig)
{
	return (set->sig[0] >> (sig - 1)) & 1;
}

static inline void sigemptyset(sigset_t *set)
{
	set->sig[0] = 0;
}

static inline int sigisemptyset(const sigset_t *set)
{
	return set->sig[0] == 0;
}

#define sigmask(sig)	(1UL << ((sig) - 1))

static inline void sigaddsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] |= mask;
}

static inline void sigdelsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] &= ~mask;
}

#endif
