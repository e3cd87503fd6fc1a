/* SPDX-License-Identifier: GPL-2.0 */
/*
 * local_bh_disable()/local_bh_enable(): keep softirqs (and so tasklets
 * and timers) off this CPU while process code touches data they share.
 * Nests; the last enable runs whatever became pending meanwhile.
 */
#ifndef _LINUX_BH_H
#define _LINUX_BH_H

void local_bh_disable(void);
void local_bh_enable(void);

#endif
