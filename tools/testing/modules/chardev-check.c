// SPDX-License-Identifier: GPL-2.0
/*
 * chardev-check: the file operations of test_misc's /dev/test_misc seen
 * from a program: read, write, lseek, ioctl (a known command, an unknown
 * one, a bad pointer) and poll (not readable once emptied, readable when
 * another process writes).  Prints "ok" or what went wrong; exits 0/1.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define TEST_MISC_GET_LEN	_IOR('t', 1, int)
#define TEST_MISC_CLEAR		_IO('t', 2)

#define CHECK(cond) do { if (!(cond)) { \
	printf("chardev-check: line %d: %s (errno %d)\n", __LINE__, #cond, errno); return 1; } } while (0)

int main(void)
{
	struct pollfd pfd;
	char buf[64];
	int fd, len;
	pid_t pid;

	fd = open("/dev/test_misc", O_RDWR);
	CHECK(fd >= 0);
	CHECK(write(fd, "hello world", 11) == 11);
	CHECK(ioctl(fd, TEST_MISC_GET_LEN, &len) == 0 && len == 11);
	CHECK(ioctl(fd, 0x7401234, &len) == -1 && errno == ENOTTY);
	CHECK(ioctl(fd, TEST_MISC_GET_LEN, (void *)8) == -1 && errno == EFAULT);
	CHECK(lseek(fd, 6, SEEK_SET) == 6);
	CHECK(read(fd, buf, sizeof(buf)) == 5 && !memcmp(buf, "world", 5));
	CHECK(read(fd, buf, sizeof(buf)) == 0);

	pfd = (struct pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	CHECK(poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN) && (pfd.revents & POLLOUT));
	CHECK(ioctl(fd, TEST_MISC_CLEAR) == 0);
	pfd = (struct pollfd){ .fd = fd, .events = POLLIN };
	CHECK(poll(&pfd, 1, 0) == 0);
	/* A writer elsewhere wakes a poller that sleeps. */
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		int w = open("/dev/test_misc", O_WRONLY);

		usleep(200000);
		_exit(w >= 0 && write(w, "x", 1) == 1 ? 0 : 1);
	}
	pfd = (struct pollfd){ .fd = fd, .events = POLLIN };
	CHECK(poll(&pfd, 1, 5000) == 1 && (pfd.revents & POLLIN));
	CHECK(waitpid(pid, &len, 0) == pid && WIFEXITED(len) && WEXITSTATUS(len) == 0);
	close(fd);
	printf("ok\n");
	return 0;
}
