// SPDX-License-Identifier: GPL-2.0
/*
 * Socket control messages (<net/scm.h>).  On sendmsg, scm_send walks the
 * control buffer: SCM_RIGHTS takes a reference on each named file,
 * SCM_CREDENTIALS checks that the sender may claim those IDs.  On
 * recvmsg, scm_recv writes the credentials back as a cmsg and turns each
 * passed file into a new descriptor of the receiver; what does not fit
 * in the receiver's buffer is dropped and MSG_CTRUNC set, as on Linux.
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/cred.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/net.h>
#include <linux/sched.h>
#include <linux/sched/user.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <net/scm.h>
#include <uapi/linux/capability.h>

void scm_fp_free(struct scm_fp_list *fpl)
{
	int i;

	if (!fpl)
		return;
	for (i = 0; i < fpl->count; i++)
		fput(fpl->fp[i]);
	free_uid(fpl->user);
	kfree(fpl);
}

struct scm_fp_list *scm_fp_dup(const struct scm_fp_list *fpl)
{
	struct scm_fp_list *n;
	int i;

	if (!fpl)
		return NULL;
	n = kmalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return NULL;
	n->count = fpl->count;
	n->user = get_uid(fpl->user);
	for (i = 0; i < fpl->count; i++)
		n->fp[i] = get_file(fpl->fp[i]);
	return n;
}

void scm_destroy(struct scm_cookie *scm)
{
	scm_fp_free(scm->fp);
	scm->fp = NULL;
}

/* SCM_RIGHTS: a reference on every named file, appended to scm->fp. */
static int scm_fp_copy(const struct cmsghdr *cmsg, struct scm_cookie *scm)
{
	const int *fdp = CMSG_DATA(cmsg);
	int num = (cmsg->cmsg_len - CMSG_ALIGN(sizeof(struct cmsghdr))) / sizeof(int);
	struct scm_fp_list *fpl = scm->fp;
	int i;

	if (num <= 0)
		return 0;
	if (num > SCM_MAX_FD)
		return -EINVAL;
	if (!fpl) {
		fpl = kmalloc(sizeof(*fpl), GFP_KERNEL);
		if (!fpl)
			return -ENOMEM;
		fpl->count = 0;
		fpl->user = get_uid(current_cred()->user);
		scm->fp = fpl;
	}
	if (fpl->count + num > SCM_MAX_FD)
		return -EINVAL;
	for (i = 0; i < num; i++) {
		struct file *file = fdp[i] < 0 ? NULL : fget(fdp[i]);

		if (!file)
			return -EBADF;
		fpl->fp[fpl->count++] = file;
	}
	return 0;
}

/* May the sender claim these credentials?  Its own, or with the capability. */
static int scm_check_creds(const struct ucred *creds)
{
	const struct cred *cred = current_cred();

	if (creds->pid != (u32)task_tgid_vnr(current) && !capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (creds->uid != cred->uid && creds->uid != cred->euid &&
	    creds->uid != cred->suid && !capable(CAP_SETUID))
		return -EPERM;
	if (creds->gid != cred->gid && creds->gid != cred->egid &&
	    creds->gid != cred->sgid && !capable(CAP_SETGID))
		return -EPERM;
	return 0;
}

static int scm_one(struct socket *sock, const struct cmsghdr *cmsg, struct scm_cookie *scm)
{
	int err;

	if (cmsg->cmsg_level != SOL_SOCKET)
		return 0;	/* other levels belong to the protocol; AF_UNIX has none */
	switch (cmsg->cmsg_type) {
	case SCM_RIGHTS:
		if (!sock->ops || sock->ops->family != AF_UNIX)
			return -EINVAL;
		return scm_fp_copy(cmsg, scm);
	case SCM_CREDENTIALS:
		if (cmsg->cmsg_len != CMSG_LEN(sizeof(struct ucred)))
			return -EINVAL;
		memcpy(&scm->creds, CMSG_DATA(cmsg), sizeof(struct ucred));
		err = scm_check_creds(&scm->creds);
		if (err)
			return err;
		/* Kept as the first PID namespace numbers it; scm_recv translates. */
		scm->creds.pid = pid_vnr_to_global(scm->creds.pid);
		scm->creds_set = true;
		return 0;
	default:
		return -EINVAL;
	}
}

/*
 * Parse the kernel copy of the control buffer.  The credentials default
 * to the sender's real IDs.  On error nothing is kept.
 */
int scm_send(struct socket *sock, struct msghdr *msg, struct scm_cookie *scm)
{
	const struct cred *cred = current_cred();
	char *p = msg->msg_control;
	size_t left = msg->msg_controllen;
	int err = 0;

	memset(scm, 0, sizeof(*scm));
	scm->creds.pid = current->tgid;
	scm->creds.uid = cred->uid;
	scm->creds.gid = cred->gid;
	while (left >= sizeof(struct cmsghdr)) {
		const struct cmsghdr *cmsg = (const struct cmsghdr *)p;
		size_t space;

		if (cmsg->cmsg_len < sizeof(struct cmsghdr) || cmsg->cmsg_len > left) {
			err = -EINVAL;
			break;
		}
		err = scm_one(sock, cmsg, scm);
		if (err)
			break;
		space = CMSG_ALIGN(cmsg->cmsg_len);
		if (space >= left)
			break;
		p += space;
		left -= space;
	}
	if (err)
		scm_destroy(scm);
	return err;
}

/* Append one control message to the user's buffer; MSG_CTRUNC if it does not fit. */
int put_cmsg(struct msghdr *msg, int level, int type, int len, const void *data)
{
	struct cmsghdr __user *cm = (struct cmsghdr __user *)msg->msg_control;
	struct cmsghdr h;
	size_t cmlen = CMSG_LEN(len);

	if (!cm || msg->msg_controllen < sizeof(h)) {
		msg->msg_flags |= MSG_CTRUNC;
		return 0;
	}
	if (msg->msg_controllen < cmlen) {
		msg->msg_flags |= MSG_CTRUNC;
		cmlen = msg->msg_controllen;
	}
	h.cmsg_len = cmlen;
	h.cmsg_level = level;
	h.cmsg_type = type;
	if (copy_to_user(cm, &h, sizeof(h)) ||
	    copy_to_user(CMSG_DATA(cm), data, cmlen - sizeof(h)))
		return -EFAULT;
	cmlen = min(CMSG_SPACE(len), msg->msg_controllen);
	msg->msg_control = (char *)msg->msg_control + cmlen;
	msg->msg_controllen -= cmlen;
	return 0;
}

/* SCM_RIGHTS: new descriptors for as many files as the buffer has room for. */
static void scm_detach_fds(struct msghdr *msg, struct scm_cookie *scm)
{
	struct cmsghdr __user *cm = (struct cmsghdr __user *)msg->msg_control;
	int __user *fdp;
	unsigned int o_flags = (msg->msg_cmsg_flags & MSG_CMSG_CLOEXEC) ? O_CLOEXEC : 0;
	int fdmax = 0, i;
	struct cmsghdr h;

	if (cm && msg->msg_controllen > sizeof(h))
		fdmax = (msg->msg_controllen - sizeof(h)) / sizeof(int);
	fdp = CMSG_DATA(cm);
	for (i = 0; i < fdmax && i < scm->fp->count; i++) {
		int fd = get_unused_fd_flags(o_flags);

		if (fd < 0)
			break;
		if (put_user(fd, fdp + i)) {
			put_unused_fd(fd);
			break;
		}
		fd_install(fd, get_file(scm->fp->fp[i]));
	}
	if (i > 0) {
		size_t space = min(CMSG_SPACE(i * sizeof(int)), msg->msg_controllen);

		h.cmsg_len = CMSG_LEN(i * sizeof(int));
		h.cmsg_level = SOL_SOCKET;
		h.cmsg_type = SCM_RIGHTS;
		if (!copy_to_user(cm, &h, sizeof(h))) {
			msg->msg_control = (char *)msg->msg_control + space;
			msg->msg_controllen -= space;
		}
	}
	if (i < scm->fp->count)
		msg->msg_flags |= MSG_CTRUNC;
}

/* Deliver a received message's control data; consumes scm->fp. */
void scm_recv(struct socket *sock, struct msghdr *msg, struct scm_cookie *scm, int flags,
	      bool passcred)
{
	if (passcred) {
		struct ucred creds = scm->creds;

		creds.pid = pid_global_to_vnr(creds.pid);	/* the receiver's number */
		put_cmsg(msg, SOL_SOCKET, SCM_CREDENTIALS, sizeof(creds), &creds);
	}
	if (scm->fp)
		scm_detach_fds(msg, scm);
	scm_destroy(scm);
}
