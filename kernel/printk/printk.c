// SPDX-License-Identifier: GPL-2.0
/*
 * printk and the kernel log.
 *
 * Every message becomes a record in log_buf, a ring of variable-sized
 * records each stamped with its level and the time since boot; when the
 * ring is full the oldest records are dropped.  Records are numbered by
 * a sequence number that only grows, which is how readers (the consoles
 * here, dmesg and /dev/kmsg later) know what they have already seen.
 *
 * A record reaches the consoles if its level is below console_loglevel
 * (loglevel=, quiet, debug).  Messages printed before any console exists
 * wait in the ring and are replayed when the first console registers.
 * A line printed in pieces (KERN_CONT) is assembled in cont_buf and stored
 * once its newline arrives.
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/sched/clock.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/cred.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/wait.h>
#include <asm/smp.h>

#define LOG_BUF_LEN	(1 << CONFIG_LOG_BUF_SHIFT)
#define LOG_LINE_MAX	1024
#define PREFIX_MAX	32

struct printk_log {
	u64 ts_nsec;		/* time since boot */
	u16 len;		/* whole record, 8-byte aligned; 0 = wrap marker */
	u16 text_len;
	u8 level;
	u8 facility;		/* syslog facility: 0 kernel, 1 user (/dev/kmsg) */
	u8 pad[2];
	/* text follows */
};

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
int default_message_loglevel = MESSAGE_LOGLEVEL_DEFAULT;
static bool ignore_loglevel;
int oops_in_progress;

static DEFINE_SPINLOCK(logbuf_lock);	/* guards everything below */
static char log_buf[LOG_BUF_LEN] __aligned(8);
static u32 log_first_idx, log_next_idx;
static u64 log_first_seq, log_next_seq;
static u64 console_seq;			/* next record the consoles print */
static struct console *console_drivers;

static char cont_buf[LOG_LINE_MAX];
static size_t cont_len;
static u8 cont_level;
static u64 cont_ts;

static struct printk_log *log_from_idx(u32 idx)
{
	struct printk_log *msg = (struct printk_log *)(log_buf + idx);

	/* A zero-length header marks the end: the next record is at 0. */
	if (!msg->len)
		return (struct printk_log *)log_buf;
	return msg;
}

static u32 log_next(u32 idx)
{
	struct printk_log *msg = (struct printk_log *)(log_buf + idx);

	if (!msg->len)
		return log_from_idx(0)->len;
	return idx + msg->len;
}

static char *log_text(struct printk_log *msg)
{
	return (char *)msg + sizeof(struct printk_log);
}

/*
 * Is there room for a record of @size bytes?  Free space is either one
 * gap between the newest and the oldest record, or, when the newest is
 * ahead of the oldest, the tail of the buffer or its head (after a wrap).
 * One header's worth stays free for the wrap marker.
 */
static bool log_has_space(u32 size)
{
	u32 free;

	if (log_next_idx > log_first_idx)
		free = max(LOG_BUF_LEN - log_next_idx, log_first_idx);
	else
		free = log_first_idx - log_next_idx;
	return free >= size + sizeof(struct printk_log);
}

static void log_drop_oldest(void)
{
	log_first_idx = log_next(log_first_idx);
	log_first_seq++;
	if (console_seq < log_first_seq)
		console_seq = log_first_seq;
}

static void log_store(u8 facility, u8 level, u64 ts, const char *text, u16 text_len)
{
	u32 size = ALIGN(sizeof(struct printk_log) + text_len, 8);
	struct printk_log *msg;

	for (;;) {
		if (log_first_seq == log_next_seq) {
			log_first_idx = log_next_idx = 0;
			break;
		}
		if (log_has_space(size))
			break;
		log_drop_oldest();
	}
	if (log_next_idx + size + sizeof(struct printk_log) > LOG_BUF_LEN) {
		memset(log_buf + log_next_idx, 0, sizeof(struct printk_log));
		log_next_idx = 0;
	}
	msg = (struct printk_log *)(log_buf + log_next_idx);
	msg->ts_nsec = ts;
	msg->len = size;
	msg->text_len = text_len;
	msg->level = level;
	msg->facility = facility;
	memcpy(log_text(msg), text, text_len);
	log_next_idx += size;
	log_next_seq++;
}

static size_t print_time(u64 ts, char *buf, size_t size)
{
	unsigned long rem_nsec = do_div(ts, 1000000000);

	return scnprintf(buf, size, "[%5lu.%06lu] ", (unsigned long)ts,
			 rem_nsec / 1000);
}

/* Format one record the way the console and dmesg show it. */
static size_t msg_print_text(const struct printk_log *msg, char *buf, size_t size)
{
	size_t len = print_time(msg->ts_nsec, buf, size);

	len += scnprintf(buf + len, size - len, "%.*s\n", msg->text_len,
			 (const char *)msg + sizeof(*msg));
	return len;
}

static bool suppress_message_printing(int level)
{
	return level >= console_loglevel && !ignore_loglevel;
}

static void call_console_drivers(const char *text, size_t len)
{
	struct console *con;

	for (con = console_drivers; con; con = con->next)
		if (con->flags & CON_ENABLED)
			con->write(con, text, len);
}

/* Print all records the consoles have not seen.  Caller holds logbuf_lock. */
static void console_flush(void)
{
	static char text[LOG_LINE_MAX + PREFIX_MAX];
	u32 idx;

	if (!console_drivers)
		return;
	if (console_seq < log_first_seq)
		console_seq = log_first_seq;
	/* Walk from the oldest record to the first one not yet printed. */
	idx = log_first_idx;
	for (u64 seq = log_first_seq; seq < console_seq; seq++)
		idx = log_next(idx);
	while (console_seq < log_next_seq) {
		struct printk_log *msg = log_from_idx(idx);

		if (msg == (struct printk_log *)log_buf)
			idx = 0;
		if (!suppress_message_printing(msg->level))
			call_console_drivers(text, msg_print_text(msg, text, sizeof(text)));
		idx = log_next(idx);
		console_seq++;
	}
}

static void cont_flush(void)
{
	if (!cont_len)
		return;
	log_store(0, cont_level, cont_ts, cont_buf, cont_len);
	cont_len = 0;
}

/* Split the level prefix off @text; returns the level or -1 for none. */
static int printk_get_level(const char **text, bool *is_cont)
{
	int level = -1;

	*is_cont = false;
	while ((*text)[0] == KERN_SOH_ASCII && (*text)[1]) {
		char c = (*text)[1];

		if (c >= '0' && c <= '7')
			level = c - '0';
		else if (c == 'c')
			*is_cont = true;
		*text += 2;
	}
	return level;
}

static void vprintk_store(const char *fmt, va_list args)
{
	static char textbuf[LOG_LINE_MAX];
	const char *text = textbuf;
	size_t len = vscnprintf(textbuf, sizeof(textbuf), fmt, args);
	bool is_cont;
	int level = printk_get_level(&text, &is_cont);
	u64 ts = local_clock();

	len -= text - textbuf;
	if (!is_cont || !cont_len)
		cont_flush();
	if (level < 0)
		level = cont_len ? cont_level : default_message_loglevel;

	/* Each line of a multi-line message becomes its own record. */
	while (len) {
		const char *nl = memchr(text, '\n', len);
		size_t part = nl ? (size_t)(nl - text) : len;

		if (!cont_len) {
			cont_level = level;
			cont_ts = ts;
		}
		part = min(part, sizeof(cont_buf) - cont_len);
		memcpy(cont_buf + cont_len, text, part);
		cont_len += part;
		if (nl) {
			if (!cont_len)
				log_store(0, level, ts, "", 0);
			cont_flush();
			part++;
		}
		text += part;
		len -= part;
	}
}

int vprintk(const char *fmt, va_list args)
{
	unsigned long flags;
	u64 seq_before;

	local_irq_save(flags);
	/* An oops may interrupt a printk on this CPU: do not wait for it. */
	if (!spin_trylock(&logbuf_lock)) {
		if (!oops_in_progress) {
			spin_lock(&logbuf_lock);
		} else {
			spin_lock_init(&logbuf_lock);
			spin_lock(&logbuf_lock);
		}
	}
	seq_before = log_next_seq;
	vprintk_store(fmt, args);
	console_flush();
	spin_unlock(&logbuf_lock);
	local_irq_restore(flags);
	return (int)(log_next_seq - seq_before);
}
EXPORT_SYMBOL(vprintk);

int printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}
EXPORT_SYMBOL(printk);

void register_console(struct console *con)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	con->flags |= CON_ENABLED;
	con->next = console_drivers;
	console_drivers = con;
	if (!(con->flags & CON_PRINTBUFFER))
		console_seq = log_next_seq;
	console_flush();
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

/* Panic path: push out a partial line so its last words are seen. */
void console_flush_on_panic(void)
{
	unsigned long flags;

	local_irq_save(flags);
	spin_lock_init(&logbuf_lock);
	spin_lock(&logbuf_lock);
	cont_flush();
	console_flush();
	spin_unlock(&logbuf_lock);
	local_irq_restore(flags);
}

/*
 * Copy records with sequence numbers from *@seq on into @buf, formatted
 * as the console shows them; advances *@seq.  Returns bytes copied.
 * Used by the boot log dump under `debug` and, later, by syslog(2).
 */
static size_t log_copy(u64 *seq, char *buf, size_t size, bool syslog);

size_t log_buf_copy(u64 *seq, char *buf, size_t size)
{
	return log_copy(seq, buf, size, false);
}

/* As log_buf_copy; @syslog adds the "<level>" prefix that syslog(2) readers expect. */
static size_t log_copy(u64 *seq, char *buf, size_t size, bool syslog)
{
	unsigned long flags;
	size_t len = 0;
	u32 idx;

	spin_lock_irqsave(&logbuf_lock, flags);
	if (*seq < log_first_seq)
		*seq = log_first_seq;
	idx = log_first_idx;
	for (u64 s = log_first_seq; s < *seq; s++)
		idx = log_next(idx);
	while (*seq < log_next_seq) {
		struct printk_log *msg = log_from_idx(idx);
		char line[LOG_LINE_MAX + PREFIX_MAX];
		size_t n = 0;

		if (syslog)
			n = scnprintf(line, sizeof(line), "<%u>",
				      (msg->facility << 3) | msg->level);
		n += msg_print_text(msg, line + n, sizeof(line) - n);

		if (msg == (struct printk_log *)log_buf)
			idx = 0;
		if (len + n > size)
			break;
		memcpy(buf + len, line, n);
		len += n;
		idx = log_next(idx);
		(*seq)++;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return len;
}

static int __init loglevel_setup(char *str)
{
	int level;

	if (kstrtoint(str, 0, &level))
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel_setup);

static int __init quiet_kernel(char *str)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", quiet_kernel);

static int __init debug_kernel(char *str)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	return 0;
}
early_param("debug", debug_kernel);

static int __init ignore_loglevel_setup(char *str)
{
	ignore_loglevel = true;
	return 0;
}
early_param("ignore_loglevel", ignore_loglevel_setup);

/*
 * The first line of every oops, WARNING and dump_stack: who was running.
 * Before the first exec, kernel_init (PID 1) still carries the idle
 * task's name, as in Linux.
 */
void dump_stack_print_info(const char *log_lvl)
{
	printk("%sCPU: %d PID: %d Comm: %.20s %s %s %s\n", log_lvl,
	       smp_processor_id(), current->pid, current->comm, print_tainted(),
	       init_uts_ns.release,
	       init_uts_ns.version);
}

/*
 * syslog(2): what dmesg reads.  The reader's position (syslog_seq, for
 * the destructive READ) and the point CLEAR moved the start to
 * (clear_seq, for READ_ALL) are sequence numbers into the ring, so
 * records dropped meanwhile are simply skipped.
 */
static u64 syslog_seq, clear_seq;
static DEFINE_MUTEX(syslog_lock);	/* one syslog reader at a time: the seqs above */

#define SYSLOG_TEXT_MAX	(2 * LOG_BUF_LEN)	/* formatted text of a full ring */

/* The newest records from clear_seq on that fit in @len bytes, to @ubuf. */
static int syslog_print_all(char __user *ubuf, int len, bool clear)
{
	char *text = kmalloc(SYSLOG_TEXT_MAX, GFP_KERNEL);
	u64 seq = clear_seq;
	size_t total, skip = 0;
	int err;

	if (!text)
		return -ENOMEM;
	total = log_copy(&seq, text, SYSLOG_TEXT_MAX, true);
	/* Too much: drop whole lines from the front, as Linux keeps the newest. */
	while (total - skip > (size_t)len) {
		char *nl = memchr(text + skip, '\n', total - skip);

		skip = nl ? (size_t)(nl - text) + 1 : total;
	}
	err = copy_to_user(ubuf, text + skip, total - skip) ? -EFAULT : (int)(total - skip);
	if (clear && err >= 0)
		clear_seq = seq;
	kfree(text);
	return err;
}

/* Destructive read: records after the last one read; sleeps until there is one. */
static int syslog_print(char __user *ubuf, int len)
{
	char *text = kmalloc(LOG_LINE_MAX + PREFIX_MAX, GFP_KERNEL);
	int done = 0;

	if (!text)
		return -ENOMEM;
	/* The ring has no waiter list yet (printk runs in any context): poll each tick. */
	while (READ_ONCE(log_next_seq) == syslog_seq) {
		if (signal_pending(current)) {
			kfree(text);
			return -ERESTARTSYS;
		}
		schedule_timeout_interruptible(1);
	}
	while (done < len) {
		size_t n = log_copy(&syslog_seq, text, min_t(size_t, len - done,
							     LOG_LINE_MAX + PREFIX_MAX), true);

		if (!n)
			break;
		if (copy_to_user(ubuf + done, text, n)) {
			done = done ? done : -EFAULT;
			break;
		}
		done += n;
	}
	kfree(text);
	return done;
}

static int syslog_size_unread(void)
{
	u64 seq = syslog_seq;
	char *text = kmalloc(SYSLOG_TEXT_MAX, GFP_KERNEL);
	int n;

	if (!text)
		return -ENOMEM;
	n = log_copy(&seq, text, SYSLOG_TEXT_MAX, true);
	kfree(text);
	return n;
}

/*
 * kernel.dmesg_restrict: 1 (Debian's default, and here) keeps the whole
 * log from unprivileged readers; 0 lets anyone read it and its size, but
 * still not clear it or change the console level.
 */
int dmesg_restrict = 1;

static bool syslog_action_restricted(int type)
{
	if (READ_ONCE(dmesg_restrict))
		return true;
	return type != SYSLOG_ACTION_READ_ALL && type != SYSLOG_ACTION_SIZE_BUFFER;
}

/* CAP_SYSLOG is the capability for this; CAP_SYS_ADMIN still counts, as in Linux. */
static int check_syslog_permissions(int type)
{
	if (!syslog_action_restricted(type))
		return 0;
	if (capable(CAP_SYSLOG) || capable(CAP_SYS_ADMIN))
		return 0;
	return -EPERM;
}

int do_syslog(int type, char __user *buf, int len)
{
	int err;

	err = check_syslog_permissions(type);
	if (err)
		return err;
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		mutex_lock(&syslog_lock);
		if (type == SYSLOG_ACTION_READ)
			err = syslog_print(buf, len);
		else
			err = syslog_print_all(buf, len, type == SYSLOG_ACTION_READ_CLEAR);
		mutex_unlock(&syslog_lock);
		return err;
	case SYSLOG_ACTION_CLEAR:
		mutex_lock(&syslog_lock);
		clear_seq = READ_ONCE(log_next_seq);
		mutex_unlock(&syslog_lock);
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
		console_loglevel = MINIMUM_CONSOLE_LOGLEVEL;
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		console_loglevel = max(len, MINIMUM_CONSOLE_LOGLEVEL);
		return 0;
	case SYSLOG_ACTION_SIZE_UNREAD:
		mutex_lock(&syslog_lock);
		err = syslog_size_unread();
		mutex_unlock(&syslog_lock);
		return err;
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	return do_syslog(type, buf, len);
}

/*
 * /dev/kmsg (char 1:11): the log as a stream of records.  Each open file
 * keeps its own sequence number, so every reader sees every record once;
 * one read returns one record as "<prefix>,<seq>,<usec>,-;text\n", where
 * prefix is facility << 3 | level.  A reader that fell behind the ring
 * gets EPIPE once and continues at the oldest record still there.  A
 * write becomes one record, of facility "user" unless a "<N>" prefix
 * says otherwise, which is how init systems log before syslogd runs.
 */
struct devkmsg_user {
	u64 seq;		/* next record this reader gets */
	struct mutex lock;	/* one read at a time per open file */
	char buf[LOG_LINE_MAX * 4 + PREFIX_MAX];	/* a record, escaped */
};

/*
 * printk may run with the scheduler's locks held, so it cannot wake
 * sleepers itself.  A poller instead arms this timer, which wakes the
 * queue every tick while someone waits; each wake makes poll look again.
 */
static DECLARE_WAIT_QUEUE_HEAD(log_wait);
static struct timer_list log_wait_timer;
static bool log_wait_timer_ready;

static void log_wait_tick(struct timer_list *t)
{
	wake_up_interruptible_all(&log_wait);
}

/* The record numbered @seq; caller holds logbuf_lock and has checked the range. */
static struct printk_log *log_at_seq(u64 seq)
{
	u32 idx = log_first_idx;

	for (u64 s = log_first_seq; s < seq; s++)
		idx = log_next(idx);
	return log_from_idx(idx);
}

/* Format record @seq for /dev/kmsg into @buf; -EPIPE if the ring dropped it. */
static ssize_t devkmsg_format(u64 seq, char *buf, size_t size)
{
	unsigned long flags;
	struct printk_log *msg;
	const char *text;
	size_t len;
	u64 usec;

	spin_lock_irqsave(&logbuf_lock, flags);
	if (seq < log_first_seq) {
		spin_unlock_irqrestore(&logbuf_lock, flags);
		return -EPIPE;
	}
	msg = log_at_seq(seq);
	usec = msg->ts_nsec;
	do_div(usec, 1000);
	len = scnprintf(buf, size, "%u,%llu,%llu,-;", (msg->facility << 3) | msg->level,
			(unsigned long long)seq, (unsigned long long)usec);
	text = log_text(msg);
	/* Non-printable bytes (and the escape itself) as \xNN, one line per record. */
	for (u16 i = 0; i < msg->text_len && len + 5 < size; i++) {
		unsigned char c = text[i];

		if (c < ' ' || c >= 127 || c == '\\')
			len += scnprintf(buf + len, size - len, "\\x%02x", c);
		else
			buf[len++] = c;
	}
	buf[len++] = '\n';
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return len;
}

static int devkmsg_open(struct inode *inode, struct file *file)
{
	struct devkmsg_user *user;
	unsigned long flags;
	int err;

	/* A writer needs no reader state (systemd opens it write-only). */
	if ((file->f_flags & O_ACCMODE) == O_WRONLY)
		return 0;
	/* Reading is reading the whole log: the same rule as syslog(2). */
	err = check_syslog_permissions(SYSLOG_ACTION_READ_ALL);
	if (err)
		return err;
	user = kmalloc(sizeof(*user), GFP_KERNEL);
	if (!user)
		return -ENOMEM;
	mutex_init(&user->lock);
	spin_lock_irqsave(&logbuf_lock, flags);
	user->seq = log_first_seq;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	file->private_data = user;
	return 0;
}

static int devkmsg_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static ssize_t devkmsg_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct devkmsg_user *user = file->private_data;
	ssize_t ret;

	if (!user)
		return -EBADF;
	/*
	 * Wait outside the lock so a second reader of this file can still be
	 * interrupted; no wake-up comes from printk (see log_wait_timer), so
	 * look each tick.
	 */
	for (;;) {
		mutex_lock(&user->lock);
		if (user->seq != READ_ONCE(log_next_seq))
			break;
		mutex_unlock(&user->lock);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (signal_pending(current))
			return -ERESTARTSYS;
		schedule_timeout_interruptible(1);
	}
	ret = devkmsg_format(user->seq, user->buf, sizeof(user->buf));
	if (ret == -EPIPE) {
		/* Report the loss once; the next read starts at the oldest record. */
		user->seq = READ_ONCE(log_first_seq);
		goto out;
	}
	/* As Linux: a buffer too small still uses the record up. */
	user->seq++;
	if (ret > (ssize_t)count)
		ret = -EINVAL;
	else if (copy_to_user(ubuf, user->buf, ret))
		ret = -EFAULT;
out:
	mutex_unlock(&user->lock);
	return ret;
}

/* Only offset 0: SEEK_SET the oldest record, SEEK_DATA after the last CLEAR, SEEK_END the next. */
static loff_t devkmsg_llseek(struct file *file, loff_t offset, int whence)
{
	struct devkmsg_user *user = file->private_data;
	unsigned long flags;
	loff_t ret = 0;

	if (!user)
		return -EBADF;
	if (offset)
		return -ESPIPE;
	mutex_lock(&user->lock);
	spin_lock_irqsave(&logbuf_lock, flags);
	switch (whence) {
	case SEEK_SET:
		user->seq = log_first_seq;
		break;
	case SEEK_DATA:
		user->seq = max(clear_seq, log_first_seq);
		break;
	case SEEK_END:
		user->seq = log_next_seq;
		break;
	default:
		ret = -EINVAL;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	mutex_unlock(&user->lock);
	return ret;
}

static __poll_t devkmsg_poll(struct file *file, poll_table *wait)
{
	struct devkmsg_user *user = file->private_data;
	unsigned long flags;
	__poll_t mask = 0;

	if (!user)
		return POLLERR | POLLNVAL;
	poll_wait(file, &log_wait, wait);
	spin_lock_irqsave(&logbuf_lock, flags);
	if (user->seq < log_next_seq)
		mask = user->seq < log_first_seq ? POLLIN | POLLRDNORM | POLLERR | POLLPRI :
						   POLLIN | POLLRDNORM;
	/* Set up once, under the lock, so two first pollers cannot race. */
	if (!log_wait_timer_ready) {
		timer_setup(&log_wait_timer, log_wait_tick, 0);
		log_wait_timer_ready = true;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	if (!mask && wait)
		mod_timer(&log_wait_timer, jiffies + 1);
	return mask;
}

/* One write, one record; an optional "<N>" gives facility and level as syslog does. */
static ssize_t devkmsg_write(struct file *file, const char __user *ubuf, size_t count,
			     loff_t *ppos)
{
	int facility = 1, level = default_message_loglevel;	/* LOG_USER */
	unsigned long flags;
	char *text, *line;
	size_t len;

	if (count > LOG_LINE_MAX)
		return -EINVAL;
	text = kmalloc(count + 1, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	if (copy_from_user(text, ubuf, count)) {
		kfree(text);
		return -EFAULT;
	}
	text[count] = '\0';
	line = text;
	if (line[0] == '<') {
		char *end;
		unsigned long u = simple_strtoul(line + 1, &end, 10);

		if (end[0] == '>') {
			level = u & 7;
			if (u >> 3)
				facility = (u >> 3) & 0xff;
			line = end + 1;
		}
	}
	len = strlen(line);
	if (len && line[len - 1] == '\n')
		len--;		/* the record is the line; the reader adds "\n" */
	spin_lock_irqsave(&logbuf_lock, flags);
	cont_flush();
	log_store(facility, level, local_clock(), line, len);
	console_flush();
	spin_unlock_irqrestore(&logbuf_lock, flags);
	kfree(text);
	return count;
}

const struct file_operations kmsg_fops = {
	.open		= devkmsg_open,
	.read		= devkmsg_read,
	.write		= devkmsg_write,
	.llseek		= devkmsg_llseek,
	.poll		= devkmsg_poll,
	.release	= devkmsg_release,
};
