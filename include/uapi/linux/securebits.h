/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Securebits (prctl PR_SET_SECUREBITS): per-credential switches that turn
 * off the special treatment of UID 0.  Each bit has a "locked" twin one
 * position above it; once a lock is set the bit can never change again.
 */
#ifndef _UAPI_LINUX_SECUREBITS_H
#define _UAPI_LINUX_SECUREBITS_H

#define issecure_mask(X)		(1 << (X))

#define SECURE_NOROOT			0	/* exec gives root no capabilities */
#define SECURE_NOROOT_LOCKED		1
#define SECURE_NO_SETUID_FIXUP		2	/* setuid leaves capabilities alone */
#define SECURE_NO_SETUID_FIXUP_LOCKED	3
#define SECURE_KEEP_CAPS		4	/* PR_SET_KEEPCAPS; cleared by exec */
#define SECURE_KEEP_CAPS_LOCKED		5
#define SECURE_NO_CAP_AMBIENT_RAISE	6
#define SECURE_NO_CAP_AMBIENT_RAISE_LOCKED 7

#define SECBIT_NOROOT			issecure_mask(SECURE_NOROOT)
#define SECBIT_NOROOT_LOCKED		issecure_mask(SECURE_NOROOT_LOCKED)
#define SECBIT_NO_SETUID_FIXUP		issecure_mask(SECURE_NO_SETUID_FIXUP)
#define SECBIT_NO_SETUID_FIXUP_LOCKED	issecure_mask(SECURE_NO_SETUID_FIXUP_LOCKED)
#define SECBIT_KEEP_CAPS		issecure_mask(SECURE_KEEP_CAPS)
#define SECBIT_KEEP_CAPS_LOCKED		issecure_mask(SECURE_KEEP_CAPS_LOCKED)
#define SECBIT_NO_CAP_AMBIENT_RAISE	issecure_mask(SECURE_NO_CAP_AMBIENT_RAISE)
#define SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED issecure_mask(SECURE_NO_CAP_AMBIENT_RAISE_LOCKED)

#define SECURE_ALL_BITS		(SECBIT_NOROOT | SECBIT_NO_SETUID_FIXUP | \
				 SECBIT_KEEP_CAPS | SECBIT_NO_CAP_AMBIENT_RAISE)
#define SECURE_ALL_LOCKS	(SECURE_ALL_BITS << 1)

#endif
