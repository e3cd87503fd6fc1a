// SPDX-License-Identifier: GPL-2.0
/*
 * Filesystem types and superblocks.
 *
 * A filesystem driver registers a struct file_system_type by name
 * ("tmpfs"); mount(2) finds it here and asks its ->mount for the root
 * dentry of a new (or existing) superblock.  A superblock lives while a
 * mount uses it (s_active); the last deactivate_super hands it back to
 * the driver's ->kill_sb.  Filesystems without a device get an
 * anonymous device number (major 0) for st_dev, as on Linux.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/fsnotify_backend.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

static struct file_system_type *file_systems;
static DEFINE_SPINLOCK(file_systems_lock);
static LIST_HEAD(super_blocks);
static DEFINE_SPINLOCK(sb_lock);
static unsigned int next_anon_minor = 1;

int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int err = 0;

	spin_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next) {
		if (!strcmp((*p)->name, fs->name)) {
			err = -EBUSY;
			break;
		}
	}
	if (!err) {
		fs->next = NULL;
		*p = fs;
	}
	spin_unlock(&file_systems_lock);
	return err;
}

/* Types are never unregistered yet, so no reference is taken. */
struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	spin_lock(&file_systems_lock);
	for (fs = file_systems; fs; fs = fs->next)
		if (!strcmp(fs->name, name))
			break;
	spin_unlock(&file_systems_lock);
	return fs;
}

/* The text of /proc/filesystems: "nodev\t<name>" for device-less types. */
int get_filesystem_list(char *buf, size_t size)
{
	struct file_system_type *fs;
	int len = 0;

	spin_lock(&file_systems_lock);
	for (fs = file_systems; fs && (size_t)len < size; fs = fs->next)
		len += scnprintf(buf + len, size - len, "%s\t%s\n",
				 fs->fs_flags & FS_REQUIRES_DEV ? "" : "nodev", fs->name);
	spin_unlock(&file_systems_lock);
	return len;
}

/* A new superblock with no device behind it; the caller fills in s_op and s_root. */
struct super_block *sget_nodev(struct file_system_type *type, int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	INIT_LIST_HEAD(&sb->s_inodes);
	INIT_LIST_HEAD(&sb->s_fsnotify_marks);
	mutex_init(&sb->s_vfs_rename_mutex);
	atomic_set(&sb->s_active, 1);
	sb->s_type = type;
	sb->s_flags = flags;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_maxbytes = MAX_LFS_FILESIZE;
	spin_lock(&sb_lock);
	sb->s_dev = MKDEV(0, next_anon_minor++);
	list_add_tail(&sb->s_list, &super_blocks);
	spin_unlock(&sb_lock);
	return sb;
}

void deactivate_super(struct super_block *sb)
{
	if (!atomic_dec_and_test(&sb->s_active))
		return;
	fsnotify_sb_delete(sb);		/* IN_UNMOUNT; marks let go of the inodes */
	shrink_dcache_sb(sb);		/* the cached names hold the root and inodes */
	sb->s_type->kill_sb(sb);
	spin_lock(&sb_lock);
	list_del(&sb->s_list);
	spin_unlock(&sb_lock);
	kfree(sb);
}

/*
 * Filesystems with one instance the kernel builds at boot (sysfs,
 * devtmpfs): every mount shows that instance, as Linux's
 * mount_single/get_tree_single give every mount the one superblock.
 * ->mount returns this; NULL @sb (not built yet, or building failed)
 * is ENODEV.
 */
struct dentry *mount_single_sb(struct super_block *sb)
{
	if (!sb)
		return ERR_PTR(-ENODEV);
	atomic_inc(&sb->s_active);
	return dget(sb->s_root);
}

/* Their ->kill_sb: the boot reference outlives every mount, so nothing to undo. */
void kill_single_super(struct super_block *sb)
{
}

/* For in-memory filesystems: every name is pinned in the dcache; unpin them all. */
void kill_litter_super(struct super_block *sb)
{
	if (sb->s_root) {
		d_genocide(sb->s_root);
		dput(sb->s_root);
		sb->s_root = NULL;
	}
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
}

/*
 * ustat(2) names a filesystem by its device number: the mounted
 * superblock with that number, with a reference (deactivate_super), or
 * NULL.
 */
struct super_block *user_get_super(dev_t dev)
{
	struct super_block *sb;

	spin_lock(&sb_lock);
	list_for_each_entry(sb, &super_blocks, s_list)
		if (sb->s_dev == dev && sb->s_root && atomic_inc_not_zero(&sb->s_active)) {
			spin_unlock(&sb_lock);
			return sb;
		}
	spin_unlock(&sb_lock);
	return NULL;
}

/*
 * sysfs(2), the old System V way to list the filesystem types the kernel
 * knows (/proc/filesystems today): option 1 turns a name into its index
 * in the registration list, 2 an index into its name, 3 counts them.
 */
static long fs_index(const char __user *uname)
{
	struct file_system_type *p;
	char name[64];
	long len, idx = 0;

	len = strncpy_from_user(name, uname, sizeof(name));
	if (len < 0)
		return -EFAULT;
	if (len == sizeof(name))
		return -EINVAL;
	spin_lock(&file_systems_lock);
	for (p = file_systems; p; p = p->next, idx++)
		if (!strcmp(p->name, name))
			break;
	spin_unlock(&file_systems_lock);
	return p ? idx : -EINVAL;
}

static long fs_name(unsigned int index, char __user *buf)
{
	struct file_system_type *p;
	char name[64];

	spin_lock(&file_systems_lock);
	for (p = file_systems; p && index; p = p->next)
		index--;
	if (p)
		strscpy(name, p->name, sizeof(name));
	spin_unlock(&file_systems_lock);
	if (!p)
		return -EINVAL;
	return copy_to_user(buf, name, strlen(name) + 1) ? -EFAULT : 0;
}

static long fs_maxindex(void)
{
	struct file_system_type *p;
	long n = 0;

	spin_lock(&file_systems_lock);
	for (p = file_systems; p; p = p->next)
		n++;
	spin_unlock(&file_systems_lock);
	return n;
}

SYSCALL_DEFINE3(sysfs, int, option, unsigned long, arg1, unsigned long, arg2)
{
	switch (option) {
	case 1:
		return fs_index((const char __user *)arg1);
	case 2:
		return fs_name(arg1, (char __user *)arg2);
	case 3:
		return fs_maxindex();
	default:
		return -EINVAL;
	}
}

/* sync(2)'s middle part: each filesystem writes its own metadata (superblock counters). */
void sync_filesystems(void)
{
	struct super_block *sb, *prev = NULL;

	spin_lock(&sb_lock);
	list_for_each_entry(sb, &super_blocks, s_list) {
		if (!sb->s_op || !sb->s_op->sync_fs || !atomic_inc_not_zero(&sb->s_active))
			continue;
		spin_unlock(&sb_lock);
		if (prev)
			deactivate_super(prev);
		sb->s_op->sync_fs(sb, 1);
		prev = sb;
		spin_lock(&sb_lock);
	}
	spin_unlock(&sb_lock);
	if (prev)
		deactivate_super(prev);
}

/* Call @f for each superblock that is alive, holding an active reference across the call. */
void iterate_supers(void (*f)(struct super_block *sb, void *arg), void *arg)
{
	struct super_block *sb, *prev = NULL;

	spin_lock(&sb_lock);
	list_for_each_entry(sb, &super_blocks, s_list) {
		if (!atomic_inc_not_zero(&sb->s_active))
			continue;
		spin_unlock(&sb_lock);
		if (prev)
			deactivate_super(prev);
		f(sb, arg);
		prev = sb;
		spin_lock(&sb_lock);
	}
	spin_unlock(&sb_lock);
	if (prev)
		deactivate_super(prev);
}
