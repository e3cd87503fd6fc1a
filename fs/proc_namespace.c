// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/mounts (= /proc/self/mounts): the mount table as mount(8) and
 * df read it, one line per mount in the order they were made:
 *
 *	devname mountpoint fstype options 0 0
 *
 * Mount points are shown as the reader's root sees them, with spaces,
 * tabs, newlines and backslashes written as octal escapes.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/seq_file.h>
#include "mount.h"
#include "proc/internal.h"

struct mounts_walk {
	struct seq_file *m;
	char *buf;
};

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
	seq_printf(w->m, " %s %s", mnt->mnt_sb->s_type->name,
		   __mnt_is_readonly(mnt) ? "ro" : "rw");
	if (mnt->mnt_flags & MNT_NOSUID)
		seq_puts(w->m, ",nosuid");
	if (mnt->mnt_flags & MNT_NODEV)
		seq_puts(w->m, ",nodev");
	if (mnt->mnt_flags & MNT_NOEXEC)
		seq_puts(w->m, ",noexec");
	seq_puts(w->m, ",relatime 0 0\n");
	return 0;
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
