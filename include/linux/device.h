/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device model, as far as Lantern has one: devtmpfs nodes
 * (drivers/base/devtmpfs.c).  struct device, classes and buses come
 * with sysfs's kobjects.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>

/* A node /dev/@name (mode includes S_IFCHR) in every devtmpfs mount. */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);
/* cdev_add reports each new range; nodes appear for the names devtmpfs knows. */
void devtmpfs_cdev_added(dev_t dev, unsigned int count);

#endif
