// SPDX-License-Identifier: GPL-2.0
/*
 * The IPC sysctls that are not a single int (fs/proc/proc_sysctl.c shows
 * those): kernel.sem, four ints in one file, and kernel.shmmax/shmall,
 * which are unsigned longs.  Writes follow the rest of /proc/sys: the
 * whole value in one write from offset 0.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include "util.h"

#define IPC_SYSCTL_BUF	96

/* Copy a sysctl write into @buf as a string; its length, or -errno. */
static int sysctl_copy(char *buf, const char *text, size_t count)
{
	if (count >= IPC_SYSCTL_BUF)
		return -EINVAL;
	memcpy(buf, text, count);
	buf[count] = '\0';
	return count;
}

/* Split @buf at blanks into at most @max numbers.  How many, or -EINVAL. */
static int parse_words(char *buf, char **words, int max)
{
	int n = 0;
	char *p = buf;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		if (n == max)
			return -EINVAL;
		words[n++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		if (*p)
			*p++ = '\0';
	}
	return n ? n : -EINVAL;
}

/* kernel.sem: SEMMSL SEMMNS SEMOPM SEMMNI, tab-separated. */
int ipc_sem_sysctl_show(struct seq_file *m, void *v)
{
	int *c = current_ipc_ns()->sem_ctls;

	seq_printf(m, "%d\t%d\t%d\t%d\n", c[0], c[1], c[2], c[3]);
	return 0;
}

/* Fewer than four values change the first ones; semmni stays within IPCMNI. */
ssize_t ipc_sem_sysctl_write(struct file *file, const char *text, size_t count,
			     loff_t *pos)
{
	int *c = current_ipc_ns()->sem_ctls, vals[4], n, i, err;
	char buf[IPC_SYSCTL_BUF], *words[4];

	if (*pos)
		return 0;
	err = sysctl_copy(buf, text, count);
	if (err < 0)
		return err;
	n = parse_words(buf, words, 4);
	if (n < 0)
		return n;
	for (i = 0; i < 4; i++)
		vals[i] = c[i];
	for (i = 0; i < n; i++)
		if (kstrtoint(words[i], 0, &vals[i]))
			return -EINVAL;
	if (vals[3] < 0 || vals[3] > IPCMNI)
		return -EINVAL;
	for (i = 0; i < 4; i++)
		WRITE_ONCE(c[i], vals[i]);
	*pos += count;
	return count;
}

static ssize_t ulong_sysctl_write(unsigned long *var, const char *text, size_t count,
				  loff_t *pos)
{
	char buf[IPC_SYSCTL_BUF], *words[1];
	unsigned long val;
	int err;

	if (*pos)
		return 0;
	err = sysctl_copy(buf, text, count);
	if (err < 0)
		return err;
	if (parse_words(buf, words, 1) != 1 || kstrtoul(words[0], 0, &val))
		return -EINVAL;
	WRITE_ONCE(*var, val);
	*pos += count;
	return count;
}

/* kernel.shmmax: the largest segment shmget makes, in bytes. */
int ipc_shmmax_sysctl_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%lu\n", (unsigned long)current_ipc_ns()->shm_ctlmax);
	return 0;
}

ssize_t ipc_shmmax_sysctl_write(struct file *file, const char *buf, size_t count,
				loff_t *pos)
{
	return ulong_sysctl_write(&current_ipc_ns()->shm_ctlmax, buf, count, pos);
}

/* kernel.shmall: pages all segments together may hold. */
int ipc_shmall_sysctl_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%lu\n", (unsigned long)current_ipc_ns()->shm_ctlall);
	return 0;
}

ssize_t ipc_shmall_sysctl_write(struct file *file, const char *buf, size_t count,
				loff_t *pos)
{
	return ulong_sysctl_write(&current_ipc_ns()->shm_ctlall, buf, count, pos);
}
