// SPDX-License-Identifier: GPL-2.0
/*
 * memfd_create: an anonymous tmpfs file ("memfd:<name>"), and the seals
 * that let its creator hand it to someone else with a promise that it
 * will not change under them.  F_SEAL_SHRINK/GROW freeze the size, WRITE
 * the contents (only while nobody has it mapped shared and writable:
 * EBUSY otherwise), FUTURE_WRITE refuses new writers but leaves existing
 * mappings be, and SEAL itself ends the adding.  The checks live where
 * the changes happen (fs/ramfs/file.c).
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define MFD_CLOEXEC		0x0001U
#define MFD_ALLOW_SEALING	0x0002U
#define MFD_HUGETLB		0x0004U
/* 6.1 has no MFD_NOEXEC_SEAL/MFD_EXEC (6.3): they are EINVAL, as there. */
#define MFD_ALL_FLAGS		(MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB)

#define MFD_NAME_PREFIX		"memfd:"
#define MFD_NAME_PREFIX_LEN	(sizeof(MFD_NAME_PREFIX) - 1)
#define MFD_NAME_MAX_LEN	(NAME_MAX - MFD_NAME_PREFIX_LEN)

#define F_ALL_SEALS	(F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | \
			 F_SEAL_FUTURE_WRITE)

static int memfd_add_seals(struct file *file, unsigned int seals)
{
	struct inode *inode = file_inode(file);
	unsigned int *file_seals;
	int err = 0;

	/* Sealing is a writer's act: a read-only descriptor may not. */
	if (!(file->f_mode & FMODE_WRITE))
		return -EPERM;
	if (seals & ~F_ALL_SEALS)
		return -EINVAL;
	inode_lock(inode);
	file_seals = memfd_file_seals_ptr(file);
	if (*file_seals & F_SEAL_SEAL) {
		err = -EPERM;
		goto unlock;
	}
	if ((seals & F_SEAL_WRITE) && !(*file_seals & F_SEAL_WRITE) &&
	    atomic_read(&file->f_mapping->i_mmap_writable) > 0) {
		err = -EBUSY;		/* a writable shared mapping could still write */
		goto unlock;
	}
	*file_seals |= seals;
unlock:
	inode_unlock(inode);
	return err;
}

long memfd_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	unsigned int *seals = memfd_file_seals_ptr(file);

	if (!seals)
		return -EINVAL;
	switch (cmd) {
	case F_ADD_SEALS:
		if (arg > UINT_MAX)
			return -EINVAL;
		return memfd_add_seals(file, arg);
	case F_GET_SEALS:
		return *seals;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE2(memfd_create, const char __user *, uname, unsigned int, flags)
{
	char *name;
	struct file *file;
	long len;
	int fd, err;

	if (flags & ~MFD_ALL_FLAGS)
		return -EINVAL;
	if (flags & MFD_HUGETLB)
		return -EINVAL;		/* no hugetlbfs */
	name = kmalloc(MFD_NAME_PREFIX_LEN + MFD_NAME_MAX_LEN + 1, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	memcpy(name, MFD_NAME_PREFIX, MFD_NAME_PREFIX_LEN);
	len = strncpy_from_user(name + MFD_NAME_PREFIX_LEN, uname, MFD_NAME_MAX_LEN + 1);
	if (len < 0) {
		err = len;
		goto out_name;
	}
	if (len > (long)MFD_NAME_MAX_LEN) {
		err = -EINVAL;
		goto out_name;
	}
	fd = get_unused_fd_flags((flags & MFD_CLOEXEC) ? O_CLOEXEC : 0);
	if (fd < 0) {
		err = fd;
		goto out_name;
	}
	file = shmem_file_setup(name, 0, 0);
	if (IS_ERR(file)) {
		err = PTR_ERR(file);
		goto out_fd;
	}
	file->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if (flags & MFD_ALLOW_SEALING)
		*memfd_file_seals_ptr(file) &= ~F_SEAL_SEAL;
	fd_install(fd, file);
	kfree(name);
	return fd;

out_fd:
	put_unused_fd(fd);
out_name:
	kfree(name);
	return err;
}
