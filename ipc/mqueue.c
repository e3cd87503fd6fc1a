// SPDX-License-Identifier: GPL-2.0
/*
 * POSIX message queues: mq_open, mq_unlink, mq_timedsend,
 * mq_timedreceive, mq_notify, mq_getsetattr.
 *
 * A queue is a file in the "mqueue" filesystem; a queue descriptor is an
 * ordinary file descriptor for it.  Each IPC namespace has one instance
 * of the filesystem (one superblock, kept mounted by the kernel in
 * ns->mq_mnt), and a mount of "mqueue" shows the mounter's namespace's
 * instance; user space mounts it at /dev/mqueue, where `ls` lists the
 * queues and `cat` shows one's state (QSIZE, the notification).  mq_open looks names up in that directory
 * directly, without a path walk: the C library strips the leading '/'.
 *
 * A queue holds at most mq_maxmsg messages of at most mq_msgsize bytes
 * each, kept highest priority first and oldest first within a priority.
 * Senders to a full queue and receivers from an empty one sleep (until
 * an absolute CLOCK_REALTIME time-out, ETIMEDOUT) unless the descriptor
 * is O_NONBLOCK (EAGAIN).  One process may register with mq_notify to
 * be told, by a signal or (SIGEV_THREAD) a netlink message, when a
 * message arrives in the empty queue while nobody waits in
 * mq_timedreceive; the registration is used up by that.
 *
 * The superblock's s_fs_info is its namespace, until the namespace goes
 * (mq_put_mnt sets it to NULL, under the root directory's lock and
 * mq_lock); the instance itself stays while mounts or open queues use it,
 * but nothing new can be made in it.
 *
 * Each queue's state is under its inode's info->lock; the sleepers of
 * both directions and poll() share info->wait, woken on every change.
 */
#include <linux/kernel.h>
#include <linux/pid_namespace.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/init.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/path.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/user.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/mqueue.h>
#include <net/netlink.h>
#include <net/sock.h>
#include "util.h"

#define MQUEUE_MAGIC	0x19800202
#define HARD_MSGMAX	65536
#define HARD_MSGSIZEMAX	(16 * 1024 * 1024)
/* A namespace's limits (fs.mqueue.*) until someone writes them. */
#define DFLT_QUEUESMAX	256
#define DFLT_MSG	10
#define DFLT_MSGMAX	10
#define DFLT_MSGSIZE	8192
#define DFLT_MSGSIZEMAX	8192
#define FILENT_SIZE	80	/* i_size: the length of the status line */
/*
 * What Linux charges per message slot besides the text (its struct
 * msg_msg and a priority tree node), so RLIMIT_MSGQUEUE admits the same
 * queues here as there.
 */
#define MQ_SLOT_OVERHEAD	96

struct mqueue_msg {
	struct list_head list;
	unsigned int prio;
	size_t len;
	char data[];
};

struct mqueue_inode_info {
	struct mutex lock;		/* everything below */
	struct mq_attr attr;		/* mq_flags unused: O_NONBLOCK is per file */
	struct list_head msgs;		/* highest priority first, then oldest first */
	unsigned long qsize;		/* bytes of message text */
	wait_queue_head_t wait;		/* senders, receivers, pollers */
	int nr_receivers;		/* sleeping in mq_timedreceive */
	pid_t notify_owner;		/* tgid registered by mq_notify, 0 if none */
	struct sigevent notify;
	uid_t notify_uid;
	/* SIGEV_THREAD: the C library's netlink socket and the cookie it gets */
	struct sock *notify_sock;
	struct sk_buff *notify_cookie;
	struct user_struct *user;	/* charged mq_bytes for RLIMIT_MSGQUEUE */
	unsigned long mq_bytes;
	struct inode vfs_inode;
};

static const struct file_operations mqueue_file_operations;
static const struct inode_operations mqueue_file_inode_operations;
static const struct inode_operations mqueue_dir_inode_operations;
static const struct super_operations mqueue_super_ops;
static DEFINE_SPINLOCK(mq_lock);	/* ns->mq_queues_count, user->mq_bytes, sb->s_fs_info */

static struct mqueue_inode_info *MQUEUE_I(struct inode *inode)
{
	return container_of(inode, struct mqueue_inode_info, vfs_inode);
}

static struct inode *mqueue_alloc_inode(struct super_block *sb)
{
	struct mqueue_inode_info *info = kzalloc(sizeof(*info), GFP_KERNEL);

	if (!info)
		return NULL;
	mutex_init(&info->lock);
	INIT_LIST_HEAD(&info->msgs);
	init_waitqueue_head(&info->wait);
	return &info->vfs_inode;
}

/*
 * SIGEV_THREAD: hand the cookie to the C library's netlink socket, its
 * last byte saying why (NOTIFY_WOKENUP: a message came; NOTIFY_REMOVED:
 * the registration went without one).  Its helper thread reads it and
 * calls the notify function, or just ends.  info->lock held.
 */
static void mq_send_cookie(struct mqueue_inode_info *info, char why)
{
	if (info->notify.sigev_notify != SIGEV_THREAD || !info->notify_sock)
		return;
	info->notify_cookie->data[NOTIFY_COOKIE_LEN - 1] = why;
	netlink_sendskb(info->notify_sock, info->notify_cookie);
	info->notify_sock = NULL;
	info->notify_cookie = NULL;
}

/* The registration goes without a notification.  info->lock held. */
static void remove_notification(struct mqueue_inode_info *info)
{
	mq_send_cookie(info, NOTIFY_REMOVED);
	info->notify_owner = 0;
}

/* The last reference to a queue (unlinked, no descriptor left) is gone. */
static void mqueue_free_inode(struct inode *inode)
{
	struct mqueue_inode_info *info = MQUEUE_I(inode);
	struct ipc_namespace *ns;
	struct mqueue_msg *msg, *t;

	if (S_ISREG(inode->i_mode)) {
		remove_notification(info);
		list_for_each_entry_safe(msg, t, &info->msgs, list)
			ipc_free(msg);
		spin_lock(&mq_lock);
		ns = inode->i_sb->s_fs_info;
		if (ns)
			ns->mq_queues_count--;
		if (info->user)
			info->user->mq_bytes -= info->mq_bytes;
		spin_unlock(&mq_lock);
		if (info->user)
			free_uid(info->user);
	}
	kfree(info);
}

static bool mq_attr_ok(struct ipc_namespace *ns, const struct mq_attr *attr)
{
	if (attr->mq_maxmsg <= 0 || attr->mq_msgsize <= 0)
		return false;
	if (capable(CAP_SYS_RESOURCE)) {
		if (attr->mq_maxmsg > HARD_MSGMAX || attr->mq_msgsize > HARD_MSGSIZEMAX)
			return false;
	} else if (attr->mq_maxmsg > ns->mq_msg_max || attr->mq_msgsize > ns->mq_msgsize_max) {
		return false;
	}
	return true;
}

/*
 * Charge a new queue's worst case to the creator's real user: at most
 * RLIMIT_MSGQUEUE bytes of queues per user (EMFILE), root included.
 */
static int mq_charge(struct mqueue_inode_info *info)
{
	struct user_struct *u = current_cred()->user;
	unsigned long maxmsg = info->attr.mq_maxmsg, bytes;

	bytes = maxmsg * (info->attr.mq_msgsize + MQ_SLOT_OVERHEAD);
	spin_lock(&mq_lock);
	if (u->mq_bytes + bytes < u->mq_bytes || u->mq_bytes + bytes > rlimit(RLIMIT_MSGQUEUE)) {
		spin_unlock(&mq_lock);
		return -EMFILE;
	}
	u->mq_bytes += bytes;
	spin_unlock(&mq_lock);
	info->user = get_uid(u);
	info->mq_bytes = bytes;
	return 0;
}

/*
 * A new queue under @dentry: @attr's limits, or the namespace's defaults.
 * Called with the directory locked, from mq_open or from open(2) with
 * O_CREAT on the mounted filesystem.
 */
static int mqueue_create_attr(struct inode *dir, struct dentry *dentry, umode_t mode,
			      const struct mq_attr *attr)
{
	/* Stable: mq_put_mnt takes the directory's lock, which we hold, to clear it. */
	struct ipc_namespace *ns = dir->i_sb->s_fs_info;
	struct mqueue_inode_info *info;
	struct inode *inode;
	int err;

	if (!ns)
		return -EACCES;		/* the namespace is gone, as Linux says */
	if (attr && !mq_attr_ok(ns, attr))
		return -EINVAL;
	spin_lock(&mq_lock);
	if (ns->mq_queues_count >= ns->mq_queues_max && !capable(CAP_SYS_RESOURCE)) {
		spin_unlock(&mq_lock);
		return -ENOSPC;
	}
	ns->mq_queues_count++;
	spin_unlock(&mq_lock);

	inode = new_inode(dir->i_sb);
	if (!inode) {
		spin_lock(&mq_lock);
		ns->mq_queues_count--;
		spin_unlock(&mq_lock);
		return -ENOMEM;
	}
	inode_init_owner(inode, dir, (mode & 07777) | S_IFREG);
	inode->i_op = &mqueue_file_inode_operations;
	inode->i_fop = &mqueue_file_operations;
	inode->i_size = FILENT_SIZE;
	info = MQUEUE_I(inode);
	info->attr.mq_maxmsg = attr ? attr->mq_maxmsg : min(ns->mq_msg_default, ns->mq_msg_max);
	info->attr.mq_msgsize = attr ? attr->mq_msgsize :
				min(ns->mq_msgsize_default, ns->mq_msgsize_max);
	err = mq_charge(info);
	if (err) {
		iput(inode);	/* uncounts the queue */
		return err;
	}
	d_instantiate(dentry, inode);
	dget(dentry);		/* the pin: the name lives in the dcache until unlinked */
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

/* open(2) with O_CREAT in /dev/mqueue: default limits (mq_open passes its own). */
static int mqueue_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	return mqueue_create_attr(dir, dentry, mode, dentry->d_fsdata);
}

static struct dentry *mqueue_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	return simple_lookup(dir, dentry, flags);
}

static const struct inode_operations mqueue_dir_inode_operations = {
	.lookup		= mqueue_lookup,
	.create		= mqueue_create,
	.unlink		= simple_unlink,
	.getattr	= simple_getattr,
};

/* --- the queue file: reading its state, poll, close ------------------- */

static const struct inode_operations mqueue_file_inode_operations = {
	.setattr	= simple_setattr,
	.getattr	= simple_getattr,
};

static ssize_t mqueue_read_file(struct file *file, char __user *u_data, size_t count,
				loff_t *pos)
{
	struct mqueue_inode_info *info = MQUEUE_I(file_inode(file));
	char buf[FILENT_SIZE];
	size_t len;

	mutex_lock(&info->lock);
	snprintf(buf, sizeof(buf), "QSIZE:%-10lu NOTIFY:%-5d SIGNO:%-5d NOTIFY_PID:%-6d\n",
		 info->qsize, info->notify_owner ? info->notify.sigev_notify : 0,
		 info->notify_owner && info->notify.sigev_notify == SIGEV_SIGNAL ?
		 info->notify.sigev_signo : 0, info->notify_owner);
	mutex_unlock(&info->lock);
	len = strlen(buf);
	if (*pos < 0)
		return -EINVAL;
	if ((size_t)*pos >= len)
		return 0;
	count = min(count, len - (size_t)*pos);
	if (copy_to_user(u_data, buf + *pos, count))
		return -EFAULT;
	*pos += count;
	file_inode(file)->i_atime = current_time(file_inode(file));
	return count;
}

/* Closing any descriptor of its own drops the caller's registration. */
static int mqueue_flush_file(struct file *file)
{
	struct mqueue_inode_info *info = MQUEUE_I(file_inode(file));

	mutex_lock(&info->lock);
	if (info->notify_owner == current->tgid)
		remove_notification(info);
	mutex_unlock(&info->lock);
	return 0;
}

static __poll_t mqueue_poll_file(struct file *file, struct poll_table_struct *wait)
{
	struct mqueue_inode_info *info = MQUEUE_I(file_inode(file));
	__poll_t events = 0;

	poll_wait(file, &info->wait, wait);
	mutex_lock(&info->lock);
	if (info->attr.mq_curmsgs)
		events = POLLIN | POLLRDNORM;
	if (info->attr.mq_curmsgs < info->attr.mq_maxmsg)
		events |= POLLOUT | POLLWRNORM;
	mutex_unlock(&info->lock);
	return events;
}

static const struct file_operations mqueue_file_operations = {
	.flush		= mqueue_flush_file,
	.poll		= mqueue_poll_file,
	.read		= mqueue_read_file,
	.llseek		= generic_file_llseek,
};

/* --- mq_open and mq_unlink -------------------------------------------- */

/* The name the C library passed (no leading '/'), checked as Linux's lookup does. */
static int mq_check_name(const char *name)
{
	if (!*name || strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
		return -EACCES;
	return 0;
}

/* Open (and with O_CREAT make) the queue @dentry.  The directory is locked. */
static struct file *mq_prepare_open(struct path *path, int oflag, umode_t mode,
				    struct mq_attr *attr)
{
	static const int oflag2acc[O_ACCMODE] = { MAY_READ, MAY_WRITE, MAY_READ | MAY_WRITE };
	struct dentry *dentry = path->dentry;
	struct inode *dir = d_inode(dentry->d_parent);
	int err;

	if (d_really_is_negative(dentry)) {
		if (!(oflag & O_CREAT))
			return ERR_PTR(-ENOENT);
		dentry->d_fsdata = attr;
		err = vfs_create(dir, dentry, mode & ~current_umask(), true);
		dentry->d_fsdata = NULL;
		if (err)
			return ERR_PTR(err);
	} else {
		if ((oflag & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
			return ERR_PTR(-EEXIST);
		if ((oflag & O_ACCMODE) == O_ACCMODE)
			return ERR_PTR(-EINVAL);
		err = inode_permission(d_inode(dentry), oflag2acc[oflag & O_ACCMODE]);
		if (err)
			return ERR_PTR(err);
	}
	return dentry_open(path, oflag);
}

static long do_mq_open(const char __user *u_name, int oflag, umode_t mode, struct mq_attr *attr)
{
	struct vfsmount *mnt = current_ipc_ns()->mq_mnt;
	struct dentry *root = mnt->mnt_root;
	struct filename *name;
	struct file *file;
	struct path path;
	int fd, err;

	name = getname(u_name);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = mq_check_name(name->name);
	if (err)
		goto out_putname;
	fd = get_unused_fd_flags(oflag & O_CLOEXEC);
	if (fd < 0) {
		err = fd;
		goto out_putname;
	}
	inode_lock(d_inode(root));
	path.dentry = lookup_one_len(name->name, root, strlen(name->name));
	if (IS_ERR(path.dentry)) {
		err = PTR_ERR(path.dentry);
		goto out_unlock;
	}
	path.mnt = mntget(mnt);
	file = mq_prepare_open(&path, oflag, mode, attr);
	path_put(&path);
	if (IS_ERR(file)) {
		err = PTR_ERR(file);
		goto out_unlock;
	}
	fd_install(fd, file);
	err = fd;
	fd = -1;
out_unlock:
	inode_unlock(d_inode(root));
	if (fd >= 0)
		put_unused_fd(fd);
out_putname:
	putname(name);
	return err;
}

SYSCALL_DEFINE4(mq_open, const char __user *, u_name, int, oflag, umode_t, mode,
		struct mq_attr __user *, u_attr)
{
	struct mq_attr attr;

	if (u_attr && copy_from_user(&attr, u_attr, sizeof(attr)))
		return -EFAULT;
	return do_mq_open(u_name, oflag, mode, u_attr ? &attr : NULL);
}

SYSCALL_DEFINE1(mq_unlink, const char __user *, u_name)
{
	struct dentry *root = current_ipc_ns()->mq_mnt->mnt_root, *dentry;
	struct filename *name;
	int err;

	name = getname(u_name);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = mq_check_name(name->name);
	if (err)
		goto out_putname;
	inode_lock(d_inode(root));
	dentry = lookup_one_len(name->name, root, strlen(name->name));
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto out_unlock;
	}
	err = d_inode(dentry) ? vfs_unlink(d_inode(root), dentry) : -ENOENT;
	dput(dentry);
out_unlock:
	inode_unlock(d_inode(root));
out_putname:
	putname(name);
	return err;
}

/* --- sending and receiving -------------------------------------------- */

/* A queue descriptor: an mqueue file open for @fmode (EBADF otherwise). */
static struct file *mq_fget(int mqdes, fmode_t fmode)
{
	struct file *f = fget(mqdes);

	if (!f)
		return ERR_PTR(-EBADF);
	if (f->f_op != &mqueue_file_operations || (fmode && !(f->f_mode & fmode))) {
		fput(f);
		return ERR_PTR(-EBADF);
	}
	return f;
}

/*
 * Sleep once for a change (info->lock held on entry and return).  0 to
 * look again, -ETIMEDOUT, or -ERESTARTSYS for a signal (an SA_RESTART
 * handler restarts the call with its same absolute time-out).
 */
static int mq_wait(struct mqueue_inode_info *info, u64 deadline)
{
	if (deadline && ktime_get_ns() >= deadline)
		return -ETIMEDOUT;
	ipc_sleep(&info->lock, &info->wait, deadline);
	if (signal_pending(current))
		return -ERESTARTSYS;
	return 0;
}

/* Tell the registered process, once: the queue got its first message. */
static void mq_do_notify(struct mqueue_inode_info *info)
{
	struct task_struct *p;
	siginfo_t sig;

	if (!info->notify_owner || info->attr.mq_curmsgs != 1 || info->nr_receivers)
		return;
	if (info->notify.sigev_notify == SIGEV_SIGNAL && info->notify.sigev_signo) {
		memset(&sig, 0, sizeof(sig));
		sig.si_signo = info->notify.sigev_signo;
		sig.si_code = SI_MESGQ;
		sig.si_value = info->notify.sigev_value;
		sig.si_pid = current->tgid;
		sig.si_uid = current_uid();
		spin_lock_irq(&tasklist_lock);
		p = find_task_by_pid_ns(info->notify_owner, &init_pid_ns);	/* a first-namespace tgid */
		if (p && p->tgid == info->notify_owner && !p->group_leader->exit_state)
			group_send_sig_info(sig.si_signo, &sig, p->group_leader);
		spin_unlock_irq(&tasklist_lock);
	}
	mq_send_cookie(info, NOTIFY_WOKENUP);
	info->notify_owner = 0;
}

/* Highest priority first; after the others of the same priority. */
static void msg_insert(struct mqueue_inode_info *info, struct mqueue_msg *msg)
{
	struct mqueue_msg *pos;

	list_for_each_entry(pos, &info->msgs, list) {
		if (pos->prio < msg->prio) {
			list_add_tail(&msg->list, &pos->list);
			goto added;
		}
	}
	list_add_tail(&msg->list, &info->msgs);
added:
	info->attr.mq_curmsgs++;
	info->qsize += msg->len;
}

static long do_mq_timedsend(int mqdes, const char __user *u_msg, size_t msg_len,
			    unsigned int msg_prio, const struct __kernel_timespec __user *u_timeout)
{
	struct mqueue_inode_info *info;
	struct mqueue_msg *msg = NULL;
	struct inode *inode;
	u64 deadline = 0;
	struct file *f;
	long err;

	if (msg_prio >= MQ_PRIO_MAX)
		return -EINVAL;
	if (u_timeout) {
		err = ipc_timeout_to_deadline(u_timeout, true, &deadline);
		if (err)
			return err;
	}
	f = mq_fget(mqdes, FMODE_WRITE);
	if (IS_ERR(f))
		return PTR_ERR(f);
	inode = file_inode(f);
	info = MQUEUE_I(inode);
	err = -EMSGSIZE;
	if (msg_len > (size_t)info->attr.mq_msgsize)
		goto out_fput;
	err = -ENOMEM;
	msg = ipc_alloc(sizeof(*msg) + msg_len);
	if (!msg)
		goto out_fput;
	msg->prio = msg_prio;
	msg->len = msg_len;
	err = -EFAULT;
	if (copy_from_user(msg->data, u_msg, msg_len))
		goto out_fput;

	mutex_lock(&info->lock);
	while (info->attr.mq_curmsgs >= info->attr.mq_maxmsg) {
		err = -EAGAIN;
		if (f->f_flags & O_NONBLOCK)
			goto out_unlock;
		err = mq_wait(info, deadline);
		if (err)
			goto out_unlock;
	}
	msg_insert(info, msg);
	msg = NULL;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	mq_do_notify(info);
	wake_up_all(&info->wait);
	err = 0;
out_unlock:
	mutex_unlock(&info->lock);
out_fput:
	if (msg)
		ipc_free(msg);
	fput(f);
	return err;
}

SYSCALL_DEFINE5(mq_timedsend, int, mqdes, const char __user *, u_msg_ptr, size_t, msg_len,
		unsigned int, msg_prio, const struct __kernel_timespec __user *, u_abs_timeout)
{
	return do_mq_timedsend(mqdes, u_msg_ptr, msg_len, msg_prio, u_abs_timeout);
}

/* Wait for and take the first message.  info->lock held. */
static struct mqueue_msg *mq_take(struct file *f, struct mqueue_inode_info *info, u64 deadline)
{
	struct mqueue_msg *msg;
	int err;

	while (!info->attr.mq_curmsgs) {
		if (f->f_flags & O_NONBLOCK)
			return ERR_PTR(-EAGAIN);
		info->nr_receivers++;
		err = mq_wait(info, deadline);
		info->nr_receivers--;
		if (err)
			return ERR_PTR(err);
	}
	msg = list_first_entry(&info->msgs, struct mqueue_msg, list);
	list_del(&msg->list);
	info->attr.mq_curmsgs--;
	info->qsize -= msg->len;
	wake_up_all(&info->wait);
	return msg;
}

static long do_mq_timedreceive(int mqdes, char __user *u_msg, size_t msg_len,
			       unsigned int __user *u_msg_prio,
			       const struct __kernel_timespec __user *u_timeout)
{
	struct mqueue_inode_info *info;
	struct mqueue_msg *msg;
	struct inode *inode;
	u64 deadline = 0;
	struct file *f;
	long ret;

	if (u_timeout) {
		ret = ipc_timeout_to_deadline(u_timeout, true, &deadline);
		if (ret)
			return ret;
	}
	f = mq_fget(mqdes, FMODE_READ);
	if (IS_ERR(f))
		return PTR_ERR(f);
	inode = file_inode(f);
	info = MQUEUE_I(inode);
	ret = -EMSGSIZE;
	if (msg_len < (size_t)info->attr.mq_msgsize)
		goto out_fput;
	mutex_lock(&info->lock);
	msg = mq_take(f, info, deadline);
	if (!IS_ERR(msg))
		inode->i_atime = inode->i_ctime = current_time(inode);
	mutex_unlock(&info->lock);
	if (IS_ERR(msg)) {
		ret = PTR_ERR(msg);
		goto out_fput;
	}
	/* A fault loses the message, as on Linux: it is off the queue already. */
	ret = msg->len;
	if ((u_msg_prio && put_user(msg->prio, u_msg_prio)) ||
	    copy_to_user(u_msg, msg->data, msg->len))
		ret = -EFAULT;
	ipc_free(msg);
out_fput:
	fput(f);
	return ret;
}

SYSCALL_DEFINE5(mq_timedreceive, int, mqdes, char __user *, u_msg_ptr, size_t, msg_len,
		unsigned int __user *, u_msg_prio,
		const struct __kernel_timespec __user *, u_abs_timeout)
{
	return do_mq_timedreceive(mqdes, u_msg_ptr, msg_len, u_msg_prio, u_abs_timeout);
}

/* --- mq_notify and mq_getsetattr --------------------------------------- */

/*
 * SIGEV_THREAD: the C library passes a netlink socket to be told through
 * (sigev_signo) and a NOTIFY_COOKIE_LEN-byte cookie to send it
 * (sigev_value.sival_ptr).  The message is made now, so sending it can
 * never fail for want of memory.
 */
static int mq_notify_thread_sock(const struct sigevent *n, struct sock **sockp,
				 struct sk_buff **cookiep)
{
	struct sk_buff *skb = alloc_skb(NOTIFY_COOKIE_LEN, GFP_KERNEL);
	struct sock *sk;
	struct file *f;

	if (!skb)
		return -ENOMEM;
	if (copy_from_user(skb_put(skb, NOTIFY_COOKIE_LEN), n->sigev_value.sival_ptr,
			   NOTIFY_COOKIE_LEN)) {
		kfree_skb(skb);
		return -EFAULT;
	}
	f = fget(n->sigev_signo);
	if (!f) {
		kfree_skb(skb);
		return -EBADF;
	}
	sk = netlink_getsockbyfilp(f);
	fput(f);
	if (IS_ERR(sk)) {
		kfree_skb(skb);
		return PTR_ERR(sk);
	}
	*sockp = sk;
	*cookiep = skb;
	return 0;
}

static long do_mq_notify(int mqdes, const struct sigevent *n)
{
	struct mqueue_inode_info *info;
	struct sk_buff *cookie = NULL;
	struct sock *sk = NULL;
	struct file *f;
	long err = 0;

	if (n) {
		if (n->sigev_notify != SIGEV_NONE && n->sigev_notify != SIGEV_SIGNAL &&
		    n->sigev_notify != SIGEV_THREAD)
			return -EINVAL;
		if (n->sigev_notify == SIGEV_SIGNAL && (unsigned int)n->sigev_signo > _NSIG)
			return -EINVAL;
		if (n->sigev_notify == SIGEV_THREAD) {
			err = mq_notify_thread_sock(n, &sk, &cookie);
			if (err)
				return err;
		}
	}
	f = mq_fget(mqdes, 0);
	if (IS_ERR(f)) {
		err = PTR_ERR(f);
		goto out;
	}
	info = MQUEUE_I(file_inode(f));
	mutex_lock(&info->lock);
	if (!n) {
		if (info->notify_owner == current->tgid)
			remove_notification(info);
	} else if (info->notify_owner) {
		err = -EBUSY;
	} else {
		info->notify = *n;
		info->notify_owner = current->tgid;
		info->notify_uid = current_uid();
		info->notify_sock = sk;
		info->notify_cookie = cookie;
		sk = NULL;
		cookie = NULL;
	}
	mutex_unlock(&info->lock);
	fput(f);
out:
	if (sk)
		sock_put(sk);
	kfree_skb(cookie);
	return err;
}

SYSCALL_DEFINE2(mq_notify, int, mqdes, const struct sigevent __user *, u_notification)
{
	struct sigevent n;

	if (u_notification && copy_from_user(&n, u_notification, sizeof(n)))
		return -EFAULT;
	return do_mq_notify(mqdes, u_notification ? &n : NULL);
}

SYSCALL_DEFINE3(mq_getsetattr, int, mqdes, const struct mq_attr __user *, u_mqstat,
		struct mq_attr __user *, u_omqstat)
{
	struct mqueue_inode_info *info;
	struct mq_attr mqstat, omqstat;
	struct file *f;

	if (u_mqstat) {
		if (copy_from_user(&mqstat, u_mqstat, sizeof(mqstat)))
			return -EFAULT;
		if (mqstat.mq_flags & ~O_NONBLOCK)
			return -EINVAL;
	}
	f = mq_fget(mqdes, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	info = MQUEUE_I(file_inode(f));
	mutex_lock(&info->lock);
	omqstat = info->attr;
	omqstat.mq_flags = f->f_flags & O_NONBLOCK;
	if (u_mqstat) {
		if (mqstat.mq_flags & O_NONBLOCK)
			f->f_flags |= O_NONBLOCK;
		else
			f->f_flags &= ~O_NONBLOCK;
	}
	mutex_unlock(&info->lock);
	fput(f);
	if (u_omqstat && copy_to_user(u_omqstat, &omqstat, sizeof(omqstat)))
		return -EFAULT;
	return 0;
}

/* --- the filesystem ------------------------------------------------------ */

static int mqueue_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = MQUEUE_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

static const struct super_operations mqueue_super_ops = {
	.alloc_inode	= mqueue_alloc_inode,
	.free_inode	= mqueue_free_inode,
	.statfs		= mqueue_statfs,
};

/*
 * A mount shows the mounter's namespace's instance; the kernel's own
 * mount (SB_KERNMOUNT, from mq_init_ns) passes the new superblock.
 */
static struct dentry *mqueue_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	if (flags & SB_KERNMOUNT)
		return mount_single_sb(data);
	return mount_single_sb(current_ipc_ns()->mq_mnt->mnt_sb);
}

static struct file_system_type mqueue_fs_type = {
	.name		= "mqueue",
	.mount		= mqueue_mount,
	.kill_sb	= kill_litter_super,	/* unpins the queues never unlinked */
};

/* @ns's instance: an empty directory of queues, and the mqueue limits at their defaults. */
int mq_init_ns(struct ipc_namespace *ns)
{
	struct super_block *sb;
	struct vfsmount *mnt;
	struct inode *root;

	ns->mq_queues_count = 0;
	ns->mq_queues_max = DFLT_QUEUESMAX;
	ns->mq_msg_max = DFLT_MSGMAX;
	ns->mq_msgsize_max = DFLT_MSGSIZEMAX;
	ns->mq_msg_default = DFLT_MSG;
	ns->mq_msgsize_default = DFLT_MSGSIZE;

	sb = sget_nodev(&mqueue_fs_type, 0);
	if (!sb)
		return -ENOMEM;
	sb->s_magic = MQUEUE_MAGIC;
	sb->s_op = &mqueue_super_ops;
	sb->s_fs_info = ns;
	root = new_inode(sb);
	if (!root)
		goto fail;
	inode_init_owner(root, NULL, S_IFDIR | S_ISVTX | 0777);
	root->i_op = &mqueue_dir_inode_operations;
	root->i_fop = &simple_dir_operations;
	inc_nlink(root);
	sb->s_root = d_make_root(root);
	if (!sb->s_root)
		goto fail;
	mnt = vfs_kern_mount(&mqueue_fs_type, SB_KERNMOUNT, "mqueue", sb);
	if (IS_ERR(mnt)) {
		deactivate_super(sb);
		return PTR_ERR(mnt);
	}
	/* From here the mounts alone keep the superblock. */
	deactivate_super(sb);
	ns->mq_mnt = mnt;
	return 0;
fail:
	deactivate_super(sb);
	return -ENOMEM;
}

/* @ns is going: detach its instance from it and drop the kernel's mount. */
void mq_put_mnt(struct ipc_namespace *ns)
{
	struct inode *dir = d_inode(ns->mq_mnt->mnt_root);

	inode_lock(dir);
	spin_lock(&mq_lock);
	dir->i_sb->s_fs_info = NULL;
	spin_unlock(&mq_lock);
	inode_unlock(dir);
	mntput(ns->mq_mnt);
	ns->mq_mnt = NULL;
}

static int __init init_mqueue_fs(void)
{
	int err;

	err = register_filesystem(&mqueue_fs_type);
	if (err)
		return err;
	return mq_init_ns(&init_ipc_ns);
}
fs_initcall(init_mqueue_fs);
