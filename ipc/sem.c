// SPDX-License-Identifier: GPL-2.0
/*
 * System V semaphores: semget, semop/semtimedop, semctl.
 *
 * A semaphore set is an array of counters (0..SEMVMX).  semop applies a
 * list of operations to one set atomically: all of them happen, or none
 * does and the caller sleeps (or gets EAGAIN with IPC_NOWAIT).  An
 * operation adds sem_op to one counter; a negative sem_op waits until
 * the counter is large enough, a zero one waits until it is zero.
 * Sleepers sit on the set's pending list, which GETNCNT and GETZCNT
 * count, and every change to the set wakes them all to try again.
 *
 * SEM_UNDO records the opposite of each operation in a per-process
 * sem_undo for that set; when the process (all tasks sharing the list
 * through CLONE_SYSVSEM) exits, exit_sem() adds those adjustments back,
 * so a process killed while holding a semaphore does not hold it forever.
 * SETVAL and SETALL clear the adjustments; IPC_RMID drops them.
 *
 * Every structure here, undo lists included, is guarded by the semaphore
 * table's mutex (sem_ids(ns)->rwsem).
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sem.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/linux/sem.h>
#include <uapi/linux/sched.h>
#include "util.h"

#define SEMMSL_FAST	64	/* operations copied on the stack */

struct sem {
	int semval;
	pid_t sempid;		/* last process to change it */
};

struct sem_array {
	struct kern_ipc_perm sem_perm;	/* first: the table holds &sem_perm */
	long sem_otime;			/* last semop */
	long sem_ctime;			/* last change */
	int sem_nsems;
	struct list_head pending;	/* struct sem_queue: who sleeps in semop */
	struct list_head list_id;	/* struct sem_undo: every process's undo for this set */
	wait_queue_head_t wait;		/* the sleepers, woken on every change */
	struct sem sems[];
};

/* A task sleeping in semop: what it waits for, for GETNCNT/GETZCNT. */
struct sem_queue {
	struct list_head list;
	struct sembuf *blocking;	/* the operation that could not proceed */
};

/* One process's adjustments for one set. */
struct sem_undo {
	struct list_head list_proc;	/* in the sem_undo_list */
	struct list_head list_id;	/* in the set's list_id */
	struct sem_undo_list *ulp;
	int semid;
	short semadj[];			/* one per semaphore */
};

/* A process's undos, shared by the tasks cloned with CLONE_SYSVSEM. */
struct sem_undo_list {
	int refcnt;			/* tasks sharing it; under the table's rwsem */
	struct list_head list_proc;
};

static struct sem_array *sma_of(struct kern_ipc_perm *perm)
{
	return container_of(perm, struct sem_array, sem_perm);
}

static void sem_putref(struct sem_array *sma)
{
	if (ipc_putref(&sma->sem_perm))
		ipc_free(sma);
}

static int newary(struct ipc_namespace *ns, struct ipc_params *params)
{
	int nsems = params->u.nsems, id;
	struct sem_array *sma;

	if (!nsems)
		return -EINVAL;
	if (ns->used_sems + nsems > ns->sem_ctls[1])
		return -ENOSPC;
	sma = ipc_alloc(sizeof(*sma) + nsems * sizeof(struct sem));
	if (!sma)
		return -ENOMEM;
	memset(sma, 0, sizeof(*sma) + nsems * sizeof(struct sem));
	sma->sem_perm.mode = params->flg & S_IRWXUGO;
	sma->sem_perm.key = params->key;
	sma->sem_nsems = nsems;
	sma->sem_ctime = ipc_get_seconds();
	INIT_LIST_HEAD(&sma->pending);
	INIT_LIST_HEAD(&sma->list_id);
	init_waitqueue_head(&sma->wait);
	id = ipc_addid(sem_ids(ns), &sma->sem_perm, ns->sem_ctls[3]);
	if (id < 0) {
		ipc_free(sma);
		return id;
	}
	ns->used_sems += nsems;
	return id;
}

static int sem_more_checks(struct kern_ipc_perm *perm, struct ipc_params *params)
{
	return params->u.nsems > sma_of(perm)->sem_nsems ? -EINVAL : 0;
}

static const struct ipc_ops sem_ops = {
	.getnew = newary,
	.more_checks = sem_more_checks,
};

SYSCALL_DEFINE3(semget, key_t, key, int, nsems, int, semflg)
{
	struct ipc_namespace *ns = current_ipc_ns();
	struct ipc_params params = { .key = key, .flg = semflg, .u.nsems = nsems };

	if (nsems < 0 || nsems > ns->sem_ctls[0])
		return -EINVAL;
	return ipcget(ns, sem_ids(ns), &sem_ops, &params);
}

static void free_undo(struct sem_undo *un)
{
	list_del(&un->list_id);
	list_del(&un->list_proc);
	kfree(un);
}

/* IPC_RMID: sleepers wake to EIDRM, undos for the set are dropped.  rwsem held. */
static void freeary(struct ipc_namespace *ns, struct sem_array *sma)
{
	struct sem_undo *un, *t;

	list_for_each_entry_safe(un, t, &sma->list_id, list_id)
		free_undo(un);
	ipc_rmid(sem_ids(ns), &sma->sem_perm);
	ns->used_sems -= sma->sem_nsems;
	wake_up_all(&sma->wait);
	sem_putref(sma);
}

static void sem_exit_one(struct ipc_namespace *ns, struct kern_ipc_perm *perm)
{
	freeary(ns, sma_of(perm));
}

void sem_init_ns(struct ipc_namespace *ns)
{
	ns->sem_ctls[0] = SEMMSL;
	ns->sem_ctls[1] = SEMMNS;
	ns->sem_ctls[2] = SEMOPM;
	ns->sem_ctls[3] = SEMMNI;
	ns->used_sems = 0;
	ipc_init_ids(sem_ids(ns));
}

void sem_exit_ns(struct ipc_namespace *ns)
{
	free_ipcs(ns, sem_ids(ns), sem_exit_one);
}

/* SETVAL/SETALL: the recorded adjustments of @semnum (-1: all) no longer apply. */
static void clear_undos(struct sem_array *sma, int semnum)
{
	struct sem_undo *un;

	list_for_each_entry(un, &sma->list_id, list_id) {
		if (semnum < 0)
			memset(un->semadj, 0, sma->sem_nsems * sizeof(short));
		else
			un->semadj[semnum] = 0;
	}
}

/*
 * Try @sops on @sma all at once.  Returns 0 (done), 1 (must wait:
 * *blocking says for what), -EAGAIN (would wait, IPC_NOWAIT) or -ERANGE
 * (a value or an undo adjustment out of range); anything but 0 leaves
 * the set as it was.
 */
static int perform_atomic_semop(struct sem_array *sma, struct sembuf *sops, int nsops,
				struct sem_undo *un, struct sembuf **blocking)
{
	struct sembuf *sop;
	int result = 0, i;

	for (i = 0; i < nsops; i++) {
		struct sem *curr;
		int val, adj;

		sop = &sops[i];
		curr = &sma->sems[sop->sem_num];
		val = curr->semval + sop->sem_op;
		if ((!sop->sem_op && curr->semval) || val < 0) {
			result = (sop->sem_flg & IPC_NOWAIT) ? -EAGAIN : 1;
			*blocking = sop;
			goto undo;
		}
		if (val > SEMVMX) {
			result = -ERANGE;
			goto undo;
		}
		if (sop->sem_flg & SEM_UNDO) {
			adj = un->semadj[sop->sem_num] - sop->sem_op;
			if (adj < -SEMAEM - 1 || adj > SEMAEM) {
				result = -ERANGE;
				goto undo;
			}
		}
		curr->semval = val;
	}
	/* Everything fits: record undos and who did it. */
	for (i = 0; i < nsops; i++) {
		sop = &sops[i];
		if (sop->sem_flg & SEM_UNDO)
			un->semadj[sop->sem_num] -= sop->sem_op;
		sma->sems[sop->sem_num].sempid = current->tgid;
	}
	return 0;
undo:
	while (--i >= 0)
		sma->sems[sops[i].sem_num].semval -= sops[i].sem_op;
	return result;
}

/* current's undo list, made on first use.  rwsem held. */
static struct sem_undo_list *get_undo_list(void)
{
	struct sem_undo_list *ulp = current->sysvsem.undo_list;

	if (ulp)
		return ulp;
	ulp = kzalloc(sizeof(*ulp), GFP_KERNEL);
	if (!ulp)
		return NULL;
	ulp->refcnt = 1;
	INIT_LIST_HEAD(&ulp->list_proc);
	current->sysvsem.undo_list = ulp;
	return ulp;
}

/* current's undo for @sma, made on first use.  rwsem held. */
static struct sem_undo *find_alloc_undo(struct sem_array *sma)
{
	struct sem_undo_list *ulp = get_undo_list();
	struct sem_undo *un;

	if (!ulp)
		return ERR_PTR(-ENOMEM);
	list_for_each_entry(un, &ulp->list_proc, list_proc)
		if (un->semid == sma->sem_perm.id)
			return un;
	un = kzalloc(sizeof(*un) + sma->sem_nsems * sizeof(short), GFP_KERNEL);
	if (!un)
		return ERR_PTR(-ENOMEM);
	un->ulp = ulp;
	un->semid = sma->sem_perm.id;
	list_add(&un->list_proc, &ulp->list_proc);
	list_add(&un->list_id, &sma->list_id);
	return un;
}

/*
 * Sleep once waiting for @blocking (rwsem held on entry and return).
 * Returns 0 to try again, or why not: EIDRM, EINTR, EAGAIN (time-out).
 */
static int sem_wait(struct ipc_ids *ids, struct sem_array *sma, struct sembuf *blocking,
		    u64 deadline)
{
	struct sem_queue q = { .blocking = blocking };
	int err = 0;

	list_add_tail(&q.list, &sma->pending);
	ipc_getref(&sma->sem_perm);
	ipc_sleep(&ids->rwsem, &sma->wait, deadline);
	list_del(&q.list);
	if (sma->sem_perm.deleted)
		err = -EIDRM;
	else if (signal_pending(current))
		err = -EINTR;
	else if (deadline && ktime_get_ns() >= deadline)
		err = -EAGAIN;
	sem_putref(sma);
	return err;
}

/* The semop loop, once the arguments are checked and copied.  rwsem held. */
static long semop_locked(struct sem_array *sma, struct sembuf *sops, int nsops, bool undos,
			 bool alter, u64 deadline)
{
	struct ipc_ids *ids = sem_ids(current_ipc_ns());
	struct sem_undo *un = NULL;
	struct sembuf *blocking;
	long err;

	for (;;) {
		if (undos) {
			un = find_alloc_undo(sma);
			if (IS_ERR(un))
				return PTR_ERR(un);
		}
		err = perform_atomic_semop(sma, sops, nsops, un, &blocking);
		if (err <= 0)
			break;
		err = sem_wait(ids, sma, blocking, deadline);
		if (err)
			return err;
		/* Re-checked as Linux does: IPC_SET may have changed the mode. */
		if (ipcperms(&sma->sem_perm, alter ? S_IWUGO : S_IRUGO))
			return -EACCES;
	}
	if (err)
		return err;
	sma->sem_otime = ipc_get_seconds();
	if (alter)
		wake_up_all(&sma->wait);
	return 0;
}

static long do_semtimedop(int semid, struct sembuf __user *tsops, unsigned int nsops,
			  const struct __kernel_timespec __user *timeout)
{
	struct ipc_namespace *ns = current_ipc_ns();
	struct ipc_ids *ids = sem_ids(ns);
	struct sembuf fast[SEMMSL_FAST], *sops = fast;
	struct kern_ipc_perm *perm;
	struct sem_array *sma;
	bool undos = false, alter = false;
	int max = 0, i;
	u64 deadline = 0;
	long err;

	if (nsops < 1 || semid < 0)
		return -EINVAL;
	if (nsops > (unsigned int)ns->sem_ctls[2])
		return -E2BIG;
	if (nsops > SEMMSL_FAST) {
		sops = kmalloc_array(nsops, sizeof(*sops), GFP_KERNEL);
		if (!sops)
			return -ENOMEM;
	}
	err = -EFAULT;
	if (copy_from_user(sops, tsops, nsops * sizeof(*sops)))
		goto out_free;
	if (timeout) {
		err = ipc_timeout_to_deadline(timeout, false, &deadline);
		if (err)
			goto out_free;
	}
	for (i = 0; i < (int)nsops; i++) {
		max = max(max, (int)sops[i].sem_num);
		undos |= !!(sops[i].sem_flg & SEM_UNDO);
		alter |= sops[i].sem_op != 0;
	}

	mutex_lock(&ids->rwsem);
	perm = ipc_obtain_object_check(ids, semid);
	if (IS_ERR(perm)) {
		err = PTR_ERR(perm);
		goto out_unlock;
	}
	sma = sma_of(perm);
	err = -EFBIG;
	if (max >= sma->sem_nsems)
		goto out_unlock;
	err = -EACCES;
	if (ipcperms(perm, alter ? S_IWUGO : S_IRUGO))
		goto out_unlock;
	err = semop_locked(sma, sops, nsops, undos, alter, deadline);
out_unlock:
	mutex_unlock(&ids->rwsem);
out_free:
	if (sops != fast)
		kfree(sops);
	return err;
}

SYSCALL_DEFINE4(semtimedop, int, semid, struct sembuf __user *, tsops, unsigned int, nsops,
		const struct __kernel_timespec __user *, timeout)
{
	return do_semtimedop(semid, tsops, nsops, timeout);
}

SYSCALL_DEFINE3(semop, int, semid, struct sembuf __user *, tsops, unsigned int, nsops)
{
	return do_semtimedop(semid, tsops, nsops, NULL);
}

/* GETNCNT/GETZCNT: sleepers whose blocking operation waits on @semnum. */
static int count_semcnt(struct sem_array *sma, int semnum, bool count_zero)
{
	struct sem_queue *q;
	int n = 0;

	list_for_each_entry(q, &sma->pending, list) {
		if (q->blocking->sem_num != semnum)
			continue;
		if (count_zero ? q->blocking->sem_op == 0 : q->blocking->sem_op < 0)
			n++;
	}
	return n;
}

static int semctl_info(struct ipc_namespace *ns, int cmd, struct seminfo __user *buf)
{
	struct ipc_ids *ids = sem_ids(ns);
	struct seminfo info = {
		.semmni = ns->sem_ctls[3],
		.semmns = ns->sem_ctls[1],
		.semmsl = ns->sem_ctls[0],
		.semopm = ns->sem_ctls[2],
		.semvmx = SEMVMX,
		.semmnu = SEMMNU,
		.semmap = SEMMAP,
		.semume = SEMUME,
		.semusz = SEMUSZ,
		.semaem = SEMAEM,
	};
	int max_idx;

	mutex_lock(&ids->rwsem);
	if (cmd == SEM_INFO) {
		info.semusz = ids->in_use;
		info.semaem = ns->used_sems;
	}
	max_idx = ipc_get_maxidx(ids);
	mutex_unlock(&ids->rwsem);
	if (copy_to_user(buf, &info, sizeof(info)))
		return -EFAULT;
	return max_idx;
}

static int semctl_stat(struct ipc_namespace *ns, int semid, int cmd, struct semid64_ds __user *buf)
{
	struct ipc_ids *ids = sem_ids(ns);
	struct kern_ipc_perm *perm;
	struct semid64_ds ds;
	struct sem_array *sma;
	int ret = 0;

	mutex_lock(&ids->rwsem);
	if (cmd == IPC_STAT) {
		perm = ipc_obtain_object_check(ids, semid);
	} else {
		perm = ipc_obtain_object_idx(ids, semid);
		if (!IS_ERR(perm))
			ret = perm->id;
	}
	if (IS_ERR(perm)) {
		ret = PTR_ERR(perm);
		goto out_unlock;
	}
	if (cmd != SEM_STAT_ANY && ipcperms(perm, S_IRUGO)) {
		ret = -EACCES;
		goto out_unlock;
	}
	sma = sma_of(perm);
	memset(&ds, 0, sizeof(ds));
	kernel_to_ipc64_perm(perm, &ds.sem_perm);
	ds.sem_otime = sma->sem_otime;
	ds.sem_ctime = sma->sem_ctime;
	ds.sem_nsems = sma->sem_nsems;
	mutex_unlock(&ids->rwsem);
	if (copy_to_user(buf, &ds, sizeof(ds)))
		return -EFAULT;
	return ret;
out_unlock:
	mutex_unlock(&ids->rwsem);
	return ret;
}

static int semctl_setval(struct ipc_namespace *ns, int semid, int semnum, int val)
{
	struct ipc_ids *ids = sem_ids(ns);
	struct kern_ipc_perm *perm;
	struct sem_array *sma;
	int err = 0;

	if (val > SEMVMX || val < 0)
		return -ERANGE;
	mutex_lock(&ids->rwsem);
	perm = ipc_obtain_object_check(ids, semid);
	if (IS_ERR(perm)) {
		err = PTR_ERR(perm);
		goto out_unlock;
	}
	sma = sma_of(perm);
	if (semnum < 0 || semnum >= sma->sem_nsems) {
		err = -EINVAL;
		goto out_unlock;
	}
	if (ipcperms(perm, S_IWUGO)) {
		err = -EACCES;
		goto out_unlock;
	}
	clear_undos(sma, semnum);
	sma->sems[semnum].semval = val;
	sma->sems[semnum].sempid = current->tgid;
	sma->sem_ctime = ipc_get_seconds();
	wake_up_all(&sma->wait);
out_unlock:
	mutex_unlock(&ids->rwsem);
	return err;
}

/* SETALL: @vals, already copied from user space and range-checked. */
static void sem_setall(struct sem_array *sma, const unsigned short *vals)
{
	int i;

	clear_undos(sma, -1);
	for (i = 0; i < sma->sem_nsems; i++) {
		sma->sems[i].semval = vals[i];
		sma->sems[i].sempid = current->tgid;
	}
	sma->sem_ctime = ipc_get_seconds();
	wake_up_all(&sma->wait);
}

/* The value GETVAL/GETPID/GETNCNT/GETZCNT asks for. */
static int sem_getone(struct sem_array *sma, int semnum, int cmd)
{
	switch (cmd) {
	case GETVAL:
		return sma->sems[semnum].semval;
	case GETPID:
		return pid_global_to_vnr(sma->sems[semnum].sempid);	/* the caller's namespace's number */
	case GETNCNT:
		return count_semcnt(sma, semnum, false);
	default:
		return count_semcnt(sma, semnum, true);
	}
}

/*
 * GETALL/SETALL and the per-semaphore reads.  The arrays are copied
 * outside the lock: the set may change between the copy and the use,
 * which is what Linux allows too (it re-checks that the set still exists).
 */
static int semctl_main(struct ipc_namespace *ns, int semid, int semnum, int cmd,
		       unsigned short __user *array)
{
	struct ipc_ids *ids = sem_ids(ns);
	struct kern_ipc_perm *perm;
	unsigned short *vals = NULL;
	struct sem_array *sma;
	int nsems, err, i;

	mutex_lock(&ids->rwsem);
	perm = ipc_obtain_object_check(ids, semid);
	if (IS_ERR(perm)) {
		err = PTR_ERR(perm);
		goto out_unlock;
	}
	sma = sma_of(perm);
	nsems = sma->sem_nsems;
	err = -EACCES;
	if (ipcperms(perm, cmd == SETALL ? S_IWUGO : S_IRUGO))
		goto out_unlock;
	if (cmd == GETALL || cmd == SETALL) {
		err = -ENOMEM;
		vals = ipc_alloc(nsems * sizeof(*vals));
		if (!vals)
			goto out_unlock;
	}
	if (cmd == GETALL) {
		for (i = 0; i < nsems; i++)
			vals[i] = sma->sems[i].semval;
		mutex_unlock(&ids->rwsem);
		err = copy_to_user(array, vals, nsems * sizeof(*vals)) ? -EFAULT : 0;
		goto out_free;
	}
	if (cmd == SETALL) {
		ipc_getref(perm);
		mutex_unlock(&ids->rwsem);
		err = copy_from_user(vals, array, nsems * sizeof(*vals)) ? -EFAULT : 0;
		for (i = 0; !err && i < nsems; i++)
			if (vals[i] > SEMVMX)
				err = -ERANGE;
		mutex_lock(&ids->rwsem);
		if (!err && sma->sem_perm.deleted)
			err = -EIDRM;
		if (!err)
			sem_setall(sma, vals);
		sem_putref(sma);
		goto out_unlock;
	}
	err = -EINVAL;
	if (semnum < 0 || semnum >= nsems)
		goto out_unlock;
	err = sem_getone(sma, semnum, cmd);
out_unlock:
	mutex_unlock(&ids->rwsem);
out_free:
	if (vals)
		ipc_free(vals);
	return err;
}

static int semctl_down(struct ipc_namespace *ns, int semid, int cmd,
		       struct semid64_ds __user *buf)
{
	struct ipc_ids *ids = sem_ids(ns);
	struct kern_ipc_perm *perm;
	struct semid64_ds ds;
	int err = 0;

	if (cmd == IPC_SET && copy_from_user(&ds, buf, sizeof(ds)))
		return -EFAULT;
	mutex_lock(&ids->rwsem);
	perm = ipcctl_obtain_check(ids, semid, cmd);
	if (IS_ERR(perm)) {
		err = PTR_ERR(perm);
		goto out_unlock;
	}
	if (cmd == IPC_RMID) {
		freeary(ns, sma_of(perm));
	} else {
		ipc_set_perm(perm, &ds.sem_perm);
		sma_of(perm)->sem_ctime = ipc_get_seconds();
	}
out_unlock:
	mutex_unlock(&ids->rwsem);
	return err;
}

SYSCALL_DEFINE4(semctl, int, semid, int, semnum, int, cmd, unsigned long, arg)
{
	struct ipc_namespace *ns = current_ipc_ns();
	void __user *p = (void __user *)arg;

	if (semid < 0)
		return -EINVAL;
	switch (cmd) {
	case IPC_INFO:
	case SEM_INFO:
		return semctl_info(ns, cmd, p);
	case IPC_STAT:
	case SEM_STAT:
	case SEM_STAT_ANY:
		return semctl_stat(ns, semid, cmd, p);
	case GETALL:
	case GETVAL:
	case GETPID:
	case GETNCNT:
	case GETZCNT:
	case SETALL:
		return semctl_main(ns, semid, semnum, cmd, p);
	case SETVAL:
		/* The union's int member: the low 32 bits of the register. */
		return semctl_setval(ns, semid, semnum, (int)arg);
	case IPC_SET:
	case IPC_RMID:
		return semctl_down(ns, semid, cmd, p);
	default:
		return -EINVAL;
	}
}

/* fork/clone: CLONE_SYSVSEM shares the undo list, anything else starts without. */
int copy_semundo(unsigned long clone_flags, struct task_struct *tsk)
{
	struct ipc_ids *ids = sem_ids(current_ipc_ns());
	struct sem_undo_list *ulp;

	if (!(clone_flags & CLONE_SYSVSEM)) {
		tsk->sysvsem.undo_list = NULL;
		return 0;
	}
	mutex_lock(&ids->rwsem);
	ulp = get_undo_list();
	if (ulp)
		ulp->refcnt++;
	mutex_unlock(&ids->rwsem);
	tsk->sysvsem.undo_list = ulp;
	return ulp ? 0 : -ENOMEM;
}

/* Add one undo's adjustments back to its set, clamped to 0..SEMVMX.  rwsem held. */
static void apply_undo(struct sem_array *sma, struct sem_undo *un, pid_t tgid)
{
	int i, val;

	for (i = 0; i < sma->sem_nsems; i++) {
		if (!un->semadj[i])
			continue;
		val = sma->sems[i].semval + un->semadj[i];
		sma->sems[i].semval = clamp(val, 0, SEMVMX);
		sma->sems[i].sempid = tgid;
	}
	wake_up_all(&sma->wait);
}

/* The last task of a process (or CLONE_SYSVSEM group) exits: undo its operations. */
void exit_sem(struct task_struct *tsk)
{
	struct ipc_ids *ids = sem_ids(current_ipc_ns());
	struct sem_undo_list *ulp = tsk->sysvsem.undo_list;
	struct kern_ipc_perm *perm;
	struct sem_undo *un, *t;

	if (!ulp)
		return;
	tsk->sysvsem.undo_list = NULL;
	mutex_lock(&ids->rwsem);
	if (--ulp->refcnt) {
		mutex_unlock(&ids->rwsem);
		return;
	}
	list_for_each_entry_safe(un, t, &ulp->list_proc, list_proc) {
		perm = ipc_obtain_object_check(ids, un->semid);
		if (!IS_ERR(perm))
			apply_undo(sma_of(perm), un, tsk->tgid);
		free_undo(un);
	}
	mutex_unlock(&ids->rwsem);
	kfree(ulp);
}

/* /proc/sysvipc/sem */
int sysvipc_sem_proc_show(struct seq_file *m, void *v)
{
	struct ipc_ids *ids = sem_ids(current_ipc_ns());
	struct sem_array *sma;
	int idx;

	seq_puts(m, "       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime\n");
	mutex_lock(&ids->rwsem);
	for (idx = 0; idx <= ids->max_idx; idx++) {
		if (!ids->entries[idx])
			continue;
		sma = sma_of(ids->entries[idx]);
		seq_printf(m, "%10d %10d  %4o %10u %5u %5u %5u %5u %10ld %10ld\n",
			   sma->sem_perm.key, sma->sem_perm.id, sma->sem_perm.mode,
			   sma->sem_nsems, sma->sem_perm.uid, sma->sem_perm.gid,
			   sma->sem_perm.cuid, sma->sem_perm.cgid, sma->sem_otime,
			   sma->sem_ctime);
	}
	mutex_unlock(&ids->rwsem);
	return 0;
}
