/* SPDX-License-Identifier: GPL-2.0 */
/* Entry points start_kernel calls into the architecture, in boot order. */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

void setup_arch(void);
void trap_init(void);
void init_IRQ(void);
void time_init(void);

#endif
