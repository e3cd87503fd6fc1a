/*
 * The LTP runner inside the guest: PID 1 of the LTP initramfs (its /init
 * script mounts the file systems, then execs this).  It reads a runtest
 * list ("name program args..."), runs each test in its own process group
 * with a time limit, and prints for the host (tools/ltp/run.sh):
 *
 *   LTP-START <index> <name>
 *   LTP-OUT <name>: <line>          the test's output, when it did not pass
 *   LTP-RESULT <index> <name> <PASS|FAIL|BROK|WARN|CONF|TIMEOUT> <ms> <why>
 *   LTP-DONE
 *
 * then powers off.  The host starts a new boot after the last START that
 * has no RESULT when a test takes the whole kernel down.
 *
 * A test passes when it exits 0: LTP's exit status is the OR of the
 * result kinds it reported (TFAIL 1, TBROK 2, TWARN 4, TCONF 32), so 0
 * means only TPASS/TINFO, the criterion the Linux pass list was made with.
 *
 * Usage: ltp-run LIST [ltp.first=N] [ltp.timeout=SECONDS]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define OUT_FILE	"/tmp/ltp-run.out"
#define MAX_ARGS	64
#define MAX_OUT_LINES	60

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/* Reap whatever has exited: as PID 1 we inherit every orphan. */
static void reap_orphans(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

static pid_t start_test(char **argv)
{
	pid_t pid = fork();
	int fd;

	if (pid != 0)
		return pid;
	setpgid(0, 0);
	fd = open(OUT_FILE, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
	}
	fd = open("/dev/null", O_RDONLY);
	if (fd >= 0) {
		dup2(fd, 0);
		close(fd);
	}
	if (chdir("/tmp") < 0)
		_exit(126);
	execvp(argv[0], argv);
	fprintf(stderr, "ltp-run: exec %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* Wait for the test, at most timeout seconds; -1 when it timed out. */
static int wait_test(pid_t pid, int timeout, int *status)
{
	pid_t got;

	timed_out = 0;
	alarm(timeout);
	for (;;) {
		got = waitpid(-1, status, 0);
		if (got == pid)
			break;
		if (got < 0 && errno == EINTR && timed_out)
			break;
		if (got < 0 && errno == ECHILD)
			break;
	}
	alarm(0);
	if (got != pid) {
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
		waitpid(pid, status, 0);
		return -1;
	}
	return 0;
}

static const char *classify(int status, char *why, size_t len)
{
	int code;

	why[0] = '\0';
	if (WIFSIGNALED(status)) {
		snprintf(why, len, "killed by signal %d", WTERMSIG(status));
		return "FAIL";
	}
	code = WEXITSTATUS(status);
	if (code == 0)
		return "PASS";
	snprintf(why, len, "exit %d", code);
	if (code == 127 || code == 126)
		return "FAIL";
	if (code & 2)
		return "BROK";
	if (code & 1)
		return "FAIL";
	if (code & 4)
		return "WARN";
	if (code & 32)
		return "CONF";
	return "FAIL";
}

static void print_output(const char *name)
{
	FILE *f = fopen(OUT_FILE, "r");
	char line[512];
	int n = 0;

	if (!f)
		return;
	while (fgets(line, sizeof(line), f) && n < MAX_OUT_LINES) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0])
			continue;
		printf("LTP-OUT %s: %.240s\n", name, line);
		n++;
	}
	fclose(f);
}

/*
 * LTP takes a machine that has been up a while: its time namespace
 * tests shift CLOCK_MONOTONIC and CLOCK_BOOTTIME back 10 s, which Linux
 * (and Lantern, by the same rule) refuses with ERANGE while the clocks
 * are younger than that.  Debian's kernel takes longer than that to
 * boot under TCG; Lantern reaches its first test in about a second.  So
 * every run starts its tests once the system has been up UP_MS.
 */
#define UP_MS	12000L

static void wait_until_up(void)
{
	struct timespec ts;
	long ms;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	ms = ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
	if (ms >= UP_MS)
		return;
	ts.tv_sec = (UP_MS - ms) / 1000;
	ts.tv_nsec = (UP_MS - ms) % 1000 * 1000000;
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	int first = 0, timeout = 20, index = 0, status, i;
	char line[1024], why[64];
	FILE *list;

	if (argc < 2) {
		fprintf(stderr, "usage: ltp-run LIST [ltp.first=N] [ltp.timeout=S]\n");
		return 2;
	}
	for (i = 2; i < argc; i++) {
		if (!strncmp(argv[i], "ltp.first=", 10))
			first = atoi(argv[i] + 10);
		else if (!strncmp(argv[i], "ltp.timeout=", 12))
			timeout = atoi(argv[i] + 12);
	}
	sigaction(SIGALRM, &sa, NULL);	/* no SA_RESTART: waitpid returns */
	setvbuf(stdout, NULL, _IOLBF, 0);

	list = fopen(argv[1], "r");
	if (!list) {
		printf("ltp-run: cannot open %s: %s\n", argv[1], strerror(errno));
		goto out;
	}
	wait_until_up();
	while (fgets(line, sizeof(line), list)) {
		char *args[MAX_ARGS], *name, *save = NULL;
		int n = 0;
		pid_t pid;
		long t0;
		const char *res;

		line[strcspn(line, "\r\n")] = '\0';
		name = strtok_r(line, " \t", &save);
		if (!name || name[0] == '#')
			continue;
		if (index++ < first)
			continue;
		while (n < MAX_ARGS - 1 && (args[n] = strtok_r(NULL, " \t", &save)))
			n++;
		args[n] = NULL;
		if (!n)
			continue;

		printf("LTP-START %d %s\n", index - 1, name);
		t0 = now_ms();
		pid = start_test(args);
		if (pid < 0) {
			printf("LTP-RESULT %d %s FAIL 0 fork: %s\n", index - 1, name,
			       strerror(errno));
			continue;
		}
		if (wait_test(pid, timeout, &status) < 0) {
			res = "TIMEOUT";
			snprintf(why, sizeof(why), "no exit after %d s", timeout);
		} else {
			res = classify(status, why, sizeof(why));
		}
		/* Children the test left behind must not disturb the next. */
		kill(-pid, SIGKILL);
		reap_orphans();
		if (strcmp(res, "PASS"))
			print_output(name);
		printf("LTP-RESULT %d %s %s %ld %s\n", index - 1, name, res,
		       now_ms() - t0, why);
	}
	fclose(list);
out:
	printf("LTP-DONE\n");
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
