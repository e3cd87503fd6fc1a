/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shrinkers: caches outside the page LRU (dentries, inodes) that reclaim
 * can ask to give memory back.  A cache says how much it could free
 * (count_objects) and frees up to nr_to_scan of its coldest objects on
 * request (scan_objects); shrink_slab (mm/shrinker.c) asks each in turn,
 * in proportion to how hard reclaim is pressing (the priority).
 */
#ifndef _LINUX_SHRINKER_H
#define _LINUX_SHRINKER_H

#include <linux/list.h>
#include <linux/types.h>
#include <linux/gfp.h>

struct shrink_control {
	gfp_t gfp_mask;			/* the reclaimer's: no __GFP_FS, no filesystem work */
	unsigned long nr_to_scan;	/* objects to look at this call */
	unsigned long nr_scanned;	/* set by scan_objects: how many it did look at */
};

/* scan_objects: nothing can be done in this context (locks, gfp). */
#define SHRINK_STOP	(~0UL)
/* Objects per scan_objects call, as Linux's batch. */
#define SHRINK_BATCH	128

struct shrinker {
	unsigned long (*count_objects)(struct shrinker *s, struct shrink_control *sc);
	unsigned long (*scan_objects)(struct shrinker *s, struct shrink_control *sc);
	int seeks;			/* cost to recreate an object: higher, scanned less */
	struct list_head list;
};

#define DEFAULT_SEEKS	2

int register_shrinker(struct shrinker *shrinker);
void unregister_shrinker(struct shrinker *shrinker);
unsigned long shrink_slab(gfp_t gfp_mask, int priority);
void drop_slab(void);

#endif /* _LINUX_SHRINKER_H */
