/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SERIAL_8250_H
#define _LINUX_SERIAL_8250_H

#include <linux/types.h>

#define SERIAL_RX_BUF	1024

void serial8250_console_init(void);
int serial8250_read(unsigned char *buf, int count);
bool serial8250_rx_pending(void);
void serial8250_set_rx_notify(void (*notify)(void));
void serial8250_write(const char *s, size_t count);

#endif
