// SPDX-License-Identifier: GPL-2.0
/*
 * The memory character devices of major 1, as Linux numbers them:
 *   1:3 /dev/null     reads end at once, writes vanish
 *   1:5 /dev/zero     reads zeros, writes vanish
 *   1:7 /dev/full     reads zeros, writes fail with ENOSPC
 *   1:8 /dev/random, 1:9 /dev/urandom   the kernel's CRNG (drivers/char/random.c)
 *   1:11 /dev/kmsg    the kernel log, record by record (kernel/printk)
 * One register_chrdev for the major; open picks the minor's operations.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mm_vma.h>
#include <linux/shmem_fs.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/uio.h>

#define MEM_MAJOR	1

static ssize_t read_null(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

static ssize_t write_null(struct kiocb *iocb, struct iov_iter *from)
{
	size_t n = iov_iter_count(from);

	from->count = 0;
	return n;
}

static ssize_t read_zero(struct kiocb *iocb, struct iov_iter *to)
{
	size_t want = iov_iter_count(to), got = iov_iter_zero(want, to);

	return got ? (ssize_t)got : (want ? -EFAULT : 0);
}

static ssize_t write_full(struct kiocb *iocb, struct iov_iter *from)
{
	return -ENOSPC;
}

static const struct file_operations null_fops = {
	.llseek		= noop_llseek,
	.read_iter	= read_null,
	.write_iter	= write_null,
};

/*
 * Mapping /dev/zero is the old way to ask for zeroed memory: a private
 * mapping is anonymous memory, a shared one a fresh tmpfs object, as
 * MAP_ANONYMOUS would give.
 */
static int mmap_zero(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma->vm_ops = NULL;	/* demand-zero pages, copied on fork like any */
	return 0;
}

static const struct file_operations zero_fops = {
	.llseek		= noop_llseek,
	.read_iter	= read_zero,
	.write_iter	= write_null,
	.mmap		= mmap_zero,
};

static const struct file_operations full_fops = {
	.llseek		= noop_llseek,
	.read_iter	= read_zero,
	.write_iter	= write_full,
};

static const struct file_operations *const devlist[] = {
	[3] = &null_fops,
	[5] = &zero_fops,
	[7] = &full_fops,
	[8] = &random_fops,
	[9] = &random_fops,
	[11] = &kmsg_fops,
};

static int memory_open(struct inode *inode, struct file *filp)
{
	unsigned int minor = MINOR(inode->i_rdev);

	if (minor >= ARRAY_SIZE(devlist) || !devlist[minor])
		return -ENXIO;
	filp->f_op = devlist[minor];
	/* kmsg keeps a reader position per open file: let it set that up. */
	if (filp->f_op->open)
		return filp->f_op->open(inode, filp);
	return 0;
}

static const struct file_operations memory_fops = {
	.open		= memory_open,
	.llseek		= noop_llseek,
};

static int __init chr_dev_init(void)
{
	return register_chrdev(MEM_MAJOR, "mem", &memory_fops);
}
fs_initcall(chr_dev_init);
