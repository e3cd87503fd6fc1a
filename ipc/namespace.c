// SPDX-License-Identifier: GPL-2.0
/*
 * IPC namespaces: a private world of System V objects and POSIX message
 * queues.  clone or unshare with CLONE_NEWIPC gives the caller a new,
 * empty namespace: no message queues, semaphore sets or segments, ids
 * counted from the start again, its own mqueue filesystem instance, and
 * the limits (msgmax, sem, shmmax, mqueue/msg_max, ...) at Linux's
 * defaults rather than copied from the parent.  A key names a different
 * object (or none) in each namespace.
 *
 * A namespace is counted by the nsproxies that hold it, the open
 * /proc/PID/ns/ipc files and every mapped shm area (a segment cannot go
 * while it is attached, as on Linux).  When the last reference goes,
 * free_ipc_ns removes every object left in it and lets go of the mqueue
 * instance; queues still open keep that instance alive until closed.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/ipc_namespace.h>
#include <linux/slab.h>
#include <uapi/linux/sched.h>
#include "util.h"

static struct ipc_namespace *create_ipc_ns(void)
{
	struct ipc_namespace *ns = kzalloc(sizeof(*ns), GFP_KERNEL);
	int err;

	if (!ns)
		return ERR_PTR(-ENOMEM);
	refcount_set(&ns->count, 1);
	ns->inum = ns_alloc_inum();
	sem_init_ns(ns);
	msg_init_ns(ns);
	shm_init_ns(ns);
	err = mq_init_ns(ns);
	if (err) {
		kfree(ns);
		return ERR_PTR(err);
	}
	return ns;
}

/* clone/unshare: @ns shared, or a new one for CLONE_NEWIPC. */
struct ipc_namespace *copy_ipcs(unsigned long flags, struct ipc_namespace *ns)
{
	if (!(flags & CLONE_NEWIPC))
		return get_ipc_ns(ns);
	return create_ipc_ns();
}

/*
 * Nobody can reach the namespace any more: no task is in it, nothing is
 * attached, nobody sleeps on its objects (sleepers are tasks in it).
 */
static void free_ipc_ns(struct ipc_namespace *ns)
{
	sem_exit_ns(ns);
	msg_exit_ns(ns);
	shm_exit_ns(ns);
	mq_put_mnt(ns);
	kfree(ns);
}

void put_ipc_ns(struct ipc_namespace *ns)
{
	if (refcount_dec_and_test(&ns->count))
		free_ipc_ns(ns);
}
