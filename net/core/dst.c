// SPDX-License-Identifier: GPL-2.0
/*
 * Route results (<net/dst.h>).  A lookup hands out a dst_entry with one
 * reference; each packet sent along it holds another until it is freed,
 * so the route outlives whatever queue the packet sits in.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <net/dst.h>

void dst_release(struct dst_entry *dst)
{
	if (dst && refcount_dec_and_test(&dst->__refcnt)) {
		if (dst->dev)
			dev_put(dst->dev);
		kfree(dst);
	}
}
