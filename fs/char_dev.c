// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices: who owns which device numbers, and what opening a
 * character-device node does.
 *
 * A driver reserves numbers (register_chrdev_region, or
 * alloc_chrdev_region for a free major), then makes them live with
 * cdev_add: a struct cdev with its file_operations for a range of
 * (major, minor) pairs.  register_chrdev does both for all 256 minors
 * of a major, the old way.  An inode made by mknod with S_IFCHR gets
 * def_chr_fops, whose open looks the inode's i_rdev up here and swaps
 * in the driver's operations, so the driver's open, read and write run
 * from then on.  Unknown numbers: ENXIO.
 */
#include <linux/kernel.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/seq_file.h>
#include <linux/proc_fs.h>
#include <linux/string.h>

#define CHRDEV_MAJOR_DYN_START	254	/* dynamic majors count down from here */
#define CHRDEV_MAJOR_MAX	512

struct char_device_struct {
	struct list_head list;
	unsigned int major, baseminor, minorct;
	char name[64];
	struct cdev *cdev;		/* register_chrdev's own */
};

static LIST_HEAD(chrdevs);		/* reserved ranges */
static LIST_HEAD(cdev_map);		/* live devices */
static DEFINE_MUTEX(chrdevs_lock);

static bool overlaps(unsigned int major, unsigned int baseminor, unsigned int count)
{
	struct char_device_struct *cd;

	list_for_each_entry(cd, &chrdevs, list)
		if (cd->major == major && baseminor < cd->baseminor + cd->minorct &&
		    cd->baseminor < baseminor + count)
			return true;
	return false;
}

static struct char_device_struct *register_region(unsigned int major, unsigned int baseminor,
						  unsigned int count, const char *name)
{
	struct char_device_struct *cd;

	if (major >= CHRDEV_MAJOR_MAX || !count || baseminor + count > MINORMASK + 1)
		return ERR_PTR(-EINVAL);
	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return ERR_PTR(-ENOMEM);
	mutex_lock(&chrdevs_lock);
	if (major == 0) {
		for (major = CHRDEV_MAJOR_DYN_START; major > 0; major--)
			if (!overlaps(major, 0, MINORMASK + 1))
				break;
		if (!major) {
			mutex_unlock(&chrdevs_lock);
			kfree(cd);
			return ERR_PTR(-EBUSY);
		}
	}
	if (overlaps(major, baseminor, count)) {
		mutex_unlock(&chrdevs_lock);
		kfree(cd);
		return ERR_PTR(-EBUSY);
	}
	cd->major = major;
	cd->baseminor = baseminor;
	cd->minorct = count;
	strscpy(cd->name, name, sizeof(cd->name));
	list_add_tail(&cd->list, &chrdevs);
	mutex_unlock(&chrdevs_lock);
	return cd;
}

static struct char_device_struct *unregister_region(unsigned int major, unsigned int baseminor,
						    unsigned int count)
{
	struct char_device_struct *cd, *found = NULL;

	mutex_lock(&chrdevs_lock);
	list_for_each_entry(cd, &chrdevs, list) {
		if (cd->major == major && cd->baseminor == baseminor && cd->minorct == count) {
			list_del(&cd->list);
			found = cd;
			break;
		}
	}
	mutex_unlock(&chrdevs_lock);
	return found;
}

int register_chrdev_region(dev_t from, unsigned int count, const char *name)
{
	struct char_device_struct *cd = register_region(MAJOR(from), MINOR(from), count, name);

	return PTR_ERR_OR_ZERO(cd);
}
EXPORT_SYMBOL(register_chrdev_region);

int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count,
			const char *name)
{
	struct char_device_struct *cd = register_region(0, baseminor, count, name);

	if (IS_ERR(cd))
		return PTR_ERR(cd);
	*dev = MKDEV(cd->major, cd->baseminor);
	return 0;
}
EXPORT_SYMBOL(alloc_chrdev_region);

void unregister_chrdev_region(dev_t from, unsigned int count)
{
	kfree(unregister_region(MAJOR(from), MINOR(from), count));
}
EXPORT_SYMBOL(unregister_chrdev_region);

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	memset(cdev, 0, sizeof(*cdev));
	INIT_LIST_HEAD(&cdev->list);
	cdev->ops = fops;
}
EXPORT_SYMBOL(cdev_init);

int cdev_add(struct cdev *p, dev_t dev, unsigned int count)
{
	if (!count)
		return -EINVAL;
	p->dev = dev;
	p->count = count;
	mutex_lock(&chrdevs_lock);
	list_add(&p->list, &cdev_map);
	mutex_unlock(&chrdevs_lock);
	devtmpfs_cdev_added(dev, count);	/* /dev nodes for the numbers it knows */
	return 0;
}
EXPORT_SYMBOL(cdev_add);

void cdev_del(struct cdev *p)
{
	mutex_lock(&chrdevs_lock);
	list_del_init(&p->list);
	mutex_unlock(&chrdevs_lock);
}
EXPORT_SYMBOL(cdev_del);

/* register_chrdev: minors 0-255 of @major (0: pick one), returns the major. */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	struct char_device_struct *cd = register_region(major, 0, 256, name);
	struct cdev *cdev;
	int err;

	if (IS_ERR(cd))
		return PTR_ERR(cd);
	cdev = kzalloc(sizeof(*cdev), GFP_KERNEL);
	if (!cdev) {
		kfree(unregister_region(cd->major, 0, 256));
		return -ENOMEM;
	}
	cdev_init(cdev, fops);
	err = cdev_add(cdev, MKDEV(cd->major, 0), 256);
	if (err) {
		kfree(cdev);
		kfree(unregister_region(cd->major, 0, 256));
		return err;
	}
	cd->cdev = cdev;
	return major ? 0 : (int)cd->major;
}
EXPORT_SYMBOL(register_chrdev);

void unregister_chrdev(unsigned int major, const char *name)
{
	struct char_device_struct *cd = unregister_region(major, 0, 256);

	if (cd && cd->cdev) {
		cdev_del(cd->cdev);
		kfree(cd->cdev);
	}
	kfree(cd);
}
EXPORT_SYMBOL(unregister_chrdev);

/*
 * The driver's operations for @dev, with a reference on the module that
 * provides them (fops->owner): a module cannot be unloaded while a file
 * of one of its devices is open.  The reference is dropped at the last
 * fput (fs/file_table.c).
 */
static const struct file_operations *cdev_lookup(dev_t dev)
{
	const struct file_operations *ops = NULL;
	struct cdev *p;

	mutex_lock(&chrdevs_lock);
	list_for_each_entry(p, &cdev_map, list) {
		if (dev >= p->dev && dev < p->dev + p->count) {
			ops = p->ops;
			if (ops && !try_module_get(ops->owner))
				ops = NULL;	/* its module is being unloaded */
			break;
		}
	}
	mutex_unlock(&chrdevs_lock);
	return ops;
}

static int chrdev_open(struct inode *inode, struct file *filp)
{
	const struct file_operations *fops = cdev_lookup(inode->i_rdev);
	int err = 0;

	if (!fops)
		return -ENXIO;
	filp->f_op = fops;
	if (fops->open)
		err = fops->open(inode, filp);
	if (err) {
		/* Undo the swap: do_dentry_open puts the owner of what f_op holds. */
		filp->f_op = &def_chr_fops;
		module_put(fops->owner);
	}
	return err;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
	.llseek = noop_llseek,
};

/*
 * /proc/devices: the character majors in use and who holds them (each
 * major once, as Linux lists it), then the block majors.
 */
int devices_proc_show(struct seq_file *m, void *v)
{
	struct char_device_struct *cd;
	unsigned int major;

	seq_puts(m, "Character devices:\n");
	mutex_lock(&chrdevs_lock);
	for (major = 0; major < CHRDEV_MAJOR_MAX; major++) {
		list_for_each_entry(cd, &chrdevs, list) {
			if (cd->major == major) {
				seq_printf(m, "%3u %s\n", cd->major, cd->name);
				break;
			}
		}
	}
	mutex_unlock(&chrdevs_lock);
	seq_puts(m, "\nBlock devices:\n");
	return 0;
}
