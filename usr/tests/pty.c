// SPDX-License-Identifier: GPL-2.0
/*
 * pty: Unix 98 pseudo-terminals.  posix_openpt/grantpt/unlockpt/ptsname,
 * the locked slave, bytes both ways through the slave's line discipline
 * (canonical input, echo, ONLCR, raw mode), TIOCGPTPEER, the window size
 * and SIGWINCH, ^C from the master as SIGINT to the slave's foreground
 * job, and the ends: the master's close hangs the slave up (SIGHUP,
 * end-of-file, EIO on write), the slave's close makes the master read EIO.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>
#include <unistd.h>
#include "lt.h"

#ifndef TIOCGPTPEER
#define TIOCGPTPEER	0x5441
#endif

struct shared {
	volatile int ready;
	volatile int got_hup;
	volatile int read_ret;
	volatile int write_errno;
};

static struct shared *sh;

/* Read from @fd until @want bytes or a short wait passes; the count. */
static int read_some(int fd, char *buf, int want)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int n = 0, r;

	while (n < want && poll(&p, 1, 2000) == 1) {
		r = read(fd, buf + n, want - n);
		if (r <= 0)
			break;
		n += r;
	}
	buf[n] = 0;
	return n;
}

static int open_master(char *name, size_t size)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);

	if (m < 0 || grantpt(m) || unlockpt(m) || ptsname_r(m, name, size))
		return -1;
	return m;
}

LT_CASE(open_and_names)
{
	char name[64];
	unsigned int n = 99;
	int lock = 1, m, s;
	struct stat st;

	m = posix_openpt(O_RDWR | O_NOCTTY);
	LT_CHECK(m >= 0);
	LT_CHECK_OK(ioctl(m, TIOCGPTN, &n));
	LT_CHECK_OK(ptsname_r(m, name, sizeof(name)));
	snprintf((char[64]){ 0 }, 64, "%u", n);
	LT_CHECK(!strncmp(name, "/dev/pts/", 9) && (unsigned int)atoi(name + 9) == n);
	/* Locked until unlockpt. */
	LT_CHECK_ERR(open(name, O_RDWR | O_NOCTTY), EIO);
	LT_CHECK_OK(ioctl(m, TIOCGPTLCK, &lock));
	LT_CHECK_EQ(lock, 1);
	LT_CHECK_OK(grantpt(m));
	LT_CHECK_OK(unlockpt(m));
	s = open(name, O_RDWR | O_NOCTTY);
	LT_CHECK(s >= 0);
	LT_CHECK_OK(fstat(s, &st));
	LT_CHECK(S_ISCHR(st.st_mode));
	LT_CHECK_EQ(major(st.st_rdev), 136);
	LT_CHECK_EQ(minor(st.st_rdev), n);
	LT_CHECK_EQ(st.st_uid, getuid());
	LT_CHECK(isatty(s) && isatty(m));
	/* Bad pointers and ioctls the slave does not have. */
	LT_CHECK_ERR(ioctl(m, TIOCGPTN, (void *)8), EFAULT);
	LT_CHECK_ERR(ioctl(s, TIOCGPTN, &n), ENOTTY);
	close(s);
	close(m);
	/* The master's close removes the name. */
	LT_CHECK_ERR(access(name, F_OK), ENOENT);
}

LT_CASE(data_both_ways)
{
	char name[64], buf[128];
	struct termios t;
	int m, s;

	m = open_master(name, sizeof(name));
	LT_CHECK(m >= 0);
	s = open(name, O_RDWR | O_NOCTTY);
	LT_CHECK(s >= 0);
	/* Typed at the master: a line for the slave, echoed back to the master. */
	LT_CHECK_EQ(write(m, "hello\n", 6), 6);
	LT_CHECK_EQ(read_some(s, buf, 6), 6);
	LT_CHECK(!strcmp(buf, "hello\n"));
	LT_CHECK_EQ(read_some(m, buf, 7), 7);
	LT_CHECK(!strcmp(buf, "hello\r\n"));
	/* Written by the slave: ONLCR makes the newline CR LF. */
	LT_CHECK_EQ(write(s, "out\n", 4), 4);
	LT_CHECK_EQ(read_some(m, buf, 5), 5);
	LT_CHECK(!strcmp(buf, "out\r\n"));
	/* Raw mode: bytes as they come, no echo. */
	LT_CHECK_OK(tcgetattr(s, &t));
	cfmakeraw(&t);
	LT_CHECK_OK(tcsetattr(s, TCSANOW, &t));
	LT_CHECK_EQ(write(m, "a\x03z", 3), 3);
	LT_CHECK_EQ(read_some(s, buf, 3), 3);
	LT_CHECK(!memcmp(buf, "a\x03z", 3));
	LT_CHECK_OK(fcntl(m, F_SETFL, O_NONBLOCK));
	LT_CHECK_ERR(read(m, buf, sizeof(buf)), EAGAIN);
	/* A lot of data: the writer waits for the reader, nothing is lost. */
	pid_t pid = fork();
	if (pid == 0) {
		static char big[100000];

		memset(big, 'x', sizeof(big));
		LT_CHECK_OK(fcntl(m, F_SETFL, 0));
		_exit(write(m, big, sizeof(big)) == sizeof(big) ? 0 : 1);
	}
	long total = 0;
	while (total < 100000) {
		struct pollfd p = { .fd = s, .events = POLLIN };
		static char chunk[8192];
		int r;

		if (poll(&p, 1, 5000) != 1)
			break;
		r = read(s, chunk, sizeof(chunk));
		if (r <= 0)
			break;
		total += r;
	}
	LT_CHECK_EQ(total, 100000);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(s);
	close(m);
}

LT_CASE(peer_and_winsize)
{
	struct winsize ws = { .ws_row = 33, .ws_col = 99 }, got = { 0 };
	char name[64];
	struct stat st;
	int m, s;

	m = open_master(name, sizeof(name));
	LT_CHECK(m >= 0);
	s = ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
	LT_CHECK(s >= 0);
	LT_CHECK_OK(fstat(s, &st));
	LT_CHECK_EQ(major(st.st_rdev), 136);
	LT_CHECK_OK(ioctl(m, TIOCSWINSZ, &ws));
	LT_CHECK_OK(ioctl(s, TIOCGWINSZ, &got));
	LT_CHECK(got.ws_row == 33 && got.ws_col == 99);
	LT_CHECK_ERR(ioctl(m, TIOCSWINSZ, (void *)8), EFAULT);
	/* The System V struct termio: 16-bit flags, 8 control characters. */
	struct { unsigned short i, o, c, l; unsigned char line, cc[8]; } tio;
	struct termios t;
	LT_CHECK_OK(ioctl(s, 0x5405 /* TCGETA */, &tio));
	LT_CHECK(tio.l & ICANON);
	tio.l &= ~ECHO;
	LT_CHECK_OK(ioctl(s, 0x5406 /* TCSETA */, &tio));
	LT_CHECK_OK(tcgetattr(s, &t));
	LT_CHECK(!(t.c_lflag & ECHO) && (t.c_lflag & ICANON));
	LT_CHECK_ERR(ioctl(s, 0x5405, (void *)8), EFAULT);
	close(s);
	close(m);
}

/* TIOCPKT: the master reads a status byte for the slave's flushes and flow control. */
LT_CASE(packet_mode)
{
	char name[64], buf[16];
	struct pollfd p;
	int m, s, on = 1, got = -1;

	m = open_master(name, sizeof(name));
	LT_CHECK(m >= 0);
	s = open(name, O_RDWR | O_NOCTTY);
	LT_CHECK(s >= 0);
	LT_CHECK_OK(ioctl(m, TIOCPKT, &on));
	LT_CHECK_OK(ioctl(m, TIOCGPKT, &got));
	LT_CHECK_EQ(got, 1);
	LT_CHECK_EQ(write(s, "ab", 2), 2);
	LT_CHECK_EQ(read_some(m, buf, 3), 3);
	LT_CHECK(!memcmp(buf, "\0ab", 3));		/* TIOCPKT_DATA, then the data */
	LT_CHECK_OK(tcflush(s, TCIFLUSH));
	p = (struct pollfd){ .fd = m, .events = POLLPRI };
	LT_CHECK_EQ(poll(&p, 1, 2000), 1);
	LT_CHECK(p.revents & POLLPRI);
	LT_CHECK_EQ(read(m, buf, sizeof(buf)), 1);
	LT_CHECK_EQ(buf[0], TIOCPKT_FLUSHREAD);
	LT_CHECK_OK(tcflow(s, TCOOFF));
	LT_CHECK_EQ(read(m, buf, sizeof(buf)), 1);
	LT_CHECK_EQ(buf[0], TIOCPKT_STOP);
	LT_CHECK_OK(tcflow(s, TCOON));
	LT_CHECK_EQ(read(m, buf, sizeof(buf)), 1);
	LT_CHECK_EQ(buf[0], TIOCPKT_START);
	LT_CHECK_ERR(ioctl(m, TIOCPKT, (void *)8), EFAULT);
	close(s);
	close(m);
}

static void on_hup(int sig)
{
	(void)sig;
	sh->got_hup = 1;
}

/* A session on the slave: ^C at the master interrupts its foreground job. */
LT_CASE(job_control)
{
	char name[64];
	int m = open_master(name, sizeof(name));
	pid_t pid;

	LT_CHECK(m >= 0);
	sh->ready = 0;
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		char c;
		int s;

		setsid();
		s = open(name, O_RDWR);		/* becomes the controlling terminal */
		if (s < 0 || tcgetpgrp(s) != getpid())
			_exit(1);
		sh->ready = 1;
		read(s, &c, 1);
		_exit(2);
	}
	LT_CHECK_EQ(lt_wait_flag(&sh->ready, 1, 5000), 1);
	LT_CHECK_EQ(write(m, "\x03", 1), 1);
	LT_CHECK_WAIT(pid, LT_KILLED(SIGINT));
	close(m);
}

/* O_NOCTTY: a session leader without a terminal opens one and does not take it. */
LT_CASE(open_noctty)
{
	char name[64];
	int m = open_master(name, sizeof(name));
	pid_t pid;

	LT_CHECK(m >= 0);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int s;

		setsid();
		s = open(name, O_RDWR | O_NOCTTY);
		if (s < 0)
			_exit(1);
		if (open("/dev/tty", O_RDWR) >= 0 || errno != ENXIO)
			_exit(2);	/* it became the controlling terminal */
		if (tcgetsid(s) >= 0 || errno != ENOTTY)
			_exit(3);
		close(s);
		s = open(name, O_RDWR);	/* without it, the open takes the terminal */
		if (s < 0 || tcgetsid(s) != getpid())
			_exit(4);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(m);
}

LT_CASE(hangup)
{
	char name[64], buf[16];
	int m = open_master(name, sizeof(name)), s;
	pid_t pid;

	LT_CHECK(m >= 0);
	sh->ready = 0;
	sh->got_hup = 0;
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		char c;

		close(m);	/* only the parent's copy keeps the master open */
		signal(SIGHUP, on_hup);
		setsid();
		s = open(name, O_RDWR);
		if (s < 0)
			_exit(1);
		sh->ready = 1;
		while (!sh->got_hup)
			usleep(1000);
		sh->read_ret = read(s, &c, 1);
		sh->write_errno = write(s, "x", 1) < 0 ? errno : 0;
		_exit(0);
	}
	LT_CHECK_EQ(lt_wait_flag(&sh->ready, 1, 5000), 1);
	close(m);				/* the terminal goes away */
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(sh->got_hup, 1);
	LT_CHECK_EQ(sh->read_ret, 0);
	LT_CHECK_EQ(sh->write_errno, EIO);

	/* The other way: the slave's last close, and the master reads what is left, then EIO. */
	m = open_master(name, sizeof(name));
	LT_CHECK(m >= 0);
	s = open(name, O_RDWR | O_NOCTTY);
	LT_CHECK(s >= 0);
	LT_CHECK_EQ(write(s, "bye\n", 4), 4);
	usleep(100000);
	close(s);
	LT_CHECK_EQ(read_some(m, buf, 5), 5);
	LT_CHECK(!strcmp(buf, "bye\r\n"));
	LT_CHECK_ERR(read(m, buf, sizeof(buf)), EIO);
	close(m);
}

int main(void)
{
	lt_begin("pty");
	sh = lt_shared(sizeof(*sh));
	/* The test initramfs has neither: make them as an init script would. */
	mknod("/dev/ptmx", S_IFCHR | 0666, makedev(5, 2));
	mkdir("/dev/pts", 0755);
	mount("devpts", "/dev/pts", "devpts", 0, "ptmxmode=0666");
	LT_RUN(open_and_names);
	LT_RUN(data_both_ways);
	LT_RUN(peer_and_winsize);
	LT_RUN(packet_mode);
	LT_RUN(job_control);
	LT_RUN(open_noctty);
	LT_RUN(hangup);
	return lt_end();
}
