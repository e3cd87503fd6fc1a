/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IPC namespace: the three System V id tables, the POSIX message
 * queue filesystem instance, and the limits that
 * /proc/sys/kernel/{msgmax,msgmnb,msgmni,sem,shmmax,shmall,shmmni} and
 * /proc/sys/fs/mqueue/ show.  The first is init_ipc_ns; clone or
 * unshare with CLONE_NEWIPC makes an empty one (ipc/namespace.c).
 */
#ifndef _LINUX_IPC_NAMESPACE_H
#define _LINUX_IPC_NAMESPACE_H

#include <linux/ipc.h>
#include <linux/mutex.h>
#include <linux/nsproxy.h>
#include <linux/refcount.h>

struct seq_file;
struct file;
struct vfsmount;

#define IPC_KEY_HASH_BITS	6
#define IPC_KEY_HASH	(1 << IPC_KEY_HASH_BITS)	/* buckets of msgget/semget/shmget's key lookup */

/* One id table: message queues, semaphore sets or shared memory segments. */
struct ipc_ids {
	int in_use;			/* objects in the table */
	int seq;			/* sequence number of new ids */
	int last_idx;			/* index given out last (seq moves when it wraps) */
	int max_idx;			/* highest index in use, -1 if none */
	int next_id;			/* kernel.*_next_id: the id the next object gets, or -1 */
	int size;			/* slots in entries[] */
	struct kern_ipc_perm **entries;	/* by index */
	struct hlist_head key_hash[IPC_KEY_HASH];	/* by key: a get stays fast with thousands */
	struct mutex rwsem;		/* guards everything in the table and its objects */
};

struct ipc_namespace {
	refcount_t	count;		/* nsproxies, /proc/PID/ns/ipc files, shm attaches */
	unsigned int	inum;		/* /proc/PID/ns/ipc: "ipc:[inum]" */
	struct ipc_ids	ids[3];		/* IPC_SEM_IDS, IPC_MSG_IDS, IPC_SHM_IDS */
	int		sem_ctls[4];	/* SEMMSL, SEMMNS, SEMOPM, SEMMNI */
	int		used_sems;
	int		msg_ctlmax;
	int		msg_ctlmnb;
	int		msg_ctlmni;
	unsigned long	msg_bytes;	/* bytes in every queue */
	unsigned long	msg_hdrs;	/* messages in every queue */
	unsigned long	shm_ctlmax;
	unsigned long	shm_ctlall;
	unsigned long	shm_tot;	/* pages in every segment */
	int		shm_ctlmni;
	/* POSIX message queues (ipc/mqueue.c) */
	int		mq_queues_count;
	int		mq_queues_max;
	int		mq_msg_max;
	int		mq_msgsize_max;
	int		mq_msg_default;
	int		mq_msgsize_default;
	struct vfsmount	*mq_mnt;	/* the namespace's mqueue instance, kernel-mounted */
};

extern struct ipc_namespace init_ipc_ns;

#define IPC_SEM_IDS	0
#define IPC_MSG_IDS	1
#define IPC_SHM_IDS	2

static inline struct ipc_namespace *current_ipc_ns(void)
{
	return task_nsproxy(current)->ipc_ns;
}

static inline struct ipc_namespace *get_ipc_ns(struct ipc_namespace *ns)
{
	refcount_inc(&ns->count);
	return ns;
}

/* ipc/namespace.c */
struct ipc_namespace *copy_ipcs(unsigned long flags, struct ipc_namespace *ns);
void put_ipc_ns(struct ipc_namespace *ns);

/* /proc/sysvipc/{msg,sem,shm} */
int sysvipc_msg_proc_show(struct seq_file *m, void *v);
int sysvipc_sem_proc_show(struct seq_file *m, void *v);
int sysvipc_shm_proc_show(struct seq_file *m, void *v);

/* /proc/sys/kernel/sem and the unsigned long shm files (ipc/ipc_sysctl.c) */
int ipc_sem_sysctl_show(struct seq_file *m, void *v);
ssize_t ipc_sem_sysctl_write(struct file *file, const char *buf, size_t count,
			     loff_t *pos);
int ipc_shmmax_sysctl_show(struct seq_file *m, void *v);
ssize_t ipc_shmmax_sysctl_write(struct file *file, const char *buf, size_t count,
				loff_t *pos);
int ipc_shmall_sysctl_show(struct seq_file *m, void *v);
ssize_t ipc_shmall_sysctl_write(struct file *file, const char *buf, size_t count,
				loff_t *pos);

#endif
