/* SPDX-License-Identifier: GPL-2.0 */
/* The fuzz target's kernel shim (fuzz_kernel.c), as the harness sees it. */
#ifndef FUZZ_KERNEL_H
#define FUZZ_KERNEL_H

#include <linux/dcache.h>
#include <linux/fs.h>

extern u8 *fuzz_disk;		/* the image, one copy per run */
extern size_t fuzz_disk_size;
extern unsigned int fuzz_live_inodes;

unsigned int fuzz_live_buffers(void);
struct dentry *fuzz_d_alloc(struct super_block *sb, struct dentry *parent, const char *name,
			    unsigned int len);

#endif
