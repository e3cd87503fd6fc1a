/* SPDX-License-Identifier: GPL-2.0 */
/* The terminal ioctl numbers (tty_ioctl(4)), x86-64 values. */
#ifndef _UAPI_ASM_GENERIC_IOCTLS_H
#define _UAPI_ASM_GENERIC_IOCTLS_H

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TCGETA		0x5405	/* the System V struct termio forms */
#define TCSETA		0x5406
#define TCSETAW		0x5407
#define TCSETAF		0x5408
#define TCSBRK		0x5409
#define TCXONC		0x540A
#define TCFLSH		0x540B
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCOUTQ	0x5411
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B
#define TIOCINQ		FIONREAD
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define TCSBRKP		0x5425
#define TIOCVHANGUP	0x5437
#define TIOCPKT		0x5420
#define TIOCGPTN	0x80045430	/* _IOR('T', 0x30, unsigned int) */
#define TIOCSPTLCK	0x40045431	/* _IOW('T', 0x31, int) */
#define TIOCSIG		0x40045436	/* _IOW('T', 0x36, int) */
#define TIOCGPKT	0x80045438
#define TIOCGPTLCK	0x80045439
#define TIOCGPTPEER	0x5441		/* _IO('T', 0x41) */

#endif
