// SPDX-License-Identifier: GPL-2.0
/*
 * procfs: the "proc" filesystem type and its top directory.
 *
 * /proc holds the fixed files (meminfo, stat, ...; the table below), the
 * /proc/sys tree (proc_sysctl.c), "self", and one directory per process
 * named by its pid (base.c).  Nothing is stored: a lookup of "42" asks
 * the pid table whether process 42 exists right now, and readdir walks
 * the task list.  Every mount shares one superblock, as on Linux.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/ipc_namespace.h>
#include <linux/key.h>
#include <linux/blkdev.h>
#include <linux/swap.h>
#include <linux/kstrtox.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/sysrq.h>
#include "internal.h"

extern const struct super_operations proc_sops;

#define F(n, s)	{ .name = n, .mode = S_IFREG | 0444, .show = s }

/* System V IPC objects, one line each (ipc/msg.c, sem.c, shm.c) */
static const struct proc_entry proc_sysvipc_entries[] = {
	F("msg", sysvipc_msg_proc_show),
	F("sem", sysvipc_sem_proc_show),
	F("shm", sysvipc_shm_proc_show),
};

static const struct proc_entry proc_bus_pci_entries[] = {
	F("devices", pci_devices_proc_show),
};

static const struct proc_entry proc_bus_entries[] = {
	{ .name = "pci", .mode = S_IFDIR | 0555, .subdir = ARRAY_AND_SIZE(proc_bus_pci_entries) },
};

static const struct proc_entry proc_root_entries[] = {
	F("buddyinfo", buddyinfo_proc_show),
	{ .name = "bus", .mode = S_IFDIR | 0555, .subdir = ARRAY_AND_SIZE(proc_bus_entries) },
	F("cmdline", cmdline_proc_show),
	F("cpuinfo", show_cpuinfo),
	F("devices", devices_proc_show),
	F("diskstats", diskstats_proc_show),
	F("filesystems", filesystems_proc_show),
	F("interrupts", interrupts_proc_show),
	F("kallsyms", kallsyms_proc_show),
	F("key-users", proc_key_users_show),
	F("keys", proc_keys_show),
	F("iomem", iomem_proc_show),
	F("ioports", ioports_proc_show),
	F("loadavg", loadavg_proc_show),
	F("meminfo", meminfo_proc_show),
	F("modules", modules_proc_show),
	{ .name = "net", .mode = S_IFDIR | 0555, .subdir = proc_net_entries, .nr_subdir = PROC_NET_NR },
	F("partitions", partitions_proc_show),
	{ .name = "slabinfo", .mode = S_IFREG | 0400, .show = slabinfo_proc_show },
	F("softirqs", softirqs_proc_show),
	F("stat", stat_proc_show),
	F("swaps", swaps_proc_show),
	{ .name = "sysrq-trigger", .mode = S_IFREG | 0200, .write = write_sysrq_trigger },
	{ .name = "sysvipc", .mode = S_IFDIR | 0555, .subdir = ARRAY_AND_SIZE(proc_sysvipc_entries) },
	F("uptime", uptime_proc_show),
	F("version", version_proc_show),
	F("vmstat", vmstat_proc_show),
	F("zoneinfo", zoneinfo_proc_show),
};

/* Names that are symlinks, made per lookup: "self" and "mounts". */
#define PROC_NR_FIXED	(ARRAY_SIZE(proc_root_entries) + 3)	/* + sys, self, mounts */

static const char *self_get_link(struct dentry *dentry, struct inode *inode)
{
	struct proc_inode *ei = PROC_I(inode);

	/*
	 * Whose "self" depends on who asks, so the target is written at
	 * each call.  Callers copy it at once (the walk, readlink).
	 */
	pid_t tgid = task_tgid_nr_ns(current, proc_pid_ns(inode->i_sb));

	/* A process of a namespace above this /proc's is not in it. */
	if (!tgid)
		return ERR_PTR(-ENOENT);
	scnprintf(ei->link_buf, sizeof(ei->link_buf), "%d", tgid);
	return ei->link_buf;
}

static const struct inode_operations proc_self_inode_operations = {
	.get_link	= self_get_link,
};

static struct inode *proc_self_inode(struct super_block *sb)
{
	struct inode *inode = proc_new_inode(sb, S_IFLNK | 0777);

	if (inode)
		inode->i_op = &proc_self_inode_operations;
	return inode;
}

static struct inode *proc_mounts_inode(struct super_block *sb)
{
	struct inode *inode = proc_new_inode(sb, S_IFLNK | 0777);

	if (inode) {
		inode->i_op = &simple_symlink_inode_operations;
		proc_set_link(inode, "self/mounts");
		if (!inode->i_link) {
			iput(inode);
			return NULL;
		}
	}
	return inode;
}

static bool name_is(const struct dentry *dentry, const char *name)
{
	return dentry->d_name.len == strlen(name) &&
	       !memcmp(dentry->d_name.name, name, dentry->d_name.len);
}

static bool proc_root_table_has(const struct dentry *dentry)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(proc_root_entries); i++)
		if (name_is(dentry, proc_root_entries[i].name))
			return true;
	return false;
}

/* Names proc_create() may not take in /proc: the fixed ones and numbers. */
bool proc_root_has_fixed(const char *name)
{
	if ((name[0] >= '0' && name[0] <= '9') || !strcmp(name, "self") ||
	    !strcmp(name, "mounts") || !strcmp(name, "sys"))
		return true;
	for (unsigned int i = 0; i < ARRAY_SIZE(proc_root_entries); i++)
		if (!strcmp(name, proc_root_entries[i].name))
			return true;
	return false;
}

static struct inode *proc_pid_lookup(struct super_block *sb, const struct qstr *name)
{
	struct task_struct *task;
	struct inode *inode;
	char num[12];
	int pid;

	if (name->len >= sizeof(num))
		return NULL;
	memcpy(num, name->name, name->len);
	num[name->len] = '\0';
	if (num[0] == '0' || kstrtoint(num, 10, &pid) || pid <= 0)
		return NULL;
	task = get_pid_task_ns(pid, proc_pid_ns(sb));
	if (!task)
		return NULL;
	inode = proc_pid_dir_inode(sb, task);
	put_task_struct(task);
	return inode ? inode : ERR_PTR(-ENOMEM);
}

static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags)
{
	struct super_block *sb = dir->i_sb;
	struct inode *inode;

	if (dentry->d_name.name[0] >= '0' && dentry->d_name.name[0] <= '9') {
		inode = proc_pid_lookup(sb, &dentry->d_name);	/* NULL: no such process */
		if (IS_ERR(inode))
			return ERR_CAST(inode);
		d_add(dentry, inode);
		return NULL;
	}
	if (name_is(dentry, "self"))
		inode = proc_self_inode(sb);
	else if (name_is(dentry, "mounts"))
		inode = proc_mounts_inode(sb);
	else if (name_is(dentry, "sys"))
		inode = proc_entry_inode(sb, &proc_sys_entry);
	else if (proc_root_table_has(dentry))
		return proc_entry_lookup(dir, dentry, ARRAY_AND_SIZE(proc_root_entries));
	else {
		/* Entries drivers and modules made with proc_create(); NULL: none. */
		inode = proc_dyn_lookup(sb, NULL, &dentry->d_name);
		if (IS_ERR(inode))
			return ERR_CAST(inode);
		d_add(dentry, inode);
		return NULL;
	}
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_add(dentry, inode);
	return NULL;
}

/* Room in the positions for entries made by proc_create() at the top. */
#define PROC_NR_DYN	1024

/*
 * Positions: 0-1 "." and "..", then the fixed names, then the entries
 * drivers made, then one per process at a base + tgid, so a reader that
 * stops and comes back resumes at the next pid even if processes came or
 * went.
 */
static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	static const char *const links[] = { "sys", "self", "mounts" };
	const loff_t dyn_base = PROC_NR_FIXED + 2;
	const loff_t pid_base = dyn_base + PROC_NR_DYN;
	pid_t tgid;

	if (!proc_entries_readdir(ctx, ARRAY_AND_SIZE(proc_root_entries)))
		return 0;
	while (ctx->pos < dyn_base) {
		const char *n = links[ctx->pos - 2 - ARRAY_SIZE(proc_root_entries)];

		if (!dir_emit(ctx, n, strlen(n), 1, n[1] == 'y' ? DT_DIR : DT_LNK))
			return 0;
		ctx->pos++;
	}
	if (ctx->pos < pid_base) {
		if (!proc_dyn_readdir(NULL, ctx, dyn_base))
			return 0;
		ctx->pos = pid_base;
	}
	while ((tgid = proc_next_tgid(ctx->pos - pid_base, proc_pid_ns(file_inode(file)->i_sb))) > 0) {
		char num[12];
		int len = scnprintf(num, sizeof(num), "%d", tgid);

		ctx->pos = pid_base + tgid;
		if (!dir_emit(ctx, num, len, 1, DT_DIR))
			return 0;
		ctx->pos++;
	}
	return 0;
}

const struct inode_operations proc_root_inode_operations = {
	.lookup		= proc_root_lookup,
};

const struct file_operations proc_root_operations = {
	.iterate_shared	= proc_root_readdir,
	.llseek		= proc_dir_llseek,
};

static DEFINE_MUTEX(proc_sb_lock);	/* guards each pid_namespace's proc_sb */

static struct super_block *proc_fill_super(struct file_system_type *fs_type, int flags)
{
	struct super_block *sb = sget_nodev(fs_type, flags);
	struct inode *root;

	if (!sb)
		return NULL;
	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_op = &proc_sops;
	sb->s_fs_info = get_pid_ns(task_active_pid_ns(current));
	root = proc_new_inode(sb, S_IFDIR | 0555);
	if (root) {
		root->i_op = &proc_root_inode_operations;
		root->i_fop = &proc_root_operations;
	}
	sb->s_root = d_make_root(root);
	if (!sb->s_root) {
		deactivate_super(sb);
		return NULL;
	}
	sb->s_root->d_op = &proc_dentry_operations;	/* children inherit it */
	return sb;
}

/* The instance of @ns with one more mount on it, or NULL. */
static struct dentry *proc_get_root(struct pid_namespace *ns)
{
	struct super_block *proc_sb;
	struct dentry *root = NULL;

	mutex_lock(&proc_sb_lock);
	proc_sb = ns->proc_sb;
	/* At zero it is being torn down (proc_kill_sb waits for this lock): not ours. */
	if (proc_sb && atomic_inc_not_zero(&proc_sb->s_active))
		root = dget(proc_sb->s_root);
	mutex_unlock(&proc_sb_lock);
	return root;
}

/*
 * Every mount of proc made in one PID namespace shows the same tree: one
 * superblock per namespace (the mounter's), more s_active.  The first is
 * made without proc_sb_lock held, because a failed one is torn down
 * through proc_kill_sb, which takes it.
 */
static struct dentry *proc_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	struct pid_namespace *ns = task_active_pid_ns(current);
	struct dentry *root = proc_get_root(ns);
	struct super_block *sb;

	if (root)
		return root;
	sb = proc_fill_super(fs_type, flags);
	if (!sb)
		return ERR_PTR(-ENOMEM);
	mutex_lock(&proc_sb_lock);
	if (!ns->proc_sb || !atomic_read(&ns->proc_sb->s_active)) {	/* none, or one going away */
		ns->proc_sb = sb;	/* this mount takes the reference sget_nodev gave */
		root = dget(sb->s_root);
		sb = NULL;
	}
	mutex_unlock(&proc_sb_lock);
	if (sb) {
		deactivate_super(sb);	/* another mount made it first: use that one */
		root = proc_get_root(ns);
	}
	return root ? root : ERR_PTR(-ENOMEM);
}

static void proc_kill_sb(struct super_block *sb)
{
	struct pid_namespace *ns = proc_pid_ns(sb);

	mutex_lock(&proc_sb_lock);
	if (ns && ns->proc_sb == sb)
		ns->proc_sb = NULL;
	mutex_unlock(&proc_sb_lock);
	dput(sb->s_root);
	sb->s_root = NULL;
	if (ns)
		put_pid_ns(ns);
	sb->s_fs_info = NULL;
}

static struct file_system_type proc_fs_type = {
	.name		= "proc",
	.mount		= proc_mount,
	.kill_sb	= proc_kill_sb,
};

static int __init proc_root_init(void)
{
	int err = proc_init_inodecache();

	return err ? err : register_filesystem(&proc_fs_type);
}
fs_initcall(proc_root_init);
