// SPDX-License-Identifier: GPL-2.0
/*
 * The banner printed at boot and by /proc/version, and uname's strings.
 * The banner has Linux's layout ("Linux version <release> (<by>@<host>)
 * (<compiler>) <version>"), which tools parse; the release is the Linux
 * ABI level with "-lantern" appended (Makefile KERNELRELEASE) and the
 * version string names Lantern, so `uname -a` still tells them apart.
 */
#include <linux/utsname.h>

#define LINUX_COMPILE_BY	"lantern"
#define LINUX_COMPILE_HOST	"lantern"
#define LINUX_COMPILER		"gcc version " __VERSION__
#define UTS_VERSION		"#1 SMP Lantern " __DATE__

const char linux_banner[] =
	"Linux version " UTS_RELEASE " (" LINUX_COMPILE_BY "@" LINUX_COMPILE_HOST ") ("
	LINUX_COMPILER ") " UTS_VERSION "\n";

struct new_utsname init_uts_ns = {
	.sysname	= "Linux",
	.nodename	= "(none)",
	.release	= UTS_RELEASE,
	.version	= UTS_VERSION,
	.machine	= "x86_64",
	.domainname	= "(none)",
};
