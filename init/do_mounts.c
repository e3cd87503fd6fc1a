// SPDX-License-Identifier: GPL-2.0
/*
 * Options that say where the real root filesystem is: root=, rootfstype=,
 * rootflags=, ro and rw.  They are recorded at boot; mounting the real
 * root (after the initramfs, or instead of it) uses them once block
 * devices and filesystems exist.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/blkdev.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/initramfs.h>
#include <linux/kstrtox.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <uapi/linux/mount.h>

char root_device_name[64];
char root_fs_names[64];
char root_mount_data[128];
int root_mountflags = MS_RDONLY;	/* Linux mounts root read-only unless rw */

static int __init root_dev_setup(char *line)
{
	strscpy(root_device_name, line, sizeof(root_device_name));
	return 1;
}
__setup("root=", root_dev_setup);

static int __init fs_names_setup(char *str)
{
	strscpy(root_fs_names, str, sizeof(root_fs_names));
	return 1;
}
__setup("rootfstype=", fs_names_setup);

static int __init root_data_setup(char *str)
{
	strscpy(root_mount_data, str, sizeof(root_mount_data));
	return 1;
}
__setup("rootflags=", root_data_setup);

static int __init readonly(char *str)
{
	if (*str)
		return 0;
	root_mountflags |= MS_RDONLY;
	return 1;
}
__setup("ro", readonly);

static int __init readwrite(char *str)
{
	if (*str)
		return 0;
	root_mountflags &= ~MS_RDONLY;
	return 1;
}
__setup("rw", readwrite);

static int root_wait;

static int __init rootwait_setup(char *str)
{
	if (*str)
		return 0;
	root_wait = 1;
	return 1;
}
__setup("rootwait", rootwait_setup);

/* root=/dev/vda1, root=vda1, root=PARTUUID=..., root=MAJ:MIN: the block device, or NULL. */
static struct block_device *__init root_lookup(const char *name)
{
	unsigned int maj, min;
	char *end;

	if (!strncmp(name, "PARTUUID=", 9))
		return lookup_bdev_partuuid(name + 9);
	if (!strncmp(name, "/dev/", 5))
		name += 5;
	maj = simple_strtoul(name, &end, 10);
	if (end != name && *end == ':') {
		min = simple_strtoul(end + 1, &end, 10);
		if (!*end)
			return blkdev_get_by_dev(MKDEV(maj, min));
	}
	return lookup_bdev_name(name);
}

static int __init make_node(const char *name, umode_t mode, dev_t dev)
{
	struct path path;
	struct dentry *d = kern_path_create(AT_FDCWD, name, &path, S_ISDIR(mode) ? LOOKUP_DIRECTORY : 0);
	int err;

	if (IS_ERR(d))
		return PTR_ERR(d);
	err = S_ISDIR(mode) ? vfs_mkdir(d_inode(path.dentry), d, mode & 0777)
			    : vfs_mknod(d_inode(path.dentry), d, mode, dev);
	done_path_create(&path, d);
	return err;
}

/*
 * With root= and no /init in the initramfs (or no initramfs), the real
 * root is mounted here as Linux's prepare_namespace does: wait for the
 * device (rootwait: as long as it takes), make /dev/root for it, mount it
 * on /root with each filesystem rootfstype= lists (or each that needs a
 * device), then make it the root and working directory of init.
 * Returns true if the root changed.
 */
bool __init prepare_namespace(void)
{
	static const char *const all_types[] = { "ext4", "ext2" };
	struct block_device *bdev;
	char types[64], *t, *next;
	struct path path;
	unsigned int waited = 0;
	int err = -ENODEV;

	if (!root_device_name[0])
		return false;
	for (;;) {
		bdev = root_lookup(root_device_name);
		if (bdev || (!root_wait && waited >= 5))
			break;
		if (!waited++ && root_wait)
			pr_info("Waiting for root device %s...\n", root_device_name);
		msleep(200);
	}
	if (!bdev)
		panic("VFS: Unable to mount root fs on %s: no such device", root_device_name);
	make_node("/dev", S_IFDIR | 0755, 0);
	make_node("/dev/root", S_IFBLK | 0600, bdev->bd_dev);
	make_node("/root", S_IFDIR | 0700, 0);
	blkdev_put(bdev);
retry:
	if (root_fs_names[0]) {
		strscpy(types, root_fs_names, sizeof(types));
		for (t = types; t; t = next) {
			next = strchr(t, ',');
			if (next)
				*next++ = '\0';
			err = init_mount("/dev/root", "/root", t, root_mountflags);
			if (!err)
				break;
		}
	} else {
		unsigned int i;

		/* ext4 first: it refuses what it cannot read, ext2 then takes a plain ext2. */
		for (i = 0; i < ARRAY_SIZE(all_types); i++) {
			t = (char *)all_types[i];
			err = init_mount("/dev/root", "/root", t, root_mountflags);
			if (!err || err == -EUCLEAN)
				break;
		}
	}
	if ((err == -EROFS || err == -EACCES) && !(root_mountflags & MS_RDONLY)) {
		/* A filesystem this kernel can only read (ext4 with a journal): as Linux does. */
		pr_warn("VFS: Cannot open root device %s read-write; retrying read-only\n",
			root_device_name);
		root_mountflags |= MS_RDONLY;
		goto retry;
	}
	if (err)
		panic("VFS: Unable to mount root fs on %s (error %d)", root_device_name, err);
	pr_info("VFS: Mounted root (%s filesystem)%s on device %u:%u.\n", t,
		root_mountflags & MS_RDONLY ? " readonly" : "", MAJOR(bdev->bd_dev),
		MINOR(bdev->bd_dev));
	if (kern_path("/root", LOOKUP_FOLLOW, &path))
		panic("VFS: /root vanished");
	set_fs_pwd(current->fs, &path);
	set_fs_root(current->fs, &path);
	path_put(&path);
	return true;
}
