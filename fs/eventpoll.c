// SPDX-License-Identifier: GPL-2.0
/*
 * epoll: a file that watches other files.  Where poll(2) hangs the caller
 * on every file's wait queues at each call and unhooks it afterwards,
 * an epoll instance registers once (epoll_ctl) and stays hooked: the
 * wait-queue entry it leaves on each watched file's queues is a callback
 * (ep_poll_callback) that puts the watch on the instance's ready list.
 * epoll_wait then only looks at the ready list, whatever the number of
 * watched files.
 *
 *   struct eventpoll  the instance (file->private_data of "[eventpoll]"):
 *                     a red-black tree of its watches keyed by (file, fd),
 *                     the ready list, and two wait queues: wq for tasks
 *                     in epoll_wait, poll_wait for whoever polls the epoll
 *                     file itself (poll(2), or another epoll: nesting).
 *   struct epitem     one watch: the file, the fd it was added under, the
 *                     events and data asked for, its eppoll_entry hooks.
 *
 * The ready list is a hint, not the truth: a callback only says "this
 * file may have changed".  ep_send_events asks each listed file's ->poll
 * again and reports what is really ready.  A level-triggered watch that
 * was reported goes back on the list (so the next wait asks again); an
 * edge-triggered one (EPOLLET) waits for the next callback; a one-shot
 * one (EPOLLONESHOT) is disabled until EPOLL_CTL_MOD re-arms it.
 *
 * Each watch is charged to the user who created the instance: at most
 * /proc/sys/fs/epoll/max_user_watches of them (ENOSPC), by default what
 * 4% of memory holds, as Linux.
 *
 * A watch does not hold its file: closing the last reference of a file
 * (__fput_release) calls eventpoll_release_file, which removes every
 * watch on it through the file's f_ep list.
 *
 * Locking: epmutex (global) serialises epoll_ctl against file release
 * and makes the loop check see a stable graph; ep->mtx guards the tree
 * and the item fields; ep->lock (irq-safe: timers wake queues from
 * interrupts) guards the ready list.  Order: epmutex, ep->mtx (outer
 * instance before the nested one), wait-queue locks, ep->lock.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/cred.h>
#include <linux/eventpoll.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/rbtree.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/user.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <uapi/linux/capability.h>
#include <uapi/linux/eventpoll.h>
#include <uapi/linux/time_types.h>

/* Bits epoll_ctl accepts; the flag bits survive a one-shot disarm. */
#define EP_PRIVATE_BITS	(EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE)
#define EPOLLINOUT_BITS	(EPOLLIN | EPOLLOUT)
/* With EPOLLEXCLUSIVE only these may be asked for (as Linux). */
#define EPOLLEXCLUSIVE_OK_BITS	(EPOLLINOUT_BITS | EPOLLERR | EPOLLHUP | \
				 EPOLLWAKEUP | EPOLLET | EPOLLEXCLUSIVE)

/* How deep instances may nest inside each other. */
#define EP_MAX_NESTS	4

/* At most this many events per epoll_wait (the buffer size limit). */
#define EP_MAX_EVENTS	(INT_MAX / sizeof(struct epoll_event))

struct eventpoll {
	struct mutex mtx;
	wait_queue_head_t wq;		/* tasks in epoll_wait */
	wait_queue_head_t poll_wait;	/* pollers of this epoll file */
	spinlock_t lock;		/* rdllist and every epi->rdllink */
	struct list_head rdllist;
	struct rb_root rbr;
	struct file *file;
	unsigned int gen;		/* loop check: visited in this pass */
	struct user_struct *user;	/* charged for the watches */
};

struct epoll_filefd {
	struct file *file;
	int fd;
};

struct epitem {
	struct rb_node rbn;		/* in ep->rbr */
	struct list_head rdllink;	/* in ep->rdllist, or a local list; empty: not ready */
	struct epoll_filefd ffd;
	struct eventpoll *ep;
	struct list_head pwqlist;	/* its eppoll_entry hooks */
	struct list_head fllink;	/* in ffd.file->f_ep */
	struct epoll_event event;
};

/* One hook of an epitem on one of its file's wait queues. */
struct eppoll_entry {
	struct list_head llink;		/* in epi->pwqlist */
	struct epitem *base;
	wait_queue_entry_t wait;
	wait_queue_head_t *whead;
};

/* The poll_table ep_insert hands to the file's ->poll to collect hooks. */
struct ep_pqueue {
	poll_table pt;
	struct epitem *epi;
};

static DEFINE_MUTEX(epmutex);
static unsigned int loop_check_gen;

int epoll_max_user_watches;

/* What one watch costs, for the default limit. */
#define EP_ITEM_COST	(sizeof(struct epitem) + sizeof(struct eppoll_entry))

static int __init eventpoll_init(void)
{
	unsigned long max = (totalram_pages() / 25 << PAGE_SHIFT) / EP_ITEM_COST;

	epoll_max_user_watches = max > INT_MAX ? INT_MAX : (int)max;
	return 0;
}
fs_initcall(eventpoll_init);

static const struct file_operations eventpoll_fops;

static bool is_file_epoll(struct file *f)
{
	return f->f_op == &eventpoll_fops;
}

static int ep_cmp_ffd(const struct epoll_filefd *a, struct file *file, int fd)
{
	if (a->file != file)
		return a->file > file ? 1 : -1;
	return a->fd > fd ? 1 : (a->fd < fd ? -1 : 0);
}

/* ---------- the wake-up side ---------- */

/*
 * Called under the watched file's wait-queue lock whenever that queue is
 * woken.  @key, when the waker gives one, is the events that happened:
 * a wake-up for events the watch did not ask for is ignored.
 */
static int ep_poll_callback(wait_queue_entry_t *wait, unsigned mode, int sync, void *key)
{
	struct eppoll_entry *pwq = container_of(wait, struct eppoll_entry, wait);
	struct epitem *epi = pwq->base;
	struct eventpoll *ep = epi->ep;
	__poll_t pollflags = (__poll_t)(unsigned long)key;
	unsigned long flags;
	bool pwake = false;
	int ewake = 0;

	spin_lock_irqsave(&ep->lock, flags);
	/* A disarmed one-shot watch asks for nothing until EPOLL_CTL_MOD. */
	if (!(epi->event.events & ~EP_PRIVATE_BITS))
		goto out;
	if (pollflags && !(pollflags & epi->event.events))
		goto out;
	if (list_empty(&epi->rdllink))
		list_add_tail(&epi->rdllink, &ep->rdllist);
	if (waitqueue_active(&ep->wq)) {
		/*
		 * An exclusive watch counts as "woke somebody" only when a
		 * waiter was there for the direction that happened, so the
		 * file's wake-up goes on to the next exclusive epoll otherwise.
		 */
		if (epi->event.events & EPOLLEXCLUSIVE) {
			switch (pollflags & EPOLLINOUT_BITS) {
			case EPOLLIN:
				ewake = !!(epi->event.events & EPOLLIN);
				break;
			case EPOLLOUT:
				ewake = !!(epi->event.events & EPOLLOUT);
				break;
			default:
				ewake = 1;
				break;
			}
		}
		wake_up(&ep->wq);
	}
	pwake = waitqueue_active(&ep->poll_wait);
out:
	spin_unlock_irqrestore(&ep->lock, flags);
	/* Outside ep->lock: a nested epoll's callback takes its own. */
	if (pwake)
		wake_up(&ep->poll_wait);
	if (!(epi->event.events & EPOLLEXCLUSIVE))
		ewake = 1;
	return ewake;
}

/* The queue proc: ->poll names a queue, we hang a callback on it. */
static void ep_ptable_queue_proc(struct file *file, wait_queue_head_t *whead, poll_table *pt)
{
	struct ep_pqueue *epq = container_of(pt, struct ep_pqueue, pt);
	struct epitem *epi = epq->epi;
	struct eppoll_entry *pwq;

	if (!epi)		/* an earlier hook failed: the insert is undone */
		return;
	pwq = kzalloc(sizeof(*pwq), GFP_KERNEL);
	if (!pwq) {
		epq->epi = NULL;
		return;
	}
	pwq->base = epi;
	pwq->whead = whead;
	pwq->wait.private = NULL;
	pwq->wait.func = ep_poll_callback;
	INIT_LIST_HEAD(&pwq->wait.entry);
	if (epi->event.events & EPOLLEXCLUSIVE)
		add_wait_queue_exclusive(whead, &pwq->wait);
	else
		add_wait_queue(whead, &pwq->wait);
	list_add_tail(&pwq->llink, &epi->pwqlist);
}

static void ep_unregister_pollwait(struct epitem *epi)
{
	struct eppoll_entry *pwq, *next;

	list_for_each_entry_safe(pwq, next, &epi->pwqlist, llink) {
		remove_wait_queue(pwq->whead, &pwq->wait);
		list_del(&pwq->llink);
		kfree(pwq);
	}
}

/* ---------- asking a watched file ---------- */

static __poll_t ep_scan_ready(struct eventpoll *ep, int depth);

/*
 * What @epi's file has of the events asked for.  A nested epoll is asked
 * directly (not through its ->poll) so the depth of the recursion is
 * known; loops were refused at EPOLL_CTL_ADD, so it ends.
 */
static __poll_t ep_item_poll(struct epitem *epi, poll_table *pt, int depth)
{
	struct file *file = epi->ffd.file;
	__poll_t res;

	if (is_file_epoll(file)) {
		struct eventpoll *tep = file->private_data;

		poll_wait(file, &tep->poll_wait, pt);
		res = ep_scan_ready(tep, depth + 1);
	} else {
		res = vfs_poll(file, pt);
	}
	return res & epi->event.events;
}

static bool ep_events_available(struct eventpoll *ep)
{
	return !list_empty(&ep->rdllist);
}

/*
 * Is anything on @ep really ready?  (The epoll file's own poll answer.)
 * Listed watches whose files say "nothing" are dropped from the list,
 * as a wait would drop them; a later callback lists them again.
 */
static __poll_t ep_scan_ready(struct eventpoll *ep, int depth)
{
	struct epitem *epi, *next;
	unsigned long flags;
	LIST_HEAD(txlist);
	__poll_t res = 0;

	if (depth > EP_MAX_NESTS)
		return 0;
	mutex_lock(&ep->mtx);
	spin_lock_irqsave(&ep->lock, flags);
	list_splice_init(&ep->rdllist, &txlist);
	spin_unlock_irqrestore(&ep->lock, flags);

	list_for_each_entry_safe(epi, next, &txlist, rdllink) {
		if (ep_item_poll(epi, NULL, depth)) {
			res = EPOLLIN | EPOLLRDNORM;
			break;
		}
		spin_lock_irqsave(&ep->lock, flags);
		list_del_init(&epi->rdllink);
		spin_unlock_irqrestore(&ep->lock, flags);
	}

	spin_lock_irqsave(&ep->lock, flags);
	list_splice_init(&txlist, &ep->rdllist);
	spin_unlock_irqrestore(&ep->lock, flags);
	mutex_unlock(&ep->mtx);
	return res;
}

/* ---------- the epoll file ---------- */

static __poll_t ep_eventpoll_poll(struct file *file, poll_table *wait)
{
	struct eventpoll *ep = file->private_data;

	poll_wait(file, &ep->poll_wait, wait);
	return ep_scan_ready(ep, 0);
}

/* Drop one watch; ep->mtx held.  The caller frees nothing else. */
static void ep_remove(struct eventpoll *ep, struct epitem *epi)
{
	unsigned long flags;

	ep_unregister_pollwait(epi);
	list_del_init(&epi->fllink);
	rb_erase(&epi->rbn, &ep->rbr);
	spin_lock_irqsave(&ep->lock, flags);
	if (!list_empty(&epi->rdllink))
		list_del_init(&epi->rdllink);
	spin_unlock_irqrestore(&ep->lock, flags);
	kfree(epi);
	atomic_dec(&ep->user->epoll_watches);
}

static int ep_eventpoll_release(struct inode *inode, struct file *file)
{
	struct eventpoll *ep = file->private_data;
	struct rb_node *rbp;

	mutex_lock(&epmutex);
	mutex_lock(&ep->mtx);
	while ((rbp = rb_first(&ep->rbr)) != NULL)
		ep_remove(ep, rb_entry(rbp, struct epitem, rbn));
	mutex_unlock(&ep->mtx);
	mutex_unlock(&epmutex);
	free_uid(ep->user);
	kfree(ep);
	return 0;
}

/*
 * The last reference to @file is going: every epoll watching it forgets
 * it.  (A watch on a dup of the fd therefore lives as long as the file,
 * not the fd, as on Linux.)
 */
void eventpoll_release_file(struct file *file)
{
	struct epitem *epi, *next;

	mutex_lock(&epmutex);
	list_for_each_entry_safe(epi, next, &file->f_ep, fllink) {
		struct eventpoll *ep = epi->ep;

		mutex_lock(&ep->mtx);
		ep_remove(ep, epi);
		mutex_unlock(&ep->mtx);
	}
	mutex_unlock(&epmutex);
}

/* /proc/PID/fdinfo: one line per watch. */
static void ep_show_fdinfo(struct seq_file *m, struct file *f)
{
	struct eventpoll *ep = f->private_data;
	struct rb_node *rbp;

	mutex_lock(&ep->mtx);
	for (rbp = rb_first(&ep->rbr); rbp; rbp = rb_next(rbp)) {
		struct epitem *epi = rb_entry(rbp, struct epitem, rbn);
		struct inode *inode = file_inode(epi->ffd.file);

		seq_printf(m, "tfd: %8d events: %8x data: %16llx  pos:%lli ino:%lx sdev:%x\n",
			   epi->ffd.fd, epi->event.events, (unsigned long long)epi->event.data,
			   (long long)epi->ffd.file->f_pos, inode->i_ino,
			   inode->i_sb ? (unsigned int)inode->i_sb->s_dev : 0);
	}
	mutex_unlock(&ep->mtx);
}

static const struct file_operations eventpoll_fops = {
	.release	= ep_eventpoll_release,
	.poll		= ep_eventpoll_poll,
	.llseek		= noop_llseek,
	.show_fdinfo	= ep_show_fdinfo,
};

static int do_epoll_create(int flags)
{
	struct eventpoll *ep;
	struct file *file;
	int fd, error;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = kzalloc(sizeof(*ep), GFP_KERNEL);
	if (!ep)
		return -ENOMEM;
	mutex_init(&ep->mtx);
	init_waitqueue_head(&ep->wq);
	init_waitqueue_head(&ep->poll_wait);
	spin_lock_init(&ep->lock);
	INIT_LIST_HEAD(&ep->rdllist);
	ep->rbr = RB_ROOT;
	ep->user = get_uid(current_cred()->user);

	fd = get_unused_fd_flags(flags & O_CLOEXEC);
	if (fd < 0) {
		error = fd;
		goto out_free;
	}
	file = anon_inode_getfile("[eventpoll]", &eventpoll_fops, ep, O_RDWR);
	if (IS_ERR(file)) {
		error = PTR_ERR(file);
		goto out_put_fd;
	}
	ep->file = file;
	fd_install(fd, file);
	return fd;

out_put_fd:
	put_unused_fd(fd);
out_free:
	free_uid(ep->user);
	kfree(ep);
	return error;
}

SYSCALL_DEFINE1(epoll_create1, int, flags)
{
	return do_epoll_create(flags);
}

/* The size is a hint from before the tree; only its sign is checked. */
SYSCALL_DEFINE1(epoll_create, int, size)
{
	if (size <= 0)
		return -EINVAL;
	return do_epoll_create(0);
}

/* ---------- epoll_ctl ---------- */

static struct epitem *ep_find(struct eventpoll *ep, struct file *file, int fd)
{
	struct rb_node *rbp = ep->rbr.rb_node;

	while (rbp) {
		struct epitem *epi = rb_entry(rbp, struct epitem, rbn);
		int c = ep_cmp_ffd(&epi->ffd, file, fd);

		if (c > 0)
			rbp = rbp->rb_left;
		else if (c < 0)
			rbp = rbp->rb_right;
		else
			return epi;
	}
	return NULL;
}

static void ep_rbtree_insert(struct eventpoll *ep, struct epitem *epi)
{
	struct rb_node **p = &ep->rbr.rb_node, *parent = NULL;

	while (*p) {
		struct epitem *cur = rb_entry(*p, struct epitem, rbn);

		parent = *p;
		if (ep_cmp_ffd(&cur->ffd, epi->ffd.file, epi->ffd.fd) > 0)
			p = &parent->rb_left;
		else
			p = &parent->rb_right;
	}
	rb_link_node(&epi->rbn, parent, p);
	rb_insert_color(&epi->rbn, &ep->rbr);
}

/*
 * Would @from watching @ep (at @depth in the chain) close a cycle, or
 * make a chain of more than EP_MAX_NESTS + 1 epolls (Linux lets five
 * nest)?  Walks down through the epolls @ep watches; each instance is
 * visited once per check (gen).  Called under epmutex.
 */
static int ep_loop_check_proc(struct eventpoll *from, struct eventpoll *ep, int depth)
{
	struct rb_node *rbp;
	int error = 0;

	ep->gen = loop_check_gen;
	mutex_lock(&ep->mtx);
	for (rbp = rb_first(&ep->rbr); rbp && !error; rbp = rb_next(rbp)) {
		struct epitem *epi = rb_entry(rbp, struct epitem, rbn);
		struct eventpoll *tep;

		if (!is_file_epoll(epi->ffd.file))
			continue;
		tep = epi->ffd.file->private_data;
		if (tep->gen == loop_check_gen)
			continue;
		/* A cycle, or a chain of more than EP_MAX_NESTS + 1: both ELOOP. */
		if (tep == from || depth >= EP_MAX_NESTS)
			error = -ELOOP;
		else
			error = ep_loop_check_proc(from, tep, depth + 1);
	}
	mutex_unlock(&ep->mtx);
	return error;
}

/* The longest chain of epolls watching @file, transitively (epmutex held). */
static int ep_depth_above(struct file *file, int depth)
{
	struct epitem *epi;
	int max = depth;

	if (depth > EP_MAX_NESTS)
		return depth;
	list_for_each_entry(epi, &file->f_ep, fllink) {
		int d = ep_depth_above(epi->ep->file, depth + 1);

		if (d > max)
			max = d;
	}
	return max;
}

static int ep_loop_check(struct eventpoll *ep, struct eventpoll *to)
{
	/* @to's place in the longest chain: the epolls above @ep, @ep, it. */
	int depth = ep_depth_above(ep->file, 0) + 1;

	if (depth > EP_MAX_NESTS)
		return -ELOOP;
	loop_check_gen++;
	return ep_loop_check_proc(ep, to, depth);
}

static int ep_insert(struct eventpoll *ep, const struct epoll_event *event,
		     struct file *tfile, int fd)
{
	struct ep_pqueue epq;
	struct epitem *epi;
	unsigned long flags;
	__poll_t revents;

	if (atomic_inc_return(&ep->user->epoll_watches) > epoll_max_user_watches) {
		atomic_dec(&ep->user->epoll_watches);
		return -ENOSPC;
	}
	epi = kzalloc(sizeof(*epi), GFP_KERNEL);
	if (!epi) {
		atomic_dec(&ep->user->epoll_watches);
		return -ENOMEM;
	}
	INIT_LIST_HEAD(&epi->rdllink);
	INIT_LIST_HEAD(&epi->pwqlist);
	epi->ep = ep;
	epi->ffd.file = tfile;
	epi->ffd.fd = fd;
	epi->event = *event;
	list_add_tail(&epi->fllink, &tfile->f_ep);
	ep_rbtree_insert(ep, epi);

	/* Hook onto the file's queues and learn its state in one ->poll. */
	epq.pt._qproc = ep_ptable_queue_proc;
	epq.epi = epi;
	revents = ep_item_poll(epi, &epq.pt, 0);
	if (!epq.epi) {
		ep_remove(ep, epi);
		return -ENOMEM;
	}

	spin_lock_irqsave(&ep->lock, flags);
	if (revents && list_empty(&epi->rdllink)) {
		list_add_tail(&epi->rdllink, &ep->rdllist);
		wake_up(&ep->wq);
	}
	spin_unlock_irqrestore(&ep->lock, flags);
	if (revents)
		wake_up(&ep->poll_wait);
	return 0;
}

static int ep_modify(struct eventpoll *ep, struct epitem *epi, const struct epoll_event *event)
{
	unsigned long flags;
	__poll_t revents;

	spin_lock_irqsave(&ep->lock, flags);
	epi->event.events = event->events;	/* re-arms a disarmed one-shot */
	epi->event.data = event->data;
	spin_unlock_irqrestore(&ep->lock, flags);

	revents = ep_item_poll(epi, NULL, 0);
	if (revents) {
		spin_lock_irqsave(&ep->lock, flags);
		if (list_empty(&epi->rdllink)) {
			list_add_tail(&epi->rdllink, &ep->rdllist);
			wake_up(&ep->wq);
		}
		spin_unlock_irqrestore(&ep->lock, flags);
		wake_up(&ep->poll_wait);
	}
	return 0;
}

static int do_epoll_ctl(int epfd, int op, int fd, struct epoll_event *epds)
{
	struct file *file, *tfile;
	struct eventpoll *ep;
	struct epitem *epi;
	int error;

	error = -EBADF;
	file = fget(epfd);
	if (!file)
		goto out;
	tfile = fget(fd);
	if (!tfile)
		goto out_fput;

	/* A file with no ->poll (regular files, directories) cannot be watched. */
	error = -EPERM;
	if (!tfile->f_op || !tfile->f_op->poll)
		goto out_tfput;

	error = -EINVAL;
	if (file == tfile || !is_file_epoll(file))
		goto out_tfput;
	if (op != EPOLL_CTL_ADD && op != EPOLL_CTL_DEL && op != EPOLL_CTL_MOD)
		goto out_tfput;
	if (op != EPOLL_CTL_DEL) {
		/* Without CAP_BLOCK_SUSPEND, EPOLLWAKEUP is dropped, not refused. */
		if ((epds->events & EPOLLWAKEUP) && !capable(CAP_BLOCK_SUSPEND))
			epds->events &= ~EPOLLWAKEUP;
		if (epds->events & EPOLLEXCLUSIVE) {
			if (op == EPOLL_CTL_MOD)
				goto out_tfput;
			if (is_file_epoll(tfile) ||
			    (epds->events & ~EPOLLEXCLUSIVE_OK_BITS))
				goto out_tfput;
		}
		/* Errors and hang-ups are always reported. */
		epds->events |= EPOLLERR | EPOLLHUP;
	}
	ep = file->private_data;

	mutex_lock(&epmutex);
	if (op == EPOLL_CTL_ADD && is_file_epoll(tfile)) {
		error = ep_loop_check(ep, tfile->private_data);
		if (error)
			goto out_unlock_epmutex;
	}
	mutex_lock(&ep->mtx);
	epi = ep_find(ep, tfile, fd);
	switch (op) {
	case EPOLL_CTL_ADD:
		error = epi ? -EEXIST : ep_insert(ep, epds, tfile, fd);
		break;
	case EPOLL_CTL_DEL:
		error = -ENOENT;
		if (epi) {
			ep_remove(ep, epi);
			error = 0;
		}
		break;
	case EPOLL_CTL_MOD:
		error = -ENOENT;
		if (epi) {
			/* An exclusive watch cannot be changed (Linux: EINVAL). */
			error = -EINVAL;
			if (!(epi->event.events & EPOLLEXCLUSIVE))
				error = ep_modify(ep, epi, epds);
		}
		break;
	}
	mutex_unlock(&ep->mtx);
out_unlock_epmutex:
	mutex_unlock(&epmutex);
out_tfput:
	fput(tfile);
out_fput:
	fput(file);
out:
	return error;
}

SYSCALL_DEFINE4(epoll_ctl, int, epfd, int, op, int, fd, struct epoll_event __user *, event)
{
	struct epoll_event epds = { 0 };

	if (op != EPOLL_CTL_DEL && copy_from_user(&epds, event, sizeof(epds)))
		return -EFAULT;
	return do_epoll_ctl(epfd, op, fd, &epds);
}

/* ---------- epoll_wait ---------- */

/*
 * Report up to @maxevents ready watches.  The ready list is taken whole
 * (callbacks meanwhile start a new one); each watch's file is asked
 * again; what is not reported goes back.
 */
static int ep_send_events(struct eventpoll *ep, struct epoll_event __user *events,
			  int maxevents)
{
	struct epitem *epi, *next;
	unsigned long flags;
	LIST_HEAD(txlist);
	int res = 0;

	mutex_lock(&ep->mtx);
	spin_lock_irqsave(&ep->lock, flags);
	list_splice_init(&ep->rdllist, &txlist);
	spin_unlock_irqrestore(&ep->lock, flags);

	list_for_each_entry_safe(epi, next, &txlist, rdllink) {
		struct epoll_event ev;
		__poll_t revents;

		if (res >= maxevents)
			break;
		spin_lock_irqsave(&ep->lock, flags);
		list_del_init(&epi->rdllink);
		spin_unlock_irqrestore(&ep->lock, flags);

		revents = ep_item_poll(epi, NULL, 0);
		if (!revents)
			continue;
		ev.events = revents;
		ev.data = epi->event.data;
		if (copy_to_user(&events[res], &ev, sizeof(ev))) {
			/* Keep it ready for a caller with a better buffer. */
			spin_lock_irqsave(&ep->lock, flags);
			if (list_empty(&epi->rdllink))
				list_add(&epi->rdllink, &txlist);
			spin_unlock_irqrestore(&ep->lock, flags);
			if (!res)
				res = -EFAULT;
			break;
		}
		res++;
		spin_lock_irqsave(&ep->lock, flags);
		if (epi->event.events & EPOLLONESHOT)
			epi->event.events &= EP_PRIVATE_BITS;
		else if (!(epi->event.events & EPOLLET) && list_empty(&epi->rdllink))
			list_add_tail(&epi->rdllink, &ep->rdllist);
		spin_unlock_irqrestore(&ep->lock, flags);
	}

	spin_lock_irqsave(&ep->lock, flags);
	list_splice_init(&txlist, &ep->rdllist);
	spin_unlock_irqrestore(&ep->lock, flags);
	mutex_unlock(&ep->mtx);
	return res;
}

/*
 * Wait until a watch is ready, @deadline (absolute CLOCK_MONOTONIC ns;
 * NULL: forever, 0: do not wait) or a signal (-EINTR: epoll_wait is
 * never restarted, as on Linux).
 */
static int ep_poll(struct eventpoll *ep, struct epoll_event __user *events, int maxevents,
		   const u64 *deadline)
{
	wait_queue_entry_t wait;
	int res;

	for (;;) {
		long timeout = MAX_SCHEDULE_TIMEOUT;

		if (ep_events_available(ep)) {
			res = ep_send_events(ep, events, maxevents);
			if (res)
				return res;
		}
		if (signal_pending(current))
			return -EINTR;
		if (deadline) {
			u64 now = ktime_get_ns();

			if (!*deadline || now >= *deadline)
				return 0;
			timeout = DIV_ROUND_UP(*deadline - now, TICK_NSEC);
		}

		/* Exclusive: one event wakes one of several waiters. */
		init_wait_entry(&wait, WQ_FLAG_EXCLUSIVE);
		wait.func = default_wake_function;
		add_wait_queue_exclusive(&ep->wq, &wait);
		set_current_state(TASK_INTERRUPTIBLE);
		if (!ep_events_available(ep) && !signal_pending(current))
			schedule_timeout(timeout);
		__set_current_state(TASK_RUNNING);
		remove_wait_queue(&ep->wq, &wait);
	}
}

static int do_epoll_wait(int epfd, struct epoll_event __user *events, int maxevents,
			 const u64 *deadline)
{
	struct file *file;
	int error;

	if (maxevents <= 0 || (size_t)maxevents > EP_MAX_EVENTS)
		return -EINVAL;
	if (!access_ok(events, (size_t)maxevents * sizeof(struct epoll_event)))
		return -EFAULT;
	file = fget(epfd);
	if (!file)
		return -EBADF;
	error = -EINVAL;
	if (is_file_epoll(file))
		error = ep_poll(file->private_data, events, maxevents, deadline);
	fput(file);
	return error;
}

static u64 ep_deadline_ms(int timeout)
{
	return timeout ? ktime_get_ns() + (u64)timeout * NSEC_PER_MSEC : 0;
}

SYSCALL_DEFINE4(epoll_wait, int, epfd, struct epoll_event __user *, events,
		int, maxevents, int, timeout)
{
	u64 deadline;

	if (timeout < 0)
		return do_epoll_wait(epfd, events, maxevents, NULL);
	deadline = ep_deadline_ms(timeout);
	return do_epoll_wait(epfd, events, maxevents, &deadline);
}

/*
 * The p-forms: wait with @sigmask blocked.  After -EINTR the old mask
 * comes back only once the handler ran (restore_sigmask), so a signal
 * unblocked just for the wait is delivered.
 */
static int do_epoll_pwait(int epfd, struct epoll_event __user *events, int maxevents,
			  const u64 *deadline, const sigset_t __user *sigmask,
			  size_t sigsetsize)
{
	int error;

	error = set_user_sigmask(sigmask, sigsetsize);
	if (error)
		return error;
	error = do_epoll_wait(epfd, events, maxevents, deadline);
	if (sigmask && error != -EINTR)
		restore_saved_sigmask();
	return error;
}

SYSCALL_DEFINE6(epoll_pwait, int, epfd, struct epoll_event __user *, events,
		int, maxevents, int, timeout, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
	u64 deadline;

	if (timeout < 0)
		return do_epoll_pwait(epfd, events, maxevents, NULL, sigmask, sigsetsize);
	deadline = ep_deadline_ms(timeout);
	return do_epoll_pwait(epfd, events, maxevents, &deadline, sigmask, sigsetsize);
}

SYSCALL_DEFINE6(epoll_pwait2, int, epfd, struct epoll_event __user *, events,
		int, maxevents, const struct __kernel_timespec __user *, timeout,
		const sigset_t __user *, sigmask, size_t, sigsetsize)
{
	struct __kernel_timespec ts;
	u64 deadline, ns;

	if (!timeout)
		return do_epoll_pwait(epfd, events, maxevents, NULL, sigmask, sigsetsize);
	if (copy_from_user(&ts, timeout, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	/* Far enough in the future is forever. */
	if ((u64)ts.tv_sec >= (1ULL << 62) / NSEC_PER_SEC)
		return do_epoll_pwait(epfd, events, maxevents, NULL, sigmask, sigsetsize);
	ns = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	deadline = ns ? ktime_get_ns() + ns : 0;
	return do_epoll_pwait(epfd, events, maxevents, &deadline, sigmask, sigsetsize);
}
