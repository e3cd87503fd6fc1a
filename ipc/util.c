// SPDX-License-Identifier: GPL-2.0
/*
 * System V IPC: what message queues (msg.c), semaphore sets (sem.c) and
 * shared memory segments (shm.c) share.
 *
 * Each kind of object lives in an id table (struct ipc_ids).  A program
 * names an object by a key it chose (ftok) when it calls msgget/semget/
 * shmget, and gets back an id; every other call takes that id.  The id
 * is the object's slot index plus a sequence number times IPCMNI, so an
 * id kept after its object was removed does not silently reach the next
 * object put in the same slot: the sequence number has moved on, and
 * the stale id gets EINVAL.
 *
 * Access is checked against the object's kern_ipc_perm the way file
 * access is checked against an inode's mode: owner or creator bits,
 * then group, then other, with CAP_IPC_OWNER overriding them.
 *
 * Locking: one mutex per table (ids->rwsem; Linux uses an rwsem plus a
 * spinlock per object) guards the table and every object in it.
 * Sleepers (msgrcv, semop) drop it while they sleep; a reference keeps
 * the object's memory if it is removed meanwhile, and they wake to
 * find it marked deleted (EIDRM).
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/time64.h>
#include <linux/vmalloc.h>
#include <linux/uaccess.h>
#include <uapi/linux/msg.h>
#include <uapi/linux/sem.h>
#include <uapi/linux/shm.h>
#include "util.h"

#define IDS_INIT(ns, i) { .last_idx = -1, .max_idx = -1, .next_id = -1, \
			  .rwsem = __MUTEX_INITIALIZER(ns.ids[i].rwsem) }

/* Linux numbers the initial IPC namespace's inode 0xEFFFFFFF. */
#define PROC_IPC_INIT_INO	0xEFFFFFFFU

struct ipc_namespace init_ipc_ns = {
	.count = REFCOUNT_INIT(1),	/* init_nsproxy's, never dropped */
	.inum = PROC_IPC_INIT_INO,
	.ids = {
		IDS_INIT(init_ipc_ns, IPC_SEM_IDS),
		IDS_INIT(init_ipc_ns, IPC_MSG_IDS),
		IDS_INIT(init_ipc_ns, IPC_SHM_IDS),
	},
	.sem_ctls = { SEMMSL, SEMMNS, SEMOPM, SEMMNI },
	.msg_ctlmax = MSGMAX,
	.msg_ctlmnb = MSGMNB,
	.msg_ctlmni = MSGMNI,
	.shm_ctlmax = SHMMAX,
	.shm_ctlall = SHMALL,
	.shm_ctlmni = SHMMNI,
	/* the mqueue limits: mq_init_ns, at boot */
};

/* An empty table, as a new namespace's three start (init_ipc_ns's are static). */
void ipc_init_ids(struct ipc_ids *ids)
{
	memset(ids, 0, sizeof(*ids));
	ids->last_idx = -1;
	ids->max_idx = -1;
	ids->next_id = -1;
	mutex_init(&ids->rwsem);
}

/*
 * A dying namespace's table: hand each object still in it to @free
 * (which takes it out with ipc_rmid), then drop the slot array.
 */
void free_ipcs(struct ipc_namespace *ns, struct ipc_ids *ids,
	       void (*free)(struct ipc_namespace *, struct kern_ipc_perm *))
{
	int idx;

	mutex_lock(&ids->rwsem);
	for (idx = 0; idx <= ids->max_idx; idx++)
		if (ids->entries[idx])
			free(ns, ids->entries[idx]);
	mutex_unlock(&ids->rwsem);
	kfree(ids->entries);
	ids->entries = NULL;
}

long ipc_get_seconds(void)
{
	return ktime_get_real_ns() / NSEC_PER_SEC;
}

static unsigned int ipc_key_bucket(key_t key)
{
	/* Multiplicative hashing: keys from ftok differ in their low bits. */
	return ((unsigned int)key * 0x9E3779B1U) >> (32 - IPC_KEY_HASH_BITS);
}

/* Make room for slot @idx.  rwsem held. */
static int ipc_grow(struct ipc_ids *ids, int idx)
{
	struct kern_ipc_perm **n;
	int size = ids->size ? ids->size : 16;

	while (size <= idx)
		size *= 2;
	if (size > IPCMNI)
		size = IPCMNI;
	n = krealloc_array(ids->entries, size, sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	memset(n + ids->size, 0, (size - ids->size) * sizeof(*n));
	ids->entries = n;
	ids->size = size;
	return 0;
}

/* A free slot at or above @from and below @end, or -1. */
static int ipc_free_slot(struct ipc_ids *ids, int from, int end)
{
	int idx;

	for (idx = from; idx < end; idx++)
		if (idx >= ids->size || !ids->entries[idx])
			return idx;
	return -1;
}

/*
 * The slot and sequence number for a new object.  Slots are handed out
 * cyclically over a window that grows with the number of objects (at
 * least 64), as Linux does: a removed queue's slot is not reused at
 * once, so ids stay small and distinct for a while; when the cursor
 * wraps the sequence number moves on.  A kernel.msg_next_id (sem_,
 * shm_) value, for checkpoint/restore, asks for one exact id, once.
 */
static int ipc_pick_slot(struct ipc_ids *ids, int limit, int *seq)
{
	int window = max(ids->in_use * 3 / 2, 64), idx;

	window = min(window, limit);
	if (ids->next_id >= 0) {
		idx = ipc_free_slot(ids, ipcid_to_idx(ids->next_id), IPCMNI);
		*seq = ipcid_to_seqx(ids->next_id);
		ids->next_id = -1;
		return idx;
	}
	idx = ipc_free_slot(ids, ids->last_idx + 1, window);
	if (idx < 0)
		idx = ipc_free_slot(ids, 0, window);
	if (idx < 0)
		return -1;
	if (idx <= ids->last_idx) {
		ids->seq++;
		if (ids->seq > IPCID_SEQ_MAX)
			ids->seq = 0;
	}
	ids->last_idx = idx;
	*seq = ids->seq;
	return idx;
}

/*
 * Enter @perm in the table, give it its id and make the caller its
 * owner and creator.  At most @limit objects.  rwsem held.  Returns the
 * id or a negative errno.
 */
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *perm, int limit)
{
	const struct cred *cred = current_cred();
	int idx, seq, err;

	if (limit > IPCMNI)
		limit = IPCMNI;
	if (ids->in_use >= limit)
		return -ENOSPC;
	idx = ipc_pick_slot(ids, limit, &seq);
	if (idx < 0)
		return -ENOSPC;
	if (idx >= ids->size) {
		err = ipc_grow(ids, idx);
		if (err)
			return err;
	}
	perm->seq = seq;
	perm->id = (seq << IPCMNI_SHIFT) + idx;
	perm->uid = perm->cuid = cred->euid;
	perm->gid = perm->cgid = cred->egid;
	perm->deleted = false;
	perm->refcount = 1;
	if (perm->key != IPC_PRIVATE)
		hlist_add_head(&perm->khtnode, &ids->key_hash[ipc_key_bucket(perm->key)]);
	ids->entries[idx] = perm;
	ids->in_use++;
	if (idx > ids->max_idx)
		ids->max_idx = idx;
	return perm->id;
}

/* Take @perm out of its table; sleepers find it deleted.  rwsem held. */
void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *perm)
{
	int idx = ipcid_to_idx(perm->id);

	ids->entries[idx] = NULL;
	ids->in_use--;
	hlist_del_init(&perm->khtnode);
	perm->deleted = true;
	if (idx == ids->max_idx) {
		while (idx >= 0 && !ids->entries[idx])
			idx--;
		ids->max_idx = idx;
	}
}

/* shm's IPC_RMID frees the key while the segment lives on.  rwsem held. */
void ipc_set_key_private(struct ipc_ids *ids, struct kern_ipc_perm *perm)
{
	hlist_del_init(&perm->khtnode);
	perm->key = IPC_PRIVATE;
}

/* The object in slot @idx (the *_STAT commands), or ERR_PTR(-EINVAL). */
struct kern_ipc_perm *ipc_obtain_object_idx(struct ipc_ids *ids, int idx)
{
	if (idx < 0 || idx >= ids->size || !ids->entries[idx])
		return ERR_PTR(-EINVAL);
	return ids->entries[idx];
}

/* The object @id names, if its sequence number still matches. */
struct kern_ipc_perm *ipc_obtain_object_check(struct ipc_ids *ids, int id)
{
	struct kern_ipc_perm *perm;

	if (id < 0)
		return ERR_PTR(-EINVAL);
	perm = ipc_obtain_object_idx(ids, ipcid_to_idx(id));
	if (IS_ERR(perm))
		return perm;
	if (perm->id != id)
		return ERR_PTR(-EINVAL);
	return perm;
}

/* IPC_INFO and *_INFO return the highest index in use (0 with none). */
int ipc_get_maxidx(struct ipc_ids *ids)
{
	return ids->max_idx < 0 ? 0 : ids->max_idx;
}

static struct kern_ipc_perm *ipc_findkey(struct ipc_ids *ids, key_t key)
{
	struct kern_ipc_perm *perm;

	hlist_for_each_entry(perm, &ids->key_hash[ipc_key_bucket(key)], khtnode)
		if (perm->key == key)
			return perm;
	return NULL;
}

static bool in_egroup(gid_t gid)
{
	const struct cred *cred = current_cred();
	int i;

	if (gid == cred->egid)
		return true;
	for (i = 0; i < cred->group_info->ngroups; i++)
		if (cred->group_info->gid[i] == gid)
			return true;
	return false;
}

/*
 * May the caller access @perm as @flag asks (S_IRUGO to read, S_IWUGO
 * to write, or a *get call's mode bits)?  0 or -EACCES.
 */
int ipcperms(struct kern_ipc_perm *perm, short flag)
{
	uid_t euid = current_euid();
	int requested = (flag >> 6) | (flag >> 3) | flag;
	int granted = perm->mode;

	if (euid == perm->cuid || euid == perm->uid)
		granted >>= 6;
	else if (in_egroup(perm->cgid) || in_egroup(perm->gid))
		granted >>= 3;
	if ((requested & ~granted & 0007) && !capable(CAP_IPC_OWNER))
		return -EACCES;
	return 0;
}

/* IPC_SET and IPC_RMID: the owner, the creator, or CAP_SYS_ADMIN. */
bool ipc_owner_or_admin(struct kern_ipc_perm *perm)
{
	uid_t euid = current_euid();

	return euid == perm->cuid || euid == perm->uid || capable(CAP_SYS_ADMIN);
}

/*
 * The *get calls: a new object for IPC_PRIVATE or an unknown key with
 * IPC_CREAT, else the existing one if the caller may use it.
 */
int ipcget(struct ipc_namespace *ns, struct ipc_ids *ids, const struct ipc_ops *ops,
	   struct ipc_params *params)
{
	struct kern_ipc_perm *perm;
	int err;

	mutex_lock(&ids->rwsem);
	if (params->key == IPC_PRIVATE) {
		err = ops->getnew(ns, params);
		goto out;
	}
	perm = ipc_findkey(ids, params->key);
	if (!perm) {
		err = (params->flg & IPC_CREAT) ? ops->getnew(ns, params) : -ENOENT;
		goto out;
	}
	if ((params->flg & IPC_CREAT) && (params->flg & IPC_EXCL)) {
		err = -EEXIST;
		goto out;
	}
	err = ipcperms(perm, params->flg);
	if (!err && ops->more_checks)
		err = ops->more_checks(perm, params);
	if (!err)
		err = perm->id;
out:
	mutex_unlock(&ids->rwsem);
	return err;
}

/* IPC_SET/IPC_RMID's lookup and ownership check.  rwsem held. */
struct kern_ipc_perm *ipcctl_obtain_check(struct ipc_ids *ids, int id, int cmd)
{
	struct kern_ipc_perm *perm = ipc_obtain_object_check(ids, id);

	if (IS_ERR(perm))
		return perm;
	if (!ipc_owner_or_admin(perm))
		return ERR_PTR(-EPERM);
	return perm;
}

/* IPC_SET: the new owner and the permission bits; the creator stays. */
void ipc_set_perm(struct kern_ipc_perm *perm, const struct ipc64_perm *in)
{
	perm->uid = in->uid;
	perm->gid = in->gid;
	perm->mode = (perm->mode & ~0777) | (in->mode & 0777);
}

void kernel_to_ipc64_perm(struct kern_ipc_perm *perm, struct ipc64_perm *out)
{
	memset(out, 0, sizeof(*out));
	out->key = perm->key;
	out->uid = perm->uid;
	out->gid = perm->gid;
	out->cuid = perm->cuid;
	out->cgid = perm->cgid;
	out->mode = perm->mode;
	out->seq = perm->seq;
}

void ipc_sleep(struct mutex *lock, wait_queue_head_t *wq, u64 deadline)
{
	DEFINE_WAIT(wait);
	u64 now;

	prepare_to_wait(wq, &wait, TASK_INTERRUPTIBLE);
	mutex_unlock(lock);
	if (!signal_pending(current)) {
		if (!deadline) {
			schedule();
		} else {
			now = ktime_get_ns();
			if (now < deadline)
				schedule_timeout((deadline - now) / TICK_NSEC + 1);
		}
	}
	finish_wait(wq, &wait);
	mutex_lock(lock);
}

/*
 * A user timespec as a CLOCK_MONOTONIC deadline in ns: relative (semtimedop)
 * or absolute on CLOCK_REALTIME (mq_timedsend/receive).  A deadline already
 * past is 1, so 0 keeps meaning "no time-out".
 */
int ipc_timeout_to_deadline(const struct __kernel_timespec __user *uts, bool absolute_realtime,
			    u64 *deadline)
{
	struct __kernel_timespec ts;
	u64 ns, now = ktime_get_ns(), real;

	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	/* Past year 2262 the deadline is simply "very late": no overflow. */
	if (ts.tv_sec >= (1LL << 33))
		ts.tv_sec = 1LL << 33;
	ns = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	if (!absolute_realtime) {
		*deadline = now + ns;
		return 0;
	}
	real = ktime_get_real_ns();
	*deadline = ns > real ? now + (ns - real) : 1;
	return 0;
}

#define IPC_KMALLOC_MAX	(16 * PAGE_SIZE)

void *ipc_alloc(size_t size)
{
	return size <= IPC_KMALLOC_MAX ? kmalloc(size, GFP_KERNEL) : vmalloc(size);
}

void ipc_free(void *p)
{
	if (is_vmalloc_addr(p))
		vfree(p);
	else
		kfree(p);
}
