// SPDX-License-Identifier: GPL-2.0
/*
 * The resource trees (see <linux/ioport.h>): iomem_resource for physical
 * addresses, ioport_resource for x86's 64K I/O ports.  A child lies
 * inside its parent, and the children of one parent form a list sorted
 * by address whose ranges never overlap, so finding where a new range
 * goes, or what it collides with, is one walk down a sibling list.
 *
 * Everything here takes resource_lock; __request_region allocates before
 * taking it, so nothing under the lock sleeps.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/ioport.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct resource ioport_resource = {
	.name	= "PCI IO",
	.start	= 0,
	.end	= 0xffff,
	.flags	= IORESOURCE_IO,
};

struct resource iomem_resource = {
	.name	= "PCI mem",
	.start	= 0,
	.end	= ~(resource_size_t)0,
	.flags	= IORESOURCE_MEM,
};

static DEFINE_SPINLOCK(resource_lock);

/*
 * Link @new among @root's children if it overlaps none of them.  Returns
 * NULL when linked, else what is in the way: @root when @new is not
 * within it (or is an empty range), the first overlapping child otherwise.
 */
static struct resource *__request_resource(struct resource *root, struct resource *new)
{
	struct resource **link = &root->child;

	if (new->end < new->start || new->start < root->start || new->end > root->end)
		return root;
	for (;;) {
		struct resource *cur = *link;

		/* The first child past @new's end: @new goes before it. */
		if (!cur || cur->start > new->end) {
			new->sibling = cur;
			new->parent = root;
			new->child = NULL;
			*link = new;
			return NULL;
		}
		if (cur->end >= new->start)
			return cur;
		link = &cur->sibling;
	}
}

struct resource *request_resource_conflict(struct resource *root, struct resource *new)
{
	struct resource *conflict;

	spin_lock(&resource_lock);
	conflict = __request_resource(root, new);
	spin_unlock(&resource_lock);
	return conflict;
}

int request_resource(struct resource *root, struct resource *new)
{
	return request_resource_conflict(root, new) ? -EBUSY : 0;
}

/* Unlink @old (and its subtree) from its parent's list. */
static int __release_resource(struct resource *old)
{
	struct resource **link;

	if (!old->parent)
		return -EINVAL;
	for (link = &old->parent->child; *link; link = &(*link)->sibling) {
		if (*link == old) {
			*link = old->sibling;
			old->parent = NULL;
			old->sibling = NULL;
			return 0;
		}
	}
	return -EINVAL;
}

int release_resource(struct resource *old)
{
	int ret;

	spin_lock(&resource_lock);
	ret = __release_resource(old);
	spin_unlock(&resource_lock);
	return ret;
}

/*
 * Descend while a resource in the way contains @new entirely; then
 * either @new went in, or it covers a run of siblings, which move under
 * it.  A range equal to @new's, or one that straddles its edge, is a
 * conflict.
 */
static struct resource *__insert_resource(struct resource *parent, struct resource *new)
{
	struct resource *first, *last, *r;

	for (;;) {
		first = __request_resource(parent, new);
		if (!first || first == parent)
			return first;
		if (first == new)
			return first;	/* already in the tree */
		if (first->start > new->start || first->end < new->end)
			break;		/* @new is not inside @first */
		if (first->start == new->start && first->end == new->end)
			return first;
		parent = first;
	}

	/* @new must hold @first and each following sibling it touches. */
	for (last = first; ; last = last->sibling) {
		if (last->start < new->start || last->end > new->end)
			return last;
		if (!last->sibling || last->sibling->start > new->end)
			break;
	}

	new->parent = parent;
	new->child = first;
	new->sibling = last->sibling;
	last->sibling = NULL;
	for (r = first; r; r = r->sibling)
		r->parent = new;
	if (parent->child == first) {
		parent->child = new;
	} else {
		for (r = parent->child; r->sibling != first; r = r->sibling)
			;
		r->sibling = new;
	}
	return NULL;
}

struct resource *insert_resource_conflict(struct resource *parent, struct resource *new)
{
	struct resource *conflict;

	spin_lock(&resource_lock);
	conflict = __insert_resource(parent, new);
	spin_unlock(&resource_lock);
	return conflict;
}

int insert_resource(struct resource *parent, struct resource *new)
{
	return insert_resource_conflict(parent, new) ? -EBUSY : 0;
}

struct resource *__request_region(struct resource *parent, resource_size_t start,
				  resource_size_t n, const char *name, int flags)
{
	struct resource *res = kzalloc(sizeof(*res), GFP_KERNEL);

	if (!res)
		return NULL;
	res->name = name;
	res->start = start;
	res->end = start + n - 1;
	res->flags = (parent->flags & (IORESOURCE_IO | IORESOURCE_MEM)) | IORESOURCE_BUSY | flags;
	if (!n || res->end < start)
		goto fail;

	spin_lock(&resource_lock);
	for (;;) {
		struct resource *conflict = __request_resource(parent, res);

		if (!conflict)
			break;
		/* Inside a range nobody has claimed (a bus window, System RAM): go in. */
		if (conflict != parent && !(conflict->flags & IORESOURCE_BUSY) &&
		    conflict->start <= res->start && conflict->end >= res->end) {
			parent = conflict;
			continue;
		}
		spin_unlock(&resource_lock);
		goto fail;
	}
	spin_unlock(&resource_lock);
	return res;

fail:
	kfree(res);
	return NULL;
}

void __release_region(struct resource *parent, resource_size_t start, resource_size_t n)
{
	resource_size_t end = start + n - 1;
	struct resource **link = &parent->child;

	spin_lock(&resource_lock);
	while (*link) {
		struct resource *res = *link;

		if (res->start > start || res->end < end) {
			link = &res->sibling;
			continue;
		}
		/* @res covers the range: it is the claim, or holds it. */
		if (!(res->flags & IORESOURCE_BUSY)) {
			link = &res->child;
			continue;
		}
		if (res->start != start || res->end != end)
			break;
		*link = res->sibling;
		spin_unlock(&resource_lock);
		kfree(res);
		return;
	}
	spin_unlock(&resource_lock);
	pr_warn("Trying to free nonexistent resource <%#llx-%#llx>\n",
		(unsigned long long)start, (unsigned long long)end);
}

/* The next resource in depth-first order below @root, and its depth. */
static struct resource *next_resource(struct resource *root, struct resource *r, int *depth)
{
	if (r->child) {
		(*depth)++;
		return r->child;
	}
	while (!r->sibling && r->parent != root) {
		r = r->parent;
		(*depth)--;
	}
	return r->sibling;
}

int resource_tree_show(struct resource *root, char *buf, size_t size, bool show_addr)
{
	int width = root->end < 0x10000 ? 4 : 8, depth = 0;
	size_t len = 0;
	struct resource *r;

	spin_lock(&resource_lock);
	for (r = root->child; r; r = next_resource(root, r, &depth)) {
		unsigned long long start = show_addr ? r->start : 0;
		unsigned long long end = show_addr ? r->end : 0;

		len += snprintf(buf + min(len, size), size - min(len, size),
				"%*s%0*llx-%0*llx : %s\n", depth * 2, "", width, start,
				width, end, r->name ? r->name : "<BAD>");
	}
	spin_unlock(&resource_lock);
	return len;
}
