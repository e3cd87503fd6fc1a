/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Miscellaneous character devices: one major (10) shared by small
 * drivers, each with a minor of its own (drivers/char/misc.c).
 * misc_register() makes /dev/<name> and /sys/class/misc/<name>.
 */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

#include <linux/list.h>
#include <linux/types.h>
#include <linux/device.h>

#define MISC_MAJOR		10
#define MISC_DYNAMIC_MINOR	255

struct file_operations;

struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const char *nodename;
	umode_t mode;
};

int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);

#endif
