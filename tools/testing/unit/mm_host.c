// SPDX-License-Identifier: GPL-2.0
/*
 * The host side of the memory-management unit tests: memory from the C
 * library, and the kernel functions mm/ calls that are not under test
 * (printk, which is captured so tests can read the reports; panic,
 * dump_stack, __warn, scnprintf).  No kernel header is included here:
 * <stdlib.h> and the kernel's types clash.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm_host.h"

unsigned long host_phys_offset;
unsigned long host_irq_flags = 0x200;	/* X86_EFLAGS_IF: interrupts "on" */

/* ---- memory ---- */

void *host_alloc(size_t size)
{
	void *p = calloc(1, size);

	if (!p) {
		fprintf(stderr, "host_alloc(%zu): out of memory\n", size);
		exit(2);
	}
	return p;
}

void *host_alloc_aligned(size_t size, size_t align)
{
	void *p;

	if (posix_memalign(&p, align, size)) {
		fprintf(stderr, "host_alloc_aligned(%zu): out of memory\n", size);
		exit(2);
	}
	memset(p, 0, size);
	return p;
}

void host_free(void *p)
{
	free(p);
}

/* ---- printk ---- */

static char log_buf[1 << 20];
static size_t log_len;

static bool verbose(void)
{
	const char *v = getenv("UNIT_VERBOSE");

	return v && *v == '1';
}

int printk(const char *fmt, ...);
int printk(const char *fmt, ...)
{
	char line[1024];
	const char *text = line;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (line[0] == '\001' && line[1])	/* KERN_<level> */
		text += 2;
	n = (int)strlen(text);
	if (log_len + n < sizeof(log_buf)) {
		memcpy(log_buf + log_len, text, n + 1);
		log_len += n;
	}
	if (verbose())
		fputs(text, stdout);
	return n;
}

bool log_contains(const char *s)
{
	return strstr(log_buf, s) != NULL;
}

unsigned int log_count(const char *s)
{
	const char *p = log_buf;
	unsigned int n = 0;

	while ((p = strstr(p, s))) {
		n++;
		p += strlen(s);
	}
	return n;
}

void log_clear(void)
{
	log_len = 0;
	log_buf[0] = '\0';
}

const char *log_text(void)
{
	return log_buf;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...);
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!size)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (n < 0)
		return 0;
	return (size_t)n >= size ? (int)size - 1 : n;
}

void dump_stack(void);
void dump_stack(void)
{
	printk("<dump_stack>\n");
}

void __warn(const char *file, int line, void *caller);
void __warn(const char *file, int line, void *caller)
{
	printk("WARNING: at %s:%d %p\n", file, line, caller);
}

void panic(const char *fmt, ...);
void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stdout, "# panic: ");
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fprintf(stdout, "\n");
	exit(3);
}

/* ---- reclaim (mm/swap.c, mm/vmscan.c), not under test: nothing to reclaim ---- */

struct page;
void __page_cache_release(struct page *page);
void __page_cache_release(struct page *page)
{
	(void)page;
}

void wakeup_kswapd(unsigned int order);
void wakeup_kswapd(unsigned int order)
{
	(void)order;
}

unsigned long try_to_free_pages(unsigned int gfp, unsigned int order);
unsigned long try_to_free_pages(unsigned int gfp, unsigned int order)
{
	(void)gfp;
	(void)order;
	return 0;
}

bool reclaim_worth_retrying(unsigned int gfp, unsigned int order);
bool reclaim_worth_retrying(unsigned int gfp, unsigned int order)
{
	(void)gfp;
	(void)order;
	return false;
}

/* No OOM killer on the host: an allocation reclaim cannot satisfy fails. */
bool alloc_pages_may_oom(unsigned int gfp, unsigned int order, long waits);
bool alloc_pages_may_oom(unsigned int gfp, unsigned int order, long waits)
{
	(void)gfp;
	(void)order;
	(void)waits;
	return false;
}

bool gfp_pfmemalloc_allowed(unsigned int gfp);
bool gfp_pfmemalloc_allowed(unsigned int gfp)
{
	(void)gfp;
	return false;
}
