// SPDX-License-Identifier: GPL-2.0
/*
 * System V shared memory: shmget, shmat, shmdt, shmctl.
 *
 * A segment is an unlinked tmpfs file (shmem_file_setup) that outlives
 * the processes using it: shmget makes it, shmat maps it MAP_SHARED into
 * the caller (the pages come from the file's page cache, as for any
 * shared file mapping), shmdt unmaps it.  The segment stays until
 * IPC_RMID, and then until its last attach goes (SHM_DEST marks the
 * wait; the key is freed at once).
 *
 * shm_nattch counts the areas mapping the segment, through the areas'
 * vm_operations_struct: shm_open runs whenever an area is copied (fork,
 * a split by mprotect or a partial munmap, mremap) and shm_close whenever
 * one goes away (munmap, exit, exec), so the count stays right however
 * the mapping is cut up.
 *
 * Each mapped area holds a reference to the segment's IPC namespace, so
 * a namespace everyone has left lives on until its last segment is
 * detached (and then goes with all its objects: ipc/namespace.c); the
 * area may belong to a task in another namespace by then (unshare and
 * setns keep mappings).
 *
 * Lock order: mm->mmap_lock, then the table's rwsem (shm_open/close run
 * under mmap_lock and take rwsem); nothing here takes mmap_lock while
 * holding rwsem.
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mm_vma.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/mmap_lock.h>
#include <uapi/linux/mman.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/shm.h>
#include "util.h"

#define SHMLBA		PAGE_SIZE	/* x86: attach addresses align to a page */

struct shmid_kernel {
	struct kern_ipc_perm shm_perm;	/* first: the table holds &shm_perm */
	struct ipc_namespace *ns;	/* whose table; not counted (the areas count) */
	struct file *shm_file;		/* the tmpfs file holding the pages */
	unsigned long shm_nattch;	/* areas mapping it */
	size_t shm_segsz;
	long shm_atim;
	long shm_dtim;
	long shm_ctim;
	pid_t shm_cprid;
	pid_t shm_lprid;		/* last shmat/shmdt */
};

static const struct vm_operations_struct shm_vm_ops;

static struct shmid_kernel *shp_of(struct kern_ipc_perm *perm)
{
	return container_of(perm, struct shmid_kernel, shm_perm);
}

static unsigned long shm_pages(struct shmid_kernel *shp)
{
	return PAGE_ALIGN(shp->shm_segsz) >> PAGE_SHIFT;
}

/* The segment is gone: out of the table, its file dropped.  rwsem held. */
static void shm_destroy(struct ipc_namespace *ns, struct shmid_kernel *shp)
{
	ipc_rmid(shm_ids(ns), &shp->shm_perm);
	ns->shm_tot -= shm_pages(shp);
	fput(shp->shm_file);
	kfree(shp);
}

/* Removed and no longer attached?  Then destroy it now.  rwsem held. */
static void shm_may_destroy(struct ipc_namespace *ns, struct shmid_kernel *shp)
{
	if (!shp->shm_nattch && (shp->shm_perm.mode & SHM_DEST))
		shm_destroy(ns, shp);
}

static void shm_open(struct vm_area_struct *vma)
{
	struct shmid_kernel *shp = vma->vm_private_data;
	struct ipc_ids *ids = shm_ids(shp->ns);

	get_ipc_ns(shp->ns);
	mutex_lock(&ids->rwsem);
	shp->shm_nattch++;
	shp->shm_atim = ipc_get_seconds();
	shp->shm_lprid = current->tgid;
	mutex_unlock(&ids->rwsem);
}

static void shm_close(struct vm_area_struct *vma)
{
	struct shmid_kernel *shp = vma->vm_private_data;
	struct ipc_namespace *ns = shp->ns;

	mutex_lock(&shm_ids(ns)->rwsem);
	shp->shm_nattch--;
	shp->shm_dtim = ipc_get_seconds();
	shp->shm_lprid = current->tgid;
	shm_may_destroy(ns, shp);
	mutex_unlock(&shm_ids(ns)->rwsem);
	/* Last, and unlocked: this may be what frees the namespace. */
	put_ipc_ns(ns);
}

static const struct vm_operations_struct shm_vm_ops = {
	.fault	= filemap_fault,
	.open	= shm_open,
	.close	= shm_close,
};

static int newseg(struct ipc_namespace *ns, struct ipc_params *params)
{
	size_t size = params->u.size;
	unsigned long numpages = PAGE_ALIGN(size) >> PAGE_SHIFT;
	struct shmid_kernel *shp;
	struct file *file;
	char name[16];
	int id;

	if (size < SHMMIN || size > ns->shm_ctlmax)
		return -EINVAL;
	if (numpages << PAGE_SHIFT < size)
		return -ENOSPC;
	if (ns->shm_tot + numpages < ns->shm_tot || ns->shm_tot + numpages > ns->shm_ctlall)
		return -ENOSPC;
	/*
	 * Lantern has no huge pages (no Hugepagesize in /proc/meminfo): as on
	 * a Linux whose CPU has none, there is no hugetlbfs mount to put the
	 * segment on, and hugetlb_file_setup's answer is ENOENT.
	 */
	if (params->flg & SHM_HUGETLB)
		return -ENOENT;
	shp = kzalloc(sizeof(*shp), GFP_KERNEL);
	if (!shp)
		return -ENOMEM;
	snprintf(name, sizeof(name), "SYSV%08x", params->key);
	file = shmem_file_setup(name, size, 0);
	if (IS_ERR(file)) {
		kfree(shp);
		return PTR_ERR(file);
	}
	shp->shm_perm.mode = params->flg & S_IRWXUGO;
	shp->shm_perm.key = params->key;
	shp->ns = ns;
	shp->shm_file = file;
	shp->shm_segsz = size;
	shp->shm_cprid = current->tgid;
	shp->shm_ctim = ipc_get_seconds();
	id = ipc_addid(shm_ids(ns), &shp->shm_perm, ns->shm_ctlmni);
	if (id < 0) {
		fput(file);
		kfree(shp);
		return id;
	}
	ns->shm_tot += numpages;
	return id;
}

/* Nothing is attached any more: the namespace's areas held it. */
static void shm_exit_one(struct ipc_namespace *ns, struct kern_ipc_perm *perm)
{
	shm_destroy(ns, shp_of(perm));
}

void shm_init_ns(struct ipc_namespace *ns)
{
	ns->shm_ctlmax = SHMMAX;
	ns->shm_ctlall = SHMALL;
	ns->shm_ctlmni = SHMMNI;
	ns->shm_tot = 0;
	ipc_init_ids(shm_ids(ns));
}

void shm_exit_ns(struct ipc_namespace *ns)
{
	free_ipcs(ns, shm_ids(ns), shm_exit_one);
}

static int shm_more_checks(struct kern_ipc_perm *perm, struct ipc_params *params)
{
	return shp_of(perm)->shm_segsz < params->u.size ? -EINVAL : 0;
}

static const struct ipc_ops shm_ops = {
	.getnew = newseg,
	.more_checks = shm_more_checks,
};

SYSCALL_DEFINE3(shmget, key_t, key, size_t, size, int, shmflg)
{
	struct ipc_namespace *ns = current_ipc_ns();
	struct ipc_params params = { .key = key, .flg = shmflg, .u.size = size };

	return ipcget(ns, shm_ids(ns), &shm_ops, &params);
}

/* The attach address shmat's @shmaddr and flags ask for; 0 = anywhere. */
static long shmat_addr(unsigned long addr, int shmflg, unsigned long *flags)
{
	if (!addr) {
		if (shmflg & SHM_REMAP)
			return -EINVAL;
		return 0;
	}
	if (addr & (SHMLBA - 1)) {
		if (!(shmflg & SHM_RND))
			return -EINVAL;
		addr &= ~(SHMLBA - 1);
		if (!addr && (shmflg & SHM_REMAP))
			return -EINVAL;
	}
	*flags |= MAP_FIXED;
	return addr;
}

/*
 * Map @shp at @addr in current.  The caller holds an extra nattch so the
 * segment cannot be destroyed meanwhile; the new area counts itself
 * through shm_open.
 */
static long shm_map(struct shmid_kernel *shp, struct file *file, unsigned long addr,
		    unsigned long prot, unsigned long flags, int shmflg)
{
	struct mm_struct *mm = current->mm;
	size_t size = shp->shm_segsz;
	struct vm_area_struct *vma;
	bool populate;
	long ret;

	mmap_write_lock(mm);
	/* Without SHM_REMAP, an attach may not replace what is mapped there. */
	if (addr && !(shmflg & SHM_REMAP)) {
		ret = -EINVAL;
		if (addr + size < addr || find_vma_intersection(mm, addr, addr + size))
			goto out;
	}
	ret = do_mmap(file, addr, size, prot, flags, 0, &populate);
	if (IS_ERR_VALUE(ret))
		goto out;
	vma = find_vma(mm, ret);
	vma->vm_ops = &shm_vm_ops;
	vma->vm_private_data = shp;
	/* SHM_RDONLY: mprotect may never make it writable. */
	if (shmflg & SHM_RDONLY)
		vma->vm_flags &= ~VM_MAYWRITE;
	shm_open(vma);
out:
	mmap_write_unlock(mm);
	return ret;
}

static long do_shmat(int shmid, char __user *shmaddr, int shmflg)
{
	struct ipc_namespace *ns = current_ipc_ns();
	struct ipc_ids *ids = shm_ids(ns);
	unsigned long flags = MAP_SHARED, prot;
	struct kern_ipc_perm *perm;
	struct shmid_kernel *shp;
	struct file *file;
	int acc_mode;
	long addr, ret;

	if (shmid < 0)
		return -EINVAL;
	addr = shmat_addr((unsigned long)shmaddr, shmflg, &flags);
	if (addr < 0)
		return addr;
	if (shmflg & SHM_RDONLY) {
		prot = PROT_READ;
		acc_mode = S_IRUGO;
	} else {
		prot = PROT_READ | PROT_WRITE;
		acc_mode = S_IRUGO | S_IWUGO;
	}
	if (shmflg & SHM_EXEC) {
		prot |= PROT_EXEC;
		acc_mode |= S_IXUGO;
	}

	mutex_lock(&ids->rwsem);
	perm = ipc_obtain_object_check(ids, shmid);
	if (IS_ERR(perm)) {
		mutex_unlock(&ids->rwsem);
		return PTR_ERR(perm);
	}
	if (ipcperms(perm, acc_mode)) {
		mutex_unlock(&ids->rwsem);
		return -EACCES;
	}
	shp = shp_of(perm);
	shp->shm_nattch++;		/* held across the mapping */
	file = get_file(shp->shm_file);
	mutex_unlock(&ids->rwsem);

	ret = shm_map(shp, file, addr, prot, flags, shmflg);
	fput(file);

	mutex_lock(&ids->rwsem);
	shp->shm_nattch--;
	shm_may_destroy(ns, shp);
	mutex_unlock(&ids->rwsem);
	return ret;
}

SYSCALL_DEFINE3(shmat, int, shmid, char __user *, shmaddr, int, shmflg)
{
	return do_shmat(shmid, shmaddr, shmflg);
}

/* An area of the attach that starts at @addr: shm's, mapping page (vma - addr). */
static bool shm_area_of(struct vm_area_struct *vma, unsigned long addr, struct file *file)
{
	return vma->vm_ops == &shm_vm_ops && (!file || vma->vm_file == file) &&
	       vma->vm_start - addr == vma->vm_pgoff << PAGE_SHIFT;
}

/*
 * shmdt: unmap every area of the attach that starts at @addr, pieces
 * split off by mprotect included, and nothing else.
 */
SYSCALL_DEFINE1(shmdt, char __user *, shmaddr)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr = (unsigned long)shmaddr, end;
	struct vm_area_struct *vma;
	struct file *file = NULL;
	int ret = -EINVAL;

	if (addr & ~PAGE_MASK)
		return -EINVAL;
	mmap_write_lock(mm);
	for (vma = find_vma(mm, addr); vma; vma = vma->vm_next) {
		if (vma->vm_start == addr && shm_area_of(vma, addr, NULL)) {
			file = vma->vm_file;
			break;
		}
	}
	if (!file)
		goto out;
	end = addr + PAGE_ALIGN(i_size_read(file_inode(file)));
	vma = find_vma(mm, addr);
	while (vma && vma->vm_start < end) {
		if (!shm_area_of(vma, addr, file)) {
			vma = vma->vm_next;
			continue;
		}
		ret = do_munmap(mm, vma->vm_start, vma->vm_end - vma->vm_start);
		if (ret)
			break;
		vma = find_vma(mm, addr);
	}
out:
	mmap_write_unlock(mm);
	return ret;
}

static int shmctl_ipc_info(struct ipc_namespace *ns, struct shminfo64 __user *buf)
{
	struct ipc_ids *ids = shm_ids(ns);
	struct shminfo64 info = {
		.shmmax = ns->shm_ctlmax,
		.shmmin = SHMMIN,
		.shmmni = ns->shm_ctlmni,
		.shmseg = SHMSEG,
		.shmall = ns->shm_ctlall,
	};
	int max_idx;

	mutex_lock(&ids->rwsem);
	max_idx = ipc_get_maxidx(ids);
	mutex_unlock(&ids->rwsem);
	if (copy_to_user(buf, &info, sizeof(info)))
		return -EFAULT;
	return max_idx;
}

static int shmctl_shm_info(struct ipc_namespace *ns, struct shm_info __user *buf)
{
	struct ipc_ids *ids = shm_ids(ns);
	struct shm_info info = { 0 };
	int idx, max_idx;

	mutex_lock(&ids->rwsem);
	info.used_ids = ids->in_use;
	info.shm_tot = ns->shm_tot;
	for (idx = 0; idx <= ids->max_idx; idx++)
		if (ids->entries[idx])
			info.shm_rss += shp_of(ids->entries[idx])->shm_file->f_mapping->nrpages;
	max_idx = ipc_get_maxidx(ids);
	mutex_unlock(&ids->rwsem);
	if (copy_to_user(buf, &info, sizeof(info)))
		return -EFAULT;
	return max_idx;
}

static int shmctl_stat(struct ipc_namespace *ns, int shmid, int cmd, struct shmid64_ds __user *buf)
{
	struct ipc_ids *ids = shm_ids(ns);
	struct kern_ipc_perm *perm;
	struct shmid_kernel *shp;
	struct shmid64_ds ds;
	int ret = 0;

	mutex_lock(&ids->rwsem);
	if (cmd == IPC_STAT) {
		perm = ipc_obtain_object_check(ids, shmid);
	} else {
		perm = ipc_obtain_object_idx(ids, shmid);
		if (!IS_ERR(perm))
			ret = perm->id;
	}
	if (IS_ERR(perm)) {
		ret = PTR_ERR(perm);
		goto out_unlock;
	}
	if (cmd != SHM_STAT_ANY && ipcperms(perm, S_IRUGO)) {
		ret = -EACCES;
		goto out_unlock;
	}
	shp = shp_of(perm);
	memset(&ds, 0, sizeof(ds));
	kernel_to_ipc64_perm(perm, &ds.shm_perm);
	ds.shm_segsz = shp->shm_segsz;
	ds.shm_atime = shp->shm_atim;
	ds.shm_dtime = shp->shm_dtim;
	ds.shm_ctime = shp->shm_ctim;
	ds.shm_cpid = pid_global_to_vnr(shp->shm_cprid);	/* kept as the first namespace numbers it */
	ds.shm_lpid = pid_global_to_vnr(shp->shm_lprid);
	ds.shm_nattch = shp->shm_nattch;
	mutex_unlock(&ids->rwsem);
	if (copy_to_user(buf, &ds, sizeof(ds)))
		return -EFAULT;
	return ret;
out_unlock:
	mutex_unlock(&ids->rwsem);
	return ret;
}

/*
 * SHM_LOCK/SHM_UNLOCK: Lantern never swaps shm pages out, so the lock is
 * the flag and its permission rule: CAP_IPC_LOCK, or the owner with a
 * non-zero RLIMIT_MEMLOCK.
 */
static int shmctl_lock(struct ipc_namespace *ns, int shmid, int cmd)
{
	struct ipc_ids *ids = shm_ids(ns);
	struct kern_ipc_perm *perm;
	uid_t euid = current_euid();
	int err = 0;

	mutex_lock(&ids->rwsem);
	perm = ipc_obtain_object_check(ids, shmid);
	if (IS_ERR(perm)) {
		err = PTR_ERR(perm);
		goto out_unlock;
	}
	if (!capable(CAP_IPC_LOCK)) {
		err = -EPERM;
		if (euid != perm->uid && euid != perm->cuid)
			goto out_unlock;
		if (cmd == SHM_LOCK && !rlimit(RLIMIT_MEMLOCK))
			goto out_unlock;
		err = 0;
	}
	if (cmd == SHM_LOCK)
		perm->mode |= SHM_LOCKED;
	else
		perm->mode &= ~SHM_LOCKED;
out_unlock:
	mutex_unlock(&ids->rwsem);
	return err;
}

static int shmctl_down(struct ipc_namespace *ns, int shmid, int cmd,
		       struct shmid64_ds __user *buf)
{
	struct ipc_ids *ids = shm_ids(ns);
	struct kern_ipc_perm *perm;
	struct shmid_kernel *shp;
	struct shmid64_ds ds;
	int err = 0;

	if (cmd == IPC_SET && copy_from_user(&ds, buf, sizeof(ds)))
		return -EFAULT;
	mutex_lock(&ids->rwsem);
	perm = ipcctl_obtain_check(ids, shmid, cmd);
	if (IS_ERR(perm)) {
		err = PTR_ERR(perm);
		goto out_unlock;
	}
	shp = shp_of(perm);
	if (cmd == IPC_SET) {
		ipc_set_perm(perm, &ds.shm_perm);
		shp->shm_ctim = ipc_get_seconds();
		goto out_unlock;
	}
	/* IPC_RMID: the key is free at once; the segment goes at its last detach. */
	perm->mode |= SHM_DEST;
	ipc_set_key_private(ids, perm);
	shm_may_destroy(ns, shp);
out_unlock:
	mutex_unlock(&ids->rwsem);
	return err;
}

SYSCALL_DEFINE3(shmctl, int, shmid, int, cmd, struct shmid64_ds __user *, buf)
{
	struct ipc_namespace *ns = current_ipc_ns();

	if (cmd < 0 || shmid < 0)
		return -EINVAL;
	switch (cmd) {
	case IPC_INFO:
		return shmctl_ipc_info(ns, (struct shminfo64 __user *)buf);
	case SHM_INFO:
		return shmctl_shm_info(ns, (struct shm_info __user *)buf);
	case IPC_STAT:
	case SHM_STAT:
	case SHM_STAT_ANY:
		return shmctl_stat(ns, shmid, cmd, buf);
	case SHM_LOCK:
	case SHM_UNLOCK:
		return shmctl_lock(ns, shmid, cmd);
	case IPC_SET:
	case IPC_RMID:
		return shmctl_down(ns, shmid, cmd, buf);
	default:
		return -EINVAL;
	}
}

/* /proc/sysvipc/shm */
int sysvipc_shm_proc_show(struct seq_file *m, void *v)
{
	struct ipc_ids *ids = shm_ids(current_ipc_ns());
	struct shmid_kernel *shp;
	int idx;

	seq_puts(m, "       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime                   rss                  swap\n");
	mutex_lock(&ids->rwsem);
	for (idx = 0; idx <= ids->max_idx; idx++) {
		if (!ids->entries[idx])
			continue;
		shp = shp_of(ids->entries[idx]);
		seq_printf(m, "%10d %10d  %4o %21zu %5u %5u  %5lu %5u %5u %5u %5u %10ld %10ld %10ld %21lu %21lu\n",
			   shp->shm_perm.key, shp->shm_perm.id, shp->shm_perm.mode,
			   shp->shm_segsz, pid_global_to_vnr(shp->shm_cprid),
			   pid_global_to_vnr(shp->shm_lprid), shp->shm_nattch,
			   shp->shm_perm.uid, shp->shm_perm.gid, shp->shm_perm.cuid,
			   shp->shm_perm.cgid, shp->shm_atim, shp->shm_dtim, shp->shm_ctim,
			   shp->shm_file->f_mapping->nrpages << PAGE_SHIFT, 0UL);
	}
	mutex_unlock(&ids->rwsem);
	return 0;
}
