/*
 * Lantern's benchmark program, run as /init on both kernels (Lantern and
 * Debian's Linux) in identical VMs by tools/bench/run-bench.sh.
 *
 * Each metric is measured in several rounds and reported as the median
 * of the rounds, with the smallest and largest round, one line per metric:
 *	bench: <metric> <median> <unit> <min> <max>
 * or, when the kernel lacks what it needs:
 *	bench: <metric> n/a <reason>
 * "bench: start" is the first line (the harness times boot to it) and
 * "bench: done" the last, before power-off.
 *
 * With a virtio-blk disk attached (the harness makes one: /dev/vda1 raw,
 * /dev/vda2 an empty ext2), the disk metrics run too: 4 KiB sequential
 * and random reads and writes on vda1, O_DIRECT and through the page
 * cache, then ext2 on vda2.  Linux's drivers for them are modules in
 * Debian's kernel: their .ko files are in /bench/modules and loaded here
 * when no /dev/vda shows up without them.
 *
 * bench.set=smp runs instead the scaling workloads (issue 14): SMP_N
 * processes of a CPU-bound loop, and SMP_N threads in pairs doing futex
 * ping-pong.  The harness boots it with -smp 1 and -smp 4; how much the
 * second beats the first is how well the kernel uses the extra CPUs.
 *
 * bench.set=debian runs instead the metrics of Debian's own dynamically
 * linked programs; the harness boots the Debian root (make debian-root)
 * for them, with this program as rdinit=.  A kernel that cannot run
 * them yet gets "n/a" and the reason (execve's error), not a failure.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_ROUNDS	9
#define PAGE		4096

static int rounds = 5;

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void report(const char *metric, double *v, int n, const char *unit)
{
	qsort(v, n, sizeof(*v), cmp_double);
	printf("bench: %s %.3f %s %.3f %.3f\n", metric, v[n / 2], unit, v[0], v[n - 1]);
	fflush(stdout);
}

static void na(const char *metric, const char *why)
{
	printf("bench: %s n/a %s\n", metric, why);
	fflush(stdout);
}

/* Each benchmark returns one round's value, or < 0 with errno set. */
typedef double (*bench_fn)(void);

static double b_null_syscall(void)
{
	const int n = 20000;
	long long t = now_ns();

	for (int i = 0; i < n; i++)
		syscall(SYS_getppid);
	return (double)(now_ns() - t) / n;
}

/* musl's clock_gettime goes through the vDSO (AT_SYSINFO_EHDR): no system call. */
static double b_vdso_clock_gettime(void)
{
	const int n = 100000;
	struct timespec ts;
	long long t = now_ns();

	for (int i = 0; i < n; i++)
		clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)(now_ns() - t) / n;
}

static double b_fork_exit(void)
{
	const int n = 50;
	long long t = now_ns();

	for (int i = 0; i < n; i++) {
		pid_t p = fork();

		if (p < 0)
			return -1;
		if (p == 0)
			_exit(0);
		waitpid(p, NULL, 0);
	}
	return (double)(now_ns() - t) / n / 1000.0;
}

static double b_fork_exec(void)
{
	const int n = 30;
	long long t = now_ns();

	for (int i = 0; i < n; i++) {
		pid_t p = fork();
		int status;

		if (p < 0)
			return -1;
		if (p == 0) {
			char *argv[] = { "true", NULL };

			execve("/bench/true", argv, NULL);
			_exit(127);
		}
		waitpid(p, &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			return errno = ENOEXEC, -1;
	}
	return (double)(now_ns() - t) / n / 1000.0;
}

static void *thread_noop(void *arg)
{
	return arg;
}

/* pthread_create + pthread_join of a thread that returns at once. */
static double b_thread_create_join(void)
{
	const int n = 200;
	long long t = now_ns();
	pthread_t th;

	for (int i = 0; i < n; i++) {
		if ((errno = pthread_create(&th, NULL, thread_noop, NULL)))
			return -1;
		pthread_join(th, NULL);
	}
	return (double)(now_ns() - t) / n / 1000.0;
}

/* Two threads pass a turn back and forth through one futex word. */
static volatile unsigned int pp_turn;
static const int pp_rounds = 2000;

static void pp_wait(unsigned int me)
{
	while (__atomic_load_n(&pp_turn, __ATOMIC_ACQUIRE) != me)
		syscall(SYS_futex, &pp_turn, 0 | 128, !me, NULL, NULL, 0);
}

static void pp_pass(unsigned int to)
{
	__atomic_store_n(&pp_turn, to, __ATOMIC_RELEASE);
	syscall(SYS_futex, &pp_turn, 1 | 128, 1, NULL, NULL, 0);
}

static void *pp_pong(void *arg)
{
	for (int i = 0; i < pp_rounds; i++) {
		pp_wait(1);
		pp_pass(0);
	}
	return arg;
}

/* One round trip: wake the other thread, sleep until it wakes us. */
static double b_futex_pingpong(void)
{
	long long t;
	pthread_t th;

	pp_turn = 0;
	if ((errno = pthread_create(&th, NULL, pp_pong, NULL)))
		return -1;
	t = now_ns();
	for (int i = 0; i < pp_rounds; i++) {
		pp_pass(1);
		pp_wait(0);
	}
	t = now_ns() - t;
	pthread_join(th, NULL);
	return (double)t / pp_rounds / 1000.0;
}

static double b_pipe_pingpong(void)
{
	const int n = 2000;
	int a[2], b[2];
	char c = 'x';
	long long t;
	pid_t p;

	if (pipe(a) || pipe(b))
		return -1;
	p = fork();
	if (p < 0)
		return -1;
	if (p == 0) {
		for (int i = 0; i < n; i++)
			if (read(a[0], &c, 1) != 1 || write(b[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	t = now_ns();
	for (int i = 0; i < n; i++)
		if (write(a[1], &c, 1) != 1 || read(b[0], &c, 1) != 1)
			return -1;
	t = now_ns() - t;
	waitpid(p, NULL, 0);
	close(a[0]); close(a[1]); close(b[0]); close(b[1]);
	return (double)t / n / 1000.0;
}

static double b_pipe_bandwidth(void)
{
	const size_t chunk = 65536, total = 32 << 20;
	static char buf[65536];
	int fd[2];
	long long t;
	pid_t p;

	if (pipe(fd))
		return -1;
	p = fork();
	if (p < 0)
		return -1;
	if (p == 0) {
		close(fd[1]);
		while (read(fd[0], buf, chunk) > 0)
			;
		_exit(0);
	}
	close(fd[0]);
	t = now_ns();
	for (size_t done = 0; done < total; done += chunk)
		if (write(fd[1], buf, chunk) != (ssize_t)chunk)
			return -1;
	close(fd[1]);
	waitpid(p, NULL, 0);
	t = now_ns() - t;
	return (double)total / (1 << 20) / (t / 1e9);
}

/* TCP over 127.0.0.1: a connected pair through a listener (lo brought up: Linux boots it down). */
static int tcp_pair(int *client, int *server)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof(a);
	struct ifreq ifr;
	int l, one = 1;

	l = socket(AF_INET, SOCK_DGRAM, 0);
	if (l >= 0) {
		memset(&ifr, 0, sizeof(ifr));
		strcpy(ifr.ifr_name, "lo");
		if (ioctl(l, SIOCGIFFLAGS, &ifr) == 0 && !(ifr.ifr_flags & IFF_UP)) {
			ifr.ifr_flags |= IFF_UP;
			ioctl(l, SIOCSIFFLAGS, &ifr);
		}
		close(l);
	}
	l = socket(AF_INET, SOCK_STREAM, 0);
	if (l < 0)
		return -1;
	*client = socket(AF_INET, SOCK_STREAM, 0);
	if (*client < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 1) ||
	    getsockname(l, (struct sockaddr *)&a, &alen) ||
	    connect(*client, (struct sockaddr *)&a, sizeof(a))) {
		close(l);
		return -1;
	}
	*server = accept(l, NULL, NULL);
	close(l);
	if (*server < 0)
		return -1;
	setsockopt(*client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	setsockopt(*server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return 0;
}

/* One byte there and back between two processes: the round trip. */
static double b_tcp_pingpong(void)
{
	const int n = 2000;
	char c = 'x';
	long long t;
	int cl, sv;
	pid_t p;

	if (tcp_pair(&cl, &sv))
		return -1;
	p = fork();
	if (p < 0)
		return -1;
	if (p == 0) {
		for (int i = 0; i < n; i++)
			if (read(sv, &c, 1) != 1 || write(sv, &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	t = now_ns();
	for (int i = 0; i < n; i++)
		if (write(cl, &c, 1) != 1 || read(cl, &c, 1) != 1)
			return -1;
	t = now_ns() - t;
	waitpid(p, NULL, 0);
	close(cl);
	close(sv);
	return (double)t / n / 1000.0;
}

static double b_tcp_bandwidth(void)
{
	const size_t chunk = 65536, total = 32 << 20;
	static char buf[65536];
	long long t;
	int cl, sv;
	pid_t p;

	if (tcp_pair(&cl, &sv))
		return -1;
	p = fork();
	if (p < 0)
		return -1;
	if (p == 0) {
		close(cl);
		while (read(sv, buf, chunk) > 0)
			;
		_exit(0);
	}
	close(sv);
	t = now_ns();
	for (size_t done = 0; done < total; done += chunk)
		if (write(cl, buf, chunk) != (ssize_t)chunk)
			return -1;
	close(cl);
	waitpid(p, NULL, 0);
	t = now_ns() - t;
	return (double)total / (1 << 20) / (t / 1e9);
}

/* AF_UNIX: one byte there and back between two processes over a socketpair. */
static double b_unix_pingpong(void)
{
	const int n = 2000;
	char c = 'x';
	long long t;
	int sv[2];
	pid_t p;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return -1;
	p = fork();
	if (p < 0)
		return -1;
	if (p == 0) {
		close(sv[0]);
		for (int i = 0; i < n; i++)
			if (read(sv[1], &c, 1) != 1 || write(sv[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(sv[1]);
	t = now_ns();
	for (int i = 0; i < n; i++)
		if (write(sv[0], &c, 1) != 1 || read(sv[0], &c, 1) != 1)
			return -1;
	t = now_ns() - t;
	waitpid(p, NULL, 0);
	close(sv[0]);
	return (double)t / n / 1000.0;
}

static double b_page_fault(void)
{
	const size_t len = 16 << 20;
	char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long long t;

	if (m == MAP_FAILED)
		return -1;
	t = now_ns();
	for (size_t i = 0; i < len; i += PAGE)
		m[i] = 1;
	t = now_ns() - t;
	munmap(m, len);
	return (double)t / (len / PAGE);
}

static double b_cow_fault(void)
{
	const size_t len = 8 << 20;
	char *m = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long long *shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t p;

	if (m == MAP_FAILED || shared == MAP_FAILED)
		return -1;
	for (size_t i = 0; i < len; i += PAGE)
		m[i] = 1;
	p = fork();
	if (p < 0)
		return -1;
	if (p == 0) {
		long long t = now_ns();

		for (size_t i = 0; i < len; i += PAGE)
			m[i] = 2;
		*shared = now_ns() - t;
		_exit(0);
	}
	waitpid(p, NULL, 0);
	munmap(m, len);
	{
		double ns = (double)*shared / (len / PAGE);

		munmap(shared, PAGE);
		return ns;
	}
}

static double tmpfs_io(int writing)
{
	const size_t chunk = 1 << 20, total = 32 << 20;
	static char buf[1 << 20];
	long long t;
	int fd = open("/bench-io", writing ? O_CREAT | O_TRUNC | O_WRONLY : O_RDONLY, 0600);

	if (fd < 0)
		return -1;
	t = now_ns();
	for (size_t done = 0; done < total; done += chunk) {
		ssize_t r = writing ? write(fd, buf, chunk) : read(fd, buf, chunk);

		if (r != (ssize_t)chunk) {
			close(fd);
			return errno = EIO, -1;
		}
	}
	t = now_ns() - t;
	close(fd);
	return (double)total / (1 << 20) / (t / 1e9);
}

static double b_tmpfs_write(void)
{
	return tmpfs_io(1);
}

static double b_tmpfs_read(void)
{
	return tmpfs_io(0);
}

static double b_open_close(void)
{
	const int n = 5000;
	long long t;

	close(open("/bench-file", O_CREAT | O_WRONLY, 0600));
	t = now_ns();
	for (int i = 0; i < n; i++) {
		int fd = open("/bench-file", O_RDONLY);

		if (fd < 0)
			return -1;
		close(fd);
	}
	return (double)(now_ns() - t) / n;
}

static double b_stat(void)
{
	const int n = 10000;
	struct stat st;
	long long t = now_ns();

	for (int i = 0; i < n; i++)
		if (stat("/bench/true", &st))
			return -1;
	return (double)(now_ns() - t) / n;
}

static double b_mmap_munmap(void)
{
	const int n = 2000;
	long long t = now_ns();

	for (int i = 0; i < n; i++) {
		void *m = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (m == MAP_FAILED || munmap(m, 1 << 20))
			return -1;
	}
	return (double)(now_ns() - t) / n;
}

/*
 * A tmpfs file mapped MAP_SHARED and every page read once: each touch is
 * a fault that finds the page in the page cache (filemap_fault) and maps
 * it.  Reported per page, mapping and unmapping included.
 */
static double b_file_mmap_touch(void)
{
	const size_t size = 8 << 20;
	const int rounds = 8;
	static char buf[1 << 16];
	volatile char sink = 0;
	long long t;
	int fd = open("/bench-mmap", O_CREAT | O_TRUNC | O_RDWR, 0600);

	if (fd < 0)
		return -1;
	memset(buf, 1, sizeof(buf));
	for (size_t done = 0; done < size; done += sizeof(buf))
		if (write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
			return errno = EIO, close(fd), -1;
	t = now_ns();
	for (int r = 0; r < rounds; r++) {
		char *m = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);

		if (m == MAP_FAILED)
			return close(fd), -1;
		for (size_t off = 0; off < size; off += 4096)
			sink += m[off];
		munmap(m, size);
	}
	t = now_ns() - t;
	close(fd);
	unlink("/bench-mmap");
	return (double)t / (rounds * (size / 4096));
}

/*
 * run_wait ARGV: fork, exec ARGV[0] with output to /dev/null, wait.
 * 0 if it ran and exited 0; -1 with errno = execve's error if the exec
 * failed (a close-on-exec pipe carries it back), ECHILD if the program
 * ran but failed.
 */
static int run_wait(char *const argv[])
{
	static char *const envp[] = {
		"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/root", "TMPDIR=/tmp", "LANG=C.UTF-8", NULL
	};
	int p[2], status, err = 0;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC))
		return -1;
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execve(argv[0], argv, envp);
		err = errno;
		(void)!write(p[1], &err, sizeof(err));
		_exit(127);
	}
	close(p[1]);
	if (read(p[0], &err, sizeof(err)) != sizeof(err))
		err = 0;
	close(p[0]);
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	if (err)
		return errno = err, -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return errno = ECHILD, -1;
	return 0;
}

/* The mean time of N runs of ARGV, in ms. */
static double run_ms(char *const argv[], int n)
{
	long long t = now_ns();

	for (int i = 0; i < n; i++)
		if (run_wait(argv))
			return -1;
	return (double)(now_ns() - t) / n / 1e6;
}

/* usr/debian/bench/hello.c, built by the host's gcc against glibc. */
static double b_dyn_exec(void)
{
	char *argv[] = { "/usr/lib/lantern-bench/hello-glibc", NULL };

	return run_ms(argv, 20) * 1000.0;
}

static double b_python_startup(void)
{
	char *argv[] = { "/usr/bin/python3", "-c", "pass", NULL };

	return run_ms(argv, 3);
}

static double b_gcc_compile(void)
{
	char *argv[] = { "/usr/bin/gcc", "-O2", "-c", "/usr/lib/lantern-bench/hello.c",
			 "-o", "/tmp/bench-hello.o", NULL };

	return run_ms(argv, 1);
}

/*
 * The disk: /dev/vda1 is raw space for the block-device metrics, vda2 an
 * ext2 made by Debian's mke2fs, mounted on /mnt.  Every metric first
 * writes back and drops the partition's cached pages (fsync, then
 * POSIX_FADV_DONTNEED), so its reads come from the disk on both kernels:
 * this matters for Lantern's O_DIRECT, which still goes through the page
 * cache (block/fops.c) and would otherwise read its earlier rounds back
 * from memory.
 */
#define DISK_RAW	"/dev/vda1"
#define DISK_FS		"/dev/vda2"
#define DISK_MNT	"/mnt"
#define SEQ_TOTAL	(32 << 20)
#define SEQ_CHUNK	(1 << 20)
#define RAND_OPS	1000
#define IO_BLOCK	4096

/* What finit_module needs on Debian's kernel, dependencies first. */
static const char *const linux_modules[] = {
	"virtio_ring", "virtio", "virtio_pci_modern_dev", "virtio_pci_legacy_dev",
	"virtio_pci", "virtio_blk", "crc16", "mbcache", "jbd2", "crc32c_generic", "ext4",
};

static char *io_buf;			/* SEQ_CHUNK bytes, O_DIRECT-aligned */
static unsigned long long raw_size;	/* of DISK_RAW, in bytes */
static unsigned long long rand_state;
static char *tar_data;
static size_t tar_len;
static int fs_round;

/* xorshift64: the same offsets on both kernels, and in every round. */
static unsigned long long next_rand(void)
{
	rand_state ^= rand_state << 13;
	rand_state ^= rand_state >> 7;
	rand_state ^= rand_state << 17;
	return rand_state;
}

/* DISK_RAW opened for FLAGS with none of its pages left in the page cache. */
static int raw_open(int flags)
{
	int fd = open(DISK_RAW, O_RDWR | flags);

	if (fd < 0)
		return -1;
	if (fsync(fd) || (errno = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED))) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Sequential 1 MiB requests over SEQ_TOTAL bytes, in MiB/s; a write's fsync is timed. */
static double raw_seq(int flags, int writing)
{
	long long t;
	int fd = raw_open(flags);

	if (fd < 0)
		return -1;
	t = now_ns();
	for (off_t off = 0; off < SEQ_TOTAL; off += SEQ_CHUNK) {
		ssize_t r = writing ? pwrite(fd, io_buf, SEQ_CHUNK, off) :
				      pread(fd, io_buf, SEQ_CHUNK, off);

		if (r != SEQ_CHUNK)
			goto fail;
	}
	if (writing && fsync(fd))
		goto fail;
	t = now_ns() - t;
	close(fd);
	return (double)SEQ_TOTAL / (1 << 20) / (t / 1e9);
fail:
	if (!errno)
		errno = EIO;
	close(fd);
	return -1;
}

/* RAND_OPS 4 KiB requests at random aligned offsets, in IOPS; a write's fsync is timed. */
static double raw_rand(int flags, int writing)
{
	unsigned long long blocks = raw_size / IO_BLOCK;
	long long t;
	int fd = raw_open(flags);

	if (fd < 0)
		return -1;
	rand_state = 0x2545f4914f6cdd1dULL;
	t = now_ns();
	for (int i = 0; i < RAND_OPS; i++) {
		off_t off = (off_t)(next_rand() % blocks) * IO_BLOCK;
		ssize_t r = writing ? pwrite(fd, io_buf, IO_BLOCK, off) :
				      pread(fd, io_buf, IO_BLOCK, off);

		if (r != IO_BLOCK)
			goto fail;
	}
	if (writing && fsync(fd))
		goto fail;
	t = now_ns() - t;
	close(fd);
	return RAND_OPS / (t / 1e9);
fail:
	if (!errno)
		errno = EIO;
	close(fd);
	return -1;
}

static double b_seq_read_dio(void)	{ return raw_seq(O_DIRECT, 0); }
static double b_seq_write_dio(void)	{ return raw_seq(O_DIRECT, 1); }
static double b_rand_read_dio(void)	{ return raw_rand(O_DIRECT, 0); }
static double b_rand_write_dio(void)	{ return raw_rand(O_DIRECT, 1); }
static double b_seq_read_buf(void)	{ return raw_seq(0, 0); }
static double b_seq_write_buf(void)	{ return raw_seq(0, 1); }
static double b_rand_read_buf(void)	{ return raw_rand(0, 0); }
static double b_rand_write_buf(void)	{ return raw_rand(0, 1); }

/* Files created, given 4 KiB and fsync'd, per second, in a fresh directory. */
static double b_create_fsync(void)
{
	const int n = 100;
	char dir[64], path[96];
	long long t;
	int i, fd;

	snprintf(dir, sizeof(dir), DISK_MNT "/create%d", fs_round++);
	if (mkdir(dir, 0755))
		return -1;
	t = now_ns();
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/f%d", dir, i);
		fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
		if (fd < 0)
			return -1;
		if (write(fd, io_buf, IO_BLOCK) != IO_BLOCK || fsync(fd)) {
			if (!errno)
				errno = EIO;
			close(fd);
			return -1;
		}
		close(fd);
	}
	t = now_ns() - t;
	/* The next round starts on a directory as empty as this one was. */
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/f%d", dir, i);
		unlink(path);
	}
	rmdir(dir);
	return n / (t / 1e9);
}

static unsigned long long tar_octal(const char *p, int n)
{
	unsigned long long v = 0;

	for (; n > 0 && (*p == ' ' || *p == '0'); p++, n--)
		;
	for (; n > 0 && *p >= '0' && *p <= '7'; p++, n--)
		v = v * 8 + (*p - '0');
	return v;
}

/*
 * Unpack the ustar archive in tar_data under DEST: directories, regular
 * files and symbolic links (all the source tree holds); other entries
 * are skipped.  A header that points past the end is EINVAL.
 */
static int untar(const char *dest)
{
	char path[512];
	size_t off = 0;

	while (off + 512 <= tar_len && tar_data[off]) {
		const char *h = tar_data + off;
		unsigned long long size = tar_octal(h + 124, 12);
		mode_t mode = tar_octal(h + 100, 8) & 07777;
		size_t len;
		int fd;

		if (h[345])
			snprintf(path, sizeof(path), "%s/%.155s/%.100s", dest, h + 345, h);
		else
			snprintf(path, sizeof(path), "%s/%.100s", dest, h);
		len = strlen(path);
		while (len > 1 && path[len - 1] == '/')
			path[--len] = 0;
		off += 512;
		if (size > tar_len - off)
			return errno = EINVAL, -1;
		switch (h[156]) {
		case '5':
			if (mkdir(path, mode) && errno != EEXIST)
				return -1;
			break;
		case '0':
		case '\0':
			fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, mode);
			if (fd < 0)
				return -1;
			if (write(fd, tar_data + off, size) != (ssize_t)size) {
				if (!errno)
					errno = EIO;
				close(fd);
				return -1;
			}
			close(fd);
			break;
		case '2': {
			char target[101];

			snprintf(target, sizeof(target), "%.100s", h + 157);
			if (symlink(target, path))
				return -1;
			break;
		}
		default:
			break;
		}
		off += (size + 511) & ~511ULL;
	}
	return 0;
}

/* /bench/src.tar unpacked onto the ext2 and synced, in ms. */
static double b_untar(void)
{
	char dir[64];
	long long t;

	snprintf(dir, sizeof(dir), DISK_MNT "/untar%d", fs_round++);
	if (mkdir(dir, 0755))
		return -1;
	t = now_ns();
	if (untar(dir))
		return -1;
	sync();
	return (now_ns() - t) / 1e6;
}

/* The whole archive in memory: reading the initramfs is not what is timed. */
static int load_tar(void)
{
	struct stat st;
	int fd = open("/bench/src.tar", O_RDONLY);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) || !(tar_data = malloc(st.st_size)) ||
	    read(fd, tar_data, st.st_size) != st.st_size) {
		if (!errno)
			errno = EIO;
		close(fd);
		return -1;
	}
	tar_len = st.st_size;
	close(fd);
	return 0;
}

/*
 * Debian's drivers, loaded in order.  On Lantern (drivers built in) this
 * only runs if the disk is missing anyway, and a module it cannot load
 * is reported, not fatal: the metrics then read n/a.
 */
static int load_linux_modules(void)
{
	char path[64];
	int loaded = 0;

	for (size_t i = 0; i < sizeof(linux_modules) / sizeof(linux_modules[0]); i++) {
		int fd;

		snprintf(path, sizeof(path), "/bench/modules/%s.ko", linux_modules[i]);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (!syscall(SYS_finit_module, fd, "", 0))
			loaded++;
		else if (errno != EEXIST)
			printf("bench-note: finit_module %s: %s\n", linux_modules[i], strerror(errno));
		close(fd);
	}
	fflush(stdout);
	return loaded;
}

/* 0 when the raw partition is usable; *FS_OK when the ext2 is mounted. */
static int disk_setup(int *fs_ok, const char **why)
{
	struct stat st;
	int fd;

	*fs_ok = 0;
	mkdir("/dev", 0755);
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL))
		return *why = "(no devtmpfs)", -1;
	/* Partitions are scanned as the driver probes: wait a little for the nodes. */
	if (stat("/dev/vda", &st) && load_linux_modules())
		for (int i = 0; i < 100 && stat(DISK_FS, &st); i++)
			usleep(50000);
	if (stat(DISK_RAW, &st) || stat(DISK_FS, &st))
		return *why = "(no /dev/vda1 and /dev/vda2)", -1;
	fd = open(DISK_RAW, O_RDONLY);
	if (fd < 0 || ioctl(fd, BLKGETSIZE64, &raw_size) || raw_size < SEQ_TOTAL) {
		if (fd >= 0)
			close(fd);
		return *why = "(cannot size /dev/vda1)", -1;
	}
	close(fd);
	io_buf = aligned_alloc(IO_BLOCK, SEQ_CHUNK);
	if (!io_buf)
		return *why = "(out of memory)", -1;
	memset(io_buf, 0x5a, SEQ_CHUNK);
	mkdir(DISK_MNT, 0755);
	*fs_ok = !mount(DISK_FS, DISK_MNT, "ext2", 0, NULL);
	return 0;
}

/*
 * Guest <-> host TCP over virtio-net.  QEMU's user network (restricted)
 * forwards 10.0.2.100's ports to commands on the host (run-bench.sh):
 * 9 discards (dd of=/dev/null), 19 sends NET_TOTAL zero bytes and ends
 * (head -c), 7 echoes (cat).  The guest takes 10.0.2.15 by hand, no DHCP.
 */
#define NET_TOTAL	(16 << 20)

static const char *const linux_net_modules[] = { "failover", "net_failover", "virtio_net" };

static int net_ioctl_addr(int s, unsigned long req, const char *ip)
{
	struct ifreq ifr;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;

	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "eth0");
	sin->sin_family = AF_INET;
	inet_pton(AF_INET, ip, &sin->sin_addr);
	return ioctl(s, req, &ifr);
}

/* eth0 up as 10.0.2.15/24 (Debian's virtio_net loaded first); 0 or -1. */
static int net_setup(void)
{
	struct ifreq ifr;
	int s, ret = -1;

	if (access("/sys/class/net/eth0", F_OK)) {
		mkdir("/sys", 0555);
		mount("sysfs", "/sys", "sysfs", 0, NULL);
	}
	if (access("/sys/class/net/eth0", F_OK)) {
		load_linux_modules();	/* the virtio core first */
		for (size_t i = 0; i < sizeof(linux_net_modules) / sizeof(linux_net_modules[0]); i++) {
			char path[64];
			int fd;

			snprintf(path, sizeof(path), "/bench/modules/%s.ko", linux_net_modules[i]);
			fd = open(path, O_RDONLY | O_CLOEXEC);
			if (fd < 0)
				continue;
			if (syscall(SYS_finit_module, fd, "", 0) && errno != EEXIST)
				printf("bench-note: finit_module %s: %s\n", linux_net_modules[i],
				       strerror(errno));
			close(fd);
		}
		for (int i = 0; i < 100 && access("/sys/class/net/eth0", F_OK); i++)
			usleep(50000);
	}
	s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "eth0");
	if (net_ioctl_addr(s, SIOCSIFADDR, "10.0.2.15") ||
	    net_ioctl_addr(s, SIOCSIFNETMASK, "255.255.255.0") || ioctl(s, SIOCGIFFLAGS, &ifr))
		goto out;
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(s, SIOCSIFFLAGS, &ifr))
		goto out;
	/* Linux brings the link up a moment after IFF_UP. */
	for (int i = 0; i < 100; i++) {
		if (!ioctl(s, SIOCGIFFLAGS, &ifr) && (ifr.ifr_flags & IFF_RUNNING))
			break;
		usleep(20000);
	}
	ret = 0;
out:
	close(s);
	return ret;
}

static int net_connect(int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
	int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	if (s < 0)
		return -1;
	inet_pton(AF_INET, "10.0.2.100", &a.sin_addr);
	if (connect(s, (struct sockaddr *)&a, sizeof(a))) {
		close(s);
		return -1;
	}
	setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return s;
}

/* Guest to host: NET_TOTAL bytes into the host's discard, until it hangs up. */
static double b_net_tx_bandwidth(void)
{
	static char buf[65536];
	long long t = now_ns();
	int s = net_connect(9);

	if (s < 0)
		return -1;
	for (size_t done = 0; done < NET_TOTAL; done += sizeof(buf))
		if (write(s, buf, sizeof(buf)) != (ssize_t)sizeof(buf)) {
			close(s);
			return -1;
		}
	shutdown(s, SHUT_WR);
	while (read(s, buf, sizeof(buf)) > 0)
		;
	close(s);
	t = now_ns() - t;
	return (double)NET_TOTAL / (1 << 20) / (t / 1e9);
}

/* Host to guest: everything the host's sender writes, to its end. */
static double b_net_rx_bandwidth(void)
{
	static char buf[65536];
	long long t = now_ns();
	size_t got = 0;
	ssize_t n;
	int s = net_connect(19);

	if (s < 0)
		return -1;
	while ((n = read(s, buf, sizeof(buf))) > 0)
		got += n;
	close(s);
	t = now_ns() - t;
	if (got != NET_TOTAL) {
		errno = EIO;
		return -1;
	}
	return (double)got / (1 << 20) / (t / 1e9);
}

/* One byte to the host's echo and back. */
static double b_net_pingpong(void)
{
	const int n = 500;
	long long t;
	char c = 'x';
	int s = net_connect(7);

	if (s < 0)
		return -1;
	t = now_ns();
	for (int i = 0; i < n; i++)
		if (write(s, &c, 1) != 1 || read(s, &c, 1) != 1) {
			close(s);
			return -1;
		}
	t = now_ns() - t;
	close(s);
	return (double)t / n / 1000.0;
}

/*
 * Memory pressure.  oom_kill_ms: a child at oom_score_adj 1000 touches
 * memory 4 MiB at a time until the OOM killer takes it; the time from
 * fork to its SIGKILL reaped (the 512 MiB VM, no swap).  The swap set
 * (bench.set=swap) runs in a 128 MiB VM whose only disk is a 256 MiB
 * swap partition: a SWAP_WS working set is written (pages go out as
 * others come in) and then read back and checked, in MiB/s each way.
 */
#define SWAP_WS		(192UL << 20)
#define SWAP_DEV	"/dev/vda"

static double b_oom_kill(void)
{
	long long t = now_ns();
	int status;
	pid_t p = fork();

	if (p < 0)
		return -1;
	if (p == 0) {
		int fd = open("/proc/self/oom_score_adj", O_WRONLY);

		if (fd < 0 || write(fd, "1000", 4) != 4)
			_exit(2);
		close(fd);
		for (;;) {
			char *m = mmap(NULL, 4 << 20, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

			if (m == MAP_FAILED)
				continue;
			for (size_t i = 0; i < (4 << 20); i += 4096)
				m[i] = 1;
		}
	}
	if (waitpid(p, &status, 0) != p || !WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
		errno = ECHILD;
		return -1;
	}
	return (now_ns() - t) / 1e6;
}

static unsigned long *swap_ws;

/* Every word of the working set written: MiB/s (the first pass pushes most of it out). */
static double b_swap_out(void)
{
	long long t;

	if (swap_ws)
		munmap(swap_ws, SWAP_WS);
	swap_ws = mmap(NULL, SWAP_WS, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (swap_ws == MAP_FAILED) {
		swap_ws = NULL;
		return -1;
	}
	t = now_ns();
	for (size_t i = 0; i < SWAP_WS / sizeof(long); i++)
		swap_ws[i] = i * 2654435761UL;
	return (double)(SWAP_WS >> 20) / ((now_ns() - t) / 1e9);
}

/* Every word read back and checked: MiB/s of pages coming back from swap. */
static double b_swap_in(void)
{
	long long t = now_ns();

	if (!swap_ws)
		return -1;
	for (size_t i = 0; i < SWAP_WS / sizeof(long); i++)
		if (swap_ws[i] != i * 2654435761UL) {
			printf("bench-note: swap: word %zu came back wrong\n", i);
			errno = EIO;
			return -1;
		}
	return (double)(SWAP_WS >> 20) / ((now_ns() - t) / 1e9);
}


/*
 * The scaling workloads (bench.set=smp).  SMP_N is the vCPU count of
 * the larger VM: with that many CPUs each process or thread could have
 * one to itself.
 */
#define SMP_N		4
#define SMP_LOOP	100000000UL
#define SMP_PP_ROUNDS	2000

/* SMP_N processes, each SMP_LOOP rounds of arithmetic: wall time, ms. */
static double b_smp_cpu_procs(void)
{
	pid_t kids[SMP_N];
	long long t = now_ns();

	for (int i = 0; i < SMP_N; i++) {
		kids[i] = fork();
		if (kids[i] < 0)
			return -1;
		if (kids[i] == 0) {
			volatile unsigned long x = i;

			for (unsigned long j = 0; j < SMP_LOOP; j++)
				x = x * 6364136223846793005UL + 1442695040888963407UL;
			_exit(0);
		}
	}
	for (int i = 0; i < SMP_N; i++) {
		int status;

		if (waitpid(kids[i], &status, 0) != kids[i] || !WIFEXITED(status) ||
		    WEXITSTATUS(status)) {
			errno = ECHILD;
			return -1;
		}
	}
	return (now_ns() - t) / 1e6;
}

/* A pair of threads passing a turn through their own futex word. */
struct smp_pair {
	volatile unsigned int turn;
	char pad[60];	/* one cache line each */
};

static struct smp_pair smp_pairs[SMP_N / 2];

static void smp_pp_wait(struct smp_pair *p, unsigned int me)
{
	while (__atomic_load_n(&p->turn, __ATOMIC_ACQUIRE) != me)
		syscall(SYS_futex, &p->turn, 0 | 128, !me, NULL, NULL, 0);
}

static void smp_pp_pass(struct smp_pair *p, unsigned int to)
{
	__atomic_store_n(&p->turn, to, __ATOMIC_RELEASE);
	syscall(SYS_futex, &p->turn, 1 | 128, 1, NULL, NULL, 0);
}

static void *smp_pp_side(void *arg)
{
	intptr_t id = (intptr_t)arg;
	struct smp_pair *p = &smp_pairs[id / 2];
	unsigned int me = id & 1;

	for (int i = 0; i < SMP_PP_ROUNDS; i++) {
		if (me == 0) {
			smp_pp_pass(p, 1);
			smp_pp_wait(p, 0);
		} else {
			smp_pp_wait(p, 1);
			smp_pp_pass(p, 0);
		}
	}
	return NULL;
}

/* SMP_N threads, SMP_N / 2 pairs ping-ponging at once: round trips per second, all pairs. */
static double b_smp_futex_pairs(void)
{
	pthread_t th[SMP_N];
	long long t;

	memset(smp_pairs, 0, sizeof(smp_pairs));
	t = now_ns();
	for (intptr_t i = 0; i < SMP_N; i++)
		if ((errno = pthread_create(&th[i], NULL, smp_pp_side, (void *)i)))
			return -1;
	for (int i = 0; i < SMP_N; i++)
		pthread_join(th[i], NULL);
	return (double)SMP_N / 2 * SMP_PP_ROUNDS / ((now_ns() - t) / 1e9);
}

struct bench {
	const char *name;
	bench_fn fn;
	const char *unit;
};

static const struct bench debian_benches[] = {
	{ "dyn_exec_wait",	b_dyn_exec,		"us" },
	{ "python3_startup",	b_python_startup,	"ms" },
	{ "gcc_compile",	b_gcc_compile,		"ms" },
};

static const struct bench benches[] = {
	{ "null_syscall",	b_null_syscall,		"ns" },
	{ "vdso_clock_gettime",	b_vdso_clock_gettime,	"ns" },
	{ "fork_exit_wait",	b_fork_exit,		"us" },
	{ "fork_exec_wait",	b_fork_exec,		"us" },
	{ "pipe_pingpong",	b_pipe_pingpong,	"us" },
	{ "thread_create_join",	b_thread_create_join,	"us" },
	{ "futex_pingpong",	b_futex_pingpong,	"us" },
	{ "pipe_bandwidth",	b_pipe_bandwidth,	"MiB/s" },
	{ "tcp_lo_pingpong",	b_tcp_pingpong,		"us" },
	{ "tcp_lo_bandwidth",	b_tcp_bandwidth,	"MiB/s" },
	{ "unix_pingpong",	b_unix_pingpong,	"us" },
	{ "page_fault",		b_page_fault,		"ns" },
	{ "cow_fault",		b_cow_fault,		"ns" },
	{ "tmpfs_write",	b_tmpfs_write,		"MiB/s" },
	{ "tmpfs_read",		b_tmpfs_read,		"MiB/s" },
	{ "open_close",		b_open_close,		"ns" },
	{ "stat",		b_stat,			"ns" },
	{ "mmap_munmap_1m",	b_mmap_munmap,		"ns" },
	{ "file_mmap_fault",	b_file_mmap_touch,	"ns" },
	{ "oom_kill_ms",	b_oom_kill,		"ms" },
};

static const struct bench disk_benches[] = {
	{ "blk_seq_read_dio",	b_seq_read_dio,		"MiB/s" },
	{ "blk_seq_write_dio",	b_seq_write_dio,	"MiB/s" },
	{ "blk_rand_read_dio",	b_rand_read_dio,	"IOPS" },
	{ "blk_rand_write_dio",	b_rand_write_dio,	"IOPS" },
	{ "blk_seq_read_buf",	b_seq_read_buf,		"MiB/s" },
	{ "blk_seq_write_buf",	b_seq_write_buf,	"MiB/s" },
	{ "blk_rand_read_buf",	b_rand_read_buf,	"IOPS" },
	{ "blk_rand_write_buf",	b_rand_write_buf,	"IOPS" },
};

static const struct bench smp_benches[] = {
	{ "smp_cpu_procs",	b_smp_cpu_procs,	"ms" },
	{ "smp_futex_pairs",	b_smp_futex_pairs,	"ops/s" },
};

static const struct bench swap_benches[] = {
	{ "swap_out_bandwidth",	b_swap_out,		"MiB/s" },
	{ "swap_in_bandwidth",	b_swap_in,		"MiB/s" },
};

static const struct bench net_benches[] = {
	{ "net_host_pingpong",	b_net_pingpong,		"us" },
	{ "net_tx_bandwidth",	b_net_tx_bandwidth,	"MiB/s" },
	{ "net_rx_bandwidth",	b_net_rx_bandwidth,	"MiB/s" },
};

static const struct bench fs_benches[] = {
	{ "ext2_create_fsync",	b_create_fsync,		"files/s" },
	{ "ext2_untar",		b_untar,		"ms" },
};

#define N(t)	(sizeof(t) / sizeof((t)[0]))

static void run_table(const struct bench *t, size_t n);

static void run_disk(void)
{
	const char *why = "";
	int fs_ok;
	size_t i;

	if (disk_setup(&fs_ok, &why)) {
		for (i = 0; i < N(disk_benches); i++)
			na(disk_benches[i].name, why);
		for (i = 0; i < N(fs_benches); i++)
			na(fs_benches[i].name, why);
		return;
	}
	run_table(disk_benches, N(disk_benches));
	if (!fs_ok) {
		for (i = 0; i < N(fs_benches); i++)
			na(fs_benches[i].name, "(cannot mount /dev/vda2 as ext2)");
		return;
	}
	run_table(fs_benches, 1);
	if (load_tar())
		na(fs_benches[1].name, "(no /bench/src.tar)");
	else
		run_table(fs_benches + 1, 1);
	/* Unmounted, the image is clean for e2fsck afterwards. */
	if (umount(DISK_MNT))
		printf("bench-note: umount %s: %s\n", DISK_MNT, strerror(errno));
}

/* MemTotal - MemAvailable from /proc/meminfo, in KiB; -1 without procfs. */
static long mem_used_kb(void)
{
	char line[128];
	long total = -1, avail = -1;
	FILE *f;

	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
	f = fopen("/proc/meminfo", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		sscanf(line, "MemTotal: %ld kB", &total);
		sscanf(line, "MemAvailable: %ld kB", &avail);
	}
	fclose(f);
	return total >= 0 && avail >= 0 ? total - avail : -1;
}

/* Each metric of the table, in rounds, one line each. */
static void run_table(const struct bench *t, size_t n)
{
	for (size_t b = 0; b < n; b++) {
		double v[MAX_ROUNDS];
		int r;

		for (r = 0; r < rounds; r++) {
			v[r] = t[b].fn();
			if (v[r] < 0)
				break;
		}
		if (r < rounds)
			na(t[b].name, strerror(errno));
		else
			report(t[b].name, v, rounds, t[b].unit);
	}
}

static void power_off(void)
{
	printf("bench: done\n");
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
}

int main(int argc, char **argv)
{
	long used;
	int debian = 0;

	printf("bench: start\n");
	fflush(stdout);
	for (int i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "bench.rounds=", 13))
			rounds = atoi(argv[i] + 13);
		if (!strcmp(argv[i], "bench.set=debian"))
			debian = 1;
		if (!strcmp(argv[i], "bench.set=swap"))
			debian = 2;
		if (!strcmp(argv[i], "bench.set=smp"))
			debian = 3;
		/* bench.probe: only show that init runs (the memory bisection). */
		if (!strcmp(argv[i], "bench.probe")) {
			reboot(RB_POWER_OFF);
			return 0;
		}
	}
	if (rounds < 1 || rounds > MAX_ROUNDS)
		rounds = 5;

	if (debian == 3) {
		printf("bench: usable_cpus %ld\n", sysconf(_SC_NPROCESSORS_ONLN));
		run_table(smp_benches, N(smp_benches));
		power_off();
		return 0;
	}
	if (debian == 2) {
		struct stat st;

		mkdir("/dev", 0755);
		mkdir("/proc", 0555);
		mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
		mount("proc", "/proc", "proc", 0, NULL);
		if (stat(SWAP_DEV, &st) && load_linux_modules())
			for (int i = 0; i < 100 && stat(SWAP_DEV, &st); i++)
				usleep(50000);
		if (swapon(SWAP_DEV, 0)) {
			for (size_t i = 0; i < N(swap_benches); i++)
				na(swap_benches[i].name, strerror(errno));
		} else {
			run_table(swap_benches, N(swap_benches));
		}
		power_off();
		return 0;
	}
	if (debian) {
		/* The Debian root's own /tmp and /dev are not mounted: rdinit
		 * bypasses its /init.  gcc needs a /tmp; /dev/null is the
		 * archive's node or devtmpfs. */
		mkdir("/tmp", 01777);
		mkdir("/dev", 0755);
		mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
		run_table(debian_benches, sizeof(debian_benches) / sizeof(debian_benches[0]));
		power_off();
		return 0;
	}

	used = mem_used_kb();
	if (used >= 0)
		printf("bench: mem_used_after_boot %ld KiB\n", used);
	else
		na("mem_used_after_boot", "(no /proc/meminfo)");

	run_table(benches, sizeof(benches) / sizeof(benches[0]));
	if (net_setup()) {
		for (size_t i = 0; i < N(net_benches); i++)
			na(net_benches[i].name, "(no eth0)");
	} else {
		run_table(net_benches, N(net_benches));
	}
	run_disk();
	power_off();
	return 0;
}
