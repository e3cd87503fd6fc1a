/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Socket control messages (net/core/scm.c): the files of SCM_RIGHTS and
 * the credentials of SCM_CREDENTIALS, parsed from a sendmsg's control
 * buffer into a scm_cookie, carried with the data, and turned back into
 * control messages (new descriptors, a struct ucred) by recvmsg.
 */
#ifndef _NET_SCM_H
#define _NET_SCM_H

#include <linux/socket.h>
#include <linux/types.h>

struct file;
struct socket;
struct user_struct;

#define SCM_MAX_FD	253	/* files in one SCM_RIGHTS message, as Linux */

struct scm_fp_list {
	short count;
	struct user_struct *user;	/* the sender, charged while they are in flight */
	struct file *fp[SCM_MAX_FD];
};

struct scm_cookie {
	struct scm_fp_list *fp;		/* NULL: no files */
	struct ucred creds;		/* the sender's, or what it claimed */
	bool creds_set;			/* an SCM_CREDENTIALS message was sent */
};

int scm_send(struct socket *sock, struct msghdr *msg, struct scm_cookie *scm);
void scm_recv(struct socket *sock, struct msghdr *msg, struct scm_cookie *scm, int flags,
	      bool passcred);
void scm_destroy(struct scm_cookie *scm);
struct scm_fp_list *scm_fp_dup(const struct scm_fp_list *fpl);
void scm_fp_free(struct scm_fp_list *fpl);

#endif
