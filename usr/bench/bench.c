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
 * bench.set=debian runs instead the metrics of Debian's own dynamically
 * linked programs; the harness boots the Debian root (make debian-root)
 * for them, with this program as rdinit=.  A kernel that cannot run
 * them yet gets "n/a" and the reason (execve's error), not a failure.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
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
	{ "page_fault",		b_page_fault,		"ns" },
	{ "cow_fault",		b_cow_fault,		"ns" },
	{ "tmpfs_write",	b_tmpfs_write,		"MiB/s" },
	{ "tmpfs_read",		b_tmpfs_read,		"MiB/s" },
	{ "open_close",		b_open_close,		"ns" },
	{ "stat",		b_stat,			"ns" },
	{ "mmap_munmap_1m",	b_mmap_munmap,		"ns" },
	{ "file_mmap_fault",	b_file_mmap_touch,	"ns" },
};

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
		/* bench.probe: only show that init runs (the memory bisection). */
		if (!strcmp(argv[i], "bench.probe")) {
			reboot(RB_POWER_OFF);
			return 0;
		}
	}
	if (rounds < 1 || rounds > MAX_ROUNDS)
		rounds = 5;

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
	power_off();
	return 0;
}
