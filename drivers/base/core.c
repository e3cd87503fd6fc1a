// SPDX-License-Identifier: GPL-2.0
/*
 * Devices: device_create() is how a character-device driver announces a
 * device number under a name.  The device appears as
 * /sys/class/<class>/<name> with a "dev" file ("major:minor") and a
 * "uevent" file, and devtmpfs makes /dev/<name>; device_destroy() takes
 * all of it away again.  (On Linux the class entry is a symlink into
 * /sys/devices/virtual; Lantern's sysfs has no symlinks, so the
 * directory lives in the class.)
 */
#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include "base.h"

/* "dev" and "uevent" need the device: an attribute that carries it. */
struct device_attr {
	struct attribute attr;
	struct device *dev;
};

struct device_private {
	struct device dev;
	struct device_attr dev_attr, uevent_attr;
};

static ssize_t dev_show(const struct attribute *a, char *buf)
{
	const struct device *dev = container_of(a, struct device_attr, attr)->dev;

	return sprintf(buf, "%u:%u\n", MAJOR(dev->devt), MINOR(dev->devt));
}

static ssize_t uevent_show(const struct attribute *a, char *buf)
{
	const struct device *dev = container_of(a, struct device_attr, attr)->dev;

	return sprintf(buf, "MAJOR=%u\nMINOR=%u\nDEVNAME=%s\n", MAJOR(dev->devt),
		       MINOR(dev->devt), dev_name(dev));
}

static void device_remove_files(struct device *dev)
{
	if (dev->node_made)
		devtmpfs_delete_node(dev->name, dev->devt);
	dev->node_made = false;
	sysfs_remove(dev->dir);
	dev->dir = NULL;
}

struct device *device_create(struct class *cls, struct device *parent, dev_t devt,
			     void *drvdata, const char *fmt, ...)
{
	struct device_private *p;
	struct device *dev;
	struct dentry *dir;
	va_list args;
	int err;

	if (IS_ERR_OR_NULL(cls))
		return ERR_PTR(-EINVAL);
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return ERR_PTR(-ENOMEM);
	dev = &p->dev;
	dev->class = cls;
	dev->parent = parent;
	dev->devt = devt;
	dev->driver_data = drvdata;
	va_start(args, fmt);
	vscnprintf(dev->name, sizeof(dev->name), fmt, args);
	va_end(args);
	err = -EINVAL;
	if (!dev->name[0] || strchr(dev->name, '/'))
		goto out_free;

	dir = sysfs_create_dir(cls->dir, dev->name);
	err = PTR_ERR_OR_ZERO(dir);
	if (err)
		goto out_free;
	dev->dir = dir;
	if (MAJOR(devt)) {
		p->dev_attr = (struct device_attr){
			.attr = { .name = "dev", .mode = 0444, .show = dev_show }, .dev = dev };
		err = sysfs_create_file(dir, &p->dev_attr.attr);
		if (err)
			goto out_remove;
	}
	p->uevent_attr = (struct device_attr){
		.attr = { .name = "uevent", .mode = 0444, .show = uevent_show }, .dev = dev };
	err = sysfs_create_file(dir, &p->uevent_attr.attr);
	if (err)
		goto out_remove;
	if (MAJOR(devt)) {
		umode_t mode = 0600;

		/* A node someone made by hand stays theirs. */
		if (!devtmpfs_create_node(dev->name, S_IFCHR | mode, devt))
			dev->node_made = true;
	}
	mutex_lock(&class_mutex);
	list_add_tail(&dev->class_node, &cls->devices);
	mutex_unlock(&class_mutex);
	return dev;

out_remove:
	device_remove_files(dev);
out_free:
	kfree(p);
	return ERR_PTR(err);
}
EXPORT_SYMBOL_GPL(device_create);

void device_unregister_class_dev(struct device *dev)
{
	mutex_lock(&class_mutex);
	list_del(&dev->class_node);
	mutex_unlock(&class_mutex);
	device_remove_files(dev);
	kfree(container_of(dev, struct device_private, dev));
}

void device_destroy(struct class *cls, dev_t devt)
{
	struct device *dev, *found = NULL;

	if (IS_ERR_OR_NULL(cls))
		return;
	mutex_lock(&class_mutex);
	list_for_each_entry(dev, &cls->devices, class_node)
		if (dev->devt == devt) {
			found = dev;
			break;
		}
	mutex_unlock(&class_mutex);
	if (found)
		device_unregister_class_dev(found);
}
EXPORT_SYMBOL_GPL(device_destroy);
