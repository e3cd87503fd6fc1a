// SPDX-License-Identifier: GPL-2.0
/*
 * Shared anonymous memory objects (see <linux/shmem_anon.h>).  Pages are
 * allocated zeroed on first fault and live until the last mapping goes;
 * the object holds one reference on each, every PTE mapping it another.
 * An access beyond the object's size is SIGBUS, as for a file.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/shmem_anon.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>

struct shmem_object {
	refcount_t refs;
	struct mutex lock;	/* guards pages, npages */
	unsigned long npages;
	struct page **pages;
};

static struct page **alloc_page_array(unsigned long n)
{
	return vzalloc(max(n, 1UL) * sizeof(struct page *));
}

struct shmem_object *shmem_anon_create(unsigned long npages)
{
	struct shmem_object *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return NULL;
	obj->pages = alloc_page_array(npages);
	if (!obj->pages) {
		kfree(obj);
		return NULL;
	}
	refcount_set(&obj->refs, 1);
	mutex_init(&obj->lock);
	obj->npages = npages;
	return obj;
}

void shmem_anon_get(struct shmem_object *obj)
{
	refcount_inc(&obj->refs);
}

void shmem_anon_put(struct shmem_object *obj)
{
	unsigned long i;

	if (!refcount_dec_and_test(&obj->refs))
		return;
	for (i = 0; i < obj->npages; i++)
		if (obj->pages[i]) {
			shmem_page_stat(obj->pages[i], -1);
			put_page(obj->pages[i]);
		}
	vfree(obj->pages);
	kfree(obj);
}

/* The page at @index with a reference for the caller's PTE. */
struct page *shmem_anon_get_page(struct shmem_object *obj, unsigned long index)
{
	struct page *page;

	mutex_lock(&obj->lock);
	if (index >= obj->npages) {
		mutex_unlock(&obj->lock);
		return ERR_PTR(-EFAULT);
	}
	page = obj->pages[index];
	if (!page) {
		page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
		if (!page) {
			mutex_unlock(&obj->lock);
			return ERR_PTR(-ENOMEM);
		}
		obj->pages[index] = page;
		shmem_page_stat(page, 1);
	}
	get_page(page);
	mutex_unlock(&obj->lock);
	return page;
}

/* Grow to at least @npages (mremap of a shared mapping). */
int shmem_anon_resize(struct shmem_object *obj, unsigned long npages)
{
	struct page **pages;

	mutex_lock(&obj->lock);
	if (npages <= obj->npages) {
		mutex_unlock(&obj->lock);
		return 0;
	}
	pages = alloc_page_array(npages);
	if (!pages) {
		mutex_unlock(&obj->lock);
		return -ENOMEM;
	}
	memcpy(pages, obj->pages, obj->npages * sizeof(struct page *));
	vfree(obj->pages);
	obj->pages = pages;
	obj->npages = npages;
	mutex_unlock(&obj->lock);
	return 0;
}
