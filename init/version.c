// SPDX-License-Identifier: GPL-2.0
/* The banner printed at boot and by /proc/version, and uname's strings. */
#include <linux/utsname.h>

/* "SMP" joins the version strings when secondary CPUs run, not before. */
#define LINUX_COMPILER	"gcc version " __VERSION__

const char linux_banner[] =
	"Lantern version " UTS_RELEASE " (" LINUX_COMPILER ") #1 " __DATE__ "\n";

struct new_utsname init_uts_ns = {
	.sysname	= "Linux",
	.nodename	= "(none)",
	.release	= UTS_RELEASE,
	.version	= "#1 Lantern",
	.machine	= "x86_64",
	.domainname	= "(none)",
};
