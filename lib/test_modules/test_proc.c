// SPDX-License-Identifier: GPL-2.0
/*
 * /proc files from a module: /proc/test_proc (proc_ops read and write of
 * a small buffer) and /proc/test_proc_dir/single (a seq_file made with
 * proc_create_single under a proc_mkdir directory).
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

static char msg[32] = "proc ok\n";
static size_t msg_len = 8;
static DEFINE_MUTEX(msg_lock);
static struct proc_dir_entry *dir;
static int writes;

static ssize_t test_proc_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&msg_lock);
	ret = simple_read_from_buffer(buf, count, ppos, msg, msg_len);
	mutex_unlock(&msg_lock);
	return ret;
}

static ssize_t test_proc_write(struct file *file, const char __user *buf, size_t count,
			       loff_t *ppos)
{
	if (count > sizeof(msg))
		return -EINVAL;
	mutex_lock(&msg_lock);
	if (copy_from_user(msg, buf, count)) {
		mutex_unlock(&msg_lock);
		return -EFAULT;
	}
	msg_len = count;
	writes++;
	mutex_unlock(&msg_lock);
	return count;
}

static const struct proc_ops test_proc_ops = {
	.proc_read	= test_proc_read,
	.proc_write	= test_proc_write,
	.proc_lseek	= default_llseek,
};

static int test_proc_single_show(struct seq_file *m, void *v)
{
	seq_printf(m, "writes: %d\n", writes);
	return 0;
}

static int __init test_proc_init(void)
{
	if (!proc_create("test_proc", 0644, NULL, &test_proc_ops))
		return -ENOMEM;
	dir = proc_mkdir("test_proc_dir", NULL);
	if (!dir || !proc_create_single("single", 0444, dir, test_proc_single_show)) {
		remove_proc_entry("test_proc", NULL);
		proc_remove(dir);
		return -ENOMEM;
	}
	return 0;
}

static void __exit test_proc_exit(void)
{
	proc_remove(dir);
	remove_proc_entry("test_proc", NULL);
}

module_init(test_proc_init);
module_exit(test_proc_exit);
MODULE_LICENSE("GPL");
