/* SPDX-License-Identifier: GPL-2.0 */
/* timerfd (fs/timerfd.c): what timekeeping tells it. */
#ifndef _LINUX_TIMERFD_H
#define _LINUX_TIMERFD_H

/* The wall clock was set: TFD_TIMER_CANCEL_ON_SET timers report ECANCELED. */
void timerfd_clock_was_set(void);

#endif
