/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The string functions x86 implements itself (arch/x86/lib/memcpy_64.S)
 * instead of taking lib/string.c's byte loops.  Host unit tests compile
 * lib/string.c on its own, so they keep the generic versions.
 */
#ifndef _ASM_X86_STRING_H
#define _ASM_X86_STRING_H

#ifndef __HOST_TEST__
#define __HAVE_ARCH_MEMCPY
#define __HAVE_ARCH_MEMSET
#endif

#endif /* _ASM_X86_STRING_H */
