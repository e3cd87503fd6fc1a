// SPDX-License-Identifier: GPL-2.0
/*
 * UTS namespaces: what uname(2) reports about the "system" -- above all
 * its host name -- made per namespace, so that a container (or
 * `unshare -u`) can call itself something else without renaming the
 * machine.  A new namespace starts as a copy of its parent's names;
 * sethostname/setdomainname change only the caller's namespace.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/nsproxy.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <uapi/linux/sched.h>

/* Linux numbers the initial UTS namespace's inode 0xEFFFFFFE. */
#define PROC_UTS_INIT_INO	0xEFFFFFFEU

struct uts_namespace init_uts_namespace = {
	.count = REFCOUNT_INIT(2),	/* init_nsproxy's, never dropped */
	.name = &init_uts_ns,
	.inum = PROC_UTS_INIT_INO,
};

static unsigned int next_ns_inum = 0xF0000000U;

/* A namespace inode number, unique while the machine runs (nsfs). */
unsigned int ns_alloc_inum(void)
{
	return __atomic_fetch_add(&next_ns_inum, 1, __ATOMIC_RELAXED);
}

struct new_utsname *utsname(void)
{
	return task_nsproxy(current)->uts_ns->name;
}

/* The namespace and its names in one allocation. */
struct uts_namespace_alloc {
	struct uts_namespace ns;
	struct new_utsname name;
};

struct uts_namespace *copy_utsname(unsigned long flags, struct uts_namespace *old)
{
	struct uts_namespace_alloc *a;

	if (!(flags & CLONE_NEWUTS)) {
		refcount_inc(&old->count);
		return old;
	}
	a = kmalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return ERR_PTR(-ENOMEM);
	refcount_set(&a->ns.count, 1);
	memcpy(&a->name, old->name, sizeof(a->name));
	a->ns.name = &a->name;
	a->ns.inum = ns_alloc_inum();
	return &a->ns;
}

void put_uts_ns(struct uts_namespace *ns)
{
	if (refcount_dec_and_test(&ns->count))
		kfree(container_of(ns, struct uts_namespace_alloc, ns));
}
