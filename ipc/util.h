/* SPDX-License-Identifier: GPL-2.0 */
/* What ipc/msg.c, sem.c and shm.c share through ipc/util.c. */
#ifndef _IPC_UTIL_H
#define _IPC_UTIL_H

#include <linux/err.h>
#include <linux/ipc_namespace.h>
#include <linux/wait.h>
#include <uapi/linux/stat.h>
#include <uapi/linux/time_types.h>

#ifndef S_IRUGO
#define S_IRWXUGO	(S_IRWXU | S_IRWXG | S_IRWXO)
#define S_IRUGO		(S_IRUSR | S_IRGRP | S_IROTH)
#define S_IWUGO		(S_IWUSR | S_IWGRP | S_IWOTH)
#define S_IXUGO		(S_IXUSR | S_IXGRP | S_IXOTH)
#endif

#define IPCMNI_SHIFT	15
#define IPCMNI		(1 << IPCMNI_SHIFT)	/* indices per table */
#define IPCID_SEQ_MAX	(INT_MAX >> IPCMNI_SHIFT)

#define ipcid_to_idx(id)	((id) & (IPCMNI - 1))
#define ipcid_to_seqx(id)	((id) >> IPCMNI_SHIFT)

/* What msgget/semget/shmget asked for. */
struct ipc_params {
	key_t key;
	int flg;
	union {
		size_t size;	/* shmget */
		int nsems;	/* semget */
	} u;
};

/* How ipcget() creates and re-checks each kind of object. */
struct ipc_ops {
	int (*getnew)(struct ipc_namespace *ns, struct ipc_params *params);
	int (*more_checks)(struct kern_ipc_perm *perm, struct ipc_params *params);
};

void ipc_init_ids(struct ipc_ids *ids);
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *perm, int limit);
void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *perm);
void ipc_set_key_private(struct ipc_ids *ids, struct kern_ipc_perm *perm);
struct kern_ipc_perm *ipc_obtain_object_check(struct ipc_ids *ids, int id);
struct kern_ipc_perm *ipc_obtain_object_idx(struct ipc_ids *ids, int idx);
int ipc_get_maxidx(struct ipc_ids *ids);
int ipcperms(struct kern_ipc_perm *perm, short flag);
bool ipc_owner_or_admin(struct kern_ipc_perm *perm);
int ipcget(struct ipc_namespace *ns, struct ipc_ids *ids, const struct ipc_ops *ops,
	   struct ipc_params *params);
struct kern_ipc_perm *ipcctl_obtain_check(struct ipc_ids *ids, int id, int cmd);
void ipc_set_perm(struct kern_ipc_perm *perm, const struct ipc64_perm *in);
void kernel_to_ipc64_perm(struct kern_ipc_perm *perm, struct ipc64_perm *out);
long ipc_get_seconds(void);

/* References that keep a removed object's memory while a sleeper holds it. */
static inline void ipc_getref(struct kern_ipc_perm *perm)
{
	perm->refcount++;
}

/* True when the caller dropped the last reference and must free the object. */
static inline bool ipc_putref(struct kern_ipc_perm *perm)
{
	return --perm->refcount == 0;
}

/*
 * Sleep on @wq with @lock (a table's rwsem, a queue's lock) held on entry
 * and on return (dropped while asleep), until a wake-up, a signal or
 * @deadline (ns of CLOCK_MONOTONIC, 0 = none).  The caller re-checks
 * everything afterwards.
 */
void ipc_sleep(struct mutex *lock, wait_queue_head_t *wq, u64 deadline);
int ipc_timeout_to_deadline(const struct __kernel_timespec __user *uts, bool absolute_realtime,
			    u64 *deadline);

static inline struct ipc_ids *sem_ids(struct ipc_namespace *ns) { return &ns->ids[IPC_SEM_IDS]; }
static inline struct ipc_ids *msg_ids(struct ipc_namespace *ns) { return &ns->ids[IPC_MSG_IDS]; }
static inline struct ipc_ids *shm_ids(struct ipc_namespace *ns) { return &ns->ids[IPC_SHM_IDS]; }

/* A new namespace's empty tables and default limits, and a dying one's teardown. */
void msg_init_ns(struct ipc_namespace *ns);
void sem_init_ns(struct ipc_namespace *ns);
void shm_init_ns(struct ipc_namespace *ns);
int mq_init_ns(struct ipc_namespace *ns);
void msg_exit_ns(struct ipc_namespace *ns);
void sem_exit_ns(struct ipc_namespace *ns);
void shm_exit_ns(struct ipc_namespace *ns);
void mq_put_mnt(struct ipc_namespace *ns);
void free_ipcs(struct ipc_namespace *ns, struct ipc_ids *ids,
	       void (*free)(struct ipc_namespace *, struct kern_ipc_perm *));



/* Memory for messages and semaphore arrays: kmalloc when small, vmalloc when big. */
void *ipc_alloc(size_t size);
void ipc_free(void *p);

#endif
