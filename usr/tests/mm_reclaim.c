// SPDX-License-Identifier: GPL-2.0
/*
 * mm_reclaim: what page reclaim shows user space, as Linux shows it.
 * Each zone with memory has watermarks min < low < high in
 * /proc/zoneinfo, and raising vm.min_free_kbytes raises them; the zone
 * counters (nr_free_pages, the LRU sizes) follow them there; the LRU
 * sizes in /proc/meminfo grow when a program touches anonymous memory
 * and shrink when it lets go; vm.swappiness takes 0..200 and nothing
 * else; /proc/vmstat counts reclaim's work (pgscan_*, pgsteal_*,
 * pgactivate, pgdeactivate); and kswapd0 is a kernel thread, a child of
 * kthreadd.  Driving reclaim itself needs a disk and little memory: that
 * is block/reclaim in tools/testing/block-tests.sh.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lt.h"

#define P		"/mm_reclaim_proc"
#define NPAGES		4096		/* 16 MiB */

static char buf[65536];

static int slurp(const char *path)
{
	return lt_read_file(path, buf, sizeof(buf)) > 0 ? 0 : -1;
}

/* "Key:   123 kB" in /proc/meminfo, or "key 123" in /proc/vmstat; -1 if absent. */
static long field(const char *file, const char *key)
{
	size_t klen = strlen(key);
	char *p = buf;

	if (slurp(file))
		return -1;
	while (p && *p) {
		if (!strncmp(p, key, klen) && (p[klen] == ':' || p[klen] == ' '))
			return strtol(p + klen + 1, NULL, 10);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return -1;
}

/* Write @val to a /proc/sys file: 0 or -errno. */
static int write_sysctl(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY), err = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, val, strlen(val)) < 0)
		err = -errno;
	close(fd);
	return err;
}

static long read_long(const char *path)
{
	return slurp(path) ? -1 : strtol(buf, NULL, 10);
}

/*
 * Each populated zone's min/low/high, summed; 0 when a zone's are out of
 * order (or none were found).  A populated zone is one with "managed" > 0.
 */
static long sum_min_checked(int *zones)
{
	long sum = 0, v[3] = { -1, -1, -1 }, managed;
	char *p;

	*zones = 0;
	if (slurp(P "/zoneinfo"))
		return 0;
	for (p = strstr(buf, "Node "); p; p = strstr(p + 1, "Node ")) {
		char *next = strstr(p + 1, "Node "), *q;

		if (next)
			*next = 0;
		managed = (q = strstr(p, "\n        managed ")) ? strtol(q + 17, NULL, 10) : 0;
		if (managed > 0) {
			q = strstr(p, "\n        min ");
			v[0] = q ? strtol(q + 13, NULL, 10) : -1;
			q = strstr(p, "\n        low ");
			v[1] = q ? strtol(q + 13, NULL, 10) : -1;
			q = strstr(p, "\n        high ");
			v[2] = q ? strtol(q + 14, NULL, 10) : -1;
			if (!(v[0] > 0 && v[0] < v[1] && v[1] < v[2]) ||
			    !strstr(p, "nr_free_pages") || !strstr(p, "nr_zone_inactive_file") ||
			    !strstr(p, "nr_zone_active_anon")) {
				lt_note("zone: min %ld low %ld high %ld", v[0], v[1], v[2]);
				return 0;
			}
			sum += v[0];
			++*zones;
		}
		if (next)
			*next = 'N';
		else
			break;
	}
	return sum;
}

LT_CASE(watermarks)
{
	long kb = read_long(P "/sys/vm/min_free_kbytes"), before, after;
	char val[32];
	int zones, zones2;

	LT_CHECK(kb > 0);
	before = sum_min_checked(&zones);
	LT_CHECK(zones > 0 && before > 0);
	snprintf(val, sizeof(val), "%ld", kb * 2);
	LT_CHECK_OK(write_sysctl(P "/sys/vm/min_free_kbytes", val));
	after = sum_min_checked(&zones2);
	snprintf(val, sizeof(val), "%ld", kb);
	LT_CHECK_OK(write_sysctl(P "/sys/vm/min_free_kbytes", val));
	lt_note("min_free_kbytes %ld: sum of min %ld pages; doubled: %ld", kb, before, after);
	LT_CHECK(zones2 == zones);
	/* Split across zones with rounding: close to twice, never less than 1.5x. */
	LT_CHECK(after >= before * 3 / 2);
	LT_CHECK_EQ(read_long(P "/sys/vm/min_free_kbytes"), kb);
}

LT_CASE(swappiness)
{
	long old = read_long(P "/sys/vm/swappiness");
	char val[32];

	LT_CHECK(old >= 0 && old <= 200);
	LT_CHECK_OK(write_sysctl(P "/sys/vm/swappiness", "10"));
	LT_CHECK_EQ(read_long(P "/sys/vm/swappiness"), 10);
	LT_CHECK_OK(write_sysctl(P "/sys/vm/swappiness", "200"));
	LT_CHECK_EQ(read_long(P "/sys/vm/swappiness"), 200);
	LT_CHECK_EQ(write_sysctl(P "/sys/vm/swappiness", "201"), -EINVAL);
	LT_CHECK_EQ(write_sysctl(P "/sys/vm/swappiness", "-1"), -EINVAL);
	LT_CHECK_EQ(read_long(P "/sys/vm/swappiness"), 200);
	snprintf(val, sizeof(val), "%ld", old);
	LT_CHECK_OK(write_sysctl(P "/sys/vm/swappiness", val));
	LT_CHECK_EQ(read_long(P "/sys/vm/swappiness"), old);
}

static long anon_lru_kb(void)
{
	long a = field(P "/meminfo", "Active(anon)"), i = field(P "/meminfo", "Inactive(anon)");

	return a < 0 || i < 0 ? -1 : a + i;
}

/* New anonymous pages join the anon LRU; freed ones leave it. */
LT_CASE(anon_lru)
{
	long before = anon_lru_kb(), during, after;
	char *p = mmap(NULL, NPAGES * 4096L, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	LT_CHECK(before >= 0);
	LT_CHECK(p != MAP_FAILED);
	for (long i = 0; i < NPAGES; i++)
		p[i * 4096] = 1;
	during = anon_lru_kb();
	LT_CHECK_OK(munmap(p, NPAGES * 4096L));
	after = anon_lru_kb();
	lt_note("anon LRU %ld kB -> %ld kB -> %ld kB", before, during, after);
	LT_CHECK(during - before >= NPAGES * 4 * 9 / 10);
	LT_CHECK(during - after >= NPAGES * 4 * 9 / 10);
}

LT_CASE(vmstat_events)
{
	static const char *const keys[] = {
		"pgscan_kswapd", "pgscan_direct", "pgsteal_kswapd", "pgsteal_direct",
		"pgactivate", "pgdeactivate", "pgmajfault",
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		long v = field(P "/vmstat", keys[i]);

		if (v < 0)
			lt_note("no %s in /proc/vmstat", keys[i]);
		LT_CHECK(v >= 0);
	}
	/* Nothing can have been stolen that was not scanned first. */
	LT_CHECK(field(P "/vmstat", "pgsteal_kswapd") <= field(P "/vmstat", "pgscan_kswapd"));
	LT_CHECK(field(P "/vmstat", "pgsteal_direct") <= field(P "/vmstat", "pgscan_direct"));
}

/* kswapd0: a kernel thread (no memory map), child of kthreadd (pid 2), sleeping or at work. */
LT_CASE(kswapd_thread)
{
	DIR *d = opendir(P);
	struct dirent *e;
	int found = 0;

	LT_CHECK(d != NULL);
	while (d && (e = readdir(d))) {
		char path[320], comm[32] = "", state = 0;
		int ppid = -1;

		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), P "/%s/comm", e->d_name);
		if (lt_read_file(path, comm, sizeof(comm)) <= 0 || strcmp(comm, "kswapd0\n"))
			continue;
		found++;
		snprintf(path, sizeof(path), P "/%s/stat", e->d_name);
		if (!slurp(path)) {
			char *r = strrchr(buf, ')');

			if (r)
				sscanf(r + 1, " %c %d", &state, &ppid);
		}
		lt_note("kswapd0 is pid %s, state %c, ppid %d", e->d_name, state, ppid);
		LT_CHECK_EQ(ppid, 2);
		LT_CHECK(state == 'S' || state == 'R' || state == 'D' || state == 'I');
		snprintf(path, sizeof(path), P "/%s/maps", e->d_name);
		LT_CHECK(lt_read_file(path, buf, sizeof(buf)) <= 0);
	}
	if (d)
		closedir(d);
	LT_CHECK_EQ(found, 1);
}

int main(void)
{
	lt_begin("mm_reclaim");
	mkdir(P, 0755);
	if (mount("proc", P, "proc", 0, NULL)) {
		perror("mount proc");
		return 1;
	}
	LT_RUN(watermarks);
	LT_RUN(swappiness);
	LT_RUN(anon_lru);
	LT_RUN(vmstat_events);
	LT_RUN(kswapd_thread);
	umount(P);
	rmdir(P);
	return lt_end();
}
