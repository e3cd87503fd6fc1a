// SPDX-License-Identifier: GPL-2.0
/*
 * chardev-check: the file operations of test_misc's /dev/test_misc seen
 * from a program: read, write, lseek, ioctl (a known command, an unknown
 * one, a bad pointer) and poll (not readable once emptied, readable when
 * another process writes) and mmap (the module's page, its text seen and
 * a store through the mapping seen by the module).  Prints "ok" or what went wrong; exits 0/1.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define TEST_MISC_GET_LEN	_IOR('t', 1, int)
#define TEST_MISC_CLEAR		_IO('t', 2)
#define TEST_MISC_PAGE_SUM	_IOR('t', 3, int)

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

	/* The driver's page, shared: each side sees the other's stores. */
	{
		long pg = sysconf(_SC_PAGESIZE);
		unsigned char *p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		int sum = 0, want = 0, i;

		CHECK(p != MAP_FAILED);
		CHECK(!strcmp((char *)p, "mapped from test_misc"));
		memset(p, 0, pg);
		p[0] = 200;
		p[pg - 1] = 55;
		CHECK(ioctl(fd, TEST_MISC_PAGE_SUM, &sum) == 0 && sum == 255);
		for (i = 0; i < pg; i++)
			want += p[i];
		CHECK(want == 255);
		CHECK(munmap(p, pg) == 0);
		/* Only what the driver offers: one page at offset 0. */
		CHECK(mmap(NULL, 2 * pg, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EINVAL);
		CHECK(mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, pg) == MAP_FAILED && errno == EINVAL);
	}
	close(fd);
	printf("ok\n");
	return 0;
}
