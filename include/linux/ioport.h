/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resources: who owns which range of physical memory or of I/O ports.
 * Each range is a struct resource in a tree under one of two roots,
 * iomem_resource and ioport_resource; a node's children lie inside it
 * and siblings, kept in address order, never overlap.  The firmware's
 * memory map (e820) fills the memory tree at boot, the kernel image
 * marks its sections inside System RAM, and drivers claim their ranges
 * with request_region()/request_mem_region(), which fail when someone
 * already has them.  /proc/iomem and /proc/ioports print the trees.
 * The code is kernel/resource.c.
 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/types.h>

typedef phys_addr_t resource_size_t;

struct resource {
	resource_size_t start;
	resource_size_t end;		/* the last address in the range */
	const char *name;
	unsigned long flags;		/* IORESOURCE_* */
	/* The tree; all three guarded by resource_lock (kernel/resource.c). */
	struct resource *parent, *sibling, *child;
};

#define IORESOURCE_IO		0x00000100	/* I/O ports */
#define IORESOURCE_MEM		0x00000200	/* physical memory */
#define IORESOURCE_SYSRAM	0x01000000	/* RAM the kernel manages */
#define IORESOURCE_BUSY		0x80000000	/* claimed by a driver */
#define IORESOURCE_SYSTEM_RAM	(IORESOURCE_MEM | IORESOURCE_SYSRAM)

#define DEFINE_RES_NAMED(_start, _size, _name, _flags)			\
	{ .start = (_start), .end = (_start) + (_size) - 1,		\
	  .name = (_name), .flags = (_flags) }
#define DEFINE_RES_IO_NAMED(_start, _size, _name)			\
	DEFINE_RES_NAMED((_start), (_size), (_name), IORESOURCE_IO | IORESOURCE_BUSY)

extern struct resource ioport_resource;
extern struct resource iomem_resource;

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

/*
 * Add @new as a child of @root beside the existing children.  Returns
 * NULL, or the resource it would overlap (@root itself when @new is not
 * inside @root); request_resource() turns that into 0 or -EBUSY.
 */
struct resource *request_resource_conflict(struct resource *root, struct resource *new);
int request_resource(struct resource *root, struct resource *new);
/*
 * Put @new where it fits at any depth below @parent: inside the resource
 * that contains it, and around the siblings it contains, which become
 * its children.  Fails (-EBUSY) when @new overlaps a range partly.
 */
struct resource *insert_resource_conflict(struct resource *parent, struct resource *new);
int insert_resource(struct resource *parent, struct resource *new);
/* Take @old, with everything below it, out of its tree. */
int release_resource(struct resource *old);

/*
 * A driver's claim on [start, start + n): a new busy resource, placed
 * inside any non-busy range that contains it.  NULL if the range is taken
 * (or memory is short).  May sleep.
 */
struct resource *__request_region(struct resource *parent, resource_size_t start,
				  resource_size_t n, const char *name, int flags);
void __release_region(struct resource *parent, resource_size_t start, resource_size_t n);

#define request_region(start, n, name) \
	__request_region(&ioport_resource, (start), (n), (name), 0)
#define request_mem_region(start, n, name) \
	__request_region(&iomem_resource, (start), (n), (name), 0)
#define release_region(start, n)	__release_region(&ioport_resource, (start), (n))
#define release_mem_region(start, n)	__release_region(&iomem_resource, (start), (n))

/*
 * The tree below @root as /proc/iomem prints it: one line per resource,
 * indented two spaces per level, addresses in at least 4 (I/O ports) or
 * 8 hex digits; with @show_addr false every address reads as 0, as
 * Linux shows them to readers without CAP_SYS_ADMIN.  Returns the
 * length, as snprintf.
 */
int resource_tree_show(struct resource *root, char *buf, size_t size, bool show_addr);

#endif /* _LINUX_IOPORT_H */
