/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

void get_random_bytes(void *buf, size_t len);
u32 get_random_u32(void);
void rand_initialize(void);
bool rng_is_initialized(void);

extern const struct file_operations random_fops;	/* /dev/random, /dev/urandom */

#endif
