// SPDX-License-Identifier: GPL-2.0
/*
 * Process IDs: allocation and lookup.  PIDs are handed out in increasing
 * order from a bitmap, wrapping at pid_max and skipping ones in use (as
 * Linux does, so a just-freed PID is not reused at once), and found again
 * through a small hash table.  Lock: pidmap_lock (irqsave: lookups may
 * come from interrupt context later).
 */
#include <linux/kernel.h>
#include <linux/bitmap.h>
#include <linux/pid.h>
#include <linux/sched.h>

#define PIDHASH_BITS	8

int pid_max = PID_MAX_DEFAULT;
static DECLARE_BITMAP(pidmap, PID_MAX_DEFAULT);
int last_pid;			/* the pid handed out last: /proc/loadavg */
static struct hlist_head pid_hash[1 << PIDHASH_BITS];
static DEFINE_SPINLOCK(pidmap_lock);

static struct hlist_head *pid_hashfn(pid_t nr)
{
	return &pid_hash[(nr * 2654435761u) >> (32 - PIDHASH_BITS)];
}

/*
 * The next free PID after the last one given out; -EAGAIN when all are
 * taken.  @set_tid (clone3, for checkpoint/restore) asks for one PID:
 * -EEXIST if it is in use.
 */
pid_t alloc_pid(struct task_struct *p, pid_t set_tid)
{
	unsigned long flags;
	int nr;

	spin_lock_irqsave(&pidmap_lock, flags);
	if (set_tid) {
		if (test_bit(set_tid, pidmap)) {
			spin_unlock_irqrestore(&pidmap_lock, flags);
			return -EEXIST;
		}
		nr = set_tid;
		goto found;
	}
	nr = find_next_zero_bit(pidmap, pid_max, last_pid + 1);
	if (nr >= pid_max)	/* wrap; PIDs below 300 are for early daemons */
		nr = find_next_zero_bit(pidmap, pid_max, last_pid >= 300 ? 300 : 1);
	if (nr >= pid_max) {
		spin_unlock_irqrestore(&pidmap_lock, flags);
		return -EAGAIN;
	}
	last_pid = nr;
found:
	__set_bit(nr, pidmap);
	p->pid = nr;
	hlist_add_head(&p->pid_link, pid_hashfn(nr));
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return nr;
}

void free_pid(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&pidmap_lock, flags);
	hlist_del_init(&p->pid_link);
	__clear_bit(p->pid, pidmap);
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

/*
 * execve from a thread that is not the leader (de_thread): the thread
 * takes over the leader's PID, and the dying leader gets the thread's.
 */
void exchange_tids(struct task_struct *left, struct task_struct *right)
{
	unsigned long flags;
	pid_t nr;

	spin_lock_irqsave(&pidmap_lock, flags);
	hlist_del_init(&left->pid_link);
	hlist_del_init(&right->pid_link);
	nr = left->pid;
	left->pid = right->pid;
	right->pid = nr;
	hlist_add_head(&left->pid_link, pid_hashfn(left->pid));
	hlist_add_head(&right->pid_link, pid_hashfn(right->pid));
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

struct task_struct *find_task_by_vpid(pid_t nr)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	/* The bitmap's size, not pid_max: lowering pid_max hides no live task. */
	if (nr <= 0 || nr >= PID_MAX_DEFAULT)
		return NULL;
	spin_lock_irqsave(&pidmap_lock, flags);
	hlist_for_each_entry(p, pid_hashfn(nr), pid_link) {
		if (p->pid == nr) {
			found = p;
			break;
		}
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return found;
}
