/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UAPI_LINUX_LIMITS_H
#define _UAPI_LINUX_LIMITS_H

#define NGROUPS_MAX	65536
#define ARG_MAX		131072
#define NAME_MAX	255
#define PATH_MAX	4096
#define PIPE_BUF	4096

#endif
