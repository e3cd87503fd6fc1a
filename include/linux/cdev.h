/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A character device: a range of device numbers and the file_operations
 * that opening a node with one of those numbers gets (fs/char_dev.c).
 */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/types.h>

struct file_operations;
struct module;

struct cdev {
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list;
	dev_t dev;
	unsigned int count;
};

void cdev_init(struct cdev *cdev, const struct file_operations *fops);
int cdev_add(struct cdev *p, dev_t dev, unsigned int count);
void cdev_del(struct cdev *p);

#endif
