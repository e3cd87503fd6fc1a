// SPDX-License-Identifier: GPL-2.0
/*
 * debian-init: PID 1 of the Debian root (tools/mkroot-debian.sh).
 *
 * Everything else in that root is Debian's own dynamically linked
 * programs; this one is a static musl binary so that it runs on any
 * kernel that can run a static ELF, and can say clearly what went wrong
 * when the kernel cannot yet run the dynamic ones (the first exec of
 * /bin/bash is where a kernel without an ELF interpreter stops).
 *
 * It mounts what a shell expects (proc, sysfs, devtmpfs, devpts, a tmpfs
 * on /tmp; a file system the kernel lacks is reported and skipped), sets
 * the host name from /etc/hostname, and starts a login bash on the
 * console's real tty as a session leader with that tty as its
 * controlling terminal (/dev/console itself can never be one), so the
 * shell has job control: ^C, ^Z, fg.  When the shell exits, or on
 * SIGUSR2/SIGTERM (/sbin/poweroff sends SIGUSR2), it syncs and powers
 * the machine off.  As PID 1 it reaps every orphan meanwhile.
 *
 * Arguments (the kernel passes the command line's words after "--" to
 * init; a dotted word before it would be taken for a module parameter):
 *	debian.shell=PATH	run PATH instead of /bin/bash (e.g. /bin/sh)
 *	debian.arg=WORD		an argument for it (repeatable), so that
 *				debian.shell=/lib64/ld-linux-x86-64.so.2
 *				debian.arg=/bin/bash runs bash through the
 *				interpreter explicitly
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ARGS	8

static volatile sig_atomic_t stop_requested;
static char *shell_argv[MAX_ARGS + 2];

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	(void)!write(2, line, n);
}

static void mount_one(const char *src, const char *dir, const char *type,
		      unsigned long flags, const char *data)
{
	mkdir(dir, 0755);
	if (mount(src, dir, type, flags, data) && errno != EBUSY)
		say("debian-init: mount %s on %s: %s", type, dir, strerror(errno));
}

/* The kernel opened /dev/console as fds 0-2 if the archive had the node;
 * without it (a root built without mknod rights) open it from devtmpfs. */
static void ensure_console(void)
{
	int fd;

	if (fcntl(0, F_GETFD) >= 0)
		return;
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0)
		return;
	for (int i = 0; i < 3; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

/* The last console= on the kernel command line names the tty the shell
 * belongs on ("ttyS0,115200" -> /dev/ttyS0); ttyS0 when there is none. */
static void console_tty(char *path, size_t len)
{
	char cmdline[4096], *p, *q, name[64] = "ttyS0";
	int fd = open("/proc/cmdline", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, cmdline, sizeof(cmdline) - 1) : -1;

	if (fd >= 0)
		close(fd);
	if (n > 0) {
		cmdline[n] = '\0';
		for (p = cmdline; (p = strstr(p, "console=")); p += 8) {
			if (p != cmdline && p[-1] != ' ')
				continue;
			q = p + 8;
			size_t l = strcspn(q, ", \n");

			if (l > 0 && l < sizeof(name)) {
				memcpy(name, q, l);
				name[l] = '\0';
			}
		}
	}
	snprintf(path, len, "/dev/%s", name);
}

/* What udev would add to devtmpfs and bash's <(...) needs: /dev/fd. */
static void dev_links(void)
{
	static const char *const links[][2] = {
		{ "/proc/self/fd", "/dev/fd" },
		{ "/proc/self/fd/0", "/dev/stdin" },
		{ "/proc/self/fd/1", "/dev/stdout" },
		{ "/proc/self/fd/2", "/dev/stderr" },
	};

	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++)
		if (symlink(links[i][0], links[i][1]) && errno != EEXIST)
			say("debian-init: symlink %s: %s", links[i][1], strerror(errno));
}

static void set_hostname(void)
{
	char name[65];
	int fd = open("/etc/hostname", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return;
	n = read(fd, name, sizeof(name) - 1);
	close(fd);
	if (n <= 0)
		return;
	name[n] = '\0';
	name[strcspn(name, "\n")] = '\0';
	if (sethostname(name, strlen(name)))
		say("debian-init: sethostname: %s", strerror(errno));
}

/* The loopback interface up, as systemd does first thing (Linux boots it down). */
static void loopback_up(void)
{
	struct ifreq ifr = { .ifr_name = "lo" };
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (s < 0) {
		say("debian-init: socket: %s", strerror(errno));
		return;
	}
	if (ioctl(s, SIOCGIFFLAGS, &ifr) == 0 && !(ifr.ifr_flags & IFF_UP)) {
		ifr.ifr_flags |= IFF_UP;
		if (ioctl(s, SIOCSIFFLAGS, &ifr))
			say("debian-init: lo up: %s", strerror(errno));
	}
	close(s);
}

static void on_stop(int sig)
{
	stop_requested = sig;
}

/* The child: a new session whose controlling terminal is TTY. */
static void exec_shell(const char *tty, const char *shell)
{
	char argv0[64];
	const char *base = strrchr(shell, '/');
	int fd;

	setsid();
	fd = open(tty, O_RDWR);
	if (fd < 0) {
		say("debian-init: open %s: %s; the shell gets /dev/console (no job control)",
		    tty, strerror(errno));
	} else {
		if (ioctl(fd, TIOCSCTTY, 0))
			say("debian-init: TIOCSCTTY on %s: %s", tty, strerror(errno));
		for (int i = 0; i < 3; i++)
			dup2(fd, i);
		if (fd > 2)
			close(fd);
	}
	/* A login shell ("-bash") reads /etc/profile. */
	snprintf(argv0, sizeof(argv0), "-%s", base ? base + 1 : shell);
	shell_argv[0] = argv0;
	signal(SIGUSR2, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	execv(shell, shell_argv);
	say("debian-init: exec %s: %s (errno %d)", shell, strerror(errno), errno);
	_exit(127);
}

int main(int argc, char **argv)
{
	const char *shell = "/bin/bash";
	struct sigaction stop = { .sa_handler = on_stop };
	char tty[80];
	pid_t pid, w;
	int status;

	int nargs = 1;

	for (int i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "debian.shell=", 13))
			shell = argv[i] + 13;
		else if (!strncmp(argv[i], "debian.arg=", 11) && nargs <= MAX_ARGS)
			shell_argv[nargs++] = argv[i] + 11;
	}

	mount_one("devtmpfs", "/dev", "devtmpfs", MS_NOSUID, "mode=0755");
	ensure_console();
	mount_one("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	mount_one("sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	/* As systemd does on Debian: the seed's /sys/kernel/debug/tracing commands work as typed. */
	mount_one("debugfs", "/sys/kernel/debug", "debugfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	mount_one("tracefs", "/sys/kernel/tracing", "tracefs", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	if (!access("/proc/filesystems", R_OK)) {
		/* devpts only where the kernel has it: a missing one is no error. */
		FILE *f = fopen("/proc/filesystems", "r");
		char line[128];
		int has_devpts = 0;

		while (f && fgets(line, sizeof(line), f))
			if (strstr(line, "devpts"))
				has_devpts = 1;
		if (f)
			fclose(f);
		if (has_devpts)
			mount_one("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC,
				  "gid=5,mode=620,ptmxmode=0666");
	}
	dev_links();
	mount_one("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
	mount_one("tmpfs", "/run", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755");
	set_hostname();
	loopback_up();
	console_tty(tty, sizeof(tty));

	/* No SA_RESTART: the signal must end the wait() below. */
	sigaction(SIGUSR2, &stop, NULL);
	sigaction(SIGTERM, &stop, NULL);
	setenv("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", 1);
	setenv("HOME", "/root", 1);
	if (!getenv("TERM"))
		setenv("TERM", "vt102", 1);

	pid = fork();
	if (pid < 0) {
		say("debian-init: fork: %s", strerror(errno));
		goto off;
	}
	if (pid == 0)
		exec_shell(tty, shell);

	while (!stop_requested) {
		w = wait(&status);
		if (w == pid) {
			if (WIFSIGNALED(status))
				say("debian-init: %s killed by signal %d", shell, WTERMSIG(status));
			else if (WEXITSTATUS(status))
				say("debian-init: %s exited with status %d", shell,
				    WEXITSTATUS(status));
			break;
		}
		if (w < 0 && errno == ECHILD)
			break;
	}
	if (stop_requested) {
		/* kill(-1) reaches every process but init: the shell and
		 * whatever it left running get a chance to exit first. */
		kill(-1, SIGTERM);
		sleep(1);
		kill(-1, SIGKILL);
		while (wait(NULL) > 0)
			;
	}
off:
	say("debian-init: powering off");
	sync();
	reboot(RB_POWER_OFF);
	say("debian-init: reboot(RB_POWER_OFF): %s", strerror(errno));
	for (;;)
		pause();
}
