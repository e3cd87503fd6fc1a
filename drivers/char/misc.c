// SPDX-License-Identifier: GPL-2.0
/*
 * Misc devices: major 10 for drivers that need just one device node.
 * misc_register() picks a free minor (or takes the one asked for),
 * creates the device in class "misc" (so /dev/<name> appears), and opens
 * of that minor are routed to the driver's file_operations, with
 * file->private_data pointing at its struct miscdevice as on Linux.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/bitmap.h>

#define DYNAMIC_MINORS	128	/* minors 0..127 are handed out from the top down */

static LIST_HEAD(misc_list);
static DEFINE_MUTEX(misc_mtx);
static DECLARE_BITMAP(misc_minors, DYNAMIC_MINORS);
static struct class *misc_class;

static const struct file_operations misc_fops;

static int misc_open(struct inode *inode, struct file *file)
{
	unsigned int minor = MINOR(inode->i_rdev);
	const struct file_operations *new_fops = NULL;
	struct miscdevice *c;
	int err = -ENODEV;

	mutex_lock(&misc_mtx);
	list_for_each_entry(c, &misc_list, list) {
		if (c->minor == (int)minor) {
			new_fops = c->fops;
			if (new_fops && !try_module_get(new_fops->owner))
				new_fops = NULL;
			break;
		}
	}
	if (!new_fops)
		goto out;
	/* Swap in the driver's operations; the reference moves with them. */
	file->private_data = c;
	file->f_op = new_fops;
	err = 0;
	if (file->f_op->open) {
		err = file->f_op->open(inode, file);
		if (err) {
			/* Undo the swap: the callers put the owner of what f_op holds. */
			file->f_op = &misc_fops;
			module_put(new_fops->owner);
		}
	}
out:
	mutex_unlock(&misc_mtx);
	return err;
}

static const struct file_operations misc_fops = {
	.owner		= THIS_MODULE,
	.open		= misc_open,
	.llseek		= noop_llseek,
};

int misc_register(struct miscdevice *misc)
{
	struct miscdevice *c;
	dev_t dev;
	int err = 0;

	INIT_LIST_HEAD(&misc->list);
	mutex_lock(&misc_mtx);
	if (misc->minor == MISC_DYNAMIC_MINOR) {
		int i = find_first_zero_bit(misc_minors, DYNAMIC_MINORS);

		if (i >= DYNAMIC_MINORS) {
			err = -EBUSY;
			goto out;
		}
		misc->minor = DYNAMIC_MINORS - i - 1;
		set_bit(i, misc_minors);
	} else {
		list_for_each_entry(c, &misc_list, list) {
			if (c->minor == misc->minor) {
				err = -EBUSY;
				goto out;
			}
		}
	}
	dev = MKDEV(MISC_MAJOR, misc->minor);
	misc->this_device = device_create(misc_class, misc->parent, dev, misc, "%s",
					  misc->nodename ? misc->nodename : misc->name);
	if (IS_ERR(misc->this_device)) {
		if (misc->minor < DYNAMIC_MINORS)
			clear_bit(DYNAMIC_MINORS - misc->minor - 1, misc_minors);
		err = PTR_ERR(misc->this_device);
		goto out;
	}
	list_add(&misc->list, &misc_list);
out:
	mutex_unlock(&misc_mtx);
	return err;
}
EXPORT_SYMBOL(misc_register);

void misc_deregister(struct miscdevice *misc)
{
	if (WARN_ON(list_empty(&misc->list)))
		return;
	mutex_lock(&misc_mtx);
	list_del(&misc->list);
	device_destroy(misc_class, MKDEV(MISC_MAJOR, misc->minor));
	if (misc->minor < DYNAMIC_MINORS)
		clear_bit(DYNAMIC_MINORS - misc->minor - 1, misc_minors);
	mutex_unlock(&misc_mtx);
}
EXPORT_SYMBOL(misc_deregister);

static int __init misc_init(void)
{
	int err;

	misc_class = class_create(THIS_MODULE, "misc");
	if (IS_ERR(misc_class))
		return PTR_ERR(misc_class);
	err = register_chrdev(MISC_MAJOR, "misc", &misc_fops);
	if (err) {
		class_destroy(misc_class);
		pr_err("misc: cannot register major %d\n", MISC_MAJOR);
	}
	return err;
}
subsys_initcall(misc_init);
