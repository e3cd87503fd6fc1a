// SPDX-License-Identifier: GPL-2.0
/*
 * Options that say where the real root filesystem is: root=, rootfstype=,
 * rootflags=, ro and rw.  They are recorded at boot; mounting the real
 * root (after the initramfs, or instead of it) uses them once block
 * devices and filesystems exist.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>

#define MS_RDONLY	1

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
