/*
 * eventfd and eventfd2: the counter's read/write rules (reset, semaphore
 * mode, overflow), flags (NONBLOCK, CLOEXEC, bad flags), short buffers,
 * readiness through poll and select, a blocked reader woken by another
 * process.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

static short revents(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN | POLLOUT };

	if (poll(&p, 1, 0) < 0)
		return -1;
	return p.revents;
}

LT_CASE(counter_read_resets)
{
	uint64_t v = 5;
	int fd = syscall(SYS_eventfd2, 3, EFD_NONBLOCK);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, &v, 8), 8);
	v = 0;
	LT_CHECK_EQ(read(fd, &v, 8), 8);
	LT_CHECK_EQ(v, 8);
	LT_CHECK_ERR(read(fd, &v, 8), EAGAIN);		/* zero now */
	LT_CHECK_EQ(revents(fd), POLLOUT);
	close(fd);
}

LT_CASE(semaphore_mode)
{
	uint64_t v;
	int fd = syscall(SYS_eventfd2, 2, EFD_SEMAPHORE | EFD_NONBLOCK);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(read(fd, &v, 8), 8);
	LT_CHECK_EQ(v, 1);
	LT_CHECK_EQ(read(fd, &v, 8), 8);
	LT_CHECK_EQ(v, 1);
	LT_CHECK_ERR(read(fd, &v, 8), EAGAIN);
	close(fd);
}

LT_CASE(bad_sizes_and_values)
{
	uint64_t v = UINT64_MAX;
	uint32_t small = 1;
	int fd = syscall(SYS_eventfd2, 0, EFD_NONBLOCK);

	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(write(fd, &small, 4), EINVAL);
	LT_CHECK_ERR(read(fd, &small, 4), EINVAL);
	LT_CHECK_ERR(write(fd, &v, 8), EINVAL);	/* 2^64-1 is never written */
	LT_CHECK_ERR(write(fd, (void *)8, 8), EFAULT);
	v = 1;
	LT_CHECK_EQ(write(fd, &v, 8), 8);
	LT_CHECK_ERR(read(fd, (void *)8, 8), EFAULT);
	close(fd);
	LT_CHECK_ERR(syscall(SYS_eventfd2, 0, 0x10), EINVAL);
	LT_CHECK_ERR(syscall(SYS_eventfd2, 0, O_RDWR), EINVAL);
}

/* The counter tops out at 2^64-2: a write that would pass it waits. */
LT_CASE(overflow_blocks_writer)
{
	uint64_t v = UINT64_MAX - 1;
	int fd = syscall(SYS_eventfd2, 0, EFD_NONBLOCK);

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, &v, 8), 8);
	LT_CHECK_EQ(revents(fd), POLLIN);		/* not writable */
	v = 1;
	LT_CHECK_ERR(write(fd, &v, 8), EAGAIN);
	v = 0;
	LT_CHECK_EQ(write(fd, &v, 8), 8);		/* adding 0 always fits */
	LT_CHECK_EQ(read(fd, &v, 8), 8);
	LT_CHECK_EQ(v, UINT64_MAX - 1);
	close(fd);
}

LT_CASE(flags)
{
	int fd = syscall(SYS_eventfd2, 0, EFD_CLOEXEC | EFD_NONBLOCK);

	LT_CHECK(fd >= 0);
	LT_CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	LT_CHECK((fcntl(fd, F_GETFL) & (O_NONBLOCK | O_ACCMODE)) == (O_NONBLOCK | O_RDWR));
	close(fd);
	fd = syscall(SYS_eventfd, 7);
	LT_CHECK(fd >= 0);
	LT_CHECK(!(fcntl(fd, F_GETFD) & FD_CLOEXEC));
	LT_CHECK(!(fcntl(fd, F_GETFL) & O_NONBLOCK));
	close(fd);
}

LT_CASE(select_sees_it)
{
	uint64_t v = 1;
	fd_set rd;
	struct timeval tv = { 0, 0 };
	int fd = syscall(SYS_eventfd2, 0, 0);

	LT_CHECK(fd >= 0);
	FD_ZERO(&rd);
	FD_SET(fd, &rd);
	LT_CHECK_EQ(select(fd + 1, &rd, NULL, NULL, &tv), 0);
	LT_CHECK_EQ(write(fd, &v, 8), 8);
	FD_ZERO(&rd);
	FD_SET(fd, &rd);
	LT_CHECK_EQ(select(fd + 1, &rd, NULL, NULL, &tv), 1);
	LT_CHECK(FD_ISSET(fd, &rd));
	close(fd);
}

/* A blocked read wakes when another process writes. */
LT_CASE(blocked_reader_woken)
{
	uint64_t v = 0;
	int fd = syscall(SYS_eventfd2, 0, 0);
	pid_t pid;

	LT_CHECK(fd >= 0);
	pid = fork();
	if (pid == 0) {
		uint64_t one = 42;

		lt_sleep_ms(50);
		_exit(write(fd, &one, 8) == 8 ? 0 : 1);
	}
	LT_CHECK_EQ(read(fd, &v, 8), 8);
	LT_CHECK_EQ(v, 42);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(fd);
}

int main(void)
{
	lt_begin("eventfd");
	LT_RUN(counter_read_resets);
	LT_RUN(semaphore_mode);
	LT_RUN(bad_sizes_and_values);
	LT_RUN(overflow_blocks_writer);
	LT_RUN(flags);
	LT_RUN(select_sees_it);
	LT_RUN(blocked_reader_woken);
	return lt_end();
}
