/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SipHash-2-4: a keyed hash (a PRF) of short inputs.  Without the 128-bit
 * key, outputs cannot be predicted or inverted, which is what hashing
 * kernel pointers for the log needs (lib/vsprintf.c, %p).
 */
#ifndef _LINUX_SIPHASH_H
#define _LINUX_SIPHASH_H

#include <linux/types.h>

typedef struct {
	u64 key[2];
} siphash_key_t;

u64 siphash_1u64(u64 first, const siphash_key_t *key);

#endif
