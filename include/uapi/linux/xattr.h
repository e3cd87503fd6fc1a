/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Extended attribute names, flags and limits, as user space sees them. */
#ifndef _UAPI_LINUX_XATTR_H
#define _UAPI_LINUX_XATTR_H

#define XATTR_CREATE	0x1	/* set value, fail if attr already exists */
#define XATTR_REPLACE	0x2	/* set value, fail if attr does not exist */

#define XATTR_SECURITY_PREFIX	"security."
#define XATTR_SYSTEM_PREFIX	"system."
#define XATTR_TRUSTED_PREFIX	"trusted."
#define XATTR_USER_PREFIX	"user."

#define XATTR_NAME_MAX	255	/* chars in an extended attribute name */
#define XATTR_SIZE_MAX	65536	/* size of an extended attribute value (64k) */
#define XATTR_LIST_MAX	65536	/* size of extended attribute namelist (64k) */

#endif
