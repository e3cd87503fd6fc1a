/* SPDX-License-Identifier: GPL-2.0 */
/* The network fuzz target's kernel shim (fuzz_net_kernel.c), as the harness sees it. */
#ifndef FUZZ_NET_H
#define FUZZ_NET_H

#include <linux/net.h>
#include <linux/socket.h>

extern const struct net_proto_family *fuzz_families[AF_MAX];
extern unsigned long fuzz_wakeups;

void fuzz_run_timers(void);
void fuzz_advance(unsigned long ticks);
void fuzz_random_reset(void);

#endif
