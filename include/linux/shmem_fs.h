/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tmpfs (fs/ramfs): files whose only home is the page cache.  Besides
 * named files it makes the unnamed ones: the object behind
 * MAP_SHARED|MAP_ANONYMOUS memory (shmem_zero_setup, shown as
 * "/dev/zero (deleted)" in /proc/<pid>/maps) and memfd_create's files.
 */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/types.h>

struct file;
struct vm_area_struct;

/* An unlinked tmpfs file of @size bytes, open read-write. */
struct file *shmem_file_setup(const char *name, loff_t size, unsigned long flags);
int shmem_zero_setup(struct vm_area_struct *vma);
/* The seals of a tmpfs file (memfd), or NULL for any other file. */
unsigned int *memfd_file_seals_ptr(struct file *file);

/* mm/memfd.c: F_ADD_SEALS and F_GET_SEALS */
long memfd_fcntl(struct file *file, unsigned int cmd, unsigned long arg);

#endif
