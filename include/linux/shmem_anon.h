/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The object behind MAP_SHARED|MAP_ANONYMOUS memory: an array of pages
 * that every mapping of it (the parent's and its forked children's)
 * faults in from, so a write by one is seen by all.  tmpfs files will be
 * the same kind of object with a name.
 */
#ifndef _LINUX_SHMEM_ANON_H
#define _LINUX_SHMEM_ANON_H

#include <linux/types.h>

struct page;
struct shmem_object;

struct shmem_object *shmem_anon_create(unsigned long npages);
void shmem_anon_get(struct shmem_object *obj);
void shmem_anon_put(struct shmem_object *obj);
struct page *shmem_anon_get_page(struct shmem_object *obj, unsigned long index);
int shmem_anon_resize(struct shmem_object *obj, unsigned long npages);

#endif
