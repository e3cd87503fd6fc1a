/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* finit_module(2) flags. */
#ifndef _UAPI_LINUX_MODULE_H
#define _UAPI_LINUX_MODULE_H

#define MODULE_INIT_IGNORE_MODVERSIONS	1
#define MODULE_INIT_IGNORE_VERMAGIC	2
#define MODULE_INIT_COMPRESSED_FILE	4

#endif
