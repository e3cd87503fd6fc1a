/* SPDX-License-Identifier: GPL-2.0 */
/* BSD process accounting (kernel/acct.c). */
#ifndef _LINUX_ACCT_H
#define _LINUX_ACCT_H

/* The last thread of the process exits with @exit_code: write its record. */
void acct_process(long exit_code);

#endif
