/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#include <linux/types.h>

#ifndef offsetof
#define offsetof(type, member)	__builtin_offsetof(type, member)
#endif

#define sizeof_field(type, member)	sizeof(((type *)0)->member)

#endif
