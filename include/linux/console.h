/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Consoles are where printk's messages go: a console is a write function
 * that must work in any context, including with interrupts off.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

#define CON_PRINTBUFFER	0x01	/* replay the log buffer on registration */
#define CON_ENABLED	0x04

struct console {
	char name[16];
	void (*write)(struct console *con, const char *s, unsigned int count);
	short flags;
	short index;
	struct console *next;
};

void register_console(struct console *con);
void console_flush_on_panic(void);

#endif
