// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/mounts (= /proc/self/mounts): the mount table as mount(8) and
 * df read it, one line per mount in the order they were made:
 *
 *	devname mountpoint fstype options 0 0
 *
 * Mount points are shown as the reader's root sees them, with spaces,
 * tabs, newlines and backslashes written as octal escapes.
 *
 * /proc/PID/mountinfo says more, one line per mount:
 *
 *	id parent-id major:minor root mountpoint options [shared:N master:N unbindable] - fstype devname super-options
 *
 * where root is the directory of the filesystem the mount shows, and
 * the optional fields give its propagation (fs/pnode.c).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/poll.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kdev_t.h>
#include <linux/dcache.h>
#include <linux/seq_file.h>
#include "mount.h"
#include "proc/internal.h"

struct mounts_walk {
	struct seq_file *m;
	char *buf;
};

static void show_mnt_opts(struct seq_file *m, const struct vfsmount *mnt);

static int show_vfsmnt(struct mount *r, void *arg)
{
	struct mounts_walk *w = arg;
	struct path mnt_path = { .mnt = &r->mnt, .dentry = r->mnt.mnt_root };
	struct vfsmount *mnt = &r->mnt;
	char *p = d_path(&mnt_path, w->buf, PATH_MAX);

	if (IS_ERR(p))
		return 0;	/* not reachable from the reader's root: Linux skips it too */
	seq_escape(w->m, r->mnt_devname, " \t\n\\");
	seq_putc(w->m, ' ');
	seq_escape(w->m, p, " \t\n\\");
	seq_printf(w->m, " %s ", mnt->mnt_sb->s_type->name);
	show_mnt_opts(w->m, mnt);
	seq_puts(w->m, " 0 0\n");
	return 0;
}

/* "rw,nosuid,...,relatime": the per-mount options, as both files show them. */
static void show_mnt_opts(struct seq_file *m, const struct vfsmount *mnt)
{
	seq_puts(m, __mnt_is_readonly(mnt) ? "ro" : "rw");
	if (mnt->mnt_flags & MNT_NOSUID)
		seq_puts(m, ",nosuid");
	if (mnt->mnt_flags & MNT_NODEV)
		seq_puts(m, ",nodev");
	if (mnt->mnt_flags & MNT_NOEXEC)
		seq_puts(m, ",noexec");
	if (mnt->mnt_flags & MNT_NOSYMFOLLOW)
		seq_puts(m, ",nosymfollow");
	if (mnt->mnt_flags & MNT_NOATIME)
		seq_puts(m, ",noatime");
	else if (mnt->mnt_flags & MNT_RELATIME)
		seq_puts(m, ",relatime");	/* neither: strictatime, which Linux does not name */
	if (mnt->mnt_flags & MNT_NODIRATIME)
		seq_puts(m, ",nodiratime");
}

/* The mount's root as a path inside its own filesystem ("/" for the whole of it). */
static char *fs_root_path(struct dentry *dentry, char *buf, int len)
{
	char *p = buf + len;

	*--p = '\0';
	dcache_lock_acquire();
	while (!IS_ROOT(dentry)) {
		int n = dentry->d_name.len;

		if (p - buf < n + 1) {
			p = NULL;
			break;
		}
		p -= n;
		memcpy(p, dentry->d_name.name, n);
		*--p = '/';
		dentry = dentry->d_parent;
	}
	dcache_lock_release();
	if (p && !*p)
		*--p = '/';
	return p;
}

static int show_mountinfo(struct mount *r, void *arg)
{
	struct mounts_walk *w = arg;
	struct path mnt_path = { .mnt = &r->mnt, .dentry = r->mnt.mnt_root };
	struct vfsmount *mnt = &r->mnt;
	struct super_block *sb = mnt->mnt_sb;
	char *p = d_path(&mnt_path, w->buf, PATH_MAX), *root;
	int master;

	if (IS_ERR(p))
		return 0;
	seq_printf(w->m, "%d %d %u:%u ", r->mnt_id, r->mnt_parent->mnt_id,
		   MAJOR(sb->s_dev), MINOR(sb->s_dev));
	root = fs_root_path(mnt->mnt_root, w->buf + PATH_MAX, PATH_MAX);
	seq_escape(w->m, root ? root : "/", " \t\n\\");
	seq_putc(w->m, ' ');
	seq_escape(w->m, p, " \t\n\\");
	seq_putc(w->m, ' ');
	show_mnt_opts(w->m, mnt);
	if (r->mnt_group_id)
		seq_printf(w->m, " shared:%d", r->mnt_group_id);
	master = mnt_master_group(r);
	if (master)
		seq_printf(w->m, " master:%d", master);
	if (r->mnt_unbindable)
		seq_puts(w->m, " unbindable");
	seq_printf(w->m, " - %s ", sb->s_type->name);
	seq_escape(w->m, r->mnt_devname, " \t\n\\");
	seq_printf(w->m, " %s\n", (sb->s_flags & MS_RDONLY) ? "ro" : "rw");
	return 0;
}

int proc_pid_mountinfo(struct seq_file *m, struct task_struct *task)
{
	struct mounts_walk w = { .m = m, .buf = kmalloc(2 * PATH_MAX, GFP_KERNEL) };
	int err;

	if (!w.buf)
		return -ENOMEM;
	err = iterate_mounts(show_mountinfo, &w);
	kfree(w.buf);
	return err;
}

int mounts_proc_show(struct seq_file *m, void *v)
{
	struct mounts_walk w = { .m = m, .buf = kmalloc(PATH_MAX, GFP_KERNEL) };
	int err;

	if (!w.buf)
		return -ENOMEM;
	err = iterate_mounts(show_vfsmnt, &w);
	kfree(w.buf);
	return err;
}

/* One mount namespace: every process sees the same table. */
int proc_pid_mounts(struct seq_file *m, struct task_struct *task)
{
	return mounts_proc_show(m, NULL);
}

/*
 * /proc/PID/mounts as a file to poll: readable always, and POLLERR |
 * POLLPRI once after each change of the table since the last poll
 * (how mount monitors wait for mounts; epoll_wait10).  The seq_file's
 * private remembers the change count this open has seen.
 */
static int proc_mounts_open(struct inode *inode, struct file *file)
{
	struct task_struct *task = get_proc_task(inode);

	if (!task)
		return -ESRCH;
	put_task_struct(task);
	return single_open(file, mounts_proc_show, (void *)READ_ONCE(mnt_ns_event));
}

static __poll_t proc_mounts_poll(struct file *file, poll_table *wait)
{
	struct seq_file *m = file->private_data;
	unsigned long event = READ_ONCE(mnt_ns_event);
	__poll_t res = POLLIN | POLLRDNORM;

	poll_wait(file, &mnt_ns_poll, wait);
	if ((unsigned long)m->private != event) {
		m->private = (void *)event;
		res |= POLLERR | POLLPRI;
	}
	return res;
}

const struct file_operations proc_mounts_operations = {
	.open		= proc_mounts_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= single_release,
	.poll		= proc_mounts_poll,
};
