// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys: the kernel's tunables as files, one value (or a short row of
 * them) and a newline each, under Linux's names, modes and defaults.
 *
 * A file is here only when Lantern has the thing it describes.  The
 * writable ones change what the kernel does at once (pid_max bounds PID
 * allocation, threads-max bounds fork, min_free_kbytes resets the zone
 * watermarks, printk the console level, pipe-max-size what F_SETPIPE_SZ
 * allows); values Lantern fixes at build time (sched_rr_timeslice_ms,
 * cap_last_cap) are read-only even where Linux lets root change them.
 *
 * Integer files follow Linux's proc_dointvec_minmax: the whole value in
 * one write from offset 0, decimal or 0x hex, surrounding blanks and a
 * newline allowed, anything out of [extra1, extra2] is EINVAL, and a
 * write at a later offset changes nothing (sysctl_writes_strict).
 * Each entry's variable hangs off proc_entry.data as a struct ctl_table.
 */
#include <linux/kernel.h>
#include <linux/pid_namespace.h>
#include <linux/fdtable.h>
#include <linux/aio.h>
#include <linux/io_uring.h>
#include <linux/panic.h>
#include <linux/module.h>
#include <linux/coredump.h>
#include <linux/cred.h>
#include <linux/eventpoll.h>
#include <linux/mman.h>
#include <linux/swap.h>
#include <linux/writeback.h>
#include <linux/gfp.h>
#include <linux/ipc_namespace.h>
#include <linux/inotify.h>
#include <linux/key.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/pipe_fs_i.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/sched/sysctl.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <linux/netdevice.h>
#include <net/icmp.h>
#include <linux/nmi.h>
#include <linux/userfaultfd_k.h>
#include <net/ip.h>
#include <net/sock.h>
#include "internal.h"

#define SYSCTL_INT_BUF	64	/* longest integer write accepted, as Linux's TMPBUFLEN */
#define RESERVED_PIDS	300	/* pid_max may not go below this + 1 */
#define MAX_THREADS	0x3fffffff	/* FUTEX_TID_MASK: a TID must fit a futex word */

struct ctl_table {
	void *data;
	const int *extra1;		/* lowest value a write may set */
	const int *extra2;		/* highest */
	int (*permit)(void);		/* a check beyond the file mode, or NULL */
	void (*changed)(void);		/* make the new value take effect, or NULL */
};

static const struct ctl_table *proc_ctl(const struct proc_entry *pde)
{
	return pde->data;
}

static const struct ctl_table *file_ctl(struct file *file)
{
	return proc_ctl(PROC_I(file_inode(file))->pde);
}

/* The show of a fixed entry gets the entry as its seq_file's private. */
static const struct ctl_table *seq_ctl(struct seq_file *m)
{
	return proc_ctl(m->private);
}

/*
 * Parse up to @max integers from a write's text into @vals.  Returns how
 * many were given, or a negative errno (EINVAL for text that is not
 * integers or is too long).
 */
static int sysctl_parse_ints(const char *text, size_t count, int *vals, int max)
{
	char buf[SYSCTL_INT_BUF], *p, *end;
	int n = 0;

	if (count >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, text, count);
	buf[count] = '\0';
	p = buf;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		if (n == max)
			return -EINVAL;
		end = p;
		while (*end && *end != ' ' && *end != '\t' && *end != '\n')
			end++;
		if (*end)
			*end++ = '\0';
		if (kstrtoint(p, 0, &vals[n]))
			return -EINVAL;
		n++;
		p = end;
	}
	return n ? n : -EINVAL;
}

/* --- one int: pid_max, threads-max, min_free_kbytes, ns_last_pid ... --- */

/*
 * The IPC limits' tables name a field of init_ipc_ns; the reader's or
 * writer's own IPC namespace has the same field at the same offset.
 */
static int *ctl_int(const struct ctl_table *table)
{
	const char *p = table->data, *base = (const char *)&init_ipc_ns;

	if (p >= base && p < base + sizeof(init_ipc_ns))
		return (int *)((char *)current_ipc_ns() + (p - base));
	return table->data;
}

static int proc_dointvec_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", READ_ONCE(*ctl_int(seq_ctl(m))));
	return 0;
}

static ssize_t proc_dointvec_minmax_write(struct file *file, const char *buf,
					  size_t count, loff_t *pos)
{
	const struct ctl_table *table = file_ctl(file);
	int val, err;

	if (*pos)
		return 0;
	if (table->permit) {
		err = table->permit();
		if (err)
			return err;
	}
	err = sysctl_parse_ints(buf, count, &val, 1);
	if (err < 0)
		return err;
	if ((table->extra1 && val < *table->extra1) ||
	    (table->extra2 && val > *table->extra2))
		return -EINVAL;
	WRITE_ONCE(*ctl_int(table), val);
	if (table->changed)
		table->changed();
	*pos += count;
	return count;
}

/* --- UTS strings: hostname and domainname --------------------------- */

static int proc_dostring_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", (const char *)seq_ctl(m)->data);
	return 0;
}

/*
 * The table names a field of init_uts_ns; the reader's or writer's own
 * UTS namespace has the same field at the same offset (kernel/utsname.c).
 */
static char *uts_field(const void *data)
{
	return (char *)utsname() + ((const char *)data - (const char *)&init_uts_ns);
}

static int proc_douts_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", uts_field(seq_ctl(m)->data));
	return 0;
}

/* The whole name in one write, a trailing newline dropped, as proc_dostring does. */
static ssize_t proc_douts_write(struct file *file, const char *buf, size_t count,
				loff_t *pos)
{
	char *name = uts_field(file_ctl(file)->data);
	char tmp[__NEW_UTS_LEN + 1];
	size_t len = count;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (*pos)
		return -EINVAL;
	if (len > __NEW_UTS_LEN)
		len = __NEW_UTS_LEN;
	memcpy(tmp, buf, len);
	if (len && tmp[len - 1] == '\n')
		len--;
	memcpy(name, tmp, len);
	memset(name + len, 0, __NEW_UTS_LEN + 1 - len);
	*pos += count;
	return count;
}

/* --- the files that need their own code ------------------------------ */

/* Lantern's constants, shown through the same int show as the variables. */
static int cap_last_cap = CAP_LAST_CAP;
static int ngroups_max = NGROUPS_MAX;
/*
 * Bits: the pool is one 256-bit ChaCha key, seeded before user space
 * runs, so entropy_avail is always the whole pool (as Linux since 5.18).
 */
static int random_poolsize = 256;
static int pid_max_min = RESERVED_PIDS + 1;
static int pid_max_max = PID_MAX_DEFAULT;	/* the size of the PID bitmap */
static int zero;
static int one = 1, two = 2, four = 4, two_hundred = 200;	/* drop_caches: 1-4; modules_disabled: only 1 */
static int int_max = INT_MAX;
static int watchdog_thresh_max = 60;	/* Linux's ceiling for watchdog_thresh */
static int threads_min = 1;		/* Linux's floor for a write (boot sizing uses 20) */
static int threads_max_max = MAX_THREADS;
static int ipcmni = 32768;		/* IPCMNI: most ids per System V table */
static int mq_hard_msgmax = 65536;	/* HARD_MSGMAX */
static int mq_hard_msgsizemax = 16 << 20;	/* HARD_MSGSIZEMAX */
static int mq_msgsize_min = 128;
static int nr_open_min = 64, nr_open_max = INT_MAX & ~63;	/* BITS_PER_LONG; Linux's ceiling */

/* A random (version 4) UUID, as Linux prints it. */
static void format_uuid(char *out, const u8 *b)
{
	static const char hex[] = "0123456789abcdef";
	int i, o = 0;

	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 15];
	}
	out[o] = '\0';
}

static void random_uuid(u8 *b)
{
	get_random_bytes(b, 16);
	b[6] = (b[6] & 0x0f) | 0x40;	/* version 4 */
	b[8] = (b[8] & 0x3f) | 0x80;	/* RFC 4122 variant */
}

/* uuid: a new one at every read; boot_id: one per boot, made at first use. */
static u8 boot_id[16];
static DEFINE_SPINLOCK(boot_id_lock);

static int uuid_show(struct seq_file *m, void *v)
{
	char text[37];
	u8 b[16];

	random_uuid(b);
	if (seq_ctl(m)->data == boot_id) {
		u8 zero_id[16] = { 0 };

		spin_lock(&boot_id_lock);
		if (!memcmp(boot_id, zero_id, sizeof(boot_id)))
			memcpy(boot_id, b, sizeof(boot_id));
		memcpy(b, boot_id, sizeof(b));
		spin_unlock(&boot_id_lock);
	}
	format_uuid(text, b);
	seq_printf(m, "%s\n", text);
	return 0;
}

static const struct ctl_table boot_id_table = { .data = boot_id };
static const struct ctl_table uuid_table;

/*
 * printk: console_loglevel, default_message_loglevel, and the two levels
 * Lantern fixes (the lowest syslog(2) may set, the one CONSOLE_ON
 * restores); a write may change the first two and must repeat the others.
 */
static int printk_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\t%d\t%d\t%d\n", READ_ONCE(console_loglevel),
		   READ_ONCE(default_message_loglevel), MINIMUM_CONSOLE_LOGLEVEL,
		   CONSOLE_LOGLEVEL_DEFAULT);
	return 0;
}

static ssize_t printk_write(struct file *file, const char *buf, size_t count,
			    loff_t *pos)
{
	int v[4], n;

	if (*pos)
		return 0;
	n = sysctl_parse_ints(buf, count, v, 4);
	if (n < 0)
		return n;
	if ((n > 2 && v[2] != MINIMUM_CONSOLE_LOGLEVEL) ||
	    (n > 3 && v[3] != CONSOLE_LOGLEVEL_DEFAULT))
		return -EINVAL;
	WRITE_ONCE(console_loglevel, v[0]);
	if (n > 1)
		WRITE_ONCE(default_message_loglevel, v[1]);
	*pos += count;
	return count;
}

/*
 * ns_last_pid is 0666 but only a checkpoint/restore-capable task may set
 * it (Lantern has no CAP_CHECKPOINT_RESTORE yet: CAP_SYS_ADMIN).
 */
static int ns_last_pid_permit(void)
{
	return capable(CAP_SYS_ADMIN) ? 0 : -EPERM;
}

/*
 * pipe-max-size: rounded up to a power of two of pages as F_SETPIPE_SZ
 * rounds; the ceiling unprivileged F_SETPIPE_SZ may reach.
 */
static int pipe_max_size_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%u\n", READ_ONCE(pipe_max_size));
	return 0;
}

static ssize_t pipe_max_size_write(struct file *file, const char *buf, size_t count,
				   loff_t *pos)
{
	unsigned long size;
	int val, err;

	if (*pos)
		return 0;
	err = sysctl_parse_ints(buf, count, &val, 1);
	if (err < 0)
		return err;
	if (val < 0)
		return -EINVAL;
	size = round_pipe_size(val);
	if (!size)
		return -EINVAL;
	WRITE_ONCE(pipe_max_size, size);
	*pos += count;
	return count;
}

static int randomize_va_space_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", randomize_va_space);
	return 0;
}

/* 0, 1 or 2 (see linux/mm.h); like Linux, any int is taken (above 2 acts as 2). */
static ssize_t randomize_va_space_write(struct file *file, const char *buf,
					size_t count, loff_t *pos)
{
	char tmp[16];
	size_t len = min(count, sizeof(tmp) - 1);
	int val;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (*pos)
		return -EINVAL;
	memcpy(tmp, buf, len);
	tmp[len] = '\0';
	if (kstrtoint(strim(tmp), 10, &val))
		return -EINVAL;
	WRITE_ONCE(randomize_va_space, val);
	*pos += count;
	return count;
}

/* --- the caches' counters: Linux prints each array tab-separated ------- */

static int dentry_state_show(struct seq_file *m, void *v)
{
	long st[6];

	dentry_stat_read(st);
	seq_printf(m, "%ld\t%ld\t%ld\t%ld\t%ld\t%ld\n", st[0], st[1], st[2], st[3], st[4], st[5]);
	return 0;
}

static int inode_nr_show(struct seq_file *m, void *v)
{
	long nr, unused;

	get_nr_inodes(&nr, &unused);
	seq_printf(m, "%ld\t%ld\n", nr, unused);
	return 0;
}

/* inode-nr's two, then preshrink (0) and four unused fields. */
static int inode_state_show(struct seq_file *m, void *v)
{
	long nr, unused;

	get_nr_inodes(&nr, &unused);
	seq_printf(m, "%ld\t%ld\t0\t0\t0\t0\t0\n", nr, unused);
	return 0;
}

/* --- the tables --------------------------------------------------------- */

#define CTL(var, lo, hi, ...) (&(const struct ctl_table){ .data = (var), .extra1 = (lo), \
							   .extra2 = (hi), __VA_ARGS__ })
#define INT_RO(n, var) { .name = n, .mode = S_IFREG | 0444, .show = proc_dointvec_show, \
			 .data = (void *)CTL(var, NULL, NULL) }
#define INT_RW(n, m, table) { .name = n, .mode = S_IFREG | (m), .show = proc_dointvec_show, \
			      .write = proc_dointvec_minmax_write, .data = (void *)(table) }

/* Turning module loading off needs the right to load them. */
static int modules_disabled_permit(void)
{
	return capable(CAP_SYS_MODULE) ? 0 : -EPERM;
}

/* core_pattern: one write replaces it, a trailing newline dropped; root only. */
static ssize_t core_pattern_write(struct file *file, const char *buf, size_t count,
				  loff_t *pos)
{
	char tmp[CORENAME_MAX_SIZE];
	size_t len = min_t(size_t, count, sizeof(tmp) - 1);

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (*pos)
		return -EINVAL;
	memcpy(tmp, buf, len);
	if (len && tmp[len - 1] == '\n')
		len--;
	tmp[len] = 0;
	memcpy(core_pattern, tmp, len + 1);
	*pos += count;
	return count;
}

static void wmarks_changed(void)
{
	setup_per_zone_wmarks();
}

static const struct proc_entry sys_kernel_random_entries[] = {
	{ .name = "boot_id", .mode = S_IFREG | 0444, .show = uuid_show,
	  .data = (void *)&boot_id_table },
	INT_RO("entropy_avail", &random_poolsize),
	INT_RO("poolsize", &random_poolsize),
	{ .name = "uuid", .mode = S_IFREG | 0444, .show = uuid_show,
	  .data = (void *)&uuid_table },
};

static const struct proc_entry sys_kernel_keys_entries[] = {
	INT_RW("gc_delay", 0644, CTL(&key_gc_delay, &zero, &int_max)),
	INT_RW("maxbytes", 0644, CTL(&key_quota_maxbytes, &zero, &int_max)),
	INT_RW("maxkeys", 0644, CTL(&key_quota_maxkeys, &zero, &int_max)),
	INT_RW("persistent_keyring_expiry", 0644, CTL(&persistent_keyring_expiry, &zero, &int_max)),
	INT_RW("root_maxbytes", 0644, CTL(&key_quota_root_maxbytes, &zero, &int_max)),
	INT_RW("root_maxkeys", 0644, CTL(&key_quota_root_maxkeys, &zero, &int_max)),
};

static const struct proc_entry sys_kernel_entries[] = {
	INT_RO("cap_last_cap", &cap_last_cap),
	{ .name = "core_pattern", .mode = S_IFREG | 0644, .show = proc_dostring_show,
	  .write = core_pattern_write, .data = (void *)CTL(core_pattern, NULL, NULL) },
	INT_RW("core_uses_pid", 0644, CTL(&core_uses_pid, &zero, &int_max)),
	{ .name = "dmesg_restrict", .mode = S_IFREG | 0644, .show = dmesg_restrict_show,
	  .write = dmesg_restrict_write },
	{ .name = "domainname", .mode = S_IFREG | 0644, .show = proc_douts_show,
	  .write = proc_douts_write, .data = (void *)CTL(init_uts_ns.domainname, NULL, NULL) },
	{ .name = "hostname", .mode = S_IFREG | 0644, .show = proc_douts_show,
	  .write = proc_douts_write, .data = (void *)CTL(init_uts_ns.nodename, NULL, NULL) },
	INT_RW("io_uring_disabled", 0644, CTL(&sysctl_io_uring_disabled, &zero, &two)),
	{ .name = "keys", .mode = S_IFDIR | 0555,
	  .subdir = ARRAY_AND_SIZE(sys_kernel_keys_entries) },
	{ .name = "kptr_restrict", .mode = S_IFREG | 0644, .show = kptr_restrict_show,
	  .write = kptr_restrict_write },
	INT_RW("modules_disabled", 0644, CTL(&modules_disabled, &one, &one,
					     .permit = modules_disabled_permit)),
	INT_RW("msg_next_id", 0644, CTL(&init_ipc_ns.ids[IPC_MSG_IDS].next_id, &zero, &int_max)),
	INT_RW("msgmax", 0644, CTL(&init_ipc_ns.msg_ctlmax, &zero, &int_max)),
	INT_RW("msgmnb", 0644, CTL(&init_ipc_ns.msg_ctlmnb, &zero, &int_max)),
	INT_RW("msgmni", 0644, CTL(&init_ipc_ns.msg_ctlmni, &zero, &ipcmni)),
	INT_RO("ngroups_max", &ngroups_max),
	INT_RW("ns_last_pid", 0666, CTL(&init_pid_ns.last_pid, &zero, &pid_max, .permit = ns_last_pid_permit)),
	{ .name = "osrelease", .mode = S_IFREG | 0444, .show = proc_dostring_show,
	  .data = (void *)CTL(init_uts_ns.release, NULL, NULL) },
	{ .name = "ostype", .mode = S_IFREG | 0444, .show = proc_dostring_show,
	  .data = (void *)CTL(init_uts_ns.sysname, NULL, NULL) },
	INT_RW("pid_max", 0644, CTL(&pid_max, &pid_max_min, &pid_max_max)),
	{ .name = "printk", .mode = S_IFREG | 0644, .show = printk_show, .write = printk_write },
	{ .name = "random", .mode = S_IFDIR | 0555,
	  .subdir = ARRAY_AND_SIZE(sys_kernel_random_entries) },
	{ .name = "randomize_va_space", .mode = S_IFREG | 0644,
	  .show = randomize_va_space_show, .write = randomize_va_space_write },
	INT_RO("sched_rr_timeslice_ms", (int *)&sysctl_sched_rr_timeslice),
	INT_RO("tainted", &tainted_mask),
	{ .name = "sem", .mode = S_IFREG | 0644, .show = ipc_sem_sysctl_show,
	  .write = ipc_sem_sysctl_write },
	INT_RW("sem_next_id", 0644, CTL(&init_ipc_ns.ids[IPC_SEM_IDS].next_id, &zero, &int_max)),
	INT_RW("shm_next_id", 0644, CTL(&init_ipc_ns.ids[IPC_SHM_IDS].next_id, &zero, &int_max)),
	{ .name = "shmall", .mode = S_IFREG | 0644, .show = ipc_shmall_sysctl_show,
	  .write = ipc_shmall_sysctl_write },
	{ .name = "shmmax", .mode = S_IFREG | 0644, .show = ipc_shmmax_sysctl_show,
	  .write = ipc_shmmax_sysctl_write },
	INT_RW("shmmni", 0644, CTL(&init_ipc_ns.shm_ctlmni, &zero, &ipcmni)),
	INT_RW("soft_watchdog", 0644, CTL(&soft_watchdog_user_enabled, &zero, &one)),
	INT_RW("threads-max", 0644, CTL(&max_threads, &threads_min, &threads_max_max)),
	{ .name = "version", .mode = S_IFREG | 0444, .show = proc_dostring_show,
	  .data = (void *)CTL(init_uts_ns.version, NULL, NULL) },
	INT_RW("watchdog_thresh", 0644, CTL(&watchdog_thresh, &zero, &watchdog_thresh_max)),
};

static const struct proc_entry sys_vm_entries[] = {
	INT_RW("dirty_expire_centisecs", 0644, CTL(&dirty_expire_interval, &zero, &int_max)),
	INT_RW("dirty_writeback_centisecs", 0644, CTL(&dirty_writeback_interval, &zero, &int_max)),
	INT_RW("drop_caches", 0200, CTL(&sysctl_drop_caches, &one, &four,
					.changed = drop_caches_changed)),
	INT_RW("min_free_kbytes", 0644, CTL(&min_free_kbytes, &zero, &int_max,
					    .changed = wmarks_changed)),
	/* 0 and 1 only: OVERCOMMIT_NEVER's strict accounting is not here yet. */
	INT_RW("overcommit_memory", 0644, CTL(&sysctl_overcommit_memory, &zero, &one)),
	INT_RW("overcommit_ratio", 0644, CTL(&sysctl_overcommit_ratio, &zero, &int_max)),
	INT_RW("swappiness", 0644, CTL(&vm_swappiness, &zero, &two_hundred)),
	INT_RW("unprivileged_userfaultfd", 0644,
	       CTL(&sysctl_unprivileged_userfaultfd, &zero, &one)),
};

/* POSIX message queue limits (ipc/mqueue.c) */
static const struct proc_entry sys_fs_mqueue_entries[] = {
	INT_RW("msg_default", 0644, CTL(&init_ipc_ns.mq_msg_default, &one, &mq_hard_msgmax)),
	INT_RW("msg_max", 0644, CTL(&init_ipc_ns.mq_msg_max, &one, &mq_hard_msgmax)),
	INT_RW("msgsize_default", 0644, CTL(&init_ipc_ns.mq_msgsize_default, &mq_msgsize_min,
					    &mq_hard_msgsizemax)),
	INT_RW("msgsize_max", 0644, CTL(&init_ipc_ns.mq_msgsize_max, &mq_msgsize_min,
					&mq_hard_msgsizemax)),
	INT_RW("queues_max", 0644, CTL(&init_ipc_ns.mq_queues_max, &zero, &int_max)),
};

static const struct proc_entry sys_fs_epoll_entries[] = {
	INT_RW("max_user_watches", 0644, CTL(&epoll_max_user_watches, &zero, &int_max)),
};

static const struct proc_entry sys_fs_inotify_entries[] = {
	INT_RW("max_queued_events", 0644, CTL(&inotify_max_queued_events, &zero, &int_max)),
	INT_RW("max_user_instances", 0644, CTL(&inotify_max_user_instances, &zero, &int_max)),
	INT_RW("max_user_watches", 0644, CTL(&inotify_max_user_watches, &zero, &int_max)),
};

static const struct proc_entry sys_fs_entries[] = {
	INT_RW("aio-max-nr", 0644, CTL(&aio_max_nr, &zero, &int_max)),
	INT_RO("aio-nr", &aio_nr),
	{ .name = "dentry-state", .mode = S_IFREG | 0444, .show = dentry_state_show },
	{ .name = "epoll", .mode = S_IFDIR | 0555,
	  .subdir = ARRAY_AND_SIZE(sys_fs_epoll_entries) },
	{ .name = "inotify", .mode = S_IFDIR | 0555,
	  .subdir = ARRAY_AND_SIZE(sys_fs_inotify_entries) },
	{ .name = "inode-nr", .mode = S_IFREG | 0444, .show = inode_nr_show },
	{ .name = "inode-state", .mode = S_IFREG | 0444, .show = inode_state_show },
	{ .name = "mqueue", .mode = S_IFDIR | 0555, .subdir = ARRAY_AND_SIZE(sys_fs_mqueue_entries) },
	{ .name = "pipe-max-size", .mode = S_IFREG | 0644, .show = pipe_max_size_show,
	  .write = pipe_max_size_write },
	INT_RW("nr_open", 0644, CTL(&sysctl_nr_open, &nr_open_min, &nr_open_max)),
	INT_RW("pipe-user-pages-hard", 0644, CTL(&pipe_user_pages_hard, &zero, &int_max)),
	INT_RW("pipe-user-pages-soft", 0644, CTL(&pipe_user_pages_soft, &zero, &int_max)),
};

/* --- net: the network stack's tunables (net/core, net/ipv4) --- */

static const int one_k = 1, three = 3, port_max = 65535, ttl_max = 255, gid_max = 0x7fffffff;
static const int sock_min_sndbuf = SOCK_MIN_SNDBUF, sock_min_rcvbuf = SOCK_MIN_RCVBUF;

/*
 * Two-integer files: ip_local_port_range (low must stay below high, both
 * ports) and ping_group_range (any two GIDs; low above high allows no
 * one).  Linux prints them tab-separated.
 */
static int proc_dointpair_show(struct seq_file *m, void *v)
{
	const int *pair = seq_ctl(m)->data;

	seq_printf(m, "%d\t%d\n", READ_ONCE(pair[0]), READ_ONCE(pair[1]));
	return 0;
}

static ssize_t proc_dointpair_write(struct file *file, const char *buf, size_t count,
				    loff_t *pos)
{
	const struct ctl_table *table = file_ctl(file);
	int *pair = table->data;
	int vals[2], n;

	if (*pos)
		return 0;
	n = sysctl_parse_ints(buf, count, vals, 2);
	if (n < 0)
		return n;
	if (n != 2)
		return -EINVAL;
	if ((table->extra1 && (vals[0] < *table->extra1 || vals[1] < *table->extra1)) ||
	    (table->extra2 && (vals[0] > *table->extra2 || vals[1] > *table->extra2)))
		return -EINVAL;
	if (pair == sysctl_ip_local_port_range && vals[0] >= vals[1])
		return -EINVAL;
	WRITE_ONCE(pair[0], vals[0]);
	WRITE_ONCE(pair[1], vals[1]);
	*pos += count;
	return count;
}

#define INT_PAIR(n, table) { .name = n, .mode = S_IFREG | 0644, .show = proc_dointpair_show, \
	.write = proc_dointpair_write, .data = (void *)(table) }

static const struct proc_entry sys_net_core_entries[] = {
	INT_RW("netdev_budget", 0644, CTL(&netdev_budget, &one_k, &int_max)),
	INT_RW("netdev_max_backlog", 0644, CTL(&netdev_max_backlog, &zero, &int_max)),
	INT_RW("optmem_max", 0644, CTL(&sysctl_optmem_max, &zero, &int_max)),
	INT_RW("rmem_default", 0644, CTL(&sysctl_rmem_default, &sock_min_rcvbuf, &int_max)),
	INT_RW("rmem_max", 0644, CTL(&sysctl_rmem_max, &sock_min_rcvbuf, &int_max)),
	INT_RW("somaxconn", 0644, CTL(&sysctl_somaxconn, &zero, &int_max)),
	INT_RW("wmem_default", 0644, CTL(&sysctl_wmem_default, &sock_min_sndbuf, &int_max)),
	INT_RW("wmem_max", 0644, CTL(&sysctl_wmem_max, &sock_min_sndbuf, &int_max)),
};

static const struct proc_entry sys_net_ipv4_entries[] = {
	INT_RW("icmp_echo_ignore_all", 0644, CTL(&sysctl_icmp_echo_ignore_all, &zero, &one)),
	INT_RW("icmp_echo_ignore_broadcasts", 0644,
	       CTL(&sysctl_icmp_echo_ignore_broadcasts, &zero, &one)),
	INT_RW("icmp_msgs_burst", 0644, CTL(&sysctl_icmp_msgs_burst, &zero, &int_max)),
	INT_RW("icmp_msgs_per_sec", 0644, CTL(&sysctl_icmp_msgs_per_sec, &zero, &int_max)),
	INT_RW("ip_default_ttl", 0644, CTL(&sysctl_ip_default_ttl, &one, &ttl_max)),
	INT_RW("ip_forward", 0644, CTL(&sysctl_ip_forward, &zero, &one)),
	INT_PAIR("ip_local_port_range", CTL(sysctl_ip_local_port_range, &one_k, &port_max)),
	INT_RW("ip_no_pmtu_disc", 0644, CTL(&sysctl_ip_no_pmtu_disc, &zero, &three)),
	INT_RW("ip_unprivileged_port_start", 0644, CTL(&sysctl_ip_prot_sock, &zero, &port_max)),
	INT_RW("ipfrag_high_thresh", 0644, CTL(&sysctl_ipfrag_high_thresh, &zero, &int_max)),
	INT_RW("ipfrag_low_thresh", 0644, CTL(&sysctl_ipfrag_low_thresh, &zero, &int_max)),
	INT_RW("ipfrag_time", 0644, CTL(&sysctl_ipfrag_time, &one, &int_max)),
	INT_PAIR("ping_group_range", CTL(sysctl_ping_group_range, &zero, &gid_max)),
};

static const struct proc_entry sys_net_entries[] = {
	{ .name = "core", .mode = S_IFDIR | 0555, .subdir = ARRAY_AND_SIZE(sys_net_core_entries) },
	{ .name = "ipv4", .mode = S_IFDIR | 0555, .subdir = ARRAY_AND_SIZE(sys_net_ipv4_entries) },
};

static const struct proc_entry sys_entries[] = {
	{ .name = "fs", .mode = S_IFDIR | 0555, .subdir = ARRAY_AND_SIZE(sys_fs_entries) },
	{ .name = "kernel", .mode = S_IFDIR | 0555, .subdir = ARRAY_AND_SIZE(sys_kernel_entries) },
	{ .name = "net", .mode = S_IFDIR | 0555, .subdir = ARRAY_AND_SIZE(sys_net_entries) },
	{ .name = "vm", .mode = S_IFDIR | 0555, .subdir = ARRAY_AND_SIZE(sys_vm_entries) },
};

const struct proc_entry proc_sys_entry = {
	.name = "sys", .mode = S_IFDIR | 0555, .subdir = ARRAY_AND_SIZE(sys_entries),
};
