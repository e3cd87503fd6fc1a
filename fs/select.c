// SPDX-License-Identifier: GPL-2.0
/*
 * poll, ppoll, select and pselect6: wait until one of several files is
 * ready, a time-out passes, or a signal comes.
 *
 * Each round asks every file's ->poll (<linux/poll.h>).  The first round
 * also hangs this task on every wait queue a file names with poll_wait()
 * (__pollwait below, one poll_table_entry per queue, each holding a
 * reference to its file so a close meanwhile cannot free the queue).
 * Whichever queue is woken first sets pwq->triggered and wakes us; we
 * scan again.  Later rounds pass no queueing function: the entries from
 * the first round stay until poll_freewait() at the end.
 *
 * Time-outs are absolute CLOCK_MONOTONIC deadlines in ns: NULL waits
 * forever, 0 does not wait.  ppoll, select and pselect6 write the time
 * left back, as the raw Linux calls do.  A signal ends the wait with
 * -ERESTARTNOHAND: EINTR once a handler ran (even under SA_RESTART),
 * restarted only when no handler did.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/time_types.h>

struct poll_wqueues;

struct poll_table_entry {
	struct file *filp;
	wait_queue_entry_t wait;
	wait_queue_head_t *wait_address;
	struct poll_wqueues *pwq;
};

/* Entries come a page at a time: a poll of many fds needs many. */
struct poll_table_page {
	struct poll_table_page *next;
	unsigned int nr;
	struct poll_table_entry entries[];
};

#define POLL_ENTRIES_PER_PAGE \
	((PAGE_SIZE - sizeof(struct poll_table_page)) / sizeof(struct poll_table_entry))

struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;
	bool triggered;		/* a queue was woken since we last looked */
	int error;		/* no memory for an entry */
};

/* ---------- the wait-queue side ---------- */

static int pollwake(wait_queue_entry_t *wait, unsigned int mode, int sync, void *key)
{
	struct poll_table_entry *entry = container_of(wait, struct poll_table_entry, wait);

	/* Before the wake-up: a poller about to sleep sees it and does not. */
	WRITE_ONCE(entry->pwq->triggered, true);
	return default_wake_function(wait, mode, sync, key);
}

static struct poll_table_entry *poll_get_entry(struct poll_wqueues *pwq)
{
	struct poll_table_page *page = pwq->table;

	if (!page || page->nr == POLL_ENTRIES_PER_PAGE) {
		page = kmalloc(PAGE_SIZE, GFP_KERNEL);
		if (!page) {
			pwq->error = -ENOMEM;
			return NULL;
		}
		page->nr = 0;
		page->next = pwq->table;
		pwq->table = page;
	}
	return &page->entries[page->nr++];
}

static void __pollwait(struct file *filp, wait_queue_head_t *wq, poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(pwq);

	if (!entry)
		return;
	entry->filp = get_file(filp);
	entry->wait_address = wq;
	entry->pwq = pwq;
	entry->wait.flags = 0;
	entry->wait.private = current;
	entry->wait.func = pollwake;
	INIT_LIST_HEAD(&entry->wait.entry);
	add_wait_queue(wq, &entry->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt._qproc = __pollwait;
	pwq->table = NULL;
	pwq->triggered = false;
	pwq->error = 0;
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *page = pwq->table, *next;
	unsigned int i;

	for (; page; page = next) {
		for (i = 0; i < page->nr; i++) {
			remove_wait_queue(page->entries[i].wait_address, &page->entries[i].wait);
			fput(page->entries[i].filp);
		}
		next = page->next;
		kfree(page);
	}
	pwq->table = NULL;
}

/*
 * Sleep until a queue is woken, a signal comes, or @deadline.  Returns
 * false without sleeping once the deadline has passed.  The deadline
 * is checked against the clock, not the jiffies slept, so a wait never
 * ends early.
 */
static bool poll_schedule_timeout(struct poll_wqueues *pwq, const u64 *deadline)
{
	long timeout = MAX_SCHEDULE_TIMEOUT;

	if (deadline) {
		u64 now = ktime_get_ns();

		if (now >= *deadline)
			return false;
		timeout = DIV_ROUND_UP(*deadline - now, TICK_NSEC);
	}
	set_current_state(TASK_INTERRUPTIBLE);
	if (!READ_ONCE(pwq->triggered))
		schedule_timeout(timeout);
	__set_current_state(TASK_RUNNING);
	WRITE_ONCE(pwq->triggered, false);
	return true;
}

/* Why a scan that found nothing stops waiting, or 0 to go on waiting. */
static int poll_stop_reason(struct poll_wqueues *pwq)
{
	if (pwq->error)
		return pwq->error;
	if (signal_pending(current))
		return -ERESTARTNOHAND;
	return 0;
}

/* ---------- time-outs ---------- */

#define POLL_MAX_NS	(1ULL << 62)	/* "forever" for all practical purposes */

static u64 deadline_after(u64 sec, u64 nsec)
{
	u64 ns = sec >= POLL_MAX_NS / NSEC_PER_SEC ? POLL_MAX_NS : sec * NSEC_PER_SEC + nsec;

	return ns ? ktime_get_ns() + ns : 0;
}

static int get_timeout_ts(const struct __kernel_timespec __user *uts, u64 *deadline)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*deadline = deadline_after(ts.tv_sec, ts.tv_nsec);
	return 0;
}

static int get_timeout_tv(const struct __kernel_old_timeval __user *utv, u64 *deadline)
{
	struct __kernel_old_timeval tv;

	if (copy_from_user(&tv, utv, sizeof(tv)))
		return -EFAULT;
	if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= USEC_PER_SEC)
		return -EINVAL;
	*deadline = deadline_after(tv.tv_sec, tv.tv_usec * NSEC_PER_USEC);
	return 0;
}

/*
 * Write the time left back (a zero time-out is left alone, as on Linux).
 * A failed write is ignored: the call itself succeeded.
 */
static void put_time_left(const u64 *deadline, void __user *utime, bool timeval)
{
	u64 now = ktime_get_ns(), left;

	if (!utime || !deadline || !*deadline)
		return;
	left = now < *deadline ? *deadline - now : 0;
	if (timeval) {
		struct __kernel_old_timeval tv = {
			.tv_sec = left / NSEC_PER_SEC,
			.tv_usec = (left % NSEC_PER_SEC) / NSEC_PER_USEC,
		};

		if (copy_to_user(utime, &tv, sizeof(tv)))
			return;
	} else {
		struct __kernel_timespec ts = {
			.tv_sec = left / NSEC_PER_SEC,
			.tv_nsec = left % NSEC_PER_SEC,
		};

		if (copy_to_user(utime, &ts, sizeof(ts)))
			return;
	}
}

/* ---------- signal masks (ppoll, pselect6) ---------- */

/*
 * Wait with @umask blocked.  The old mask is put back after a handler
 * ran (restore_sigmask, as rt_sigsuspend does), so a signal unblocked
 * only for the wait is still delivered to its handler.
 */
int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize)
{
	sigset_t kmask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&kmask, umask, sizeof(kmask)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	set_current_blocked(&kmask);
	return 0;
}

static void restore_user_sigmask(const sigset_t __user *umask, int ret)
{
	if (umask && ret != -ERESTARTNOHAND)
		restore_saved_sigmask();
}

/* ---------- poll ---------- */

static bool do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	__poll_t mask = 0;

	if (pfd->fd >= 0) {
		struct file *f = fget(pfd->fd);

		mask = POLLNVAL;
		if (f) {
			/* POLLERR and POLLHUP are reported even if not asked for. */
			mask = vfs_poll(f, pt) & ((u16)pfd->events | POLLERR | POLLHUP);
			fput(f);
		}
	}
	pfd->revents = mask;
	return mask;
}

static int do_poll(struct pollfd *fds, unsigned int nfds, const u64 *deadline)
{
	struct poll_wqueues table;
	bool timed_out = false;
	unsigned int i;
	int count;

	poll_initwait(&table);
	if (deadline && !*deadline)
		table.pt._qproc = NULL;		/* no waiting: nothing to queue on */
	for (;;) {
		count = 0;
		for (i = 0; i < nfds; i++)
			count += do_pollfd(&fds[i], &table.pt);
		table.pt._qproc = NULL;
		if (count || timed_out)
			break;
		count = poll_stop_reason(&table);
		if (count)
			break;
		timed_out = !poll_schedule_timeout(&table, deadline);
	}
	poll_freewait(&table);
	return count;
}

static int do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, const u64 *deadline)
{
	struct pollfd *fds;
	unsigned int i;
	int ret;

	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	fds = kmalloc_array(nfds ? nfds : 1, sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(fds, ufds, (size_t)nfds * sizeof(*fds)))
		goto out_free;
	ret = do_poll(fds, nfds, deadline);
	/* revents go back even after a signal, as on Linux. */
	for (i = 0; i < nfds; i++) {
		if (put_user(fds[i].revents, &ufds[i].revents)) {
			ret = -EFAULT;
			break;
		}
	}
out_free:
	kfree(fds);
	return ret;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	u64 deadline;

	if (timeout_msecs < 0)
		return do_sys_poll(ufds, nfds, NULL);
	deadline = deadline_after(0, (u64)timeout_msecs * NSEC_PER_MSEC);
	return do_sys_poll(ufds, nfds, &deadline);
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
	u64 deadline, *dl = NULL;
	int ret;

	if (tsp) {
		ret = get_timeout_ts(tsp, &deadline);
		if (ret)
			return ret;
		dl = &deadline;
	}
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, dl);
	restore_user_sigmask(sigmask, ret);
	put_time_left(dl, tsp, false);
	return ret;
}

/* ---------- select ---------- */

#define POLLIN_SET	(POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET	(POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET	POLLPRI

/* The three sets asked for and the three answered, n bits each. */
struct fd_set_bits {
	unsigned long *in, *out, *ex;
	unsigned long *res_in, *res_out, *res_ex;
};

static int get_fd_set(unsigned long *set, const unsigned long __user *uset, size_t size)
{
	if (!uset) {
		memset(set, 0, size);
		return 0;
	}
	return copy_from_user(set, uset, size) ? -EFAULT : 0;
}

static int set_fd_set(unsigned long __user *uset, const unsigned long *set, size_t size)
{
	if (!uset)
		return 0;
	return copy_to_user(uset, set, size) ? -EFAULT : 0;
}

/* Every fd named in a set must be open: EBADF otherwise, as on Linux. */
static int select_check_fds(int n, const struct fd_set_bits *fds)
{
	int i;

	for (i = 0; i < n; i++) {
		struct file *f;

		if (!test_bit(i, fds->in) && !test_bit(i, fds->out) && !test_bit(i, fds->ex))
			continue;
		f = fget_raw(i);
		if (!f)
			return -EBADF;
		fput(f);
	}
	return 0;
}

/* One pass over the sets: how many bits of the answer were set. */
static int select_scan(int n, struct fd_set_bits *fds, poll_table *pt)
{
	int i, count = 0;

	for (i = 0; i < n; i++) {
		bool in = test_bit(i, fds->in), out = test_bit(i, fds->out);
		bool ex = test_bit(i, fds->ex);
		struct file *f;
		__poll_t mask;

		if (!in && !out && !ex)
			continue;
		f = fget(i);
		if (!f)
			continue;	/* closed meanwhile, or O_PATH: never ready */
		mask = vfs_poll(f, pt);
		fput(f);
		if (in && (mask & POLLIN_SET)) {
			__set_bit(i, fds->res_in);
			count++;
		}
		if (out && (mask & POLLOUT_SET)) {
			__set_bit(i, fds->res_out);
			count++;
		}
		if (ex && (mask & POLLEX_SET)) {
			__set_bit(i, fds->res_ex);
			count++;
		}
	}
	return count;
}

static int do_select(int n, struct fd_set_bits *fds, const u64 *deadline)
{
	struct poll_wqueues table;
	bool timed_out = false;
	int count;

	count = select_check_fds(n, fds);
	if (count)
		return count;
	poll_initwait(&table);
	if (deadline && !*deadline)
		table.pt._qproc = NULL;
	for (;;) {
		count = select_scan(n, fds, &table.pt);
		table.pt._qproc = NULL;
		if (count || timed_out)
			break;
		count = poll_stop_reason(&table);
		if (count)
			break;
		timed_out = !poll_schedule_timeout(&table, deadline);
	}
	poll_freewait(&table);
	return count;
}

static int core_sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
			   unsigned long __user *exp, const u64 *deadline)
{
	struct fd_set_bits fds;
	unsigned long *bits;
	size_t size;
	int ret;

	if (n < 0)
		return -EINVAL;
	/* Bits past the fd table cannot name an open file: not looked at (Linux too). */
	n = min_t(unsigned int, n, READ_ONCE(current->files->fdt.max_fds));
	size = BITS_TO_LONGS(n) * sizeof(long);
	bits = kzalloc(6 * size + 1, GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	fds.in = bits;
	fds.out = (void *)((char *)bits + size);
	fds.ex = (void *)((char *)bits + 2 * size);
	fds.res_in = (void *)((char *)bits + 3 * size);
	fds.res_out = (void *)((char *)bits + 4 * size);
	fds.res_ex = (void *)((char *)bits + 5 * size);
	ret = get_fd_set(fds.in, inp, size);
	if (!ret)
		ret = get_fd_set(fds.out, outp, size);
	if (!ret)
		ret = get_fd_set(fds.ex, exp, size);
	if (ret)
		goto out;
	ret = do_select(n, &fds, deadline);
	if (ret < 0)
		goto out;	/* the sets are left as they were */
	if (set_fd_set(inp, fds.res_in, size) || set_fd_set(outp, fds.res_out, size) ||
	    set_fd_set(exp, fds.res_ex, size))
		ret = -EFAULT;
out:
	kfree(bits);
	return ret;
}

SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_old_timeval __user *, tvp)
{
	u64 deadline, *dl = NULL;
	int ret;

	if (tvp) {
		ret = get_timeout_tv(tvp, &deadline);
		if (ret)
			return ret;
		dl = &deadline;
	}
	ret = core_sys_select(n, inp, outp, exp, dl);
	put_time_left(dl, tvp, true);
	return ret;
}

/* pselect6's sixth argument: where the sigset is and how big. */
struct sigset_argpack {
	sigset_t __user *p;
	size_t size;
};

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_timespec __user *, tsp,
		void __user *, sig)
{
	struct sigset_argpack pack = { NULL, 0 };
	u64 deadline, *dl = NULL;
	int ret;

	if (tsp) {
		ret = get_timeout_ts(tsp, &deadline);
		if (ret)
			return ret;
		dl = &deadline;
	}
	if (sig && copy_from_user(&pack, sig, sizeof(pack)))
		return -EFAULT;
	ret = set_user_sigmask(pack.p, pack.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, dl);
	restore_user_sigmask(pack.p, ret);
	put_time_left(dl, tsp, false);
	return ret;
}
