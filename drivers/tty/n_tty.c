// SPDX-License-Identifier: GPL-2.0
/*
 * n_tty, the default line discipline: what makes a serial line feel like
 * a terminal.  Between the driver (bytes in, bytes out) and read()/write()
 * it does three jobs, each steered by termios (termios(3)):
 *
 *   input   c_iflag maps CR/NL (ICRNL, INLCR, IGNCR); with ISIG the
 *           VINTR/VQUIT/VSUSP characters become SIGINT/SIGQUIT/SIGTSTP
 *           for the foreground process group; with ICANON a line is
 *           edited (VERASE, VWERASE, VKILL, VLNEXT, VREPRINT) and only
 *           handed to read() when VEOL/newline/VEOF ends it.
 *   echo    what is typed is written back (ECHO), control characters
 *           as ^X (ECHOCTL), erasures as backspace-space-backspace
 *           (ECHOE, ECHOKE).
 *   output  c_oflag: OPOST with ONLCR turns "\n" into "\r\n".
 *
 * Without ICANON, read() follows VMIN/VTIME (the modes vi and less use):
 * wait for VMIN bytes, VTIME tenths of a second between them.
 *
 * Input is processed as it arrives, in the UART's interrupt, so ^C works
 * while nobody reads.  Everything here runs under tty->lock.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>

#define N_TTY_BUF_SIZE	4096		/* a power of two: indexes are masked */
#define ECHO_BUF	64

/* read_flags: what ends a line in the read queue (canonical mode). */
#define NTTY_EOL	1		/* the byte is the line's last, returned */
#define NTTY_EOF	2		/* a VEOF placeholder, never returned */

struct n_tty_data {
	/* The read queue: what read() may take.  Free-running indexes. */
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned char read_flags[N_TTY_BUF_SIZE];
	unsigned int read_head, read_tail;
	unsigned int lines;		/* complete lines in it (ICANON) */

	/* The line being edited (ICANON); not readable until it ends. */
	unsigned char line[N_TTY_BUF_SIZE];
	unsigned int line_len;
	unsigned int line_column;	/* output column where the line started */

	unsigned int column;		/* output column, for erasing tabs */
	bool lnext;			/* the previous byte was VLNEXT */

	/* Echo collected under the lock, sent when a byte is done. */
	unsigned char echo[ECHO_BUF];
	unsigned int echo_len;
};

static inline struct n_tty_data *ldata_of(struct tty_struct *tty)
{
	return tty->disc_data;
}

static unsigned int read_cnt(struct n_tty_data *ld)
{
	return ld->read_head - ld->read_tail;
}

/* A control character in use?  0 (_POSIX_VDISABLE) switches one off. */
static bool is_cc(struct tty_struct *tty, int idx, unsigned char c)
{
	return tty->termios.c_cc[idx] && c == tty->termios.c_cc[idx];
}

/* ---- Output -------------------------------------------------------------- */

/*
 * OPOST processing of @c into @out (room for 2); returns the bytes made.
 * Tracks the column so that erasing a tab knows how far to go back.
 */
static int opost_char(struct tty_struct *tty, unsigned char c, unsigned char *out)
{
	struct n_tty_data *ld = ldata_of(tty);

	if (!O_FLAG(tty, OPOST)) {
		out[0] = c;
		return 1;
	}
	switch (c) {
	case '\n':
		if (O_FLAG(tty, ONLRET))
			ld->column = 0;
		if (O_FLAG(tty, ONLCR)) {
			ld->column = 0;
			out[0] = '\r';
			out[1] = '\n';
			return 2;
		}
		break;
	case '\r':
		if (O_FLAG(tty, ONOCR) && ld->column == 0)
			return 0;
		if (O_FLAG(tty, OCRNL)) {
			c = '\n';
			if (O_FLAG(tty, ONLRET))
				ld->column = 0;
			break;
		}
		ld->column = 0;
		break;
	case '\t':
		ld->column = (ld->column | 7) + 1;
		break;
	case '\b':
		if (ld->column)
			ld->column--;
		break;
	default:
		if (c >= ' ' && c != 0x7f)
			ld->column++;
	}
	out[0] = c;
	return 1;
}

/* Write @nr bytes through OPOST to the driver; the caller's context may be any. */
static void n_tty_output(struct tty_struct *tty, const unsigned char *buf, size_t nr)
{
	unsigned char chunk[128];
	size_t i;
	int n = 0;

	for (i = 0; i < nr; i++) {
		if (n > (int)sizeof(chunk) - 2) {
			tty->ops->write(tty, chunk, n);
			n = 0;
		}
		n += opost_char(tty, buf[i], chunk + n);
	}
	if (n)
		tty->ops->write(tty, chunk, n);
}

static ssize_t n_tty_write(struct tty_struct *tty, const unsigned char *buf, size_t nr)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	n_tty_output(tty, buf, nr);
	spin_unlock_irqrestore(&tty->lock, flags);
	return nr;
}

/* ---- Echo ---------------------------------------------------------------- */

static void echo_bytes(struct tty_struct *tty, const char *s, int n)
{
	struct n_tty_data *ld = ldata_of(tty);

	while (n--) {
		if (ld->echo_len == ECHO_BUF) {
			n_tty_output(tty, ld->echo, ld->echo_len);
			ld->echo_len = 0;
		}
		ld->echo[ld->echo_len++] = *s++;
	}
}

static void flush_echoes(struct tty_struct *tty)
{
	struct n_tty_data *ld = ldata_of(tty);

	if (ld->echo_len)
		n_tty_output(tty, ld->echo, ld->echo_len);
	ld->echo_len = 0;
}

static bool shown_as_caret(struct tty_struct *tty, unsigned char c)
{
	return L_FLAG(tty, ECHOCTL) && (c < ' ' || c == 0x7f) && c != '\t' && c != '\n' &&
	       !is_cc(tty, VSTART, c) && !is_cc(tty, VSTOP, c);
}

/* Echo one typed character: ^X for a control character under ECHOCTL. */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	char caret[2] = { '^', c ^ 0100 };

	if (shown_as_caret(tty, c))
		echo_bytes(tty, caret, 2);
	else
		echo_bytes(tty, (char *)&c, 1);
}

/* The column at which line[0..len) ends, as echo drew it. */
static unsigned int line_width(struct tty_struct *tty, unsigned int len)
{
	struct n_tty_data *ld = ldata_of(tty);
	unsigned int col = ld->line_column, i;

	for (i = 0; i < len; i++) {
		unsigned char c = ld->line[i];

		if (c == '\t')
			col = (col | 7) + 1;
		else if (shown_as_caret(tty, c))
			col += 2;
		else if (c >= ' ')
			col++;
	}
	return col;
}

/* Remove the last character of the line and, with ECHOE, from the screen. */
static void erase_one(struct tty_struct *tty, unsigned char erase_char)
{
	struct n_tty_data *ld = ldata_of(tty);
	unsigned int before, after;

	if (!ld->line_len)
		return;
	before = line_width(tty, ld->line_len);
	ld->line_len--;
	after = line_width(tty, ld->line_len);
	if (!L_FLAG(tty, ECHO))
		return;
	if (!L_FLAG(tty, ECHOE)) {
		echo_char(tty, erase_char);
		return;
	}
	while (before-- > after)
		echo_bytes(tty, "\b \b", 3);
}

static bool is_word_char(unsigned char c)
{
	return c != ' ' && c != '\t';
}

static void werase(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = ldata_of(tty);

	while (ld->line_len && !is_word_char(ld->line[ld->line_len - 1]))
		erase_one(tty, c);
	while (ld->line_len && is_word_char(ld->line[ld->line_len - 1]))
		erase_one(tty, c);
}

static void kill_line(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = ldata_of(tty);

	if (L_FLAG(tty, ECHO) && L_FLAG(tty, ECHOE) && L_FLAG(tty, ECHOKE)) {
		while (ld->line_len)
			erase_one(tty, c);
		return;
	}
	ld->line_len = 0;
	if (L_FLAG(tty, ECHO)) {
		echo_char(tty, c);
		if (L_FLAG(tty, ECHOK))
			echo_bytes(tty, "\n", 1);
	}
	ld->line_column = ld->column;
}

/* ^R: show the line again on a fresh line. */
static void reprint(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = ldata_of(tty);
	unsigned int i;

	if (!L_FLAG(tty, ECHO))
		return;
	echo_char(tty, c);
	echo_bytes(tty, "\n", 1);
	flush_echoes(tty);
	ld->line_column = ld->column;
	for (i = 0; i < ld->line_len; i++)
		echo_char(tty, ld->line[i]);
}

/* ---- The read queue ------------------------------------------------------ */

static void put_read(struct n_tty_data *ld, unsigned char c, unsigned char flag)
{
	if (read_cnt(ld) >= N_TTY_BUF_SIZE)
		return;		/* full: drop, as an overrun UART would */
	ld->read_buf[ld->read_head & (N_TTY_BUF_SIZE - 1)] = c;
	ld->read_flags[ld->read_head & (N_TTY_BUF_SIZE - 1)] = flag;
	ld->read_head++;
}

/* The edited line becomes readable, ended by @c (or by VEOF: @eof). */
static void commit_line(struct tty_struct *tty, unsigned char c, bool eof)
{
	struct n_tty_data *ld = ldata_of(tty);
	unsigned int i;

	/* One slot for the end marker: a line that cannot fit is cut. */
	if (read_cnt(ld) + ld->line_len + 1 > N_TTY_BUF_SIZE)
		ld->line_len = N_TTY_BUF_SIZE - 1 - read_cnt(ld);
	for (i = 0; i < ld->line_len; i++)
		put_read(ld, ld->line[i], 0);
	put_read(ld, c, eof ? NTTY_EOF : NTTY_EOL);
	ld->line_len = 0;
	ld->lines++;
	ld->line_column = ld->column;
}

static void n_tty_flush_buffer(struct tty_struct *tty)
{
	struct n_tty_data *ld = ldata_of(tty);

	ld->read_head = ld->read_tail = 0;
	ld->lines = 0;
	ld->line_len = 0;
	ld->lnext = false;
}

/* ---- Input --------------------------------------------------------------- */

/* ISIG: the signal @c stands for, or 0. */
static int isig_signal(struct tty_struct *tty, unsigned char c)
{
	if (!L_FLAG(tty, ISIG))
		return 0;
	if (is_cc(tty, VINTR, c))
		return SIGINT;
	if (is_cc(tty, VQUIT, c))
		return SIGQUIT;
	if (is_cc(tty, VSUSP, c))
		return SIGTSTP;
	return 0;
}

/*
 * The canonical-mode editing characters.  Returns true if @c was one.
 * Backspace (^H) erases as well as VERASE: serial terminals disagree on
 * which of ^? and ^H their Backspace key sends.
 */
static bool canon_special(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = ldata_of(tty);

	if (is_cc(tty, VERASE, c) || c == '\b') {
		erase_one(tty, c);
		return true;
	}
	if (is_cc(tty, VKILL, c)) {
		kill_line(tty, c);
		return true;
	}
	if (is_cc(tty, VEOF, c)) {
		commit_line(tty, c, true);
		return true;
	}
	if (c == '\n' || is_cc(tty, VEOL, c) || is_cc(tty, VEOL2, c)) {
		if (L_FLAG(tty, ECHO) || (c == '\n' && L_FLAG(tty, ECHONL)))
			echo_char(tty, c);
		flush_echoes(tty);
		commit_line(tty, c, false);
		return true;
	}
	if (!L_FLAG(tty, IEXTEN))
		return false;
	if (is_cc(tty, VWERASE, c)) {
		werase(tty, c);
		return true;
	}
	if (is_cc(tty, VREPRINT, c)) {
		reprint(tty, c);
		return true;
	}
	if (is_cc(tty, VLNEXT, c)) {
		ld->lnext = true;
		if (L_FLAG(tty, ECHO) && L_FLAG(tty, ECHOCTL))
			echo_bytes(tty, "^\b", 2);
		return true;
	}
	return false;
}

/* One typed byte.  Returns the signal to send to the foreground group, or 0. */
static int n_tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = ldata_of(tty);
	bool literal = ld->lnext;
	int sig;

	ld->lnext = false;
	if (I_FLAG(tty, ISTRIP))
		c &= 0x7f;
	if (!literal) {
		if (c == '\r') {
			if (I_FLAG(tty, IGNCR))
				return 0;
			if (I_FLAG(tty, ICRNL))
				c = '\n';
		} else if (c == '\n' && I_FLAG(tty, INLCR)) {
			c = '\r';
		}
		sig = isig_signal(tty, c);
		if (sig) {
			if (!L_FLAG(tty, NOFLSH))
				n_tty_flush_buffer(tty);
			if (L_FLAG(tty, ECHO))
				echo_char(tty, c);
			return sig;
		}
		if (L_FLAG(tty, ICANON) && canon_special(tty, c))
			return 0;
	}
	if (!L_FLAG(tty, ICANON)) {
		put_read(ld, c, 0);
	} else if (ld->line_len < N_TTY_BUF_SIZE - 1) {
		/* The last slot stays free for the newline that ends the line. */
		ld->line[ld->line_len++] = c;
	} else {
		return 0;
	}
	if (L_FLAG(tty, ECHO))
		echo_char(tty, c);
	return 0;
}

static bool input_available(struct tty_struct *tty)
{
	struct n_tty_data *ld = ldata_of(tty);

	return L_FLAG(tty, ICANON) ? ld->lines > 0 : read_cnt(ld) > 0;
}

static void n_tty_receive_buf(struct tty_struct *tty, const unsigned char *cp, int count)
{
	unsigned long flags;
	bool wake;
	int sig;

	while (count--) {
		spin_lock_irqsave(&tty->lock, flags);
		sig = n_tty_receive_char(tty, *cp++);
		flush_echoes(tty);
		wake = input_available(tty);
		spin_unlock_irqrestore(&tty->lock, flags);
		if (sig)
			tty_signal_pgrp(tty, sig);
		if (wake)
			wake_up_interruptible(&tty->read_wait);
	}
}

/*
 * Leaving canonical mode makes the half-edited line readable as it is;
 * entering it makes what is queued count as one line, so it is not lost.
 */
static void n_tty_set_termios(struct tty_struct *tty, const struct termios *old)
{
	struct n_tty_data *ld = ldata_of(tty);
	bool was = old->c_lflag & ICANON, is = L_FLAG(tty, ICANON);
	unsigned int i;

	if (was && !is) {
		for (i = 0; i < ld->line_len; i++)
			put_read(ld, ld->line[i], 0);
		ld->line_len = 0;
		ld->lines = 0;
	} else if (!was && is && read_cnt(ld)) {
		ld->read_flags[(ld->read_head - 1) & (N_TTY_BUF_SIZE - 1)] = NTTY_EOL;
		ld->lines = 1;
	}
	ld->line_column = ld->column;
}

/* FIONREAD: bytes a read() could return now.  tty->lock held. */
static int n_tty_readable(struct tty_struct *tty)
{
	struct n_tty_data *ld = ldata_of(tty);
	unsigned int i, n = 0, last = 0;

	if (!L_FLAG(tty, ICANON))
		return read_cnt(ld);
	for (i = ld->read_tail; i != ld->read_head; i++) {
		unsigned char f = ld->read_flags[i & (N_TTY_BUF_SIZE - 1)];

		if (f != NTTY_EOF)
			n++;
		if (f)
			last = n;
	}
	return last;
}

/* ---- read() -------------------------------------------------------------- */

/* Canonical: up to one line (with its newline); 0 for VEOF at a line start. */
static ssize_t copy_line(struct tty_struct *tty, unsigned char *buf, size_t nr)
{
	struct n_tty_data *ld = ldata_of(tty);
	size_t n = 0;

	while (n < nr && ld->read_tail != ld->read_head) {
		unsigned int i = ld->read_tail & (N_TTY_BUF_SIZE - 1);
		unsigned char f = ld->read_flags[i];

		ld->read_tail++;
		if (f == NTTY_EOF) {
			ld->lines--;
			break;
		}
		buf[n++] = ld->read_buf[i];
		if (f == NTTY_EOL) {
			ld->lines--;
			break;
		}
	}
	return n;
}

static size_t copy_raw(struct tty_struct *tty, unsigned char *buf, size_t nr)
{
	struct n_tty_data *ld = ldata_of(tty);
	size_t n = 0;

	while (n < nr && ld->read_tail != ld->read_head)
		buf[n++] = ld->read_buf[ld->read_tail++ & (N_TTY_BUF_SIZE - 1)];
	return n;
}

/*
 * Sleep until input or @timeout jiffies (0: no limit).  Returns 0 when
 * woken (or timed out: *@expired), -ERESTARTSYS on a signal.
 */
/*
 * Stop waiting: the file was hung up (read says end-of-file), a
 * packet-mode master has an event (tty_read reports it), or the other end
 * of a pty is gone (EIO).  0 if input may still come.
 */
static int input_gone(struct tty_struct *tty, struct file *file)
{
	/* A packet-mode master has a status byte to read instead. */
	if (tty_hung_up_p(file) || tty_packet_pending(tty))
		return 1;
	if (test_bit(TTY_OTHER_CLOSED, &tty->flags))
		return -EIO;
	return 0;
}

static int wait_input(struct tty_struct *tty, struct file *file, long timeout, bool *expired)
{
	long left;

	if (!timeout)
		return wait_event_interruptible(tty->read_wait,
						input_available(tty) || input_gone(tty, file));
	left = wait_event_interruptible_timeout(tty->read_wait,
						input_available(tty) || input_gone(tty, file),
						timeout);
	if (left < 0)
		return left;
	*expired = left == 0;
	return 0;
}

static ssize_t n_tty_read_canon(struct tty_struct *tty, struct file *file,
				unsigned char *buf, size_t nr, bool nonblock)
{
	unsigned long flags;
	bool expired;
	ssize_t n;
	int err;

	for (;;) {
		spin_lock_irqsave(&tty->lock, flags);
		if (ldata_of(tty)->lines) {
			n = copy_line(tty, buf, nr);
			spin_unlock_irqrestore(&tty->lock, flags);
			return n;
		}
		spin_unlock_irqrestore(&tty->lock, flags);
		err = input_gone(tty, file);
		if (err)
			return err < 0 ? err : 0;
		if (nonblock)
			return -EAGAIN;
		err = wait_input(tty, file, 0, &expired);
		if (err)
			return err;
	}
}

/*
 * Non-canonical, termios(3)'s four cases: MIN=0 TIME=0 polls; MIN>0
 * TIME=0 waits for MIN bytes; MIN=0 TIME>0 waits up to TIME for one;
 * MIN>0 TIME>0 waits for MIN with TIME as the gap allowed between bytes
 * once the first has come.
 */
static ssize_t n_tty_read_raw(struct tty_struct *tty, struct file *file,
			      unsigned char *buf, size_t nr, bool nonblock)
{
	unsigned int min = tty->termios.c_cc[VMIN];
	long time = tty->termios.c_cc[VTIME] * HZ / 10;
	size_t n = 0, want;
	unsigned long flags;
	bool expired = false;
	int err;

	want = min ? min_t(size_t, min, nr) : 1;
	if (!min && !time)
		want = 0;
	for (;;) {
		spin_lock_irqsave(&tty->lock, flags);
		n += copy_raw(tty, buf + n, nr - n);
		spin_unlock_irqrestore(&tty->lock, flags);
		if (n >= want || n == nr || expired)
			return n;
		err = input_gone(tty, file);
		if (err)
			return n ? (ssize_t)n : (err < 0 ? err : 0);
		if (nonblock)
			return n ? (ssize_t)n : -EAGAIN;
		/* MIN>0 TIME>0: no timer until the first byte. */
		err = wait_input(tty, file, (min && !n) ? 0 : time, &expired);
		if (err)
			return n ? (ssize_t)n : err;
	}
}

static ssize_t n_tty_read(struct tty_struct *tty, struct file *file,
			  unsigned char *buf, size_t nr, bool nonblock)
{
	if (L_FLAG(tty, ICANON))
		return n_tty_read_canon(tty, file, buf, nr, nonblock);
	return n_tty_read_raw(tty, file, buf, nr, nonblock);
}

/*
 * How many more bytes receive_buf can keep without dropping any: a pty
 * delivers no more than this and waits for a reader.  A canonical line
 * that fills the buffer has nowhere to go, so input keeps flowing (and is
 * dropped) rather than stall the writer forever.
 */
static int n_tty_receive_room(struct tty_struct *tty)
{
	struct n_tty_data *ld = ldata_of(tty);
	unsigned long flags;
	int room;

	spin_lock_irqsave(&tty->lock, flags);
	room = N_TTY_BUF_SIZE - 1 - (int)read_cnt(ld) - (int)ld->line_len;
	if (room <= 0 && L_FLAG(tty, ICANON) && !ld->lines)
		room = 1;
	spin_unlock_irqrestore(&tty->lock, flags);
	return room > 0 ? room : 0;
}

static int n_tty_open(struct tty_struct *tty)
{
	struct n_tty_data *ld = kzalloc(sizeof(*ld), GFP_KERNEL);

	if (!ld)
		return -ENOMEM;
	tty->disc_data = ld;
	return 0;
}

const struct tty_ldisc_ops n_tty_ops = {
	.name		= "n_tty",
	.open		= n_tty_open,
	.read		= n_tty_read,
	.write		= n_tty_write,
	.receive_buf	= n_tty_receive_buf,
	.set_termios	= n_tty_set_termios,
	.flush_buffer	= n_tty_flush_buffer,
	.readable	= n_tty_readable,
	.input_available = input_available,
	.receive_room	= n_tty_receive_room,
};
