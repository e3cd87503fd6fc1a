// SPDX-License-Identifier: GPL-2.0
/*
 * System V message queues: msgget, msgsnd, msgrcv, msgctl.
 *
 * A queue is a list of messages, each a type (a positive long the sender
 * chooses) and up to msgmax bytes of text.  msgsnd appends; msgrcv takes
 * the first message, the first of a given type, the first not of a type
 * (MSG_EXCEPT), or the first of the lowest type up to a bound (negative
 * msgtyp).  A queue holds at most msg_qbytes bytes (and as many
 * messages): a sender past that sleeps, as does a receiver that finds
 * nothing, unless IPC_NOWAIT.  Both wake on any change to the queue and
 * look again; removing the queue wakes them with EIDRM, a signal with
 * EINTR.
 *
 * Text is copied from the sender before the table lock is taken and to
 * the receiver after it is dropped, so no user page fault happens under
 * the lock (the page might be a shm segment, or not there at all).
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/msg.h>
#include <uapi/linux/stat.h>
#include "util.h"

struct msg_msg {
	struct list_head m_list;
	long m_type;
	size_t m_ts;			/* text size */
	char m_text[];
};

struct msg_queue {
	struct kern_ipc_perm q_perm;	/* first: the table holds &q_perm */
	long q_stime;			/* last msgsnd time */
	long q_rtime;			/* last msgrcv time */
	long q_ctime;			/* last change time */
	unsigned long q_cbytes;		/* bytes on the queue */
	unsigned long q_qnum;		/* messages on the queue */
	unsigned long q_qbytes;		/* most bytes (and messages) allowed */
	pid_t q_lspid;
	pid_t q_lrpid;
	struct list_head q_messages;
	wait_queue_head_t q_wait;	/* senders and receivers, woken on every change */
};

/* What msgrcv's msgtyp asks for. */
enum msg_search {
	SEARCH_ANY,		/* msgtyp 0: the first message */
	SEARCH_EQUAL,		/* msgtyp > 0: the first of that type */
	SEARCH_NOTEQUAL,	/* msgtyp > 0 with MSG_EXCEPT: the first of another type */
	SEARCH_LESSEQUAL,	/* msgtyp < 0: the lowest type up to -msgtyp */
	SEARCH_NUMBER,		/* MSG_COPY: the msgtyp-th message, from 0 */
};

static struct msg_queue *msq_of(struct kern_ipc_perm *perm)
{
	return container_of(perm, struct msg_queue, q_perm);
}

static void free_msg(struct msg_msg *msg)
{
	ipc_free(msg);
}

/* Drop a reference to a queue; the last one frees it and its messages. */
static void msg_putref(struct msg_queue *msq)
{
	struct msg_msg *msg, *t;

	if (!ipc_putref(&msq->q_perm))
		return;
	list_for_each_entry_safe(msg, t, &msq->q_messages, m_list)
		free_msg(msg);
	kfree(msq);
}

static int newque(struct ipc_namespace *ns, struct ipc_params *params)
{
	struct msg_queue *msq = kzalloc(sizeof(*msq), GFP_KERNEL);
	int id;

	if (!msq)
		return -ENOMEM;
	msq->q_perm.mode = params->flg & S_IRWXUGO;
	msq->q_perm.key = params->key;
	msq->q_ctime = ipc_get_seconds();
	msq->q_qbytes = ns->msg_ctlmnb;
	INIT_LIST_HEAD(&msq->q_messages);
	init_waitqueue_head(&msq->q_wait);
	id = ipc_addid(msg_ids(ns), &msq->q_perm, ns->msg_ctlmni);
	if (id < 0)
		kfree(msq);
	return id;
}

static const struct ipc_ops msg_ops = {
	.getnew = newque,
};

SYSCALL_DEFINE2(msgget, key_t, key, int, msgflg)
{
	struct ipc_params params = { .key = key, .flg = msgflg };

	return ipcget(current_ipc_ns(), msg_ids(current_ipc_ns()), &msg_ops, &params);
}

/* IPC_RMID: out of the table; messages go with the last reference.  rwsem held. */
static void freeque(struct ipc_namespace *ns, struct msg_queue *msq)
{
	ipc_rmid(msg_ids(ns), &msq->q_perm);
	ns->msg_bytes -= msq->q_cbytes;
	ns->msg_hdrs -= msq->q_qnum;
	wake_up_all(&msq->q_wait);
	msg_putref(msq);
}

static void msg_exit_one(struct ipc_namespace *ns, struct kern_ipc_perm *perm)
{
	freeque(ns, msq_of(perm));
}

void msg_init_ns(struct ipc_namespace *ns)
{
	ns->msg_ctlmax = MSGMAX;
	ns->msg_ctlmnb = MSGMNB;
	ns->msg_ctlmni = MSGMNI;
	ns->msg_bytes = 0;
	ns->msg_hdrs = 0;
	ipc_init_ids(msg_ids(ns));
}

void msg_exit_ns(struct ipc_namespace *ns)
{
	free_ipcs(ns, msg_ids(ns), msg_exit_one);
}

static bool msg_fits(struct msg_queue *msq, size_t size)
{
	return size + msq->q_cbytes <= msq->q_qbytes && msq->q_qnum + 1 <= msq->q_qbytes;
}

/*
 * Sleep once on @msq (rwsem held on entry and return).  Returns 0 to look
 * again, -EIDRM if the queue went away, -ERESTARTNOHAND on a signal.
 */
static int msg_wait(struct ipc_ids *ids, struct msg_queue *msq)
{
	int err = 0;

	ipc_getref(&msq->q_perm);
	ipc_sleep(&ids->rwsem, &msq->q_wait, 0);
	if (msq->q_perm.deleted)
		err = -EIDRM;
	else if (signal_pending(current))
		err = -ERESTARTNOHAND;
	msg_putref(msq);
	return err;
}

static long do_msgsnd(int msqid, long mtype, const void __user *mtext, size_t msgsz, int msgflg)
{
	struct ipc_namespace *ns = current_ipc_ns();
	struct ipc_ids *ids = msg_ids(ns);
	struct kern_ipc_perm *perm;
	struct msg_queue *msq;
	struct msg_msg *msg;
	long err;

	if (msgsz > (size_t)ns->msg_ctlmax || (long)msgsz < 0 || msqid < 0)
		return -EINVAL;
	if (mtype < 1)
		return -EINVAL;
	msg = ipc_alloc(sizeof(*msg) + msgsz);
	if (!msg)
		return -ENOMEM;
	msg->m_type = mtype;
	msg->m_ts = msgsz;
	if (copy_from_user(msg->m_text, mtext, msgsz)) {
		free_msg(msg);
		return -EFAULT;
	}

	mutex_lock(&ids->rwsem);
	perm = ipc_obtain_object_check(ids, msqid);
	if (IS_ERR(perm)) {
		err = PTR_ERR(perm);
		goto out_unlock;
	}
	msq = msq_of(perm);
	for (;;) {
		err = ipcperms(perm, S_IWUGO);
		if (err)
			goto out_unlock;
		if (msg_fits(msq, msgsz))
			break;
		if (msgflg & IPC_NOWAIT) {
			err = -EAGAIN;
			goto out_unlock;
		}
		err = msg_wait(ids, msq);
		if (err)
			goto out_unlock;
	}
	list_add_tail(&msg->m_list, &msq->q_messages);
	msq->q_cbytes += msgsz;
	msq->q_qnum++;
	msq->q_lspid = current->tgid;
	msq->q_stime = ipc_get_seconds();
	ns->msg_bytes += msgsz;
	ns->msg_hdrs++;
	wake_up_all(&msq->q_wait);
	msg = NULL;
	err = 0;
out_unlock:
	mutex_unlock(&ids->rwsem);
	if (msg)
		free_msg(msg);
	return err;
}

SYSCALL_DEFINE4(msgsnd, int, msqid, void __user *, msgp, size_t, msgsz, int, msgflg)
{
	long mtype;

	if (get_user(mtype, (long __user *)msgp))
		return -EFAULT;
	return do_msgsnd(msqid, mtype, (char __user *)msgp + sizeof(long), msgsz, msgflg);
}

static enum msg_search convert_mode(long *msgtyp, int msgflg)
{
	if (msgflg & MSG_COPY)
		return SEARCH_NUMBER;
	if (*msgtyp == 0)
		return SEARCH_ANY;
	if (*msgtyp < 0) {
		*msgtyp = *msgtyp == LONG_MIN ? LONG_MAX : -*msgtyp;
		return SEARCH_LESSEQUAL;
	}
	return (msgflg & MSG_EXCEPT) ? SEARCH_NOTEQUAL : SEARCH_EQUAL;
}

/* The message msgrcv's mode and msgtyp select, or NULL.  rwsem held. */
static struct msg_msg *find_msg(struct msg_queue *msq, long msgtyp, enum msg_search mode)
{
	struct msg_msg *msg, *found = NULL;
	long n = 0;

	list_for_each_entry(msg, &msq->q_messages, m_list) {
		switch (mode) {
		case SEARCH_ANY:
			return msg;
		case SEARCH_EQUAL:
			if (msg->m_type == msgtyp)
				return msg;
			break;
		case SEARCH_NOTEQUAL:
			if (msg->m_type != msgtyp)
				return msg;
			break;
		case SEARCH_LESSEQUAL:
			/* The first of the lowest type: a strictly lower one replaces it. */
			if (msg->m_type <= msgtyp && (!found || msg->m_type < found->m_type))
				found = msg;
			break;
		case SEARCH_NUMBER:
			if (n++ == msgtyp)
				return msg;
			break;
		}
	}
	return found;
}

/* A copy of @msg for MSG_COPY, which leaves the original queued. */
static struct msg_msg *copy_msg(struct msg_msg *msg)
{
	struct msg_msg *copy = ipc_alloc(sizeof(*copy) + msg->m_ts);

	if (!copy)
		return ERR_PTR(-ENOMEM);
	copy->m_type = msg->m_type;
	copy->m_ts = msg->m_ts;
	memcpy(copy->m_text, msg->m_text, msg->m_ts);
	return copy;
}

/* Take @msg off the queue for its receiver.  rwsem held. */
static void unlink_msg(struct ipc_namespace *ns, struct msg_queue *msq, struct msg_msg *msg)
{
	list_del(&msg->m_list);
	msq->q_qnum--;
	msq->q_cbytes -= msg->m_ts;
	msq->q_lrpid = current->tgid;
	msq->q_rtime = ipc_get_seconds();
	ns->msg_bytes -= msg->m_ts;
	ns->msg_hdrs--;
	wake_up_all(&msq->q_wait);
}

/* Find, wait for and take the message msgrcv asks for.  rwsem held. */
static struct msg_msg *msg_get(struct ipc_namespace *ns, struct msg_queue *msq, size_t bufsz,
			       long msgtyp, int msgflg)
{
	struct ipc_ids *ids = msg_ids(ns);
	enum msg_search mode = convert_mode(&msgtyp, msgflg);
	struct msg_msg *msg;
	int err;

	for (;;) {
		err = ipcperms(&msq->q_perm, S_IRUGO);
		if (err)
			return ERR_PTR(err);
		msg = find_msg(msq, msgtyp, mode);
		if (msg)
			break;
		if (msgflg & IPC_NOWAIT)
			return ERR_PTR(-ENOMSG);
		err = msg_wait(ids, msq);
		if (err)
			return ERR_PTR(err);
	}
	if (bufsz < msg->m_ts && !(msgflg & MSG_NOERROR))
		return ERR_PTR(-E2BIG);
	if (msgflg & MSG_COPY)
		return copy_msg(msg);
	unlink_msg(ns, msq, msg);
	return msg;
}

static long do_msgrcv(int msqid, void __user *buf, size_t bufsz, long msgtyp, int msgflg)
{
	struct ipc_namespace *ns = current_ipc_ns();
	struct ipc_ids *ids = msg_ids(ns);
	struct kern_ipc_perm *perm;
	struct msg_msg *msg;
	size_t n;

	if (msqid < 0 || (long)bufsz < 0)
		return -EINVAL;
	if ((msgflg & MSG_COPY) && ((msgflg & MSG_EXCEPT) || !(msgflg & IPC_NOWAIT)))
		return -EINVAL;
	if (msgflg & MSG_COPY)
		bufsz = min_t(size_t, bufsz, ns->msg_ctlmax);

	mutex_lock(&ids->rwsem);
	perm = ipc_obtain_object_check(ids, msqid);
	msg = IS_ERR(perm) ? ERR_CAST(perm) : msg_get(ns, msq_of(perm), bufsz, msgtyp, msgflg);
	mutex_unlock(&ids->rwsem);
	if (IS_ERR(msg))
		return PTR_ERR(msg);

	/* A fault here loses the message, as on Linux: it is already off the queue. */
	n = min(bufsz, msg->m_ts);
	if (put_user(msg->m_type, (long __user *)buf) ||
	    copy_to_user((char __user *)buf + sizeof(long), msg->m_text, n)) {
		free_msg(msg);
		return -EFAULT;
	}
	free_msg(msg);
	return n;
}

SYSCALL_DEFINE5(msgrcv, int, msqid, void __user *, msgp, size_t, msgsz, long, msgtyp,
		int, msgflg)
{
	return do_msgrcv(msqid, msgp, msgsz, msgtyp, msgflg);
}

/* IPC_INFO and MSG_INFO: the limits, and (MSG_INFO) what is in use. */
static int msgctl_info(struct ipc_namespace *ns, int cmd, struct msginfo __user *buf)
{
	struct ipc_ids *ids = msg_ids(ns);
	struct msginfo info = {
		.msgmni = ns->msg_ctlmni,
		.msgmax = ns->msg_ctlmax,
		.msgmnb = ns->msg_ctlmnb,
		.msgssz = MSGSSZ,
		.msgseg = MSGSEG,
		.msgpool = MSGPOOL,
		.msgmap = MSGMAP,
		.msgtql = MSGTQL,
	};
	int max_idx;

	mutex_lock(&ids->rwsem);
	if (cmd == MSG_INFO) {
		info.msgpool = ids->in_use;
		info.msgmap = ns->msg_hdrs;
		info.msgtql = ns->msg_bytes;
	}
	max_idx = ipc_get_maxidx(ids);
	mutex_unlock(&ids->rwsem);
	if (copy_to_user(buf, &info, sizeof(info)))
		return -EFAULT;
	return max_idx;
}

static void fill_msqid64(struct msg_queue *msq, struct msqid64_ds *out)
{
	memset(out, 0, sizeof(*out));
	kernel_to_ipc64_perm(&msq->q_perm, &out->msg_perm);
	out->msg_stime = msq->q_stime;
	out->msg_rtime = msq->q_rtime;
	out->msg_ctime = msq->q_ctime;
	out->msg_cbytes = msq->q_cbytes;
	out->msg_qnum = msq->q_qnum;
	out->msg_qbytes = msq->q_qbytes;
	out->msg_lspid = pid_global_to_vnr(msq->q_lspid);	/* kept as the first namespace numbers it */
	out->msg_lrpid = pid_global_to_vnr(msq->q_lrpid);
}

/* IPC_STAT by id; MSG_STAT and MSG_STAT_ANY by index, returning the id. */
static int msgctl_stat(struct ipc_namespace *ns, int msqid, int cmd, struct msqid64_ds __user *buf)
{
	struct ipc_ids *ids = msg_ids(ns);
	struct kern_ipc_perm *perm;
	struct msqid64_ds ds;
	int ret = 0;

	mutex_lock(&ids->rwsem);
	if (cmd == IPC_STAT) {
		perm = ipc_obtain_object_check(ids, msqid);
	} else {
		perm = ipc_obtain_object_idx(ids, msqid);
		if (!IS_ERR(perm))
			ret = perm->id;
	}
	if (IS_ERR(perm)) {
		ret = PTR_ERR(perm);
		goto out_unlock;
	}
	if (cmd != MSG_STAT_ANY && ipcperms(perm, S_IRUGO)) {
		ret = -EACCES;
		goto out_unlock;
	}
	fill_msqid64(msq_of(perm), &ds);
	mutex_unlock(&ids->rwsem);
	if (copy_to_user(buf, &ds, sizeof(ds)))
		return -EFAULT;
	return ret;
out_unlock:
	mutex_unlock(&ids->rwsem);
	return ret;
}

/* IPC_SET and IPC_RMID: only the owner, the creator or an administrator. */
static int msgctl_down(struct ipc_namespace *ns, int msqid, int cmd,
		       struct msqid64_ds __user *buf)
{
	struct ipc_ids *ids = msg_ids(ns);
	struct kern_ipc_perm *perm;
	struct msg_queue *msq;
	struct msqid64_ds ds;
	int err = 0;

	if (cmd == IPC_SET && copy_from_user(&ds, buf, sizeof(ds)))
		return -EFAULT;
	mutex_lock(&ids->rwsem);
	perm = ipcctl_obtain_check(ids, msqid, cmd);
	if (IS_ERR(perm)) {
		err = PTR_ERR(perm);
		goto out_unlock;
	}
	msq = msq_of(perm);
	if (cmd == IPC_RMID) {
		freeque(ns, msq);
		goto out_unlock;
	}
	if (ds.msg_qbytes > (unsigned long)ns->msg_ctlmnb && !capable(CAP_SYS_RESOURCE)) {
		err = -EPERM;
		goto out_unlock;
	}
	msq->q_qbytes = ds.msg_qbytes;
	ipc_set_perm(perm, &ds.msg_perm);
	msq->q_ctime = ipc_get_seconds();
	/* A larger limit may let sleeping senders in. */
	wake_up_all(&msq->q_wait);
out_unlock:
	mutex_unlock(&ids->rwsem);
	return err;
}

SYSCALL_DEFINE3(msgctl, int, msqid, int, cmd, struct msqid64_ds __user *, buf)
{
	struct ipc_namespace *ns = current_ipc_ns();

	if (msqid < 0 || cmd < 0)
		return -EINVAL;
	switch (cmd) {
	case IPC_INFO:
	case MSG_INFO:
		return msgctl_info(ns, cmd, (struct msginfo __user *)buf);
	case IPC_STAT:
	case MSG_STAT:
	case MSG_STAT_ANY:
		return msgctl_stat(ns, msqid, cmd, buf);
	case IPC_SET:
	case IPC_RMID:
		return msgctl_down(ns, msqid, cmd, buf);
	default:
		return -EINVAL;
	}
}

/* /proc/sysvipc/msg: one line per queue, as Linux prints it. */
int sysvipc_msg_proc_show(struct seq_file *m, void *v)
{
	struct ipc_ids *ids = msg_ids(current_ipc_ns());
	struct msg_queue *msq;
	int idx;

	seq_puts(m, "       key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid      stime      rtime      ctime\n");
	mutex_lock(&ids->rwsem);
	for (idx = 0; idx <= ids->max_idx; idx++) {
		if (!ids->entries[idx])
			continue;
		msq = msq_of(ids->entries[idx]);
		seq_printf(m, "%10d %10d  %4o  %10lu %10lu %5u %5u %5u %5u %5u %5u %10ld %10ld %10ld\n",
			   msq->q_perm.key, msq->q_perm.id, msq->q_perm.mode, msq->q_cbytes,
			   msq->q_qnum, pid_global_to_vnr(msq->q_lspid),
			   pid_global_to_vnr(msq->q_lrpid), msq->q_perm.uid,
			   msq->q_perm.gid, msq->q_perm.cuid, msq->q_perm.cgid, msq->q_stime,
			   msq->q_rtime, msq->q_ctime);
	}
	mutex_unlock(&ids->rwsem);
	return 0;
}
