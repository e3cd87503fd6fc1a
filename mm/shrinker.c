// SPDX-License-Identifier: GPL-2.0
/*
 * The shrinker list and shrink_slab, reclaim's way into the caches that
 * are not pages on an LRU.  At priority p a shrinker is asked to scan
 * its freeable objects >> p, times 4 / seeks: the same fraction of the
 * cache as of the page lists, weighted by how costly an object is to
 * rebuild.  drop_slab (drop_caches 2) repeats at priority 0 until a
 * round frees hardly anything.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/shrinker.h>
#include <linux/vmstat.h>

static LIST_HEAD(shrinker_list);
static DEFINE_MUTEX(shrinker_mutex);

int register_shrinker(struct shrinker *shrinker)
{
	if (!shrinker->count_objects || !shrinker->scan_objects)
		return -EINVAL;
	if (!shrinker->seeks)
		shrinker->seeks = DEFAULT_SEEKS;
	mutex_lock(&shrinker_mutex);
	list_add_tail(&shrinker->list, &shrinker_list);
	mutex_unlock(&shrinker_mutex);
	return 0;
}

void unregister_shrinker(struct shrinker *shrinker)
{
	mutex_lock(&shrinker_mutex);
	list_del_init(&shrinker->list);
	mutex_unlock(&shrinker_mutex);
}

static unsigned long do_shrink_slab(struct shrinker *s, struct shrink_control *sc, int priority)
{
	unsigned long freeable = s->count_objects(s, sc), total, freed = 0;

	if (!freeable)
		return 0;
	/* priority 0 (drop_caches, a desperate reclaim): the whole cache. */
	total = priority ? (freeable >> priority) * 4 / s->seeks : freeable;
	total = min(total, freeable);
	/* A light touch still makes progress on a small cache. */
	if (!total && freeable)
		total = min_t(unsigned long, freeable, 1);
	while (total) {
		unsigned long ret;

		sc->nr_to_scan = min_t(unsigned long, total, SHRINK_BATCH);
		sc->nr_scanned = sc->nr_to_scan;
		ret = s->scan_objects(s, sc);
		if (ret == SHRINK_STOP)
			break;
		freed += ret;
		count_vm_events(SLABS_SCANNED, (long)sc->nr_scanned);
		if (!sc->nr_scanned)
			break;
		total -= min(total, sc->nr_scanned);
		cond_resched();
	}
	return freed;
}

static unsigned long shrink_slab_locked(gfp_t gfp_mask, int priority)
{
	struct shrink_control sc = { .gfp_mask = gfp_mask };
	struct shrinker *s;
	unsigned long freed = 0;

	list_for_each_entry(s, &shrinker_list, list)
		freed += do_shrink_slab(s, &sc, priority);
	return freed;
}

/*
 * Objects freed.  Reclaim may run with locks a shrinker's own work needs
 * (a register_shrinker allocating): a busy list means skip, not wait.
 */
unsigned long shrink_slab(gfp_t gfp_mask, int priority)
{
	unsigned long freed;

	if (!mutex_trylock(&shrinker_mutex))
		return 0;
	freed = shrink_slab_locked(gfp_mask, priority);
	mutex_unlock(&shrinker_mutex);
	return freed;
}

/* drop_caches 2: a process asked and may wait; until a round frees ten objects or fewer. */
void drop_slab(void)
{
	unsigned long freed;

	do {
		mutex_lock(&shrinker_mutex);
		freed = shrink_slab_locked(GFP_KERNEL, 0);
		mutex_unlock(&shrinker_mutex);
		cond_resched();
	} while (freed > 10);
}
