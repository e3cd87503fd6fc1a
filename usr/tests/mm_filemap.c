// SPDX-License-Identifier: GPL-2.0
/*
 * mm_filemap: the page cache and file-backed mmap.  read()/write() and
 * every mapping of a file see the same bytes at once, across processes;
 * MAP_PRIVATE copies on write and never changes the file; access past
 * the end of the file is SIGBUS, also after ftruncate shrinks a mapped
 * file; msync, mincore, madvise on files; the EACCES/ENODEV/EINVAL rules
 * of mmap and mprotect on files; sparse tmpfs files at 2^31 and 2^40
 * cost (almost) no memory; /proc/self/maps names the file.
 *
 * Calls whose errors are checked go through syscall(): musl's wrappers
 * reject some bad arguments themselves, before the kernel sees them.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define PAGE	4096UL
#define RW	(PROT_READ | PROT_WRITE)
#define D	"/t_filemap"
#define PROC	"/t_filemap_proc"	/* the test initramfs mounts nothing */

static char *fmap(size_t len, int prot, int flags, int fd, off_t off)
{
	return (char *)syscall(SYS_mmap, NULL, len, prot, flags, fd, off);
}

/* A new file D/name of @size bytes, each byte (i & 0x7f) + 1; open O_RDWR. */
static int make_file(const char *name, size_t size)
{
	char path[64], buf[PAGE];
	size_t done = 0;
	int fd;

	mkdir(D, 0755);
	snprintf(path, sizeof(path), D "/%s", name);
	unlink(path);
	fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		return -1;
	while (done < size) {
		size_t n = size - done < PAGE ? size - done : PAGE;

		for (size_t i = 0; i < n; i++)
			buf[i] = ((done + i) & 0x7f) + 1;
		if (pwrite(fd, buf, n, done) != (ssize_t)n) {
			close(fd);
			return -1;
		}
		done += n;
	}
	return fd;
}

static char pattern(size_t off)
{
	return (off & 0x7f) + 1;
}

/* Wait status of a child that reads (or writes) ADDR and then exits 0. */
static int touch_in_child(volatile char *addr, int write)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (write)
			*addr = 1;
		else
			(void)*addr;
		_exit(0);
	}
	return pid < 0 ? -1 : lt_wait(pid);
}

LT_CASE(write_then_map_then_read)
{
	int fd = make_file("coh", 2 * PAGE);
	char *p, buf[8];

	LT_CHECK(fd >= 0);
	p = fmap(2 * PAGE, RW, MAP_SHARED, fd, 0);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(p[5], pattern(5));
	LT_CHECK_EQ(p[PAGE + 7], pattern(PAGE + 7));
	/* write() shows through the mapping at once ... */
	LT_CHECK_EQ(pwrite(fd, "WXYZ", 4, PAGE + 100), 4);
	LT_CHECK(!memcmp(p + PAGE + 100, "WXYZ", 4));
	/* ... and a store through the mapping shows in read() at once. */
	memcpy(p + 10, "abcd", 4);
	LT_CHECK_EQ(pread(fd, buf, 4, 10), 4);
	LT_CHECK(!memcmp(buf, "abcd", 4));
	LT_CHECK_EQ(munmap(p, 2 * PAGE), 0);
	/* After unmapping, the data stays in the file. */
	LT_CHECK_EQ(pread(fd, buf, 4, 10), 4);
	LT_CHECK(!memcmp(buf, "abcd", 4));
	close(fd);
}

/* Two processes, each with its own MAP_SHARED mapping of the file. */
LT_CASE(shared_across_processes)
{
	int fd = make_file("two", PAGE);
	volatile char *p;
	char buf[6];
	pid_t pid;

	LT_CHECK(fd >= 0);
	p = fmap(PAGE, RW, MAP_SHARED, fd, 0);
	LT_CHECK(p != MAP_FAILED);
	pid = fork();
	if (pid == 0) {
		char *q = fmap(PAGE, RW, MAP_SHARED, fd, 0);

		if (q == MAP_FAILED)
			_exit(1);
		memcpy(q + 200, "child", 5);
		/* Wait for the parent's answer, written with write(). */
		for (int i = 0; i < 2000 && q[300] != 'P'; i++)
			usleep(1000);
		_exit(q[300] == 'P' ? 0 : 2);
	}
	LT_CHECK(pid > 0);
	for (int i = 0; i < 2000 && p[200] != 'c'; i++)
		usleep(1000);
	LT_CHECK(!memcmp((char *)p + 200, "child", 5));
	LT_CHECK_EQ(pread(fd, buf, 5, 200), 5);
	LT_CHECK(!memcmp(buf, "child", 5));
	LT_CHECK_EQ(pwrite(fd, "P", 1, 300), 1);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	munmap((void *)p, PAGE);
	close(fd);
}

LT_CASE(private_cow)
{
	int fd = make_file("cow", 2 * PAGE);
	char *priv, *shared, buf[4];

	LT_CHECK(fd >= 0);
	priv = fmap(2 * PAGE, RW, MAP_PRIVATE, fd, 0);
	shared = fmap(2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	LT_CHECK(priv != MAP_FAILED && shared != MAP_FAILED);
	/* Until written, a private page is the file's: later writes show. */
	LT_CHECK_EQ(priv[PAGE], pattern(PAGE));
	LT_CHECK_EQ(pwrite(fd, "F", 1, PAGE), 1);
	LT_CHECK_EQ(priv[PAGE], 'F');
	/* A store makes a private copy: the file and other mappers keep the old data. */
	priv[1] = 'x';
	LT_CHECK_EQ(priv[1], 'x');
	LT_CHECK_EQ(shared[1], pattern(1));
	LT_CHECK_EQ(pread(fd, buf, 1, 1), 1);
	LT_CHECK_EQ(buf[0], pattern(1));
	/* ... and the copy no longer follows the file. */
	LT_CHECK_EQ(pwrite(fd, "G", 1, 2), 1);
	LT_CHECK_EQ(priv[2], pattern(2));
	LT_CHECK_EQ(shared[2], 'G');
	/* MADV_DONTNEED drops the copy: the file's bytes come back. */
	LT_CHECK_EQ(madvise(priv, PAGE, MADV_DONTNEED), 0);
	LT_CHECK_EQ(priv[1], pattern(1));
	LT_CHECK_EQ(priv[2], 'G');
	/* A private copy is the child's after fork too, and stays private. */
	priv[3] = 'p';
	pid_t pid = fork();
	if (pid == 0) {
		priv[3] = 'c';
		_exit(priv[3] == 'c' && shared[3] == pattern(3) ? 0 : 1);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(priv[3], 'p');
	munmap(priv, 2 * PAGE);
	munmap(shared, 2 * PAGE);
	close(fd);
}

LT_CASE(sigbus_beyond_eof)
{
	int fd = make_file("eof", PAGE + 100);
	char *p;

	LT_CHECK(fd >= 0);
	p = fmap(4 * PAGE, RW, MAP_SHARED, fd, 0);
	LT_CHECK(p != MAP_FAILED);
	/* The page holding the end is there, zero after the end. */
	LT_CHECK_EQ(p[PAGE + 99], pattern(PAGE + 99));
	LT_CHECK_EQ(p[PAGE + 100], 0);
	LT_CHECK_EQ(p[2 * PAGE - 1], 0);
	/* Bytes stored past EOF in that page do not make the file longer. */
	p[PAGE + 200] = 'z';
	struct stat st;
	LT_CHECK_EQ(fstat(fd, &st), 0);
	LT_CHECK_EQ(st.st_size, PAGE + 100);
	/* Whole pages past the end: SIGBUS, for reads and writes, shared and private. */
	LT_CHECK_EQ(touch_in_child(p + 2 * PAGE, 0), LT_KILLED(SIGBUS));
	LT_CHECK_EQ(touch_in_child(p + 3 * PAGE, 1), LT_KILLED(SIGBUS));
	munmap(p, 4 * PAGE);
	p = fmap(3 * PAGE, RW, MAP_PRIVATE, fd, 0);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(touch_in_child(p + 2 * PAGE, 1), LT_KILLED(SIGBUS));
	munmap(p, 3 * PAGE);
	close(fd);
}

LT_CASE(ftruncate_mapped)
{
	int fd = make_file("trunc", 3 * PAGE);
	char *p, *priv;

	LT_CHECK(fd >= 0);
	p = fmap(3 * PAGE, RW, MAP_SHARED, fd, 0);
	priv = fmap(3 * PAGE, RW, MAP_PRIVATE, fd, 0);
	LT_CHECK(p != MAP_FAILED && priv != MAP_FAILED);
	LT_CHECK_EQ(p[2 * PAGE + 5], pattern(2 * PAGE + 5));
	priv[2 * PAGE] = 'q';		/* even a private copy goes */
	LT_CHECK_EQ(priv[PAGE], pattern(PAGE));
	LT_CHECK_EQ(ftruncate(fd, PAGE + 10), 0);
	LT_CHECK_EQ(p[PAGE + 9], pattern(PAGE + 9));
	LT_CHECK_EQ(p[PAGE + 10], 0);		/* the tail of the last page is zeroed */
	LT_CHECK_EQ(touch_in_child(p + 2 * PAGE, 0), LT_KILLED(SIGBUS));
	LT_CHECK_EQ(touch_in_child(priv + 2 * PAGE, 0), LT_KILLED(SIGBUS));
	/* Growing again: the new pages read as zeros, no SIGBUS. */
	LT_CHECK_EQ(ftruncate(fd, 3 * PAGE), 0);
	LT_CHECK_EQ(p[2 * PAGE + 5], 0);
	LT_CHECK_EQ(priv[2 * PAGE], 0);
	munmap(p, 3 * PAGE);
	munmap(priv, 3 * PAGE);
	close(fd);
}

LT_CASE(msync_rules)
{
	int fd = make_file("msync", 2 * PAGE);
	char *p, *hole;

	LT_CHECK(fd >= 0);
	p = fmap(2 * PAGE, RW, MAP_SHARED, fd, 0);
	LT_CHECK(p != MAP_FAILED);
	p[0] = 's';
	LT_CHECK_EQ(syscall(SYS_msync, p, 2 * PAGE, MS_SYNC), 0);
	LT_CHECK_EQ(syscall(SYS_msync, p, PAGE, MS_ASYNC), 0);
	LT_CHECK_EQ(syscall(SYS_msync, p, PAGE, MS_INVALIDATE), 0);
	LT_CHECK_EQ(syscall(SYS_msync, p, 0, MS_SYNC), 0);
	LT_CHECK_ERR(syscall(SYS_msync, p + 1, PAGE, MS_SYNC), EINVAL);
	LT_CHECK_ERR(syscall(SYS_msync, p, PAGE, MS_SYNC | MS_ASYNC), EINVAL);
	LT_CHECK_ERR(syscall(SYS_msync, p, PAGE, 0x100), EINVAL);
	/* A hole in the range: ENOMEM. */
	hole = fmap(3 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	LT_CHECK(hole != MAP_FAILED);
	LT_CHECK_EQ(munmap(hole + PAGE, PAGE), 0);
	LT_CHECK_ERR(syscall(SYS_msync, hole, 3 * PAGE, MS_SYNC), ENOMEM);
	LT_CHECK_ERR(syscall(SYS_msync, hole + PAGE, PAGE, MS_ASYNC), ENOMEM);
	munmap(hole, 3 * PAGE);
	munmap(p, 2 * PAGE);
	close(fd);
}

LT_CASE(mincore_rules)
{
	int fd = make_file("mincore", 0);
	unsigned char vec[4];
	char *p, *anon;

	LT_CHECK(fd >= 0);
	/* Page 0 written with write(), pages 1-3 a hole. */
	LT_CHECK_EQ(pwrite(fd, "a", 1, 0), 1);
	LT_CHECK_EQ(ftruncate(fd, 4 * PAGE), 0);
	p = fmap(4 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(syscall(SYS_mincore, p, 4 * PAGE, vec), 0);
	LT_CHECK_EQ(vec[0] & 1, 1);	/* in the page cache, not yet mapped here */
	LT_CHECK_EQ(vec[1] & 1, 0);
	anon = fmap(2 * PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	LT_CHECK(anon != MAP_FAILED);
	anon[PAGE] = 1;
	LT_CHECK_EQ(syscall(SYS_mincore, anon, 2 * PAGE, vec), 0);
	LT_CHECK_EQ(vec[0] & 1, 0);
	LT_CHECK_EQ(vec[1] & 1, 1);
	LT_CHECK_ERR(syscall(SYS_mincore, anon + 1, PAGE, vec), EINVAL);
	LT_CHECK_ERR(syscall(SYS_mincore, anon, PAGE, (void *)8), EFAULT);
	LT_CHECK_EQ(munmap(anon, 2 * PAGE), 0);
	LT_CHECK_ERR(syscall(SYS_mincore, anon, PAGE, vec), ENOMEM);
	munmap(p, 4 * PAGE);
	close(fd);
}

LT_CASE(madvise_on_files)
{
	int fd = make_file("madv", 4 * PAGE);
	char *p;

	LT_CHECK(fd >= 0);
	p = fmap(4 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(madvise(p, 4 * PAGE, MADV_WILLNEED), 0);
	LT_CHECK_EQ(madvise(p, 2 * PAGE, MADV_SEQUENTIAL), 0);
	LT_CHECK_EQ(madvise(p + PAGE, 2 * PAGE, MADV_RANDOM), 0);
	LT_CHECK_EQ(madvise(p, 4 * PAGE, MADV_NORMAL), 0);
	LT_CHECK_EQ(p[3 * PAGE + 1], pattern(3 * PAGE + 1));
	LT_CHECK_ERR(syscall(SYS_madvise, p + 1, PAGE, MADV_WILLNEED), EINVAL);
	LT_CHECK_ERR(syscall(SYS_madvise, p, PAGE, 12345), EINVAL);
	munmap(p, 4 * PAGE);
	close(fd);
}

/* What an O_RDONLY or O_WRONLY descriptor may be mapped as. */
LT_CASE(access_rules)
{
	int fd = make_file("acc", PAGE), ro, wo;
	char *p;

	LT_CHECK(fd >= 0);
	ro = open(D "/acc", O_RDONLY);
	wo = open(D "/acc", O_WRONLY);
	LT_CHECK(ro >= 0 && wo >= 0);
	LT_CHECK_ERR(fmap(PAGE, RW, MAP_SHARED, ro, 0), EACCES);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_SHARED, wo, 0), EACCES);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_PRIVATE, wo, 0), EACCES);
	/* Shared read-only of a read-only open: never writable. */
	p = fmap(PAGE, PROT_READ, MAP_SHARED, ro, 0);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_ERR(syscall(SYS_mprotect, p, PAGE, RW), EACCES);
	LT_CHECK_EQ(syscall(SYS_mprotect, p, PAGE, PROT_NONE), 0);
	munmap(p, PAGE);
	/* Private: a writable COW copy is fine, the file stays. */
	p = fmap(PAGE, RW, MAP_PRIVATE, ro, 0);
	LT_CHECK(p != MAP_FAILED);
	p[0] = 'w';
	munmap(p, PAGE);
	p = fmap(PAGE, PROT_READ, MAP_PRIVATE, ro, 0);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_EQ(syscall(SYS_mprotect, p, PAGE, RW), 0);
	p[0] = 'w';
	munmap(p, PAGE);
	char c;
	LT_CHECK_EQ(pread(fd, &c, 1, 0), 1);
	LT_CHECK_EQ(c, pattern(0));
	close(ro);
	close(wo);
	close(fd);
}

LT_CASE(bad_input)
{
	int fd = make_file("bad", PAGE), dir, pfd[2];

	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_SHARED, fd, 1), EINVAL);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_SHARED, fd, PAGE / 2), EINVAL);
	LT_CHECK_ERR(fmap(0, PROT_READ, MAP_SHARED, fd, 0), EINVAL);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_SHARED, 9999, 0), EBADF);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_SHARED, -1, 0), EBADF);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, 0, fd, 0), EINVAL);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_SHARED, fd, -(off_t)PAGE), EOVERFLOW);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_SHARED_VALIDATE | 0x800000, fd, 0), EOPNOTSUPP);
	LT_CHECK(fmap(PAGE, PROT_READ, MAP_SHARED_VALIDATE, fd, 0) != MAP_FAILED);
	dir = open(D, O_RDONLY | O_DIRECTORY);
	LT_CHECK(dir >= 0);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_PRIVATE, dir, 0), ENODEV);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_SHARED, dir, 0), ENODEV);
	LT_CHECK_EQ(pipe(pfd), 0);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_PRIVATE, pfd[0], 0), ENODEV);
	LT_CHECK_ERR(fmap(PAGE, PROT_READ, MAP_SHARED, pfd[1], 0), EACCES);
	/* remap_file_pages: prot must be 0; only shared file areas. */
	char *p = fmap(2 * PAGE, RW, MAP_SHARED, fd, 0);
	LT_CHECK(p != MAP_FAILED);
	LT_CHECK_ERR(syscall(SYS_remap_file_pages, p, PAGE, PROT_READ, 0, 0), EINVAL);
	LT_CHECK_EQ(syscall(SYS_remap_file_pages, p, PAGE, 0, 0, 0), 0);
	char *anon = fmap(PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	LT_CHECK_ERR(syscall(SYS_remap_file_pages, anon, PAGE, 0, 0, 0), EINVAL);
	munmap(anon, PAGE);
	munmap(p, 2 * PAGE);
	close(pfd[0]);
	close(pfd[1]);
	close(dir);
	close(fd);
}

static long mem_free_kb(void)
{
	char buf[4096];
	int fd = open(PROC "/meminfo", O_RDONLY);
	ssize_t n;
	char *s;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	s = strstr(buf, "MemFree:");
	return s ? strtol(s + 8, NULL, 10) : -1;
}

/* Sparse files cost memory for their data, not for their size. */
LT_CASE(sparse_files)
{
	static const long long offs[] = { 1LL << 31, 1LL << 40, LLONG_MAX - 1 };
	long before, after;
	struct stat st;
	char c;

	before = mem_free_kb();
	LT_CHECK(before > 0);
	for (unsigned i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		char name[16];
		int fd;

		snprintf(name, sizeof(name), "sparse%u", i);
		fd = make_file(name, 0);
		LT_CHECK(fd >= 0);
		LT_CHECK_EQ(pwrite(fd, "s", 1, offs[i]), 1);
		LT_CHECK_EQ(fstat(fd, &st), 0);
		LT_CHECK_EQ(st.st_size, offs[i] + 1);
		LT_CHECK(st.st_blocks <= 8);
		LT_CHECK_EQ(pread(fd, &c, 1, offs[i]), 1);
		LT_CHECK_EQ(c, 's');
		LT_CHECK_EQ(pread(fd, &c, 1, offs[i] - 1), 1);
		LT_CHECK_EQ(c, 0);
		close(fd);
	}
	after = mem_free_kb();
	LT_CHECK(before - after < 1024);	/* three pages and their index, not gigabytes */
	/* Past the largest file offset: EINVAL from the offset check, as Linux. */
	int fd = open(D "/sparse0", O_RDWR);
	LT_CHECK_ERR(pwrite(fd, "x", 1, LLONG_MAX), EINVAL);
	close(fd);
}

/* RLIMIT_FSIZE: a write at the limit is EFBIG (SIGXFSZ), one across it is cut. */
LT_CASE(file_size_limit)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct rlimit rl = { 1LL << 40, 1LL << 40 };
		int fd = make_file("fsize", 0);

		signal(SIGXFSZ, SIG_IGN);
		if (fd < 0 || setrlimit(RLIMIT_FSIZE, &rl))
			_exit(1);
		if (pwrite(fd, "ab", 2, (1LL << 40) - 1) != 1)
			_exit(2);
		if (pwrite(fd, "a", 1, 1LL << 40) != -1 || errno != EFBIG)
			_exit(3);
		if (ftruncate(fd, (1LL << 40) + 1) != -1 || errno != EFBIG)
			_exit(4);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* /proc/self/maps: device, inode, offset and path of a file mapping. */
LT_CASE(proc_maps_names_files)
{
	int fd = make_file("maps", 3 * PAGE);
	char buf[16384], want[128], *line;
	struct stat st;
	ssize_t n;
	int mfd;
	char *p, *s;

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(fstat(fd, &st), 0);
	p = fmap(PAGE, PROT_READ, MAP_SHARED, fd, 2 * PAGE);
	s = fmap(PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	LT_CHECK(p != MAP_FAILED && s != MAP_FAILED);
	mfd = open(PROC "/self/maps", O_RDONLY);
	LT_CHECK(mfd >= 0);
	n = read(mfd, buf, sizeof(buf) - 1);
	close(mfd);
	LT_CHECK(n > 0);
	buf[n] = 0;
	snprintf(want, sizeof(want), "%lx-%lx r--s %08lx %02x:%02x %lu ",
		 (unsigned long)p, (unsigned long)p + PAGE, 2 * PAGE,
		 major(st.st_dev), minor(st.st_dev), (unsigned long)st.st_ino);
	line = strstr(buf, want);
	if (!line)
		LT_FAIL("no line \"%s\" in maps:\n%s", want, buf);
	LT_CHECK(strstr(line, D "/maps\n") == strchr(line, '\n') - strlen(D "/maps"));
	snprintf(want, sizeof(want), "%lx-%lx rw-s 00000000 ", (unsigned long)s,
		 (unsigned long)s + PAGE);
	line = strstr(buf, want);
	LT_CHECK(line != NULL);
	LT_CHECK(line && strstr(line, "/dev/zero (deleted)\n") < strchr(line, '\n') + 1);
	munmap(p, PAGE);
	munmap(s, PAGE);
	close(fd);
}

/*
 * Faults on a file mapping count (minor: the page is in the cache).
 * Linux maps up to 16 neighbours on one fault (fault-around): at least one.
 */
LT_CASE(fault_counts)
{
	int fd = make_file("faults", 16 * PAGE);
	struct rusage a, b;
	volatile char *p;
	int sum = 0;

	LT_CHECK(fd >= 0);
	p = fmap(16 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	LT_CHECK(p != MAP_FAILED);
	getrusage(RUSAGE_SELF, &a);
	for (int i = 0; i < 16; i++)
		sum += p[i * PAGE];
	getrusage(RUSAGE_SELF, &b);
	LT_CHECK(b.ru_minflt - a.ru_minflt >= 1);
	LT_CHECK(sum > 0);
	munmap((void *)p, 16 * PAGE);
	close(fd);
}

static char initialized[100] = "data";
static char bss[3 * 4096];

/*
 * exec maps the program from its file (demand paging): its text is a
 * private file mapping named by /proc/self/maps, its data too, and the
 * bss, including the part sharing a page with the data, reads as zeros.
 */
LT_CASE(program_is_mapped_from_file)
{
	char exe[256], buf[16384], want[300], *line, *eol;
	int mfd, found = 0;
	ssize_t n;

	n = readlink(PROC "/self/exe", exe, sizeof(exe) - 1);
	LT_CHECK(n > 0);
	exe[n > 0 ? n : 0] = 0;
	mfd = open(PROC "/self/maps", O_RDONLY);
	LT_CHECK(mfd >= 0);
	n = read(mfd, buf, sizeof(buf) - 1);
	close(mfd);
	LT_CHECK(n > 0);
	buf[n] = 0;
	snprintf(want, sizeof(want), " %s\n", exe);
	for (line = buf; (eol = strchr(line, '\n')); line = eol + 1) {
		size_t len = eol - line + 1;

		if (len > strlen(want) && !strncmp(eol + 1 - strlen(want), want, strlen(want)) &&
		    strstr(line, " r-xp ") && strstr(line, " r-xp ") < eol)
			found = 1;
	}
	if (!found)
		LT_FAIL("no r-xp line for %s in maps:\n%s", exe, buf);
	LT_CHECK(!strcmp(initialized, "data"));
	for (size_t i = 0; i < sizeof(bss); i++)
		if (bss[i])
			LT_FAIL("bss[%zu] = %d", i, bss[i]);
	for (size_t i = 5; i < sizeof(initialized); i++)
		if (initialized[i])
			LT_FAIL("initialized[%zu] = %d", i, initialized[i]);
	bss[0] = initialized[0];	/* writable */
}

/*
 * What LTP's harness does with /dev/shm: a file on a fresh tmpfs,
 * ftruncate'd, mapped MAP_SHARED, then forked children each write their
 * result into it and the parent reads them all.
 */
LT_CASE(tmpfs_mount_shared_results)
{
	volatile int *res;
	pid_t pids[4];
	int fd;

	mkdir(D, 0755);
	mkdir(D "/shm", 01777);
	LT_CHECK_OK(mount("tmpfs", D "/shm", "tmpfs", 0, NULL));
	fd = open(D "/shm/ltp_results", O_RDWR | O_CREAT | O_EXCL, 0600);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(ftruncate(fd, PAGE), 0);
	res = (volatile int *)fmap(PAGE, RW, MAP_SHARED, fd, 0);
	LT_CHECK(res != MAP_FAILED);
	for (int i = 0; i < 4; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			res[i] = 100 + i;
			_exit(0);
		}
	}
	for (int i = 0; i < 4; i++)
		LT_CHECK_WAIT(pids[i], LT_EXITED(0));
	for (int i = 0; i < 4; i++)
		LT_CHECK_EQ(res[i], 100 + i);
	munmap((void *)res, PAGE);
	close(fd);
	LT_CHECK_EQ(unlink(D "/shm/ltp_results"), 0);
	LT_CHECK_OK(umount(D "/shm"));
}

/*
 * Two processes take the first faults on the same pages of a file that
 * is not in memory (dropped from the cache; on a disk root): whoever
 * comes second must wait for the first one's read, not map the page
 * before the data is in it.  On tmpfs the pages never leave memory.
 */
LT_CASE(concurrent_first_faults)
{
	static char buf[PAGE];
	const int pages = 64;
	int fd, drop, bad = 0;
	char *m;
	pid_t pid;

	fd = open(D "/race", O_RDWR | O_CREAT | O_TRUNC, 0644);
	LT_CHECK(fd >= 0);
	for (int i = 0; i < pages; i++) {
		memset(buf, 'A' + i % 26, PAGE);
		LT_CHECK_EQ(write(fd, buf, PAGE), (long)PAGE);
	}
	LT_CHECK_OK(fsync(fd));
	drop = open(PROC "/sys/vm/drop_caches", O_WRONLY);
	if (drop >= 0) {
		LT_CHECK_EQ(write(drop, "1", 1), 1);
		close(drop);
	}
	m = mmap(NULL, pages * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	LT_CHECK(m != MAP_FAILED);
	pid = fork();
	LT_CHECK(pid >= 0);
	for (int i = 0; i < pages; i++)
		bad += m[i * PAGE] != 'A' + i % 26 || m[(i + 1) * PAGE - 1] != 'A' + i % 26;
	if (pid == 0)
		_exit(bad ? 1 : 0);
	LT_CHECK_EQ(bad, 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	munmap(m, pages * PAGE);
	close(fd);
	LT_CHECK_OK(unlink(D "/race"));
}

int main(void)
{
	mkdir(PROC, 0555);
	mount("proc", PROC, "proc", 0, NULL);
	lt_begin("mm_filemap");
	LT_RUN(write_then_map_then_read);
	LT_RUN(shared_across_processes);
	LT_RUN(private_cow);
	LT_RUN(sigbus_beyond_eof);
	LT_RUN(ftruncate_mapped);
	LT_RUN(msync_rules);
	LT_RUN(mincore_rules);
	LT_RUN(madvise_on_files);
	LT_RUN(access_rules);
	LT_RUN(bad_input);
	LT_RUN(sparse_files);
	LT_RUN(file_size_limit);
	LT_RUN(proc_maps_names_files);
	LT_RUN(fault_counts);
	LT_RUN(concurrent_first_faults);
	LT_RUN(tmpfs_mount_shared_results);
	LT_RUN(program_is_mapped_from_file);
	return lt_end();
}
