// SPDX-License-Identifier: GPL-2.0
/* Bookkeeping for unit.h: check counts, failure reports, the PRNG. */
#include <stdarg.h>
#include <string.h>
#include "unit.h"

/* Failures printed in full per group; the rest are only counted. */
#define UNIT_SHOWN_FAILURES	10

static const char *group_name;
static unsigned long checks, failures;
static char first_failure[512];
static int exit_status;
static uint64_t rng_state = 1;

void unit_begin(const char *group)
{
	/* Line by line, so the reports before a sanitizer abort survive. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	group_name = group;
	checks = 0;
	failures = 0;
	first_failure[0] = '\0';
	unit_seed(0x4c616e7465726e ^ strlen(group));
}

void unit_end(void)
{
	printf("# unit/%s: %lu checks\n", group_name, checks);
	if (failures) {
		printf("FAIL unit/%s: %s (%lu of %lu checks failed)\n",
		       group_name, first_failure, failures, checks);
		exit_status = 1;
	} else if (checks == 0) {
		printf("FAIL unit/%s: no checks ran\n", group_name);
		exit_status = 1;
	} else {
		printf("PASS unit/%s\n", group_name);
	}
	fflush(stdout);
}

int unit_exit_status(void)
{
	return exit_status;
}

/*
 * Failure messages quote test inputs, which may hold any byte: show the
 * unprintable ones as \xNN so the log stays one line of text per report.
 */
static void escape(char *out, size_t size, const char *in)
{
	size_t n = 0;

	for (; *in && n + 5 < size; in++) {
		unsigned char c = *in;

		if (c >= ' ' && c < 0x7f)
			out[n++] = c;
		else
			n += snprintf(out + n, size - n, "\\x%02x", c);
	}
	out[n] = '\0';
}

bool unit_check(bool ok, const char *file, int line, const char *fmt, ...)
{
	char raw[sizeof(first_failure)], msg[sizeof(first_failure)];
	va_list ap;

	checks++;
	if (ok)
		return true;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	escape(msg, sizeof(msg), raw);
	if (failures == 0)
		snprintf(first_failure, sizeof(first_failure), "%s:%d: %s",
			 file, line, msg);
	if (failures < UNIT_SHOWN_FAILURES)
		printf("#   %s:%d: %s\n", file, line, msg);
	failures++;
	return false;
}

void unit_seed(uint64_t seed)
{
	rng_state = seed ? seed : 1;
}

uint64_t unit_rand(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}
