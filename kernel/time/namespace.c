// SPDX-License-Identifier: GPL-2.0
/*
 * Time namespaces.  A namespace carries two offsets, for CLOCK_MONOTONIC
 * and CLOCK_BOOTTIME, that its tasks see added to the host's clocks: a
 * container restored on another machine keeps its clocks going forward
 * from where they were.  CLOCK_REALTIME is not virtualized.
 *
 * unshare(CLONE_NEWTIME) makes the namespace for the caller's future
 * children only (nsproxy->time_ns_for_children); the caller's own clocks
 * must not jump under it.  The creator writes the offsets through
 * /proc/PID/timens_offsets while no task is inside; the first task to
 * enter (by fork or setns) freezes them.  The kernel keeps host time
 * throughout and converts at the boundary: clock reads add the offset,
 * absolute timer expiries subtract it.  The vDSO learns the offsets from
 * a per-namespace [vvar] page (arch/x86/entry/vdso/vma.c).
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/nsproxy.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/time_namespace.h>
#include <uapi/linux/capability.h>
#include <uapi/linux/sched.h>
#include <uapi/linux/time_types.h>

#define PROC_TIME_INIT_INO	0xEFFFFFFAU
#define KTIME_SEC_MAX		(KTIME_MAX / NSEC_PER_SEC)

struct time_namespace init_time_ns = {
	.count = REFCOUNT_INIT(1),
	.inum = PROC_TIME_INIT_INO,
	.frozen_offsets = true,
};

/* Serializes offset writes against the first entry into a namespace. */
static DEFINE_MUTEX(offset_lock);

struct time_namespace *copy_time_ns(unsigned long flags, struct time_namespace *old)
{
	struct time_namespace *ns;

	if (!(flags & CLONE_NEWTIME))
		return get_time_ns(old);
	ns = kzalloc(sizeof(*ns), GFP_KERNEL);
	if (!ns)
		return ERR_PTR(-ENOMEM);
	ns->vvar_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!ns->vvar_page) {
		kfree(ns);
		return ERR_PTR(-ENOMEM);
	}
	refcount_set(&ns->count, 1);
	ns->inum = ns_alloc_inum();
	/* A new namespace starts with its parent's offsets, as Linux. */
	ns->offsets = old->offsets;
	return ns;
}

void put_time_ns(struct time_namespace *ns)
{
	if (!refcount_dec_and_test(&ns->count))
		return;
	/* Address spaces still mapping the page hold their own references. */
	put_page(ns->vvar_page);
	kfree(ns);
}

/*
 * A task is about to run in @ns: its offsets become fixed, the vDSO page
 * gets them, and @tsk's address space shows that page as [vvar].
 */
static void timens_commit(struct task_struct *tsk, struct time_namespace *ns)
{
	if (ns == &init_time_ns)
		goto join;
	mutex_lock(&offset_lock);
	if (!ns->frozen_offsets) {
		vdso_init_timens_page(ns->vvar_page, &ns->offsets);
		ns->frozen_offsets = true;
	}
	mutex_unlock(&offset_lock);
join:
	if (tsk->mm)
		vdso_join_timens(tsk->mm, ns);
}

void timens_on_fork(struct nsproxy *nsproxy, struct task_struct *tsk)
{
	struct time_namespace *ns = nsproxy->time_ns_for_children;

	if (nsproxy->time_ns == ns)
		return;
	put_time_ns(nsproxy->time_ns);
	nsproxy->time_ns = get_time_ns(ns);
	timens_commit(tsk, ns);
}

/* Called once the caller's nsproxy holds @ns (setns). */
void timens_commit_current(struct time_namespace *ns)
{
	timens_commit(current, ns);
}

static s64 offset_of(const struct timens_offsets *o, clockid_t clock)
{
	switch (clock) {
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
		return o->monotonic;
	case CLOCK_BOOTTIME:
	case CLOCK_BOOTTIME_ALARM:
		return o->boottime;
	default:
		return 0;
	}
}

/* The caller's own namespace has frozen offsets: no lock needed. */
s64 timens_clock_offset(clockid_t clock)
{
	return offset_of(&task_nsproxy(current)->time_ns->offsets, clock);
}

s64 timens_ktime_to_host(clockid_t clock, s64 tim)
{
	s64 off = timens_clock_offset(clock);

	if (!off)
		return tim;
	/* Before the namespace's zero: already past, expire at once. */
	if (tim < off)
		return 0;
	if (off < 0 && tim > KTIME_MAX + off)
		return KTIME_MAX;
	return tim - off;
}

static void show_offset(struct seq_file *m, const char *clock, s64 ns)
{
	s64 sec = ns / NSEC_PER_SEC;
	long nsec = ns % NSEC_PER_SEC;

	/* Written as seconds and a non-negative nanosecond part. */
	if (nsec < 0) {
		sec--;
		nsec += NSEC_PER_SEC;
	}
	seq_printf(m, "%-10s %10lld %9ld\n", clock, sec, nsec);
}

/* The offsets of the namespace @p's children will be in. */
int proc_timens_show_offsets(struct task_struct *p, struct seq_file *m)
{
	struct time_namespace *ns;
	struct timens_offsets o;

	task_lock(p);
	if (!p->nsproxy) {
		task_unlock(p);
		return -ESRCH;
	}
	ns = get_time_ns(p->nsproxy->time_ns_for_children);
	task_unlock(p);
	mutex_lock(&offset_lock);
	o = ns->offsets;
	mutex_unlock(&offset_lock);
	put_time_ns(ns);
	show_offset(m, "monotonic", o.monotonic);
	show_offset(m, "boottime", o.boottime);
	return 0;
}

struct proc_timens_offset {
	clockid_t clockid;
	s64 sec;
	unsigned long nsec;
};

/*
 * Parse up to two "<clock> <sec> <nsec>" lines of @buf (@count bytes and
 * a NUL); <clock> is a name or a clock ID.  Returns how many bytes were
 * used, or -EINVAL.
 */
static ssize_t parse_offsets(char *buf, size_t count, struct proc_timens_offset *offs, int *n)
{
	char *pos = buf, *next;

	*n = 0;
	while (pos) {
		struct proc_timens_offset *off = &offs[*n];
		char clock[10];

		next = strchr(pos, '\n');
		if (next) {
			*next++ = '\0';
			if (!*next)
				next = NULL;
		}
		if (sscanf(pos, "%9s %lld %lu", clock, &off->sec, &off->nsec) != 3 ||
		    off->nsec >= NSEC_PER_SEC)
			return -EINVAL;
		if (!strcmp(clock, "monotonic") || !strcmp(clock, "1"))
			off->clockid = CLOCK_MONOTONIC;
		else if (!strcmp(clock, "boottime") || !strcmp(clock, "7"))
			off->clockid = CLOCK_BOOTTIME;
		else
			return -EINVAL;
		if (++*n == 2) {
			/* Linux takes two lines per write: a short write says so. */
			if (next)
				return next - buf;
			break;
		}
		pos = next;
	}
	return count;
}

ssize_t proc_timens_set_offset(struct task_struct *p, char *buf, size_t count)
{
	struct proc_timens_offset offs[2];
	struct time_namespace *ns;
	ssize_t used, err;
	int i, n;

	used = parse_offsets(buf, count, offs, &n);
	if (used < 0)
		return used;
	task_lock(p);
	if (!p->nsproxy) {
		task_unlock(p);
		return -ESRCH;
	}
	ns = get_time_ns(p->nsproxy->time_ns_for_children);
	task_unlock(p);
	err = -EPERM;
	if (!capable(CAP_SYS_TIME))
		goto out;
	/* The clock as seen through the offset must stay in [0, KTIME_SEC_MAX / 2]. */
	err = -ERANGE;
	for (i = 0; i < n; i++) {
		s64 now = offs[i].clockid == CLOCK_MONOTONIC ? (s64)ktime_get_ns()
							      : (s64)ktime_get_boottime_ns();
		s64 sec;

		if (offs[i].sec > KTIME_SEC_MAX || offs[i].sec < -KTIME_SEC_MAX)
			goto out;
		sec = now / NSEC_PER_SEC + offs[i].sec +
		      (s64)((now % NSEC_PER_SEC + offs[i].nsec) / NSEC_PER_SEC);
		if (sec < 0 || sec > KTIME_SEC_MAX / 2)
			goto out;
	}
	mutex_lock(&offset_lock);
	err = -EACCES;
	if (ns->frozen_offsets)
		goto out_unlock;
	for (i = 0; i < n; i++) {
		s64 v = offs[i].sec * NSEC_PER_SEC + (s64)offs[i].nsec;

		if (offs[i].clockid == CLOCK_MONOTONIC)
			ns->offsets.monotonic = v;
		else
			ns->offsets.boottime = v;
	}
	err = used;
out_unlock:
	mutex_unlock(&offset_lock);
out:
	put_time_ns(ns);
	return err;
}
