// SPDX-License-Identifier: GPL-2.0
/*
 * seq_file: the buffer behind generated text files.
 *
 * Linux's seq_file can also walk a list record by record (start, next,
 * stop) so that huge files never sit in memory whole; every file Lantern
 * generates today is small, so only the single_open form exists: the
 * show function prints everything at open, retried with a doubled
 * buffer until it fits.  read(2) and lseek(2) then work on that text as
 * on a regular file.  The snapshot at open is also what makes a read of
 * /proc/<pid>/stat consistent even if the process changes meanwhile.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

#define SEQ_FIRST_SIZE	PAGE_SIZE
#define SEQ_MAX_SIZE	(4UL << 20)	/* the biggest text a show may produce */

struct seq_single {
	struct seq_file seq;
	int (*show)(struct seq_file *m, void *v);
};

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	size_t room = m->size - m->count;
	va_list args;
	int len;

	if (seq_has_overflowed(m))
		return;
	va_start(args, fmt);
	len = vsnprintf(m->buf + m->count, room, fmt, args);
	va_end(args);
	/* vsnprintf wants room for its NUL too: a text that fills the buffer is an overflow. */
	m->count = (size_t)len < room ? m->count + len : m->size;
}
EXPORT_SYMBOL(seq_printf);

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len >= m->size) {
		m->count = m->size;
		return;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
}
EXPORT_SYMBOL(seq_write);

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}
EXPORT_SYMBOL(seq_puts);

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}
EXPORT_SYMBOL(seq_putc);

void seq_escape(struct seq_file *m, const char *s, const char *esc)
{
	for (; *s; s++) {
		if (strchr(esc, *s))
			seq_printf(m, "\\%03o", (unsigned char)*s);
		else
			seq_putc(m, *s);
	}
}

/* Run the show function until its text fits, doubling the buffer each time. */
static int seq_fill(struct seq_single *s)
{
	size_t size = SEQ_FIRST_SIZE;
	int err;

	for (;;) {
		s->seq.buf = kmalloc(size, GFP_KERNEL);
		if (!s->seq.buf)
			return -ENOMEM;
		s->seq.size = size;
		s->seq.count = 0;
		err = s->show(&s->seq, s->seq.private);
		if (!err && !seq_has_overflowed(&s->seq))
			return 0;
		kfree(s->seq.buf);
		s->seq.buf = NULL;
		s->seq.count = 0;
		if (err)
			return err;
		if (size >= SEQ_MAX_SIZE)
			return -ENOMEM;
		size *= 2;
	}
}

int single_open(struct file *file, int (*show)(struct seq_file *m, void *v), void *data)
{
	struct seq_single *s = kzalloc(sizeof(*s), GFP_KERNEL);
	int err;

	if (!s)
		return -ENOMEM;
	s->show = show;
	s->seq.private = data;
	s->seq.file = file;
	err = seq_fill(s);
	if (err) {
		kfree(s);
		return err;
	}
	file->private_data = &s->seq;
	return 0;
}
EXPORT_SYMBOL(single_open);

int single_release(struct inode *inode, struct file *file)
{
	struct seq_single *s = container_of(file->private_data, struct seq_single, seq);

	kfree(s->seq.buf);
	kfree(s);
	file->private_data = NULL;
	return 0;
}
EXPORT_SYMBOL(single_release);

/*
 * A read from offset 0 prints the text again, as Linux does: top keeps
 * /proc/stat open and re-reads it after lseek(0), and a read of a file
 * of a process that has gone since gets the show's ESRCH.  The iter
 * form is what splice and kernel_read reach; read(2) comes through
 * seq_read, which is the same read on a user buffer.
 */
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct seq_file *m = iocb->ki_filp->private_data;
	loff_t pos = iocb->ki_pos;
	size_t n, copied;

	if (pos < 0)
		return -EINVAL;
	if (pos == 0) {
		struct seq_single *s = container_of(m, struct seq_single, seq);
		int err;

		kfree(s->seq.buf);
		s->seq.buf = NULL;
		s->seq.count = 0;
		err = seq_fill(s);
		if (err)
			return err;
	}
	if ((size_t)pos >= m->count)
		return 0;
	n = min(iov_iter_count(iter), m->count - (size_t)pos);
	if (!n)
		return 0;
	copied = copy_to_iter(m->buf + pos, n, iter);
	if (!copied)
		return -EFAULT;
	iocb->ki_pos = pos + copied;
	return copied;
}
EXPORT_SYMBOL(seq_read_iter);

ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = *ppos };
	struct iov_iter iter;
	ssize_t ret;

	iov_iter_ubuf(&iter, buf, size);
	ret = seq_read_iter(&kiocb, &iter);
	if (ret > 0)
		*ppos = kiocb.ki_pos;
	return ret;
}
EXPORT_SYMBOL(seq_read);

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;

	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		break;
	case SEEK_END:
		offset += m->count;
		break;
	case SEEK_SET:
		break;
	default:
		return -EINVAL;
	}
	if (offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}
EXPORT_SYMBOL(seq_lseek);
