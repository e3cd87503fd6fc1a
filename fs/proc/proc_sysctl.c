// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys: the kernel's tunables as files.  Only a few exist yet:
 * kernel/{hostname,ostype,osrelease,pid_max,randomize_va_space}.  Root
 * can write hostname (which is what `hostname foo` without
 * sethostname(2) and init scripts do) and randomize_va_space (ASLR).
 * Each file is one value and a newline.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include "internal.h"

static int hostname_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", init_uts_ns.nodename);
	return 0;
}

/* The whole name in one write, a trailing newline dropped, as proc_dostring does. */
static ssize_t hostname_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *pos)
{
	char tmp[__NEW_UTS_LEN + 1];
	size_t len = count;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (*pos)
		return -EINVAL;
	if (len > __NEW_UTS_LEN)
		len = __NEW_UTS_LEN;
	if (copy_from_user(tmp, buf, len))
		return -EFAULT;
	if (len && tmp[len - 1] == '\n')
		len--;
	memcpy(init_uts_ns.nodename, tmp, len);
	memset(init_uts_ns.nodename + len, 0, sizeof(init_uts_ns.nodename) - len);
	*pos += count;
	return count;
}

static int ostype_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", init_uts_ns.sysname);
	return 0;
}

static int osrelease_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", init_uts_ns.release);
	return 0;
}

static int pid_max_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", pid_max);
	return 0;
}

static int randomize_va_space_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", randomize_va_space);
	return 0;
}

/* 0, 1 or 2 (see linux/mm.h); like Linux, any int is taken (above 2 acts as 2). */
static ssize_t randomize_va_space_write(struct file *file, const char __user *buf,
					size_t count, loff_t *pos)
{
	char tmp[16];
	size_t len = min(count, sizeof(tmp) - 1);
	int val;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (*pos)
		return -EINVAL;
	if (copy_from_user(tmp, buf, len))
		return -EFAULT;
	tmp[len] = '\0';
	if (kstrtoint(strim(tmp), 10, &val))
		return -EINVAL;
	WRITE_ONCE(randomize_va_space, val);
	*pos += count;
	return count;
}

static const struct proc_entry sys_kernel_entries[] = {
	{ .name = "dmesg_restrict", .mode = S_IFREG | 0644, .show = dmesg_restrict_show,
	  .write = dmesg_restrict_write },
	{ .name = "hostname", .mode = S_IFREG | 0644, .show = hostname_show,
	  .write = hostname_write },
	{ .name = "kptr_restrict", .mode = S_IFREG | 0644, .show = kptr_restrict_show,
	  .write = kptr_restrict_write },
	{ .name = "osrelease", .mode = S_IFREG | 0444, .show = osrelease_show },
	{ .name = "ostype", .mode = S_IFREG | 0444, .show = ostype_show },
	{ .name = "pid_max", .mode = S_IFREG | 0444, .show = pid_max_show },
	{ .name = "randomize_va_space", .mode = S_IFREG | 0644,
	  .show = randomize_va_space_show, .write = randomize_va_space_write },
};

static const struct proc_entry sys_entries[] = {
	{ .name = "kernel", .mode = S_IFDIR | 0555, .subdir = sys_kernel_entries,
	  .nr_subdir = ARRAY_SIZE(sys_kernel_entries) },
};

const struct proc_entry proc_sys_entry = {
	.name = "sys", .mode = S_IFDIR | 0555, .subdir = sys_entries,
	.nr_subdir = ARRAY_SIZE(sys_entries),
};
