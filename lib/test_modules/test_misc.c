// SPDX-License-Identifier: GPL-2.0
/*
 * A misc device with the file operations a driver uses: read and write
 * of a buffer (copy_to_user/copy_from_user), llseek, an ioctl that
 * reports the length, poll (readable while the buffer holds something;
 * an ioctl empties it), private_data pointing at the miscdevice, and
 * mmap of one page the module allocated: what the module wrote there at
 * init is what the program sees, and what the program stores there the
 * module reads back (TEST_MISC_PAGE_SUM).  A second, read-only device
 * takes the older road: register_chrdev for a whole major, its own
 * class, and device_create for /dev/test_chr.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define TEST_MISC_GET_LEN	_IOR('t', 1, int)
#define TEST_MISC_CLEAR		_IO('t', 2)
#define TEST_MISC_PAGE_SUM	_IOR('t', 3, int)

static char buf[64] = "misc ok\n";
static size_t buf_len = 8;
static DEFINE_MUTEX(buf_lock);
static DECLARE_WAIT_QUEUE_HEAD(buf_wait);
static struct miscdevice test_misc_dev;
static unsigned long shared_page;

static int test_misc_open(struct inode *inode, struct file *file)
{
	/* misc_open set private_data to our miscdevice. */
	if (file->private_data != &test_misc_dev)
		return -EINVAL;
	/* A dev_dbg site, off until dynamic debug turns it on. */
	dev_dbg(test_misc_dev.this_device, "test_misc open by pid %d, minor %u\n", current->pid,
		iminor(inode));
	return 0;
}

static ssize_t test_misc_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&buf_lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, buf, buf_len);
	mutex_unlock(&buf_lock);
	return ret;
}

static ssize_t test_misc_write(struct file *file, const char __user *ubuf, size_t count,
			       loff_t *ppos)
{
	if (count > sizeof(buf))
		return -ENOSPC;
	mutex_lock(&buf_lock);
	if (copy_from_user(buf, ubuf, count)) {
		mutex_unlock(&buf_lock);
		return -EFAULT;
	}
	buf_len = count;
	mutex_unlock(&buf_lock);
	wake_up_interruptible(&buf_wait);
	return count;
}

static long test_misc_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	int len = buf_len, sum = 0;
	unsigned long i;

	switch (cmd) {
	case TEST_MISC_PAGE_SUM:
		for (i = 0; i < PAGE_SIZE; i++)
			sum += ((unsigned char *)shared_page)[i];
		return copy_to_user((int __user *)arg, &sum, sizeof(sum)) ? -EFAULT : 0;
	case TEST_MISC_GET_LEN:
		return copy_to_user((int __user *)arg, &len, sizeof(len)) ? -EFAULT : 0;
	case TEST_MISC_CLEAR:
		mutex_lock(&buf_lock);
		buf_len = 0;
		mutex_unlock(&buf_lock);
		return 0;
	default:
		return -ENOTTY;
	}
}

static __poll_t test_misc_poll(struct file *file, struct poll_table_struct *pt)
{
	__poll_t mask = POLLOUT | POLLWRNORM;

	poll_wait(file, &buf_wait, pt);
	if (READ_ONCE(buf_len))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

/* One page, shared: only offset 0, only one page long. */
static int test_misc_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;
	return vm_insert_page(vma, vma->vm_start, virt_to_page(shared_page));
}

static const struct file_operations test_misc_fops = {
	.owner		= THIS_MODULE,
	.open		= test_misc_open,
	.read		= test_misc_read,
	.write		= test_misc_write,
	.unlocked_ioctl	= test_misc_ioctl,
	.poll		= test_misc_poll,
	.llseek		= default_llseek,
	.mmap		= test_misc_mmap,
};

static struct miscdevice test_misc_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "test_misc",
	.fops	= &test_misc_fops,
};

static ssize_t test_chr_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	static const char msg[] = "chr ok\n";

	return simple_read_from_buffer(ubuf, count, ppos, msg, sizeof(msg) - 1);
}

static const struct file_operations test_chr_fops = {
	.owner	= THIS_MODULE,
	.read	= test_chr_read,
	.llseek	= default_llseek,
};

static int chr_major;
static struct class *chr_class;

static int __init test_misc_init(void)
{
	struct device *dev;
	int ret;

	shared_page = get_zeroed_page(GFP_KERNEL);
	if (!shared_page)
		return -ENOMEM;
	strcpy((char *)shared_page, "mapped from test_misc");
	ret = misc_register(&test_misc_dev);
	if (ret)
		goto free_page;

	chr_major = register_chrdev(0, "test_chr", &test_chr_fops);
	if (chr_major < 0) {
		ret = chr_major;
		goto misc;
	}
	chr_class = class_create(THIS_MODULE, "test_chr");
	if (IS_ERR(chr_class)) {
		ret = PTR_ERR(chr_class);
		goto chrdev;
	}
	dev = device_create(chr_class, NULL, MKDEV(chr_major, 0), NULL, "test_chr");
	if (IS_ERR(dev)) {
		ret = PTR_ERR(dev);
		goto class;
	}
	return 0;

class:
	class_destroy(chr_class);
chrdev:
	unregister_chrdev(chr_major, "test_chr");
misc:
	misc_deregister(&test_misc_dev);
free_page:
	free_page(shared_page);
	return ret;
}

static void __exit test_misc_exit(void)
{
	device_destroy(chr_class, MKDEV(chr_major, 0));
	class_destroy(chr_class);
	unregister_chrdev(chr_major, "test_chr");
	misc_deregister(&test_misc_dev);
	free_page(shared_page);
}

module_init(test_misc_init);
module_exit(test_misc_exit);
MODULE_LICENSE("GPL");
