// SPDX-License-Identifier: GPL-2.0
/*
 * proc_interrupts: the interrupt and softirq counters as monitoring
 * tools read them, /proc/interrupts, /proc/softirqs and the "intr" and
 * "softirq" lines of /proc/stat, checked against each other rather than
 * against numbers written here: counters only rise, so a file read
 * later never shows less than one read before it.  Also /proc/uptime
 * and btime against the clocks they are derived from.
 *
 * /proc/softirqs has a fixed layout in Linux (a 20-space margin, then
 * "CPU<n>" padded to 11 columns; each row a name right-aligned in 12
 * and one 11-wide count per CPU), which mpstat and friends parse, so
 * that layout is checked to the character.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#define P	"/proc_interrupts_mnt"
#define BUF	65536
#define MAX_CPUS 64
#define MAX_IRQS 4096

static char buf[BUF];

static const char *const softirq_names[] = {
	"HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET", "SCHED",
	"HRTIMER", "RCU",
};
#define NR_SOFTIRQS 10

static long slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	long len = 0, n = 0;

	if (fd < 0)
		return -1;
	while (len < BUF - 1 && (n = read(fd, buf + len, 256)) > 0)
		len += n;
	close(fd);
	if (n < 0)
		return -1;
	buf[len] = '\0';
	return len;
}

static long long now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* One read of /proc/interrupts, summed the ways the tests need. */
struct irq_snapshot {
	int ncpus;
	unsigned long long irq[MAX_IRQS];	/* numbered lines, all CPUs */
	int have[MAX_IRQS];
	unsigned long long counted;	/* rows Linux's intr total includes for sure */
	unsigned long long all;		/* every number in every row */
	unsigned long long loc;
	int named;			/* which of NMI LOC SPU RES CAL TLB ERR were seen */
};

static const char *const counted_rows[] = { "NMI", "LOC", "SPU", "RES", "CAL", "TLB", "ERR" };

/* Parses buf; 0 on success, else the line number that did not parse. */
static int parse_interrupts(struct irq_snapshot *s)
{
	char *line = buf, *next;
	int lineno = 1;

	memset(s, 0, sizeof(*s));
	next = strchr(line, '\n');
	if (!next)
		return 1;
	*next = '\0';
	for (char *c = strstr(line, "CPU"); c; c = strstr(c + 3, "CPU"))
		s->ncpus++;
	if (s->ncpus < 1 || s->ncpus > MAX_CPUS)
		return 1;
	for (line = next + 1; *line; line = next + 1) {
		char label[16], *p = line, *end;
		unsigned long long sum = 0;
		int n = 0, single, k;

		lineno++;
		next = strchr(line, '\n');
		if (!next)
			return lineno;
		*next = '\0';
		while (*p == ' ')
			p++;
		for (k = 0; p[k] && p[k] != ':' && k < 15; k++)
			label[k] = p[k];
		if (p[k] != ':' || k == 0)
			return lineno;
		label[k] = '\0';
		p += k + 1;
		/* ERR and MIS are machine-wide: one number, whatever the CPU count. */
		single = !strcmp(label, "ERR") || !strcmp(label, "MIS");
		for (n = 0; n < (single ? 1 : s->ncpus); n++) {
			unsigned long long v = strtoull(p, &end, 10);

			if (end == p)
				return lineno;
			sum += v;
			p = end;
		}
		s->all += sum;
		if (isdigit((unsigned char)label[0])) {
			int irq = atoi(label);

			if (irq < 0 || irq >= MAX_IRQS)
				return lineno;
			s->irq[irq] = sum;
			s->have[irq] = 1;
			s->counted += sum;
			continue;
		}
		for (k = 0; k < (int)(sizeof(counted_rows) / sizeof(counted_rows[0])); k++)
			if (!strcmp(label, counted_rows[k])) {
				s->counted += sum;
				s->named |= 1 << k;
			}
		if (!strcmp(label, "LOC"))
			s->loc = sum;
	}
	return 0;
}

static int read_interrupts(struct irq_snapshot *s)
{
	if (slurp(P "/interrupts") <= 0)
		return -1;
	return parse_interrupts(s);
}

/* "intr <total> <irq0> <irq1> ..." of /proc/stat: the total, and the fields into irq[]. */
static int read_intr_line(unsigned long long *total, unsigned long long *irq, int *nirq)
{
	char *p, *end;

	if (slurp(P "/stat") <= 0)
		return -1;
	p = strstr(buf, "\nintr ");
	if (!p)
		return -1;
	p += 6;
	*total = strtoull(p, &end, 10);
	if (end == p)
		return -1;
	for (*nirq = 0; *nirq < MAX_IRQS; ++*nirq) {
		p = end;
		if (*p != ' ')
			break;
		irq[*nirq] = strtoull(p, &end, 10);
		if (end == p)
			return -1;
	}
	return *end == '\n' ? 0 : -1;
}

static struct irq_snapshot before, after;
static unsigned long long stat_irq[MAX_IRQS];

LT_CASE(mount_proc)
{
	mkdir(P, 0755);
	LT_CHECK_OK(mount("proc", P, "proc", 0, NULL));
}

/* The rows every x86 Linux prints, and a sleep that takes a timer interrupt to end. */
LT_CASE(interrupts_rows)
{
	struct timespec ts = { 0, 20000000 };

	LT_CHECK_EQ(read_interrupts(&before), 0);
	LT_CHECK_EQ(before.named, (1 << 7) - 1);
	LT_CHECK_OK(nanosleep(&ts, NULL));
	LT_CHECK_EQ(read_interrupts(&after), 0);
	LT_CHECK_EQ(after.ncpus, before.ncpus);
	LT_CHECK(after.loc > before.loc);
}

/*
 * /proc/stat's intr total counts every interrupt, numbered or not (the
 * local timer's included), so it lies between what /proc/interrupts
 * showed before and after it; each IRQ's own field likewise.
 */
LT_CASE(stat_intr_agrees)
{
	unsigned long long total;
	int nirq, i;

	LT_CHECK_EQ(read_interrupts(&before), 0);
	LT_CHECK_OK(read_intr_line(&total, stat_irq, &nirq));
	LT_CHECK_EQ(read_interrupts(&after), 0);
	LT_CHECK(nirq >= 16);
	if (total < before.counted || total > after.all)
		LT_FAIL("intr total %llu, /proc/interrupts summed %llu before, %llu after",
			total, before.counted, after.all);
	for (i = 0; i < MAX_IRQS; i++) {
		if (!before.have[i])
			continue;
		LT_CHECK(i < nirq);
		if (stat_irq[i] < before.irq[i] || stat_irq[i] > after.irq[i])
			LT_FAIL("irq %d: /proc/stat %llu, /proc/interrupts %llu then %llu", i,
				stat_irq[i], before.irq[i], after.irq[i]);
	}
}

/* /proc/softirqs to the character; the per-vector sums into sum[]. */
static int read_softirqs(int ncpus, unsigned long long *sum)
{
	char want[64], *p = buf;
	int i, c;

	if (slurp(P "/softirqs") <= 0)
		return -1;
	if (strncmp(p, "                    ", 20))
		return -2;
	p += 20;
	for (c = 0; c < ncpus; c++) {
		snprintf(want, sizeof(want), "CPU%-8d", c);
		if (strncmp(p, want, strlen(want)))
			return -3;
		p += strlen(want);
	}
	if (*p++ != '\n')
		return -4;
	for (i = 0; i < NR_SOFTIRQS; i++) {
		snprintf(want, sizeof(want), "%12s:", softirq_names[i]);
		if (strncmp(p, want, 13))
			return -10 - i;
		p += 13;
		sum[i] = 0;
		for (c = 0; c < ncpus; c++) {
			char *end;

			/* " %10u": a space, then the count right-aligned in ten. */
			if (p[0] != ' ' || p[1] != ' ')
				return -20 - i;
			sum[i] += strtoull(p, &end, 10);
			if (end - p != 11)
				return -30 - i;
			p = end;
		}
		if (*p++ != '\n')
			return -40 - i;
	}
	return *p ? -50 : 0;
}

LT_CASE(softirqs_layout_and_stat_line)
{
	unsigned long long s0[NR_SOFTIRQS], s1[NR_SOFTIRQS], st[NR_SOFTIRQS], total, sum = 0;
	char *p, *end;
	int i;

	LT_CHECK_EQ(read_interrupts(&before), 0);
	LT_CHECK_EQ(read_softirqs(before.ncpus, s0), 0);
	LT_CHECK(slurp(P "/stat") > 0);
	p = strstr(buf, "\nsoftirq ");
	LT_CHECK(p != NULL);
	p += 9;
	total = strtoull(p, &end, 10);
	LT_CHECK(end > p);
	for (i = 0; i < NR_SOFTIRQS; i++) {
		p = end;
		st[i] = strtoull(p, &end, 10);
		LT_CHECK(*p == ' ' && end > p + 1);
		sum += st[i];
	}
	LT_CHECK_EQ(*end, '\n');
	LT_CHECK_EQ(total, sum);
	LT_CHECK_EQ(read_softirqs(before.ncpus, s1), 0);
	for (i = 0; i < NR_SOFTIRQS; i++)
		if (st[i] < s0[i] || st[i] > s1[i])
			LT_FAIL("%s: /proc/stat %llu, /proc/softirqs %llu then %llu",
				softirq_names[i], st[i], s0[i], s1[i]);
}

/* /proc/uptime is CLOCK_BOOTTIME; btime is when that clock read zero. */
LT_CASE(uptime_and_btime)
{
	long long b0, b1, real, boot;
	double up;
	char *p;
	long long btime;

	b0 = now_ns(CLOCK_BOOTTIME);
	LT_CHECK(slurp(P "/uptime") > 0);
	b1 = now_ns(CLOCK_BOOTTIME);
	LT_CHECK(sscanf(buf, "%lf", &up) == 1);
	/* Two decimals: up may trail b0 by under 10 ms, never pass b1. */
	LT_CHECK((long long)(up * 1e9) >= b0 - 10000000 - 1000 && (long long)(up * 1e9) <= b1 + 1000);
	LT_CHECK(slurp(P "/stat") > 0);
	real = now_ns(CLOCK_REALTIME);
	boot = now_ns(CLOCK_BOOTTIME);
	p = strstr(buf, "\nbtime ");
	LT_CHECK(p != NULL);
	btime = atoll(p + 7);
	if (llabs(btime - (real - boot) / 1000000000LL) > 1)
		LT_FAIL("btime %lld, realtime - boottime %lld", btime, (real - boot) / 1000000000LL);
}

int main(void)
{
	lt_begin("proc_interrupts");
	LT_RUN(mount_proc);
	LT_RUN(interrupts_rows);
	LT_RUN(stat_intr_agrees);
	LT_RUN(softirqs_layout_and_stat_line);
	LT_RUN(uptime_and_btime);
	umount(P);
	rmdir(P);
	return lt_end();
}
