// SPDX-License-Identifier: GPL-2.0
/*
 * Landlock: unprivileged sandboxing (ABI 2, as Linux 6.1).  A process
 * builds a ruleset (landlock_create_ruleset: which accesses it governs),
 * adds rules (landlock_add_rule: what is allowed beneath a directory it
 * holds open), then confines itself and its future children with it
 * (landlock_restrict_self, after PR_SET_NO_NEW_PRIVS or with
 * CAP_SYS_ADMIN).  Confinement only ever grows: each restriction is one
 * more layer, and there is no way back.  The checks are in fs.c and
 * ptrace.c, called from the hooks in security/security.c.
 */
#include <linux/kernel.h>
#include <linux/anon_inodes.h>
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "landlock.h"

static int ruleset_release(struct inode *inode, struct file *file)
{
	landlock_put_ruleset(file->private_data);
	return 0;
}

static ssize_t ruleset_read(struct file *file, char __user *buf, size_t size, loff_t *ppos)
{
	return -EINVAL;		/* a ruleset is used, not read */
}

static ssize_t ruleset_write(struct file *file, const char __user *buf, size_t size,
			     loff_t *ppos)
{
	return -EINVAL;
}

static const struct file_operations ruleset_fops = {
	.release	= ruleset_release,
	.read		= ruleset_read,
	.write		= ruleset_write,
};

/*
 * A struct that may grow: at least @min bytes, at most a page, and any
 * bytes past what the kernel knows must be zero (E2BIG otherwise).
 */
static int copy_min_struct_from_user(void *dst, size_t ksize, size_t min,
				     const void __user *src, size_t usize)
{
	size_t i;
	u8 c;

	if (!src)
		return -EFAULT;
	if (usize < min)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	for (i = ksize; i < usize; i++) {
		if (get_user(c, (const u8 __user *)src + i))
			return -EFAULT;
		if (c)
			return -E2BIG;
	}
	memset(dst, 0, ksize);
	return copy_from_user(dst, src, min(ksize, usize)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(landlock_create_ruleset, const struct landlock_ruleset_attr __user *, attr,
		size_t, size, u32, flags)
{
	struct landlock_ruleset_attr kattr;
	struct landlock_ruleset *ruleset;
	int err, fd;

	if (flags) {
		if (flags == LANDLOCK_CREATE_RULESET_VERSION && !attr && !size)
			return LANDLOCK_ABI_VERSION;
		return -EINVAL;
	}
	err = copy_min_struct_from_user(&kattr, sizeof(kattr), sizeof(kattr.handled_access_fs),
					attr, size);
	if (err)
		return err;
	if (kattr.handled_access_fs & ~LANDLOCK_MASK_ACCESS_FS)
		return -EINVAL;
	if (!kattr.handled_access_fs)
		return -ENOMSG;		/* a ruleset that governs nothing is a mistake */
	ruleset = landlock_create_ruleset(kattr.handled_access_fs);
	if (IS_ERR(ruleset))
		return PTR_ERR(ruleset);
	fd = anon_inode_getfd("[landlock-ruleset]", &ruleset_fops, ruleset, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		landlock_put_ruleset(ruleset);
	return fd;
}

/* The ruleset behind @fd, referenced; EBADF, EBADFD (another file), EPERM (@mode). */
static struct landlock_ruleset *get_ruleset_from_fd(int fd, fmode_t mode)
{
	struct landlock_ruleset *ruleset;
	struct file *file = fget(fd);

	if (!file)
		return ERR_PTR(-EBADF);
	if (file->f_op != &ruleset_fops)
		ruleset = ERR_PTR(-EBADFD);
	else if (!(file->f_mode & mode))
		ruleset = ERR_PTR(-EPERM);
	else {
		ruleset = file->private_data;
		refcount_inc(&ruleset->usage);
	}
	fput(file);
	return ruleset;
}

/* A rule's directory: any open file, O_PATH too, but not a ruleset or an internal one. */
static int get_path_from_fd(int fd, struct path *path)
{
	struct file *file = fget_raw(fd);
	int err = 0;

	if (!file)
		return -EBADF;
	if (file->f_op == &ruleset_fops || (file->f_path.mnt->mnt_sb->s_flags & SB_NOUSER) ||
	    !d_inode(file->f_path.dentry))
		err = -EBADFD;
	else {
		*path = file->f_path;
		path_get(path);
	}
	fput(file);
	return err;
}

SYSCALL_DEFINE4(landlock_add_rule, int, ruleset_fd, int, rule_type, const void __user *,
		rule_attr, u32, flags)
{
	struct landlock_path_beneath_attr attr;
	struct landlock_ruleset *ruleset;
	struct path path;
	int err;

	if (flags)
		return -EINVAL;
	ruleset = get_ruleset_from_fd(ruleset_fd, FMODE_WRITE);
	if (IS_ERR(ruleset))
		return PTR_ERR(ruleset);
	err = -EINVAL;
	if (rule_type != LANDLOCK_RULE_PATH_BENEATH)
		goto out;
	err = -EFAULT;
	if (copy_from_user(&attr, rule_attr, sizeof(attr)))
		goto out;
	err = -ENOMSG;		/* allowing nothing: the rule would change nothing */
	if (!attr.allowed_access)
		goto out;
	err = -EINVAL;
	if (attr.allowed_access & ~ruleset->handled_access_fs)
		goto out;
	err = get_path_from_fd(attr.parent_fd, &path);
	if (err)
		goto out;
	/* A file's rule can only allow what is done to files. */
	if (!S_ISDIR(d_inode(path.dentry)->i_mode) && (attr.allowed_access & ~LANDLOCK_ACCESS_FILE))
		err = -EINVAL;
	else
		err = landlock_insert_rule(ruleset, d_inode(path.dentry), attr.allowed_access);
	path_put(&path);
out:
	landlock_put_ruleset(ruleset);
	return err;
}

SYSCALL_DEFINE2(landlock_restrict_self, int, ruleset_fd, u32, flags)
{
	struct landlock_ruleset *ruleset;
	struct landlock_domain *domain;
	struct cred *new;

	if (flags)
		return -EINVAL;
	/* As seccomp: no gaining privileges through exec, or the right to sandbox others. */
	if (!test_bit(PFA_NO_NEW_PRIVS, &current->atomic_flags) && !capable(CAP_SYS_ADMIN))
		return -EPERM;
	ruleset = get_ruleset_from_fd(ruleset_fd, FMODE_READ);
	if (IS_ERR(ruleset))
		return PTR_ERR(ruleset);
	domain = landlock_merge_domain(current_cred()->landlock, ruleset);
	landlock_put_ruleset(ruleset);
	if (IS_ERR(domain))
		return PTR_ERR(domain);
	new = prepare_creds();
	if (!new) {
		landlock_put_domain(domain);
		return -ENOMEM;
	}
	landlock_put_domain(new->landlock);	/* prepare_creds took a reference */
	new->landlock = domain;
	return commit_creds(new);
}
