// SPDX-License-Identifier: GPL-2.0
/*
 * SLUB: the slab allocator.
 *
 * The buddy allocator deals in pages; most kernel objects are far
 * smaller.  A cache (struct kmem_cache) serves objects of one size from
 * slabs: compound pages cut into equal objects.  The free objects of a
 * slab are chained through a pointer stored inside each free object
 * itself, so a slab needs no metadata beyond its struct page (freelist,
 * inuse, objects, slab_cache).
 *
 *   allocate: take the first free object of the first slab on the
 *             cache's partial list; if there is none, get a new slab from
 *             the page allocator.  A slab with no free object left drops
 *             off the list (full slabs are on no list at all).
 *   free:     virt_to_head_page() finds the slab from the object's
 *             address; the object goes on the slab's freelist.  A slab
 *             that becomes empty goes back to the page allocator, unless
 *             the cache keeps a few empty slabs to avoid churn.
 *
 * A constructor (ctor) runs when a slab is created, once per object; a
 * freed object is expected back in its constructed state, so the free
 * pointer of such caches sits after the object instead of inside it.
 *
 * kmalloc() is a set of caches of fixed sizes (8 .. 8192 bytes, plus 96
 * and 192); larger requests are compound pages straight from the buddy
 * allocator, their order kept in the head page.
 *
 * slub_debug (on the command line) adds red zones around objects,
 * poisons free (0x6b) and freshly allocated (0x5a) objects, records who
 * allocated and freed each object, and checks all of that on every
 * allocation and free.  A corruption is reported in Linux's format and
 * the damaged object is leaked rather than reused.
 *
 * Linux keeps a per-CPU active slab for a lock-free fast path; here one
 * lock per cache serves all CPUs.  Per-CPU slabs come with SMP.
 */
#include <linux/kernel.h>
#include <linux/bits.h>
#include <linux/init.h>
#include <linux/instruction_pointer.h>
#include <linux/mm.h>
#include <linux/sched/debug.h>
#include <linux/slab.h>
#include <linux/cpumask.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include "internal.h"
#include "slab.h"

#define SLUB_MAX_ORDER		3	/* slabs of up to 8 pages */
#define SLUB_MIN_OBJECTS	8	/* aim for at least this many per slab */
#define ARCH_KMALLOC_MINALIGN	sizeof(void *)
#define L1_CACHE_BYTES		64

/* Debug byte patterns, as in Linux, so reports read the same. */
#define SLUB_RED_INACTIVE	0xbb	/* red zone of a free object */
#define SLUB_RED_ACTIVE		0xcc	/* red zone of an allocated object */
#define POISON_INUSE		0x5a	/* allocated, not yet written */
#define POISON_FREE		0x6b	/* freed */
#define POISON_END		0xa5	/* last byte of a poisoned object */

static struct kmem_cache kmem_cache_boot;
struct kmem_cache *kmem_cache;
LIST_HEAD(slab_caches);
static DEFINE_SPINLOCK(slab_caches_lock);
struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];
atomic_t slab_bug_reports;

static const struct {
	const char *name;
	unsigned int size;
} kmalloc_info[KMALLOC_SHIFT_HIGH + 1] = {
	[1] = { "kmalloc-96", 96 },	[2] = { "kmalloc-192", 192 },
	[3] = { "kmalloc-8", 8 },	[4] = { "kmalloc-16", 16 },
	[5] = { "kmalloc-32", 32 },	[6] = { "kmalloc-64", 64 },
	[7] = { "kmalloc-128", 128 },	[8] = { "kmalloc-256", 256 },
	[9] = { "kmalloc-512", 512 },	[10] = { "kmalloc-1k", 1024 },
	[11] = { "kmalloc-2k", 2048 },	[12] = { "kmalloc-4k", 4096 },
	[13] = { "kmalloc-8k", 8192 },
};

/* ---------------------------------------------------------------- */
/* Object layout                                                     */

/* Who allocated or freed an object (slub_debug's U). */
struct track {
	unsigned long addr;
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + s->offset);
}

static inline void set_freepointer(const struct kmem_cache *s, void *object, void *fp)
{
	*(void **)((char *)object + s->offset) = fp;
}

static inline void *slab_address(const struct page *slab)
{
	return page_address(slab);
}

/* The first object of @slab, as users see it (past the left red zone). */
static inline void *slab_first_object(const struct kmem_cache *s, const struct page *slab)
{
	return (char *)slab_address(slab) + s->red_left_pad;
}

static inline struct track *get_track(const struct kmem_cache *s, void *object,
				      enum track_item alloc)
{
	unsigned int off = s->offset >= s->inuse ? s->offset + sizeof(void *) : s->inuse;

	return (struct track *)((char *)object + off) + alloc;
}

/* Does @object point exactly at an object of @slab? */
static bool check_valid_pointer(const struct kmem_cache *s, const struct page *slab,
				const void *object)
{
	const char *base = slab_first_object(s, slab);
	unsigned long off;

	if (!object)
		return true;
	if ((const char *)object < base)
		return false;
	off = (const char *)object - base;
	return off % s->size == 0 && off / s->size < slab->objects;
}

/* ---------------------------------------------------------------- */
/* slub_debug                                                        */

static slab_flags_t slub_debug;
static char *slub_debug_string;		/* cache names, or NULL for all */

int __init setup_slub_debug(char *str)
{
	slab_flags_t flags = 0;

	if (*str != '=') {			/* plain "slub_debug" */
		slub_debug = SLAB_DEBUG_FLAGS;
		return 1;
	}
	for (str++; *str && *str != ','; str++) {
		switch (*str | 0x20) {		/* letters in either case */
		case 'f': flags |= SLAB_CONSISTENCY_CHECKS; break;
		case 'z': flags |= SLAB_RED_ZONE; break;
		case 'p': flags |= SLAB_POISON; break;
		case 'u': flags |= SLAB_STORE_USER; break;
		case '-' | 0x20: break;		/* "-": switch off */
		default:
			pr_err("slub_debug option '%c' unknown; ignored\n", *str);
		}
	}
	/* "slub_debug=,name" means all options for those caches. */
	slub_debug = flags ? flags : (str[-1] == '=' ? SLAB_DEBUG_FLAGS : 0);
	if (*str == ',' && str[1])
		slub_debug_string = str + 1;
	return 1;
}
__setup("slub_debug", setup_slub_debug);

static bool name_in_list(const char *list, const char *name)
{
	size_t n = strlen(name);

	while (list && *list) {
		if (!strncmp(list, name, n) && (list[n] == ',' || list[n] == '\0'))
			return true;
		list = strchr(list, ',');
		if (list)
			list++;
	}
	return false;
}

static slab_flags_t kmem_cache_flags(const char *name, slab_flags_t flags)
{
	if (slub_debug && (!slub_debug_string || name_in_list(slub_debug_string, name)))
		flags |= slub_debug;
	return flags;
}

static void print_section(const char *text, const u8 *addr, unsigned int length)
{
	char line[16 * 3 + 1];
	unsigned int i, j;

	for (i = 0; i < length; i += 16) {
		int pos = 0;

		for (j = i; j < length && j < i + 16; j++)
			pos += snprintf(line + pos, sizeof(line) - pos, "%02x ", addr[j]);
		pr_err("%s%px: %s\n", text, addr + i, line);
	}
}

static void slab_bug(const struct kmem_cache *s, const char *reason)
{
	atomic_inc(&slab_bug_reports);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (Not tainted): %s\n", s->name, reason);
	pr_err("-----------------------------------------------------------------------------\n");
}

static void slab_fix(const struct kmem_cache *s, const char *what, const void *object)
{
	pr_err("FIX %s: %s %px\n", s->name, what, object);
}

static void print_tracking(const struct kmem_cache *s, void *object)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	pr_err("Allocated in %pS\n", (void *)get_track(s, object, TRACK_ALLOC)->addr);
	pr_err("Freed in %pS\n", (void *)get_track(s, object, TRACK_FREE)->addr);
}

static void print_trailer(const struct kmem_cache *s, const struct page *slab, u8 *p)
{
	unsigned int show = min(s->object_size, 64U);

	print_tracking(s, p);
	pr_err("Slab %px objects=%u used=%u fp=%px\n", slab, slab->objects,
	       slab->inuse, slab->freelist);
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p - s->red_left_pad, s->red_left_pad);
	print_section("Object   ", p, show);
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p + s->object_size, s->inuse - s->object_size);
	dump_stack();
}

static void object_err(const struct kmem_cache *s, const struct page *slab,
		       u8 *object, const char *reason)
{
	slab_bug(s, reason);
	print_trailer(s, slab, object);
}

/* The first byte in [start, start + bytes) that is not @value, or NULL. */
static u8 *check_bytes(u8 *start, u8 value, unsigned int bytes)
{
	while (bytes--) {
		if (*start != value)
			return start;
		start++;
	}
	return NULL;
}

static void set_track(const struct kmem_cache *s, void *object,
		      enum track_item alloc, unsigned long addr)
{
	if (s->flags & SLAB_STORE_USER)
		get_track(s, object, alloc)->addr = addr;
}

/* Red zones to @val; poison the object if it is free (or fresh). */
static void init_object(const struct kmem_cache *s, u8 *p, u8 val)
{
	if (s->flags & SLAB_RED_ZONE) {
		memset(p - s->red_left_pad, val, s->red_left_pad);
		memset(p + s->object_size, val, s->inuse - s->object_size);
	}
	if (s->flags & __OBJECT_POISON) {
		memset(p, val == SLUB_RED_ACTIVE ? POISON_INUSE : POISON_FREE,
		       s->object_size - 1);
		p[s->object_size - 1] = val == SLUB_RED_ACTIVE ? POISON_INUSE : POISON_END;
	}
}

/*
 * Are the red zones and poison of @object what they must be in state
 * @val (SLUB_RED_ACTIVE: allocated, SLUB_RED_INACTIVE: free)?
 */
static bool check_object(struct kmem_cache *s, struct page *slab, u8 *p, u8 val)
{
	const char *reason = NULL;

	if (s->flags & SLAB_RED_ZONE) {
		unsigned int right = s->inuse - s->object_size;

		/* Both zones say "free" while we free it: the second free. */
		if (val == SLUB_RED_ACTIVE &&
		    !check_bytes(p - s->red_left_pad, SLUB_RED_INACTIVE, s->red_left_pad) &&
		    !check_bytes(p + s->object_size, SLUB_RED_INACTIVE, right))
			reason = "Object already free";
		else if (check_bytes(p - s->red_left_pad, val, s->red_left_pad))
			reason = "Left Redzone overwritten";
		else if (check_bytes(p + s->object_size, val, right))
			reason = "Right Redzone overwritten";
	}
	if (!reason && val == SLUB_RED_INACTIVE && (s->flags & __OBJECT_POISON) &&
	    (check_bytes(p, POISON_FREE, s->object_size - 1) ||
	     p[s->object_size - 1] != POISON_END))
		reason = "Poison overwritten";
	if (!reason)
		return true;
	object_err(s, slab, p, reason);
	return false;
}

/* Is @search on @slab's freelist?  Caller holds s->lock. */
static bool on_freelist(const struct kmem_cache *s, const struct page *slab, void *search)
{
	void *fp = slab->freelist;
	unsigned int n = 0;

	lockdep_assert_held(&((struct kmem_cache *)s)->lock);
	while (fp && n++ <= slab->objects) {
		if (fp == search)
			return true;
		if (!check_valid_pointer(s, slab, fp))
			break;
		fp = get_freepointer(s, fp);
	}
	return false;
}

/* An object just taken off a freelist: fit to hand out? */
static bool alloc_debug_processing(struct kmem_cache *s, struct page *slab,
				   void *object, unsigned long addr)
{
	if (!check_object(s, slab, object, SLUB_RED_INACTIVE)) {
		slab_fix(s, "Object leaked, not reused:", object);
		return false;
	}
	set_track(s, object, TRACK_ALLOC, addr);
	init_object(s, object, SLUB_RED_ACTIVE);
	return true;
}

/* An object being freed: really one of ours, and in use?  Caller holds s->lock. */
static bool free_debug_processing(struct kmem_cache *s, struct page *slab,
				  void *object, unsigned long addr)
{
	lockdep_assert_held(&s->lock);
	if (!check_valid_pointer(s, slab, object)) {
		slab_bug(s, "Invalid object pointer");
		pr_err("kfree(%px) from %pS\n", object, (void *)addr);
		goto fail;
	}
	if ((s->flags & SLAB_CONSISTENCY_CHECKS) && on_freelist(s, slab, object)) {
		object_err(s, slab, object, "Object already free");
		goto fail;
	}
	if (!check_object(s, slab, object, SLUB_RED_ACTIVE))
		goto fail;
	set_track(s, object, TRACK_FREE, addr);
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
fail:
	pr_err("Freed by %pS\n", (void *)addr);
	slab_fix(s, "Object not freed:", object);
	return false;
}

/* ---------------------------------------------------------------- */
/* Slabs                                                             */

static void account_slab(const struct kmem_cache *s, long pages)
{
	mod_node_page_state(NODE_DATA(0), (s->flags & SLAB_RECLAIM_ACCOUNT) ?
			    NR_SLAB_RECLAIMABLE : NR_SLAB_UNRECLAIMABLE, pages);
}

static void setup_object(struct kmem_cache *s, void *object)
{
	if (kmem_cache_debug(s)) {
		init_object(s, object, SLUB_RED_INACTIVE);
		set_track(s, object, TRACK_ALLOC, 0);
		set_track(s, object, TRACK_FREE, 0);
	}
	if (s->ctor)
		s->ctor(object);
}

/* A fresh slab with every object free, chained in address order. */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab;
	char *p;
	unsigned int i;

	gfp &= ~(GFP_ZONEMASK | __GFP_ZERO);
	if (s->flags & SLAB_CACHE_DMA)
		gfp |= __GFP_DMA;
	else if (s->flags & SLAB_CACHE_DMA32)
		gfp |= __GFP_DMA32;
	slab = alloc_pages(gfp | __GFP_COMP, s->order);
	if (!slab)
		return NULL;

	__SetPageSlab(slab);
	slab->slab_cache = s;
	slab->objects = s->objects;
	slab->inuse = 0;
	p = slab_first_object(s, slab);
	slab->freelist = p;
	for (i = 0; i < s->objects; i++, p += s->size) {
		setup_object(s, p);
		set_freepointer(s, p, i + 1 < s->objects ? p + s->size : NULL);
	}
	account_slab(s, 1L << s->order);
	return slab;
}

static void discard_slab(struct kmem_cache *s, struct page *slab)
{
	account_slab(s, -(1L << s->order));
	__ClearPageSlab(slab);
	slab->slab_cache = NULL;
	slab->freelist = NULL;
	INIT_LIST_HEAD(&slab->slab_list);
	__free_pages(slab, s->order);
}

/*
 * Take @slab's first free object.  With debugging, the next pointer is
 * checked before it is trusted: a corrupt one (an overflow from the
 * object before) leaks the rest of the freelist.  Caller holds s->lock.
 */
static void *take_object(struct kmem_cache *s, struct page *slab)
{
	void *object = slab->freelist;
	void *next = get_freepointer(s, object);

	lockdep_assert_held(&s->lock);
	if (kmem_cache_debug(s) && !check_valid_pointer(s, slab, next)) {
		object_err(s, slab, object, "Freepointer corrupt");
		slab_fix(s, "Free objects after this leaked; isolated", object);
		s->active_objects += slab->objects - slab->inuse - 1;
		slab->inuse = slab->objects - 1;
		next = NULL;
	}
	slab->freelist = next;
	slab->inuse++;
	s->active_objects++;
	if (!next) {			/* full: off the partial list */
		list_del_init(&slab->slab_list);
		s->nr_partial--;
	}
	return object;
}

static void *__slab_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	struct page *slab;
	void *object;

	spin_lock_irqsave(&s->lock, flags);
	slab = list_first_entry_or_null(&s->partial, struct page, slab_list);
	if (!slab) {
		/* The page allocator takes its own lock; don't hold ours. */
		spin_unlock_irqrestore(&s->lock, flags);
		slab = new_slab(s, gfp);
		if (!slab)
			return NULL;
		spin_lock_irqsave(&s->lock, flags);
		list_add(&slab->slab_list, &s->partial);
		s->nr_partial++;
		s->nr_slabs++;
		s->total_objects += slab->objects;
	}
	object = take_object(s, slab);
	spin_unlock_irqrestore(&s->lock, flags);
	return object;
}

static void *slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller)
{
	void *object;

	might_sleep_if(gfpflags_allow_blocking(gfp));
	do {
		object = __slab_alloc(s, gfp);
	} while (object && kmem_cache_debug(s) &&
		 !alloc_debug_processing(s, virt_to_head_page(object), object, caller));
	if (object && (gfp & __GFP_ZERO))
		memset(object, 0, s->object_size);
	return object;
}

static void slab_free(struct kmem_cache *s, struct page *slab, void *object,
		      unsigned long caller)
{
	struct page *discard = NULL;
	unsigned long flags;
	bool was_full;

	spin_lock_irqsave(&s->lock, flags);
	if (kmem_cache_debug(s) && !free_debug_processing(s, slab, object, caller))
		goto out;
	was_full = !slab->freelist;
	set_freepointer(s, object, slab->freelist);
	slab->freelist = object;
	slab->inuse--;
	s->active_objects--;
	if (!slab->inuse && s->nr_partial > s->min_partial) {
		/* Empty, and enough empty-ish slabs are kept already. */
		if (!was_full) {
			list_del(&slab->slab_list);
			s->nr_partial--;
		}
		s->nr_slabs--;
		s->total_objects -= slab->objects;
		discard = slab;
	} else if (was_full) {
		list_add(&slab->slab_list, &s->partial);
		s->nr_partial++;
	}
out:
	spin_unlock_irqrestore(&s->lock, flags);
	if (discard)
		discard_slab(s, discard);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp, _RET_IP_);
}
EXPORT_SYMBOL(kmem_cache_alloc);

static struct page *virt_to_slab(const void *x)
{
	struct page *page = virt_to_head_page(x);

	return PageSlab(page) ? page : NULL;
}

void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct page *slab;

	if (!x)
		return;
	slab = virt_to_slab(x);
	if (!slab || slab->slab_cache != s) {
		WARN(1, "kmem_cache_free: Wrong slab cache. %s but object is from %s\n",
		     s->name, slab ? slab->slab_cache->name : "no slab");
		return;
	}
	slab_free(s, slab, x, _RET_IP_);
}
EXPORT_SYMBOL(kmem_cache_free);

unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}

/* Give every empty slab back to the page allocator. */
int kmem_cache_shrink(struct kmem_cache *s)
{
	LIST_HEAD(discard);
	struct page *slab, *tmp;
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	list_for_each_entry_safe(slab, tmp, &s->partial, slab_list) {
		if (slab->inuse)
			continue;
		list_move(&slab->slab_list, &discard);
		s->nr_partial--;
		s->nr_slabs--;
		s->total_objects -= slab->objects;
	}
	spin_unlock_irqrestore(&s->lock, flags);
	list_for_each_entry_safe(slab, tmp, &discard, slab_list)
		discard_slab(s, slab);
	return 0;
}

/* ---------------------------------------------------------------- */
/* Creating caches                                                   */

static unsigned int calculate_order(unsigned int size)
{
	unsigned int order;

	for (order = 0; order <= SLUB_MAX_ORDER; order++) {
		unsigned long slab_size = PAGE_SIZE << order;

		/* Enough objects, and at most an eighth wasted at the end. */
		if (slab_size / size >= SLUB_MIN_OBJECTS &&
		    (slab_size % size) * 8 <= slab_size)
			return order;
	}
	if ((PAGE_SIZE << SLUB_MAX_ORDER) >= size)
		return SLUB_MAX_ORDER;
	return get_order(size);
}

/* Where the free pointer, red zones and tracks go; see mm/slab.h. */
static int calculate_sizes(struct kmem_cache *s)
{
	slab_flags_t flags = s->flags;
	unsigned int size = ALIGN(s->object_size, sizeof(void *));

	/* An object filling its last word still gets a word of red zone. */
	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;
	if ((flags & __OBJECT_POISON) || s->ctor) {
		/* The object's bytes are not free to hold the pointer. */
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = 0;
	}
	if (flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);
	s->red_left_pad = 0;
	if (flags & SLAB_RED_ZONE) {
		s->red_left_pad = ALIGN(sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	s->size = ALIGN(size, s->align);
	s->order = calculate_order(s->size);
	if (s->order >= MAX_ORDER)
		return -E2BIG;
	s->objects = (PAGE_SIZE << s->order) / s->size;
	return 0;
}

static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		/* Small objects share a line rather than each wasting one. */
		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max_t(unsigned int, align, ARCH_KMALLOC_MINALIGN);
	return ALIGN(align, sizeof(void *));
}

static int kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
			   unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	s->name = name;
	s->object_size = size;
	s->ctor = ctor;
	s->flags = kmem_cache_flags(name, flags);
	/* Poisoning would destroy what the constructor built. */
	if ((s->flags & SLAB_POISON) && !ctor)
		s->flags |= __OBJECT_POISON;
	s->align = calculate_alignment(flags, align, size);
	s->refcount = 1;
	s->min_partial = 2;
	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->partial);
	s->nr_partial = s->nr_slabs = s->total_objects = s->active_objects = 0;
	return calculate_sizes(s);
}

static void slab_caches_add(struct kmem_cache *s)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s;
	int err = -EINVAL;

	if (!name || !size || size > KMALLOC_MAX_SIZE || (align & (align - 1)))
		goto out_err;
	err = -ENOMEM;
	s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto out_err;
	err = kmem_cache_open(s, name, size, align, flags, ctor);
	if (err)
		goto out_free_cache;
	slab_caches_add(s);
	return s;

out_free_cache:
	kmem_cache_free(kmem_cache, s);
out_err:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: failed to create slab '%s': %d", name, err);
	pr_warn("kmem_cache_create(%s) failed with error %d\n", name, err);
	return NULL;
}
EXPORT_SYMBOL(kmem_cache_create);

/*
 * A cache with objects still allocated cannot go: those objects would
 * point into freed pages.  It is reported and left alone, as in Linux.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long flags;
	bool busy;

	if (!s)
		return;
	kmem_cache_shrink(s);
	spin_lock_irqsave(&s->lock, flags);
	busy = s->active_objects || s->nr_slabs;
	spin_unlock_irqrestore(&s->lock, flags);
	if (busy) {
		pr_err("kmem_cache_destroy %s: Slab cache still has objects when called from %pS\n",
		       s->name, (void *)_RET_IP_);
		dump_stack();
		return;
	}
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	kmem_cache_free(kmem_cache, s);
}
EXPORT_SYMBOL(kmem_cache_destroy);

/* ---------------------------------------------------------------- */
/* kmalloc                                                           */

/* Index into kmalloc_caches: log2 of the size class, 1 and 2 for 96 and 192. */
unsigned int kmalloc_index(size_t size)
{
	if (size <= 8)
		return 3;
	if (size <= 16)
		return 4;
	if (size <= 32)
		return 5;
	if (size <= 64)
		return 6;
	if (size <= 96)
		return 1;
	if (size <= 128)
		return 7;
	if (size <= 192)
		return 2;
	return (unsigned int)(BITS_PER_LONG - __builtin_clzl(size - 1));
}

/*
 * Above the largest cache, and for zone-restricted requests (there are
 * no DMA kmalloc caches), whole pages; the order stays in the compound
 * head for kfree and ksize.
 */
static void *kmalloc_large(size_t size, gfp_t gfp)
{
	unsigned int order = get_order(size);
	struct page *page;

	if (order >= MAX_ORDER) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	page = alloc_pages(gfp | __GFP_COMP, order);
	if (!page)
		return NULL;
	mod_node_page_state(NODE_DATA(0), NR_SLAB_UNRECLAIMABLE, 1L << order);
	return page_address(page);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE || (gfp & (__GFP_DMA | __GFP_DMA32))))
		return kmalloc_large(size, gfp);
	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	return slab_alloc(kmalloc_caches[kmalloc_index(size)], gfp, _RET_IP_);
}
EXPORT_SYMBOL(kmalloc);

void kfree(const void *x)
{
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return;
	page = virt_to_head_page(x);
	if (likely(PageSlab(page))) {
		slab_free(page->slab_cache, page, (void *)x, _RET_IP_);
		return;
	}
	/* Pages from kmalloc_large: compound, or one page for a small DMA request. */
	if (WARN(page_address(page) != x, "kfree(%px): not a kmalloc pointer\n", x))
		return;
	mod_node_page_state(NODE_DATA(0), NR_SLAB_UNRECLAIMABLE,
			    -(1L << compound_order(page)));
	__free_pages(page, compound_order(page));
}
EXPORT_SYMBOL(kfree);

size_t ksize(const void *x)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(x))
		return 0;
	page = virt_to_head_page(x);
	if (PageSlab(page))
		return page->slab_cache->object_size;
	return PAGE_SIZE << compound_order(page);
}

void *krealloc(const void *p, size_t new_size, gfp_t gfp)
{
	size_t ks = ksize(p);
	void *ret;

	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (ks >= new_size) {
		/* Fits already; only the newly used bytes want zeroing. */
		if ((gfp & __GFP_ZERO) && p)
			memset((char *)p + new_size, 0, ks - new_size);
		return (void *)p;
	}
	ret = kmalloc(new_size, gfp);
	if (ret && !ZERO_OR_NULL_PTR(p)) {
		memcpy(ret, p, ks);
		kfree(p);
	}
	return ret;
}
EXPORT_SYMBOL(krealloc);

/* ---------------------------------------------------------------- */
/* Boot                                                              */

static struct kmem_cache * __init create_kmalloc_cache(const char *name,
						      unsigned int size)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_NOWAIT);

	if (!s || kmem_cache_open(s, name, size, ARCH_KMALLOC_MINALIGN, 0, NULL))
		panic("Out of memory when creating slab %s", name);
	slab_caches_add(s);
	return s;
}

/*
 * The cache of caches is itself a cache: its first struct kmem_cache is
 * static, and every later one (the kmalloc caches included) is allocated
 * from it.
 */
void __init kmem_cache_init(void)
{
	unsigned int i;

	kmem_cache = &kmem_cache_boot;
	if (kmem_cache_open(kmem_cache, "kmem_cache", sizeof(struct kmem_cache),
			    0, SLAB_HWCACHE_ALIGN, NULL))
		panic("kmem_cache_init: cannot set up the cache of caches");
	slab_caches_add(kmem_cache);
	for (i = 0; i <= KMALLOC_SHIFT_HIGH; i++)
		if (kmalloc_info[i].name)
			kmalloc_caches[i] = create_kmalloc_cache(kmalloc_info[i].name,
								 kmalloc_info[i].size);
	pr_info("SLUB: HWalign=%d, Order=0-%d, MinObjects=%d, CPUs=%u, Nodes=1%s\n",
		L1_CACHE_BYTES, SLUB_MAX_ORDER, SLUB_MIN_OBJECTS, nr_cpu_ids,
		slub_debug ? ", debugging on" : "");
}

/* ---------------------------------------------------------------- */
/* /proc/slabinfo                                                    */

int slabinfo_show(char *buf, size_t size)
{
	struct kmem_cache *s;
	unsigned long flags;
	int len;

	len = scnprintf(buf, size,
			"slabinfo - version: 2.1\n"
			"# name            <active_objs> <num_objs> <objsize> <objperslab> "
			"<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
			"slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		unsigned long active_objs, num_objs, nr_slabs, cflags;

		spin_lock_irqsave(&s->lock, cflags);
		active_objs = s->active_objects;
		num_objs = s->total_objects;
		nr_slabs = s->nr_slabs;
		spin_unlock_irqrestore(&s->lock, cflags);
		len += scnprintf(buf + len, size - len,
				 "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u"
				 " : slabdata %6lu %6lu %6lu\n",
				 s->name, active_objs, num_objs, s->size, s->objects,
				 1 << s->order, 0, 0, 0, nr_slabs, nr_slabs, 0UL);
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return len;
}
