/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device model, as far as Lantern has one (drivers/base/).  A class
 * groups devices of one kind (/sys/class/<class>); a device with a
 * device number gets /sys/class/<class>/<name>/dev ("major:minor") and a
 * node /dev/<name> in devtmpfs, which is how a character-device driver's
 * device_create() makes its /dev entry appear with no mknod.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/kdev_t.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/err.h>
#include <linux/uaccess.h>

struct dentry;

struct class {
	const char *name;
	struct module *owner;
	struct dentry *dir;		/* /sys/class/<name> */
	struct list_head devices;
	struct list_head node;		/* on the list of classes */
	char *(*devnode)(struct device *dev, umode_t *mode);
};

struct device {
	struct device *parent;
	struct class *class;
	dev_t devt;
	void *driver_data;
	const char *init_name;
	char name[64];
	struct dentry *dir;		/* /sys/class/<class>/<name> */
	struct list_head class_node;
	void (*release)(struct device *dev);
	bool node_made;			/* devtmpfs has /dev/<name> for us */
};

static inline const char *dev_name(const struct device *dev)
{
	return dev ? dev->name : "(NULL device *)";
}

/*
 * What dev_printk names before the device: its driver, else its bus,
 * else its class.  Lantern binds no drivers and has no buses here, so
 * it is the class ("misc misc_name: ..." for a misc device).
 */
static inline const char *dev_driver_string(const struct device *dev)
{
	return dev && dev->class ? dev->class->name : "";
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

struct class *__class_create(struct module *owner, const char *name);
#define class_create(owner, name)	__class_create(owner, name)
void class_destroy(struct class *cls);

__printf(5, 6) struct device *device_create(struct class *cls, struct device *parent,
					    dev_t devt, void *drvdata, const char *fmt, ...);
void device_destroy(struct class *cls, dev_t devt);

/* A node /dev/@name (mode includes S_IFCHR) in every devtmpfs mount. */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);
int devtmpfs_delete_node(const char *name, dev_t dev);
/* cdev_add reports each new range; nodes appear for the names devtmpfs knows. */
void devtmpfs_cdev_added(dev_t dev, unsigned int count);

#define dev_printk(level, dev, fmt, ...)					\
	printk(level "%s %s: " fmt, dev_driver_string(dev), dev_name(dev), ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...)	dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...)	dev_printk(KERN_ALERT, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)		dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)		dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)		dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...)	dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)		dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)		dynamic_dev_dbg(dev, fmt, ##__VA_ARGS__)

#endif
