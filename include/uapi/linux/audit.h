/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Only what seccomp needs of audit: the architecture tag of a system call. */
#ifndef _UAPI_LINUX_AUDIT_H
#define _UAPI_LINUX_AUDIT_H

#define __AUDIT_ARCH_64BIT	0x80000000
#define __AUDIT_ARCH_LE		0x40000000
#define EM_X86_64_AUDIT		62
#define AUDIT_ARCH_X86_64	(EM_X86_64_AUDIT | __AUDIT_ARCH_64BIT | __AUDIT_ARCH_LE)

#endif
