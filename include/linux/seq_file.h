/* SPDX-License-Identifier: GPL-2.0 */
/*
 * seq_file: generated text files (/proc, /sys) without each one doing
 * its own buffer arithmetic.  A show function prints the whole file
 * with seq_printf into m->buf; if it did not fit, single_open runs it
 * again with a buffer twice the size.  Reads then page through the
 * finished text, so a reader sees one consistent snapshot taken at
 * open, however small its read(2) calls are.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/fs.h>

struct iov_iter;

struct seq_file {
	char *buf;
	size_t size;		/* of buf */
	size_t count;		/* bytes printed; == size: overflowed, retry bigger */
	void *private;		/* the show function's argument */
	const struct file *file;
};

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
/* Print @s with the characters in @esc written as \ooo octal (mount paths). */
void seq_escape(struct seq_file *m, const char *s, const char *esc);
static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->count == m->size;
}

int single_open(struct file *file, int (*show)(struct seq_file *m, void *v), void *data);
int single_release(struct inode *inode, struct file *file);
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);

#endif
