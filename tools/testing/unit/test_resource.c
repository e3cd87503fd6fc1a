// SPDX-License-Identifier: GPL-2.0
/*
 * The resource tree (kernel/resource.c) on the host: sibling order and
 * conflicts of request_resource, insert_resource going down into the
 * range that contains it and up around the ranges it contains, release,
 * driver claims with __request_region inside unclaimed ranges, and the
 * /proc/iomem text.  Each group builds its own tree under a local root;
 * kzalloc comes from the real slab allocator over the fake machine.
 */
#include <stdio.h>
#include <linux/kernel.h>
#include <linux/ioport.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "../../../mm/internal.h"
#include "mm_env.h"

#define RES(s, e, n)	{ .start = (s), .end = (e), .name = (n), .flags = IORESOURCE_MEM }

static char text[4096];

/* The tree as /proc/iomem prints it, with addresses. */
static const char *show(struct resource *root)
{
	resource_tree_show(root, text, sizeof(text), true);
	return text;
}

static void test_request(void)
{
	struct resource root = RES(0, 0xffff, "root");
	struct resource a = RES(0x1000, 0x1fff, "a"), b = RES(0x3000, 0x3fff, "b");
	struct resource c = RES(0x2000, 0x2fff, "c"), over = RES(0x1800, 0x27ff, "over");
	struct resource outside = RES(0xf000, 0x10000, "outside"), empty = RES(0x5000, 0x4fff, "empty");
	struct resource last = RES(0x1fff, 0x1fff, "last"), first = RES(0x2fff, 0x3000, "first");

	mm_unit_begin("resource_request");
	CHECK(request_resource(&root, &b) == 0, "b");
	CHECK(request_resource(&root, &a) == 0, "a before b");
	CHECK(request_resource(&root, &c) == 0, "c between");
	CHECK(root.child == &a && a.sibling == &c && c.sibling == &b && !b.sibling,
	      "siblings not in address order");
	CHECK(a.parent == &root && c.parent == &root, "parent");
	CHECK(request_resource_conflict(&root, &over) == &a, "overlap finds the first range hit");
	CHECK(request_resource(&root, &over) == -EBUSY, "overlap is EBUSY");
	CHECK(request_resource_conflict(&root, &last) == &a, "a's last byte is a's");
	CHECK(request_resource_conflict(&root, &first) == &c, "c's last byte and b's first");
	CHECK(request_resource_conflict(&root, &outside) == &root, "past the root's end");
	CHECK(request_resource_conflict(&root, &empty) == &root, "end before start");
	CHECK(release_resource(&c) == 0 && a.sibling == &b && !c.parent, "release");
	CHECK(release_resource(&c) == -EINVAL, "release twice");
	CHECK(request_resource(&root, &over) == -EBUSY, "still overlaps a");
	unit_end();
}

static void test_insert(void)
{
	struct resource root = RES(0, 0xffffffff, "root");
	struct resource ram = RES(0x100000, 0x7fffffff, "System RAM");
	struct resource code = RES(0x1000000, 0x1ffffff, "Kernel code");
	struct resource data = RES(0x2000000, 0x20fffff, "Kernel data");
	struct resource image = RES(0x1000000, 0x2ffffff, "image");
	struct resource straddle = RES(0x1800000, 0x2ffffff, "straddle");
	struct resource same = RES(0x1000000, 0x1ffffff, "same");
	struct resource edge = RES(0x7fff0000, 0x80000fff, "edge");

	mm_unit_begin("resource_insert");
	CHECK(insert_resource(&iomem_resource, &root) == 0, "into the global tree");
	CHECK(insert_resource(&root, &ram) == 0, "top level");
	CHECK(insert_resource(&root, &code) == 0 && code.parent == &ram, "goes down into RAM");
	CHECK(insert_resource(&root, &data) == 0 && data.parent == &ram && code.sibling == &data,
	      "beside code");
	CHECK(insert_resource(&root, &same) == -EBUSY, "an equal range conflicts");
	CHECK(insert_resource(&root, &edge) == -EBUSY, "across RAM's end conflicts");
	CHECK(insert_resource(&root, &straddle) == -EBUSY, "half over code conflicts");
	CHECK(!straddle.parent, "a failed insert left a trace");
	CHECK(insert_resource(&root, &image) == 0, "around code and data");
	CHECK(image.parent == &ram && ram.child == &image && image.child == &code &&
	      code.parent == &image && data.parent == &image && !data.sibling,
	      "code and data not moved under image");
	CHECK(!strcmp(show(&root),
		      "00100000-7fffffff : System RAM\n"
		      "  01000000-02ffffff : image\n"
		      "    01000000-01ffffff : Kernel code\n"
		      "    02000000-020fffff : Kernel data\n"),
	      "tree text:\n%s", text);
	CHECK(release_resource(&root) == 0, "out of the global tree");
	unit_end();
}

static void test_region(void)
{
	struct resource ports = { .start = 0, .end = 0xffff, .name = "ports", .flags = IORESOURCE_IO };
	struct resource window = { .start = 0x1000, .end = 0x1fff, .name = "window",
				   .flags = IORESOURCE_IO };
	struct resource *uart, *again, *inside, *bad;

	mm_unit_begin("resource_region");
	CHECK(request_resource(&ports, &window) == 0, "window");
	uart = __request_region(&ports, 0x3f8, 8, "serial", 0);
	CHECK(uart && uart->parent == &ports && (uart->flags & IORESOURCE_BUSY) &&
	      (uart->flags & IORESOURCE_IO), "serial claim");
	again = __request_region(&ports, 0x3fc, 2, "again", 0);
	CHECK(!again, "a claimed range claimed again");
	inside = __request_region(&ports, 0x1100, 0x10, "dev", 0);
	CHECK(inside && inside->parent == &window, "a claim goes inside an unclaimed window");
	bad = __request_region(&ports, 0xfff8, 0x10, "bad", 0);
	CHECK(!bad, "past the end of the ports");
	CHECK(!__request_region(&ports, 0x100, 0, "zero", 0), "a zero-length claim");
	CHECK(!strcmp(show(&ports), "03f8-03ff : serial\n1000-1fff : window\n  1100-110f : dev\n"),
	      "ports text:\n%s", text);
	__release_region(&ports, 0x1100, 0x10);
	CHECK(!window.child, "release inside the window");
	log_clear();
	__release_region(&ports, 0x1100, 0x10);
	CHECK(log_contains("Trying to free nonexistent resource"), "double release not reported");
	__release_region(&ports, 0x3f8, 8);
	CHECK(ports.child == &window && !window.sibling, "serial released");
	unit_end();
}

static void test_show(void)
{
	struct resource root = RES(0, 0xffffffffffffffffULL, "root");
	struct resource low = RES(0, 0x9fbff, "System RAM");
	struct resource high = RES(0xfd00000000ULL, 0xffffffffffULL, "Reserved");
	char small[16];
	int len;

	mm_unit_begin("resource_show");
	CHECK(request_resource(&root, &low) == 0 && request_resource(&root, &high) == 0, "setup");
	len = resource_tree_show(&root, text, sizeof(text), true);
	CHECK(!strcmp(text, "00000000-0009fbff : System RAM\nfd00000000-ffffffffff : Reserved\n"),
	      "text:\n%s", text);
	CHECK(len == (int)strlen(text), "length %d", len);
	resource_tree_show(&root, text, sizeof(text), false);
	CHECK(!strcmp(text, "00000000-00000000 : System RAM\n00000000-00000000 : Reserved\n"),
	      "addresses not hidden:\n%s", text);
	CHECK(resource_tree_show(&root, small, sizeof(small), true) == len &&
	      strlen(small) == sizeof(small) - 1, "a short buffer: the full length, text cut");
	unit_end();
}

int main(void)
{
	mm_env_init();
	kmem_cache_init();
	test_request();
	test_insert();
	test_region();
	test_show();
	return unit_exit_status();
}
