/* SPDX-License-Identifier: GPL-2.0 */
/* AF_UNIX addresses: a path name, or an abstract name when sun_path[0] is 0. */
#ifndef _UAPI_LINUX_UN_H
#define _UAPI_LINUX_UN_H

#define UNIX_PATH_MAX	108

struct sockaddr_un {
	unsigned short sun_family;	/* AF_UNIX */
	char sun_path[UNIX_PATH_MAX];
};

#endif
