/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The little framework every host unit test uses.  A test program runs
 * groups of checks; each group ends with exactly one line,
 *
 *	PASS unit/<group>
 *	FAIL unit/<group>: <the first failed check>
 *
 * preceded by a "# unit/<group>: N checks" line and by "#" lines for the
 * first few failures.  main() returns unit_exit_status(): 1 if any group
 * failed.  Only <stdio.h> and friends come in here, never <stdlib.h> or
 * <sys/types.h>, whose types clash with the kernel's own headers.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

void unit_begin(const char *group);
void unit_end(void);
int unit_exit_status(void);

/* Count one check; on failure, describe it with a printf format. */
__attribute__((format(printf, 4, 5)))
bool unit_check(bool ok, const char *file, int line, const char *fmt, ...);

#define CHECK(cond, ...)	unit_check((cond), __FILE__, __LINE__, __VA_ARGS__)

/* Deterministic random numbers (xorshift64*), reseeded per group. */
void unit_seed(uint64_t seed);
uint64_t unit_rand(void);

/* A random number below @n, n > 0. */
static inline uint64_t unit_rand_below(uint64_t n)
{
	return unit_rand() % n;
}

#endif /* UNIT_H */
