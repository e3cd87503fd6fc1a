// SPDX-License-Identifier: GPL-2.0
/*
 * Record locks: fcntl F_GETLK, F_SETLK, F_SETLKW and their F_OFD_ forms.
 *
 * A lock covers the bytes [fl_start, fl_end] of one inode and is either
 * read (shared with other readers) or write (exclusive), held by an
 * owner.  A POSIX lock's owner is the process's descriptor table
 * (current->files): every fd of the file in the process shares its locks,
 * a fork child holds none, and closing ANY fd of the file drops them all
 * (filp_close -> locks_remove_posix), as does exit.  An OFD lock's owner is
 * the struct file: it follows dup and fork and goes with the last fput
 * (locks_remove_file).  The two kinds conflict with each other as with
 * any other owner.
 *
 * An owner never conflicts with itself.  Setting a lock gives the owner
 * exactly the new type over the range: its locks there are cut back or
 * split, and its locks of the same type that overlap or touch the range
 * are merged into one.  So each owner's ranges on an inode never overlap,
 * and an unlock is the same operation with no lock put back.
 *
 * A request that meets another owner's lock fails with -EAGAIN, or, for
 * F_SETLKW, hangs itself on that lock (fl_blocker) and sleeps; whoever
 * changes or frees the lock wakes it, and it tries again from the start.
 * Waiting POSIX requests are also on blocked_list, so that a request
 * whose owner would end up waiting on itself, through a chain of owners
 * each waiting on the next, gets -EDEADLK instead of sleeping forever.
 *
 * flock(2) locks live on the same list, marked FL_FLOCK: they cover the
 * whole file, their owner is the struct file (so they follow dup and
 * fork, and go with the last close), and they never conflict with record
 * locks, only with other flock locks.  Changing a flock lock's type drops
 * the old one first, as Linux does: two holders of LOCK_SH that both ask
 * for LOCK_EX do not wait for each other forever.
 *
 * Leases (F_SETLEASE) are on the list too, marked FL_LEASE, owned by the
 * struct file.  A read lease says "tell me before anyone writes", a
 * write lease "before anyone opens at all": such an open (break_lease,
 * from dentry_open) signals the holder (SIGIO or its F_SETSIG signal)
 * and waits until the holder gives the lease up or downgrades it, or
 * lease_break_time seconds pass and the kernel takes it; an O_NONBLOCK
 * open fails with EWOULDBLOCK instead.
 *
 * One mutex guards it all.  Lock calls are rare and the lists short; a
 * single lock lets the deadlock walk follow owners from inode to inode,
 * and a mutex lets a waiter's stack frame outlive its waker's wake_up.
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/cred.h>
#include <linux/jiffies.h>
#include <linux/sched/signal.h>
#include <linux/filelock.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/* How far the deadlock walk follows a chain of waiting owners (as Linux). */
#define MAX_DEADLK_ITERATIONS	10

static DEFINE_MUTEX(file_lock_mutex);
static LIST_HEAD(blocked_list);

static void locks_init_lock(struct file_lock *fl)
{
	memset(fl, 0, sizeof(*fl));
	INIT_LIST_HEAD(&fl->fl_blocked_requests);
	INIT_LIST_HEAD(&fl->fl_blocked_member);
	INIT_LIST_HEAD(&fl->fl_link);
	init_waitqueue_head(&fl->fl_wait);
}

static struct file_lock *locks_alloc_lock(void)
{
	struct file_lock *fl = kmalloc(sizeof(*fl), GFP_KERNEL);

	if (fl)
		locks_init_lock(fl);
	return fl;
}

static bool locks_overlap(const struct file_lock *a, loff_t start, loff_t end)
{
	return a->fl_start <= end && start <= a->fl_end;
}

/* Overlapping or adjacent: same-type ranges that touch are merged. */
static bool locks_touch(const struct file_lock *a, loff_t start, loff_t end)
{
	return (a->fl_end == OFFSET_MAX || a->fl_end + 1 >= start) &&
	       (end == OFFSET_MAX || end + 1 >= a->fl_start);
}

/* flock locks and record locks are two worlds that never meet. */
static bool locks_same_kind(const struct file_lock *a, const struct file_lock *b)
{
	return (a->fl_flags & (FL_FLOCK | FL_LEASE)) == (b->fl_flags & (FL_FLOCK | FL_LEASE));
}

static bool locks_same_owner(const struct file_lock *a, const struct file_lock *b)
{
	return a->fl_owner == b->fl_owner && locks_same_kind(a, b);
}

static bool locks_conflict(const struct file_lock *held, const struct file_lock *req)
{
	if (!locks_same_kind(held, req) || held->fl_owner == req->fl_owner ||
	    !locks_overlap(held, req->fl_start, req->fl_end))
		return false;
	return held->fl_type == F_WRLCK || req->fl_type == F_WRLCK;
}

/* The conflicting lock that starts lowest: what F_GETLK reports. */
static struct file_lock *locks_first_conflict(struct inode *inode,
					      const struct file_lock *req)
{
	struct file_lock *fl, *found = NULL;

	for (fl = inode->i_flock; fl; fl = fl->fl_next)
		if (locks_conflict(fl, req) && (!found || fl->fl_start < found->fl_start))
			found = fl;
	return found;
}

/* Take a waiting request off its blocker; it will try again. */
static void locks_unlink_waiter(struct file_lock *waiter)
{
	list_del_init(&waiter->fl_blocked_member);
	list_del_init(&waiter->fl_link);
	WRITE_ONCE(waiter->fl_blocker, NULL);
}

/* @fl changes or goes away: whoever waits for it must look again. */
static void locks_wake_up_blocks(struct file_lock *fl)
{
	while (!list_empty(&fl->fl_blocked_requests)) {
		struct file_lock *waiter = list_first_entry(&fl->fl_blocked_requests,
							    struct file_lock,
							    fl_blocked_member);

		locks_unlink_waiter(waiter);
		wake_up(&waiter->fl_wait);
	}
}

/* The lock that @owner's waiting POSIX request waits for, if it waits. */
static struct file_lock *what_owner_is_waiting_for(fl_owner_t owner)
{
	struct file_lock *req;

	list_for_each_entry(req, &blocked_list, fl_link)
		if (req->fl_owner == owner)
			return req->fl_blocker;
	return NULL;
}

/*
 * Would @req, waiting for @blocker, close a cycle?  Follow the owner of
 * each lock in the way to the lock it waits for in turn.  OFD requests
 * are not checked: their owner is a file that any process may share.
 */
static bool posix_locks_deadlock(const struct file_lock *req,
				 const struct file_lock *blocker)
{
	int i;

	if (!(req->fl_flags & FL_POSIX))
		return false;
	for (i = 0; i < MAX_DEADLK_ITERATIONS; i++) {
		blocker = what_owner_is_waiting_for(blocker->fl_owner);
		if (!blocker)
			return false;
		if (blocker->fl_owner == req->fl_owner)
			return true;
	}
	return false;
}

/* @req conflicts with @blocker: fail, or queue it to wait. */
static int locks_block_on(struct file_lock *req, struct file_lock *blocker)
{
	if (!(req->fl_flags & FL_SLEEP))
		return -EAGAIN;
	if (posix_locks_deadlock(req, blocker))
		return -EDEADLK;
	req->fl_blocker = blocker;
	list_add_tail(&req->fl_blocked_member, &blocker->fl_blocked_requests);
	if (req->fl_flags & FL_POSIX)
		list_add_tail(&req->fl_link, &blocked_list);
	return FILE_LOCK_DEFERRED;
}

static void locks_delete_block(struct file_lock *req)
{
	mutex_lock(&file_lock_mutex);
	if (req->fl_blocker)
		locks_unlink_waiter(req);
	mutex_unlock(&file_lock_mutex);
}

/* Unlink *@before (a lock of the inode) and free it. */
static void locks_delete_lock(struct file_lock **before)
{
	struct file_lock *fl = *before;

	*before = fl->fl_next;
	locks_wake_up_blocks(fl);
	kfree(fl);
}

/*
 * Give @req's owner no lock over [start, end], keeping what it holds
 * outside: @fl (one of its locks, of another type than any merge) is cut
 * back, split around the range (using *@spare) or deleted.  Returns where
 * the walk goes on.
 */
static struct file_lock **posix_cut(struct file_lock **before, loff_t start,
				    loff_t end, struct file_lock **spare)
{
	struct file_lock *fl = *before, *tail;

	locks_wake_up_blocks(fl);
	if (fl->fl_start < start && fl->fl_end > end) {
		tail = *spare;
		*spare = NULL;
		tail->fl_owner = fl->fl_owner;
		tail->fl_flags = fl->fl_flags;
		tail->fl_type = fl->fl_type;
		tail->fl_pid = fl->fl_pid;
		tail->fl_start = end + 1;
		tail->fl_end = fl->fl_end;
		tail->fl_next = fl->fl_next;
		fl->fl_end = start - 1;
		fl->fl_next = tail;
		return &tail->fl_next;
	}
	if (fl->fl_start < start) {
		fl->fl_end = start - 1;
	} else if (fl->fl_end > end) {
		fl->fl_start = end + 1;
	} else {
		locks_delete_lock(before);
		return before;
	}
	return &fl->fl_next;
}

/*
 * Set @req's owner's locks over @req's range to @req's type (F_UNLCK:
 * none).  Only a range strictly inside one of the owner's locks of another
 * type splits it, so one @spare is enough; @new is the lock put in.  Used
 * preallocated locks are set to NULL.
 */
static void posix_apply(struct inode *inode, const struct file_lock *req,
			struct file_lock **new, struct file_lock **spare)
{
	struct file_lock **before = &inode->i_flock, *fl;
	loff_t start = req->fl_start, end = req->fl_end;

	while ((fl = *before)) {
		if (!locks_same_owner(fl, req) || !locks_touch(fl, start, end)) {
			before = &fl->fl_next;
		} else if (fl->fl_type == req->fl_type) {
			start = min(start, fl->fl_start);
			end = max(end, fl->fl_end);
			locks_delete_lock(before);
		} else if (locks_overlap(fl, start, end)) {
			before = posix_cut(before, start, end, spare);
		} else {
			before = &fl->fl_next;
		}
	}
	if (req->fl_type == F_UNLCK)
		return;
	fl = *new;
	*new = NULL;
	fl->fl_owner = req->fl_owner;
	fl->fl_flags = req->fl_flags & ~FL_SLEEP;
	fl->fl_type = req->fl_type;
	fl->fl_pid = req->fl_pid;
	fl->fl_start = start;
	fl->fl_end = end;
	fl->fl_next = inode->i_flock;
	inode->i_flock = fl;
}

/*
 * Apply @req (lock or unlock) to @inode.  Returns 0, -EAGAIN, -EDEADLK,
 * -ENOLCK, or FILE_LOCK_DEFERRED when @req now waits for another lock.
 * The locks it may need are allocated first, so that running out of
 * memory leaves the inode's locks as they were.
 */
static int posix_lock_inode(struct inode *inode, struct file_lock *req)
{
	/* Unlocking everything (close, exit) cannot split, so never fails. */
	bool may_split = req->fl_start > 0 || req->fl_end < OFFSET_MAX;
	bool adds = req->fl_type != F_UNLCK;
	struct file_lock *new = NULL, *spare = NULL, *blocker;
	int err = 0;

	if (adds)
		new = locks_alloc_lock();
	if (may_split)
		spare = locks_alloc_lock();
	if ((adds && !new) || (may_split && !spare)) {
		err = -ENOLCK;
		goto out_free;
	}
	mutex_lock(&file_lock_mutex);
	blocker = adds ? locks_first_conflict(inode, req) : NULL;
	if (blocker)
		err = locks_block_on(req, blocker);
	else
		posix_apply(inode, req, &new, &spare);
	mutex_unlock(&file_lock_mutex);
out_free:
	kfree(new);
	kfree(spare);
	return err;
}

/*
 * As posix_lock_inode, but sleep through FILE_LOCK_DEFERRED.  A signal
 * ends the wait with -ERESTARTSYS: F_SETLKW restarts under SA_RESTART.
 * The waiter always takes file_lock_mutex again before returning, which
 * is what keeps @req (on our stack) alive until its waker is done.
 */
static int posix_lock_inode_wait(struct inode *inode, struct file_lock *req)
{
	int err;

	for (;;) {
		err = posix_lock_inode(inode, req);
		if (err != FILE_LOCK_DEFERRED)
			return err;
		err = wait_event_interruptible(req->fl_wait, !READ_ONCE(req->fl_blocker));
		if (err) {
			locks_delete_block(req);
			return err;
		}
	}
}

/*
 * struct flock -> [fl_start, fl_end].  l_whence picks the base (SEEK_CUR
 * and SEEK_END are resolved now, once); a negative l_len covers the
 * l_len bytes before l_start, a zero one runs to the end of any file.
 */
static int flock_to_posix_lock(struct file *filp, struct file_lock *fl,
			       const struct flock *l)
{
	loff_t base, start;

	switch (l->l_whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = filp->f_pos;
		break;
	case SEEK_END:
		base = file_inode(filp)->i_size;
		break;
	default:
		return -EINVAL;
	}
	if (l->l_start > OFFSET_MAX - base)
		return -EOVERFLOW;
	start = base + l->l_start;
	if (start < 0)
		return -EINVAL;
	if (l->l_len > 0) {
		if (l->l_len - 1 > OFFSET_MAX - start)
			return -EOVERFLOW;
		fl->fl_start = start;
		fl->fl_end = start + l->l_len - 1;
	} else if (l->l_len < 0) {
		if (start + l->l_len < 0)
			return -EINVAL;
		fl->fl_start = start + l->l_len;
		fl->fl_end = start - 1;
	} else {
		fl->fl_start = start;
		fl->fl_end = OFFSET_MAX;
	}
	if (l->l_type != F_RDLCK && l->l_type != F_WRLCK && l->l_type != F_UNLCK)
		return -EINVAL;
	fl->fl_type = l->l_type;
	fl->fl_owner = current->files;
	fl->fl_pid = task_tgid_nr(current);
	fl->fl_flags = FL_POSIX;
	return 0;
}

/* Make @fl the lock's owner its open file (F_OFD_*): no process holds it. */
static void locks_make_ofd(struct file_lock *fl, struct file *filp)
{
	fl->fl_flags = FL_OFDLCK;
	fl->fl_owner = filp;
	fl->fl_pid = -1;
}

static void posix_lock_to_flock(const struct file_lock *fl, struct flock *l)
{
	l->l_type = fl->fl_type;
	l->l_whence = SEEK_SET;
	l->l_start = fl->fl_start;
	l->l_len = fl->fl_end == OFFSET_MAX ? 0 : fl->fl_end - fl->fl_start + 1;
	/* The holder as the asker's PID namespace numbers it (0: not visible there). */
	l->l_pid = (fl->fl_flags & FL_OFDLCK) ? -1 : pid_global_to_vnr(fl->fl_pid);
}

/* F_GETLK, F_OFD_GETLK: who would stop this lock?  l_type F_UNLCK if nobody. */
int fcntl_getlk(struct file *filp, unsigned int cmd, struct flock __user *uflock)
{
	struct inode *inode = file_inode(filp);
	struct file_lock req, *fl;
	struct flock flock;
	int err;

	if (copy_from_user(&flock, uflock, sizeof(flock)))
		return -EFAULT;
	if (flock.l_type != F_RDLCK && flock.l_type != F_WRLCK)
		return -EINVAL;
	if (cmd == F_OFD_GETLK && flock.l_pid != 0)
		return -EINVAL;
	locks_init_lock(&req);
	err = flock_to_posix_lock(filp, &req, &flock);
	if (err)
		return err;
	if (cmd == F_OFD_GETLK)
		locks_make_ofd(&req, filp);
	mutex_lock(&file_lock_mutex);
	fl = locks_first_conflict(inode, &req);
	if (fl)
		posix_lock_to_flock(fl, &flock);
	else
		flock.l_type = F_UNLCK;
	mutex_unlock(&file_lock_mutex);
	if (copy_to_user(uflock, &flock, sizeof(flock)))
		return -EFAULT;
	return 0;
}

/* A read lock needs a file open for reading, a write lock one for writing. */
static int check_fmode_for_setlk(const struct file_lock *fl, const struct file *filp)
{
	if (fl->fl_type == F_RDLCK && !(filp->f_mode & FMODE_READ))
		return -EBADF;
	if (fl->fl_type == F_WRLCK && !(filp->f_mode & FMODE_WRITE))
		return -EBADF;
	return 0;
}

/*
 * A POSIX lock set while another thread closed @fd would outlive the
 * close that should have dropped it: give it back, as Linux does.
 */
static int posix_lock_recheck_fd(unsigned int fd, struct file *filp,
				 struct file_lock *req)
{
	struct file *now = fget_raw(fd);
	bool same = now == filp;

	if (now)
		fput(now);
	if (same)
		return 0;
	req->fl_type = F_UNLCK;
	req->fl_flags &= ~FL_SLEEP;
	posix_lock_inode(file_inode(filp), req);
	return -EBADF;
}

/* F_SETLK, F_SETLKW, F_OFD_SETLK, F_OFD_SETLKW. */
int fcntl_setlk(unsigned int fd, struct file *filp, unsigned int cmd,
		struct flock __user *uflock)
{
	struct file_lock req;
	struct flock flock;
	int err;

	if (copy_from_user(&flock, uflock, sizeof(flock)))
		return -EFAULT;
	locks_init_lock(&req);
	err = flock_to_posix_lock(filp, &req, &flock);
	if (err)
		return err;
	err = check_fmode_for_setlk(&req, filp);
	if (err)
		return err;
	if (cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW) {
		if (flock.l_pid != 0)
			return -EINVAL;
		locks_make_ofd(&req, filp);
	}
	if (cmd == F_SETLKW || cmd == F_OFD_SETLKW)
		req.fl_flags |= FL_SLEEP;
	err = posix_lock_inode_wait(file_inode(filp), &req);
	if (!err && req.fl_type != F_UNLCK && !(req.fl_flags & FL_OFDLCK))
		err = posix_lock_recheck_fd(fd, filp, &req);
	return err;
}

/* Drop every lock @owner holds on @inode; nothing to allocate, cannot fail. */
static void locks_remove_owner(struct inode *inode, fl_owner_t owner, unsigned int flags)
{
	struct file_lock req;

	if (!inode || !READ_ONCE(inode->i_flock))
		return;
	locks_init_lock(&req);
	req.fl_owner = owner;
	req.fl_flags = flags;
	req.fl_type = F_UNLCK;
	req.fl_start = 0;
	req.fl_end = OFFSET_MAX;
	posix_lock_inode(inode, &req);
}

/*
 * A descriptor of @filp is closed by @owner (a files_struct): all of that
 * process's POSIX locks on the file go, whichever fd set them.
 */
void locks_remove_posix(struct file *filp, fl_owner_t owner)
{
	locks_remove_owner(file_inode(filp), owner, FL_POSIX);
}

static DECLARE_WAIT_QUEUE_HEAD(lease_wq);	/* opens waiting for a lease to go */
static unsigned long lease_changes;		/* bumped at each change, for lease_wq */
int lease_break_time = 45;			/* seconds, as Linux's default */

static void lease_changed(void)
{
	WRITE_ONCE(lease_changes, lease_changes + 1);
	wake_up_all(&lease_wq);
}

/* @filp's lease, if it holds one.  file_lock_mutex held. */
static struct file_lock **lease_of(struct inode *inode, struct file *filp)
{
	struct file_lock **before;

	for (before = &inode->i_flock; *before; before = &(*before)->fl_next)
		if (((*before)->fl_flags & FL_LEASE) && (*before)->fl_owner == filp)
			return before;
	return NULL;
}

static void lease_delete(struct file_lock **before)
{
	locks_delete_lock(before);
	lease_changed();
}

/* The last reference to @filp is gone: so are its OFD, flock locks and lease. */
void locks_remove_file(struct file *filp)
{
	struct inode *inode = file_inode(filp);
	struct file_lock **lease;

	locks_remove_owner(inode, filp, FL_OFDLCK);
	locks_remove_owner(inode, filp, FL_FLOCK);
	if (!inode || !READ_ONCE(inode->i_flock))
		return;
	mutex_lock(&file_lock_mutex);
	lease = lease_of(inode, filp);
	if (lease)
		lease_delete(lease);
	mutex_unlock(&file_lock_mutex);
}

/*
 * F_SETLEASE.  Only the file's owner (or CAP_LEASE), only regular files.
 * A read lease needs nobody to have the file open for writing (the
 * caller included), a write lease nobody but the caller; neither may meet
 * another file's lease of the other kind.  Setting one makes the caller
 * the file's SIGIO owner, as Linux does.
 */
int fcntl_setlease(unsigned int fd, struct file *filp, int arg)
{
	struct inode *inode = file_inode(filp);
	struct file_lock **before, *fl, *new = NULL;
	int writers, err;

	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	if (current_fsuid() != inode->i_uid && !capable(CAP_LEASE))
		return -EACCES;
	if (arg != F_RDLCK && arg != F_WRLCK && arg != F_UNLCK)
		return -EINVAL;
	if (arg != F_UNLCK) {
		new = locks_alloc_lock();
		if (!new)
			return -ENOLCK;
	}
	mutex_lock(&file_lock_mutex);
	before = lease_of(inode, filp);
	if (arg == F_UNLCK) {
		err = -EAGAIN;
		if (before) {
			lease_delete(before);
			err = 0;
		}
		goto out;
	}
	err = -EAGAIN;
	writers = atomic_read(&inode->i_writecount) - ((filp->f_mode & FMODE_WRITER) ? 1 : 0);
	/* A read lease: no writer at all; a write lease: none but this file. */
	if (arg == F_RDLCK && atomic_read(&inode->i_writecount) > 0)
		goto out;
	if (arg == F_WRLCK && writers > 0)
		goto out;
	for (fl = inode->i_flock; fl; fl = fl->fl_next)
		if ((fl->fl_flags & FL_LEASE) && fl->fl_owner != filp &&
		    (arg == F_WRLCK || fl->fl_type == F_WRLCK || fl->fl_break_time))
			goto out;
	if (before) {
		/* A change of type; a lease being broken may only go down. */
		(*before)->fl_type = arg;
		(*before)->fl_break_time = 0;
		(*before)->fl_fd = fd;
		lease_changed();
	} else {
		new->fl_flags = FL_LEASE;
		new->fl_owner = filp;
		new->fl_type = arg;
		new->fl_pid = task_tgid_nr(current);
		new->fl_start = 0;
		new->fl_end = OFFSET_MAX;
		new->fl_fd = fd;
		new->fl_next = inode->i_flock;
		inode->i_flock = new;
		new = NULL;
	}
	spin_lock(&filp->f_owner.lock);
	filp->f_owner.pid = task_tgid_nr(current);
	filp->f_owner.pid_type = FOWN_TGID;
	filp->f_owner.uid = current_uid();
	filp->f_owner.euid = current_euid();
	spin_unlock(&filp->f_owner.lock);
	err = 0;
out:
	mutex_unlock(&file_lock_mutex);
	kfree(new);
	return err;
}

/* F_GETLEASE: this file's lease type (while broken: what it must become). */
int fcntl_getlease(struct file *filp)
{
	struct file_lock **before;
	int type = F_UNLCK;

	mutex_lock(&file_lock_mutex);
	before = lease_of(file_inode(filp), filp);
	if (before)
		type = (*before)->fl_break_time ? (*before)->fl_downgrade_to : (*before)->fl_type;
	mutex_unlock(&file_lock_mutex);
	return type;
}

/* Does @fl stand in the way of an open for writing (@write) or reading? */
static bool lease_blocks(const struct file_lock *fl, bool write)
{
	return (fl->fl_flags & FL_LEASE) && (write || fl->fl_type == F_WRLCK);
}

/* The first lease in the way.  Mutex held. */
static struct file_lock *lease_conflict(struct inode *inode, bool write)
{
	struct file_lock *fl;

	for (fl = inode->i_flock; fl; fl = fl->fl_next)
		if (lease_blocks(fl, write))
			return fl;
	return NULL;
}

/*
 * An open of @inode with open flags @flags: break the leases in its way.
 * Each holder is told once; the opener waits (interruptibly) until no
 * lease conflicts, or takes the lease away itself once lease_break_time
 * has passed.  An O_NONBLOCK open gets -EWOULDBLOCK once they are told.
 */
int break_lease(struct inode *inode, unsigned int flags)
{
	bool write = (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC);
	struct file_lock *fl;
	long left;

	if (!READ_ONCE(inode->i_flock))
		return 0;
	for (;;) {
		unsigned long deadline = 0, seen;

		mutex_lock(&file_lock_mutex);
		fl = lease_conflict(inode, write);
		if (!fl) {
			mutex_unlock(&file_lock_mutex);
			return 0;
		}
		for (; fl; fl = fl->fl_next) {
			struct file *holder = fl->fl_owner;

			if (!lease_blocks(fl, write))
				continue;
			if (!fl->fl_break_time) {
				fl->fl_break_time = jiffies + (unsigned long)lease_break_time * HZ;
				if (!fl->fl_break_time)
					fl->fl_break_time = 1;
				fl->fl_downgrade_to = write ? F_UNLCK : F_RDLCK;
				send_sigio(&holder->f_owner, fl->fl_fd, POLL_MSG);
			}
			if (!deadline || time_before(fl->fl_break_time, deadline))
				deadline = fl->fl_break_time;
		}
		if (flags & O_NONBLOCK) {
			mutex_unlock(&file_lock_mutex);
			return -EWOULDBLOCK;
		}
		if (time_after_eq(jiffies, deadline)) {
			/* The holder did not answer in time: the kernel does it. */
			struct file_lock **before = &inode->i_flock;

			while (*before) {
				fl = *before;
				if ((fl->fl_flags & FL_LEASE) && fl->fl_break_time &&
				    time_after_eq(jiffies, fl->fl_break_time)) {
					if (fl->fl_downgrade_to == F_RDLCK) {
						fl->fl_type = F_RDLCK;
						fl->fl_break_time = 0;
						lease_changed();
					} else {
						lease_delete(before);
						continue;
					}
				}
				before = &fl->fl_next;
			}
			mutex_unlock(&file_lock_mutex);
			continue;
		}
		seen = lease_changes;
		mutex_unlock(&file_lock_mutex);
		left = wait_event_interruptible_timeout(lease_wq, READ_ONCE(lease_changes) != seen,
							(long)(deadline - jiffies));
		if (left < 0)
			return -ERESTARTSYS;
	}
}

/* Does @filp hold a flock lock of @type on its inode? */
static bool flock_held(struct file *filp, unsigned char type)
{
	struct file_lock *fl;
	bool found = false;

	mutex_lock(&file_lock_mutex);
	for (fl = file_inode(filp)->i_flock; fl; fl = fl->fl_next)
		if ((fl->fl_flags & FL_FLOCK) && fl->fl_owner == filp && fl->fl_type == type)
			found = true;
	mutex_unlock(&file_lock_mutex);
	return found;
}

/*
 * flock: LOCK_SH or LOCK_EX on the whole file for this open file
 * description, LOCK_UN to drop it; LOCK_NB fails with EWOULDBLOCK rather
 * than wait.  A wait ends on a signal with -ERESTARTSYS (restarted under
 * SA_RESTART, as on Linux).
 */
SYSCALL_DEFINE2(flock, unsigned int, fd, unsigned int, cmd)
{
	struct file *filp = fget(fd);
	struct file_lock req;
	int err;

	if (!filp)
		return -EBADF;
	err = -EBADF;
	if (!(filp->f_mode & (FMODE_READ | FMODE_WRITE)))
		goto out;
	locks_init_lock(&req);
	req.fl_flags = FL_FLOCK;
	req.fl_owner = filp;
	req.fl_pid = task_tgid_nr(current);
	req.fl_start = 0;
	req.fl_end = OFFSET_MAX;
	err = -EINVAL;
	switch (cmd & ~LOCK_NB) {
	case LOCK_SH:
		req.fl_type = F_RDLCK;
		break;
	case LOCK_EX:
		req.fl_type = F_WRLCK;
		break;
	case LOCK_UN:
		req.fl_type = F_UNLCK;
		break;
	default:
		/* LOCK_MAND (Samba's old share modes) is gone from Linux: ignored. */
		if (cmd & LOCK_MAND)
			err = 0;
		goto out;
	}
	if (req.fl_type != F_UNLCK) {
		if (flock_held(filp, req.fl_type)) {
			err = 0;
			goto out;
		}
		/* A conversion is an unlock then a lock, not one atomic step. */
		locks_remove_owner(file_inode(filp), filp, FL_FLOCK);
		if (!(cmd & LOCK_NB))
			req.fl_flags |= FL_SLEEP;
	}
	err = posix_lock_inode_wait(file_inode(filp), &req);
out:
	fput(filp);
	return err;
}
