// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys/kernel/dmesg_restrict and kptr_restrict: how much of the
 * kernel's log, and of the kernel pointers printed into files, an
 * unprivileged user sees.  dmesg_restrict (0 or 1) is checked by syslog(2)
 * and /dev/kmsg (printk.c); kptr_restrict (0, 1 or 2) by %pK
 * (lib/vsprintf.c).  As in Linux, only CAP_SYS_ADMIN may change either,
 * since lowering them is what an attacker would want.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/hardirq.h>
#include <linux/kstrtox.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/string.h>

/* One decimal integer in [0, @max] from one write at offset 0, as proc_dointvec_minmax. */
static ssize_t restrict_write(int *val, int max, const char *text, size_t count,
			      loff_t *pos)
{
	char buf[16];
	int v;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (*pos)
		return -EINVAL;
	if (!count || count >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, text, count);
	buf[count] = '\0';
	if (buf[count - 1] == '\n')
		buf[count - 1] = '\0';
	if (kstrtoint(buf, 10, &v) || v < 0 || v > max)
		return -EINVAL;
	WRITE_ONCE(*val, v);
	*pos += count;
	return count;
}

int dmesg_restrict_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", READ_ONCE(dmesg_restrict));
	return 0;
}

ssize_t dmesg_restrict_write(struct file *file, const char *buf, size_t count,
			     loff_t *pos)
{
	return restrict_write(&dmesg_restrict, 1, buf, count, pos);
}

int kptr_restrict_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", READ_ONCE(kptr_restrict));
	return 0;
}

ssize_t kptr_restrict_write(struct file *file, const char *buf, size_t count,
			    loff_t *pos)
{
	return restrict_write(&kptr_restrict, 2, buf, count, pos);
}

/*
 * %pK with kptr_restrict=1: the raw pointer only for a reader with
 * CAP_SYSLOG that runs with the credentials it started with (so a setuid
 * program cannot be made to show it to its caller), and never from an
 * interrupt, where current is just whoever was interrupted.
 */
bool kptr_restrict_may_see(void)
{
	const struct cred *cred;

	if (in_interrupt())
		return false;
	cred = current_cred();
	return capable(CAP_SYSLOG) && cred->euid == cred->uid && cred->egid == cred->gid;
}
