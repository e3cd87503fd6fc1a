/*
 * signalfd/signalfd4: blocked signals taken by read() as
 * signalfd_siginfo records (sender, code, queued value, timer ID),
 * several per read, poll/select readiness, a blocking read woken by a
 * signal from another process, changing the set of an existing fd,
 * SFD_NONBLOCK/SFD_CLOEXEC, and the errors of bad arguments.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

static sigset_t set_of(int a, int b)
{
	sigset_t s;

	sigemptyset(&s);
	if (a)
		sigaddset(&s, a);
	if (b)
		sigaddset(&s, b);
	return s;
}

static void block(sigset_t s)
{
	sigprocmask(SIG_BLOCK, &s, NULL);
}

static int readable(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

LT_CASE(read_kill_and_sigqueue)
{
	sigset_t s = set_of(SIGUSR1, SIGRTMIN);
	struct signalfd_siginfo ssi;
	union sigval v = { .sival_int = 1234 };
	int fd;

	block(s);
	fd = signalfd(-1, &s, SFD_NONBLOCK);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(read(fd, &ssi, sizeof(ssi)), EAGAIN);
	LT_CHECK(!readable(fd));
	LT_CHECK_OK(kill(getpid(), SIGUSR1));
	LT_CHECK(readable(fd));
	LT_CHECK_EQ(read(fd, &ssi, sizeof(ssi)), sizeof(ssi));
	LT_CHECK_EQ(ssi.ssi_signo, SIGUSR1);
	LT_CHECK_EQ(ssi.ssi_code, SI_USER);
	LT_CHECK_EQ(ssi.ssi_pid, getpid());
	LT_CHECK_EQ(ssi.ssi_uid, getuid());
	LT_CHECK(!readable(fd));
	/* Gone from the pending set, too: read took it. */
	sigset_t pend;
	sigpending(&pend);
	LT_CHECK(!sigismember(&pend, SIGUSR1));

	LT_CHECK_OK(sigqueue(getpid(), SIGRTMIN, v));
	LT_CHECK_EQ(read(fd, &ssi, sizeof(ssi)), sizeof(ssi));
	LT_CHECK_EQ(ssi.ssi_signo, SIGRTMIN);
	LT_CHECK_EQ(ssi.ssi_code, SI_QUEUE);
	LT_CHECK_EQ(ssi.ssi_int, 1234);
	close(fd);
}

LT_CASE(several_per_read)
{
	sigset_t s = set_of(SIGRTMIN + 1, 0);
	struct signalfd_siginfo ssi[4];
	union sigval v;
	int fd, i;

	block(s);
	fd = signalfd(-1, &s, SFD_NONBLOCK);
	LT_CHECK(fd >= 0);
	for (i = 0; i < 3; i++) {
		v.sival_int = i;
		LT_CHECK_OK(sigqueue(getpid(), SIGRTMIN + 1, v));
	}
	/* Real-time signals queue: three records, in order. */
	LT_CHECK_EQ(read(fd, ssi, sizeof(ssi)), 3 * sizeof(ssi[0]));
	for (i = 0; i < 3; i++)
		LT_CHECK_EQ(ssi[i].ssi_int, i);
	LT_CHECK_ERR(read(fd, ssi, sizeof(ssi[0]) - 1), EINVAL);
	close(fd);
}

LT_CASE(blocking_read_and_select)
{
	sigset_t s = set_of(SIGUSR2, 0);
	struct signalfd_siginfo ssi;
	struct timeval tv = { 5, 0 };
	fd_set rd;
	pid_t parent = getpid(), pid;
	int fd;

	block(s);
	fd = signalfd(-1, &s, 0);
	LT_CHECK(fd >= 0);
	pid = fork();
	if (pid == 0) {
		lt_sleep_ms(30);
		kill(parent, SIGUSR2);
		lt_sleep_ms(30);
		kill(parent, SIGUSR2);
		_exit(0);
	}
	LT_CHECK_EQ(read(fd, &ssi, sizeof(ssi)), sizeof(ssi));
	LT_CHECK_EQ(ssi.ssi_signo, SIGUSR2);
	LT_CHECK_EQ(ssi.ssi_pid, pid);
	FD_ZERO(&rd);
	FD_SET(fd, &rd);
	LT_CHECK_EQ(select(fd + 1, &rd, NULL, NULL, &tv), 1);
	LT_CHECK(FD_ISSET(fd, &rd));
	LT_CHECK_EQ(read(fd, &ssi, sizeof(ssi)), sizeof(ssi));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(fd);
}

LT_CASE(timer_signal)
{
	sigset_t s = set_of(SIGRTMIN + 2, 0);
	struct signalfd_siginfo ssi;
	struct sigevent ev;
	struct itimerspec its = { .it_value = { 0, 5000000 } };
	timer_t t;
	int fd;

	block(s);
	fd = signalfd(-1, &s, 0);
	LT_CHECK(fd >= 0);
	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = SIGRTMIN + 2;
	ev.sigev_value.sival_int = 77;
	LT_CHECK_OK(timer_create(CLOCK_MONOTONIC, &ev, &t));
	LT_CHECK_OK(timer_settime(t, 0, &its, NULL));
	LT_CHECK_EQ(read(fd, &ssi, sizeof(ssi)), sizeof(ssi));
	LT_CHECK_EQ(ssi.ssi_signo, SIGRTMIN + 2);
	LT_CHECK_EQ(ssi.ssi_code, SI_TIMER);
	LT_CHECK_EQ(ssi.ssi_int, 77);
	LT_CHECK_EQ(ssi.ssi_overrun, 0);
	timer_delete(t);
	close(fd);
}

LT_CASE(change_set_and_flags)
{
	sigset_t s = set_of(SIGUSR1, 0), s2 = set_of(SIGUSR2, 0);
	struct signalfd_siginfo ssi;
	int fd;

	block(set_of(SIGUSR1, SIGUSR2));
	fd = signalfd(-1, &s, SFD_NONBLOCK | SFD_CLOEXEC);
	LT_CHECK(fd >= 0);
	LT_CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	LT_CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
	raise(SIGUSR2);
	LT_CHECK(!readable(fd));
	LT_CHECK_EQ(signalfd(fd, &s2, 0), fd);	/* now SIGUSR2 */
	LT_CHECK(readable(fd));
	LT_CHECK_EQ(read(fd, &ssi, sizeof(ssi)), sizeof(ssi));
	LT_CHECK_EQ(ssi.ssi_signo, SIGUSR2);
	close(fd);
}

LT_CASE(errors)
{
	sigset_t s = set_of(SIGUSR1, 0);
	int fd, nonfd = open("/", O_RDONLY);

	LT_CHECK_ERR(syscall(SYS_signalfd4, -1, &s, 4, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_signalfd4, -1, &s, 8, 0x1234), EINVAL);
	LT_CHECK_ERR(syscall(SYS_signalfd4, -1, (void *)8, 8, 0), EFAULT);
	LT_CHECK_ERR(syscall(SYS_signalfd, -1, &s, 16), EINVAL);
	LT_CHECK_ERR(syscall(SYS_signalfd4, 999, &s, 8, 0), EBADF);
	LT_CHECK_ERR(syscall(SYS_signalfd4, nonfd, &s, 8, 0), EINVAL);
	fd = syscall(SYS_signalfd, -1, &s, 8);
	LT_CHECK(fd >= 0);
	LT_CHECK(!(fcntl(fd, F_GETFL) & O_NONBLOCK));
	LT_CHECK_ERR(write(fd, "x", 1), EINVAL);
	close(fd);
	close(nonfd);
}

int main(void)
{
	lt_begin("signalfd");
	LT_RUN(read_kill_and_sigqueue);
	LT_RUN(several_per_read);
	LT_RUN(blocking_read_and_select);
	LT_RUN(timer_signal);
	LT_RUN(change_set_and_flags);
	LT_RUN(errors);
	return lt_end();
}
