// SPDX-License-Identifier: GPL-2.0
/*
 * Device classes: /sys/class/<name>, one directory per kind of device
 * ("tty", "misc", or a driver's own, as the seed's mydev makes).  A class
 * is a container; the devices in it come from device_create().
 */
#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include "base.h"

DEFINE_MUTEX(class_mutex);
static LIST_HEAD(class_list);

struct class *__class_create(struct module *owner, const char *name)
{
	struct class *cls;
	struct dentry *dir;

	if (!name || !*name || strchr(name, '/'))
		return ERR_PTR(-EINVAL);
	cls = kzalloc(sizeof(*cls), GFP_KERNEL);
	if (!cls)
		return ERR_PTR(-ENOMEM);
	cls->name = kstrdup(name, GFP_KERNEL);
	if (!cls->name) {
		kfree(cls);
		return ERR_PTR(-ENOMEM);
	}
	cls->owner = owner;
	INIT_LIST_HEAD(&cls->devices);
	dir = sysfs_create_dir(class_kobj, name);
	if (IS_ERR(dir)) {
		/* Linux: "class 'x' already registered" style failure, -EEXIST. */
		pr_err("class_create: '%s' cannot be registered: %ld\n", name, PTR_ERR(dir));
		kfree(cls->name);
		kfree(cls);
		return ERR_CAST(dir);
	}
	cls->dir = dir;
	mutex_lock(&class_mutex);
	list_add_tail(&cls->node, &class_list);
	mutex_unlock(&class_mutex);
	return cls;
}
EXPORT_SYMBOL_GPL(__class_create);

void class_destroy(struct class *cls)
{
	struct device *dev, *tmp;

	if (IS_ERR_OR_NULL(cls))
		return;
	/* Devices left behind by a careless driver go with their class. */
	list_for_each_entry_safe(dev, tmp, &cls->devices, class_node) {
		pr_warn("class_destroy: %s: device %s still registered\n", cls->name,
			dev_name(dev));
		device_unregister_class_dev(dev);
	}
	mutex_lock(&class_mutex);
	list_del(&cls->node);
	mutex_unlock(&class_mutex);
	sysfs_remove(cls->dir);
	kfree(cls->name);
	kfree(cls);
}
EXPORT_SYMBOL_GPL(class_destroy);
