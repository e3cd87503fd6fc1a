/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual file system's objects, as in the seed's VFS picture:
 *
 *   file_system_type  a kind of filesystem ("tmpfs"), registered by name
 *   super_block       one mounted instance of it: its root, its inodes
 *   inode             one file (regular, directory, symlink, device...)
 *   dentry            one name of a file (<linux/dcache.h>)
 *   vfsmount          where a super_block is attached (<linux/mount.h>)
 *   file              one open of a file: position, flags, operations
 *
 * Each object carries a table of operations (super_operations,
 * inode_operations, file_operations) that its filesystem or driver fills
 * in; the system calls in fs/ only ever call through those tables.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/atomic.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/ioctl.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/path.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <linux/types.h>
#include <linux/uio.h>
#include <linux/xarray.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/limits.h>
#include <uapi/linux/stat.h>

struct file;
struct kstat;
struct iattr;
struct vm_area_struct;
struct poll_table_struct;
struct module;
struct kstatfs;
struct file_lock;
struct pipe_inode_info;
struct page;
struct xattr_handler;
struct export_operations;
struct seq_file;

typedef unsigned int fmode_t;
typedef void *fl_owner_t;	/* who holds a record lock (<linux/filelock.h>) */

/* f_mode: what this open may do. */
#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4
#define FMODE_PREAD	0x8
#define FMODE_PWRITE	0x10
#define FMODE_EXEC	0x20
#define FMODE_PATH	0x4000	/* O_PATH: a location only, no I/O */
#define FMODE_NONOTIFY	0x4000000	/* fanotify's event fds: no fsnotify events */
/* An internal open flag (outside the O_* bits) that gives FMODE_NONOTIFY. */
#define __FMODE_NONOTIFY	FMODE_NONOTIFY
/* The internal open flag exec uses (outside the O_* bits): gives FMODE_EXEC. */
#define __FMODE_EXEC		FMODE_EXEC
#define FMODE_NOWAIT	0x8000000	/* honours IOCB_NOWAIT (preadv2 RWF_NOWAIT) */
#define FMODE_RANDOM	0x1000		/* fadvise POSIX_FADV_RANDOM */
#define FMODE_WRITER	0x10000		/* counted in i_writecount (put at the last fput) */

/* s_flags: an internal filesystem (pipes, sockets, anon inodes), never mounted by users. */
#define SB_NOUSER	(1UL << 31)
/* A ->mount flag: the kernel mounts it for itself (mount(2) never passes it). */
#define SB_KERNMOUNT	(1 << 22)

/* Permission masks for inode_permission(). */
#define MAY_EXEC	0x1
#define MAY_WRITE	0x2
#define MAY_READ	0x4
#define MAY_APPEND	0x8
#define MAY_ACCESS	0x10	/* access(2): real IDs */
#define MAY_OPEN	0x20

/* d_type in getdents64 records: the S_IFMT bits shifted down. */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

/* i_flags */
#define S_DEAD		0x10	/* a removed directory: nothing may be created in it */
#define S_MAGICLINK	0x40	/* /proc/<pid>/{fd/N,exe,cwd,root}: RESOLVE_NO_MAGICLINKS */
#define I_LINKABLE	0x80	/* O_TMPFILE without O_EXCL: linkat may give it a name */
#define IS_DEADDIR(inode)	((inode)->i_flags & S_DEAD)

#define MAX_LFS_FILESIZE	((loff_t)0x7fffffffffffffffLL)

struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
	int ki_flags;
};
#define IOCB_APPEND	0x1
#define IOCB_NOWAIT	0x2

/* readdir: iterate_shared calls actor for each entry; false stops it. */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t offset, u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen,
			    u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

/* setattr: which fields of struct iattr to apply. */
#define ATTR_MODE	(1 << 0)
#define ATTR_UID	(1 << 1)
#define ATTR_GID	(1 << 2)
#define ATTR_SIZE	(1 << 3)
#define ATTR_ATIME	(1 << 4)
#define ATTR_MTIME	(1 << 5)
#define ATTR_CTIME	(1 << 6)
#define ATTR_ATIME_SET	(1 << 7)
#define ATTR_MTIME_SET	(1 << 8)

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime;
	struct timespec64 ia_mtime;
	struct timespec64 ia_ctime;
};

struct inode_operations {
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry, unsigned int flags);
	const char *(*get_link)(struct dentry *dentry, struct inode *inode);
	int (*permission)(struct inode *inode, int mask);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
	int (*link)(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *symname);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry,
		      struct inode *new_dir, struct dentry *new_dentry, unsigned int flags);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
	int (*getattr)(const struct path *path, struct kstat *stat, u32 request_mask,
		       unsigned int flags);
	ssize_t (*listxattr)(struct dentry *dentry, char *list, size_t size);
	/* O_TMPFILE: a regular file with no name in @dir, instantiated in @dentry. */
	int (*tmpfile)(struct inode *dir, struct dentry *dentry, umode_t mode);
	/*
	 * A magic link (/proc/<pid>/fd/<n>): the walk jumps to the object
	 * itself, *@path (referenced), not to a name, so even a deleted
	 * file or a pipe can be reopened through it.
	 */
	int (*get_link_path)(struct dentry *dentry, struct path *path);
};

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	/* .read/.write take user buffers (driver style); _iter ones any buffer. */
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count, loff_t *pos);
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *wait);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	int (*flush)(struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	int (*fsync)(struct file *file, loff_t start, loff_t end, int datasync);
	long (*fallocate)(struct file *file, int mode, loff_t offset, loff_t len);
	/* O_ASYNC turned on or off (fasync_helper); fd -1 on the last close. */
	int (*fasync)(int fd, struct file *file, int on);
	/* More lines for /proc/<pid>/fdinfo/<fd> (eventfd-count:, tfd:...). */
	void (*show_fdinfo)(struct seq_file *m, struct file *file);
};

struct address_space;

struct address_space_operations {
	/*
	 * Fill @page (new, locked, zeroed, in the cache) from the backing
	 * store.  None: the file has no store (tmpfs), a new page is a hole.
	 */
	int (*readpage)(struct file *file, struct page *page);
	/*
	 * Write the locked page @page (its dirty bit already cleared) to the
	 * backing store and wait for it (mm/page-writeback.c calls it).
	 */
	int (*writepage)(struct page *page);
	/*
	 * The disk block (in the filesystem's block size) holding file
	 * block @block, 0 for a hole.  swapon maps a swap file with it.
	 */
	u64 (*bmap)(struct address_space *mapping, u64 block);
};

/*
 * The page cache of one file (mm/filemap.c): its pages by page index.
 * A page in it has PG_locked while it is being filled or removed,
 * PG_uptodate once its contents are the file's, PG_dirty when it holds
 * data the backing store does not (tmpfs pages always do); the cache
 * holds one reference on each page, every PTE mapping it another.
 *
 * Locking: i_pages_lock guards i_pages and nrpages; i_mmap_lock guards
 * i_mmap, the VMAs that map the file (for unmap_mapping_range), and the
 * count of writable shared ones.  i_pages_lock is a spinlock, taken for
 * every lookup (a tree node for an insert is allocated GFP_ATOMIC under
 * it); i_mmap_lock is a mutex: unmapping walks other address spaces.
 */
struct address_space {
	struct inode *host;
	struct xarray i_pages;
	spinlock_t i_pages_lock;
	unsigned long nrpages;
	struct list_head i_mmap;		/* vma->shared links */
	struct mutex i_mmap_lock;
	atomic_t i_mmap_writable;		/* VM_SHARED|VM_MAYWRITE mappings */
	const struct address_space_operations *a_ops;
	struct list_head wb_list;	/* on the flusher's list while it has dirty pages */
	unsigned long dirtied_when;	/* jiffies when it went from clean to dirty */
};

/*
 * Locking: i_mutex guards the directory's names (lookup-create, unlink,
 * rename) and a regular file's size and contents; i_count is atomic;
 * the other attributes change under i_mutex.
 */
struct inode {
	umode_t i_mode;
	uid_t i_uid;
	gid_t i_gid;
	unsigned int i_nlink;
	dev_t i_rdev;			/* device nodes: which device */
	loff_t i_size;
	u64 i_blocks;			/* 512-byte units in use */
	struct timespec64 i_atime, i_mtime, i_ctime;
	unsigned long i_ino;
	unsigned int i_flags;		/* S_DEAD */
	atomic_t i_count;
	struct mutex i_mutex;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
	struct list_head i_sb_list;	/* in i_sb->s_inodes */
	const char *i_link;		/* symlink target, if the fs keeps it here */
	struct file_lock *i_flock;	/* record locks held on it (fs/locks.c) */
	struct pipe_inode_info *i_pipe;	/* FIFOs and pipes: the ring, while open */
	void *i_private;
	struct address_space *i_mapping;	/* the page cache of the contents */
	struct address_space i_data;		/* where i_mapping points for most files */
	struct list_head i_fsnotify_marks;	/* inotify/fanotify marks (fs/notify/) */
	u32 i_fsnotify_mask;			/* the events they want */
	/*
	 * > 0: open for writing that many times; < 0: being executed that
	 * many times (deny_write_access).  Each excludes the other: ETXTBSY.
	 */
	atomic_t i_writecount;
};

/* The device numbers of a device node, as a driver's open reads them. */
static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

struct kstatfs {
	long f_type, f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	long f_namelen, f_frsize, f_flags;
};

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*free_inode)(struct inode *inode);
	void (*evict_inode)(struct inode *inode);	/* last reference to a deleted file */
	int (*statfs)(struct dentry *dentry, struct kstatfs *buf);
	void (*put_super)(struct super_block *sb);
	int (*sync_fs)(struct super_block *sb, int wait);	/* write the superblock's own metadata */
	int (*remount_fs)(struct super_block *sb, int rdonly);	/* before MS_RDONLY changes */
};

struct file_system_type {
	const char *name;
	int fs_flags;
	struct dentry *(*mount)(struct file_system_type *fs_type, int flags,
				const char *dev_name, void *data);
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;
	/* Each type's inode locks are their own class: a write to a tmpfs file and
	 * an mqueue directory lookup never nest in one another (lockdep). */
	struct lock_class_key i_mutex_key;
};
#define FS_REQUIRES_DEV	1

/* Locking: sb_lock (fs/super.c) for s_list and s_inodes; s_active is atomic. */
struct super_block {
	struct list_head s_list;	/* all superblocks */
	dev_t s_dev;			/* st_dev of its files */
	unsigned long s_blocksize;
	unsigned long s_magic;
	loff_t s_maxbytes;
	struct dentry *s_root;
	const struct super_operations *s_op;
	struct file_system_type *s_type;
	unsigned long s_flags;		/* MS_RDONLY ..., SB_NOUSER */
	atomic_t s_active;		/* mounts using it */
	struct list_head s_inodes;
	unsigned long s_next_ino;
	struct mutex s_vfs_rename_mutex; /* one cross-directory rename at a time */
	void *s_fs_info;
	struct list_head s_fsnotify_marks;	/* fanotify FAN_MARK_FILESYSTEM marks */
	u32 s_fsnotify_mask;			/* the events they want */
	struct block_device *s_bdev;	/* disk-based filesystems: the device */
	const struct xattr_handler * const *s_xattr;	/* by namespace (<linux/xattr.h>) */
	const struct export_operations *s_export_op;	/* file handles (<linux/exportfs.h>) */
};

/*
 * Who is told by signal when a file with O_ASYNC becomes readable or
 * writable (F_SETOWN, fs/fcntl.c): a thread, a process or a process group
 * (pid_type), with the credentials of whoever set it, and the signal
 * (0: SIGIO without details).  Locking: lock.
 */
enum pid_type_fown { FOWN_PID, FOWN_TGID, FOWN_PGID };

struct fown_struct {
	spinlock_t lock;
	pid_t pid;			/* 0: nobody */
	enum pid_type_fown pid_type;
	uid_t uid, euid;
	int signum;
};

/* Locking: f_count is atomic; f_pos_lock serializes f_pos for read/write/lseek. */
struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_* from open, O_APPEND|O_NONBLOCK via fcntl */
	fmode_t f_mode;
	loff_t f_pos;
	struct address_space *f_mapping;	/* the inode's i_mapping */
	atomic_long_t f_count;
	struct mutex f_pos_lock;
	void *private_data;
	struct list_head f_ep;		/* epoll watches on this file (fs/eventpoll.c) */
	struct fown_struct f_owner;	/* SIGIO's recipient (fs/fcntl.c) */
};

/* A writer opens @inode: not while it runs as a program. */
static inline int get_write_access(struct inode *inode)
{
	int c = atomic_read(&inode->i_writecount);

	for (;;) {
		int old;

		if (c < 0)
			return -ETXTBSY;
		old = atomic_cmpxchg(&inode->i_writecount, c, c + 1);
		if (old == c)
			return 0;
		c = old;
	}
}

static inline void put_write_access(struct inode *inode)
{
	atomic_dec(&inode->i_writecount);
}

/* @file is about to run as a program: not while anyone has it open for writing. */
static inline int deny_write_access(struct file *file)
{
	struct inode *inode = file->f_inode;
	int c = atomic_read(&inode->i_writecount);

	for (;;) {
		int old;

		if (c > 0)
			return -ETXTBSY;
		old = atomic_cmpxchg(&inode->i_writecount, c, c - 1);
		if (old == c)
			return 0;
		c = old;
	}
}

static inline void allow_write_access(struct file *file)
{
	if (file)
		atomic_inc(&file->f_inode->i_writecount);
}

/* i_size changes under i_mutex; readers without it see the old or the new value. */
static inline loff_t i_size_read(const struct inode *inode)
{
	return READ_ONCE(inode->i_size);
}

static inline void i_size_write(struct inode *inode, loff_t size)
{
	WRITE_ONCE(inode->i_size, size);
}

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

struct kstat {
	u32 result_mask;
	umode_t mode;
	unsigned int nlink;
	u32 blksize;
	u64 ino;
	dev_t dev;
	dev_t rdev;
	uid_t uid;
	gid_t gid;
	loff_t size;
	struct timespec64 atime, mtime, ctime, btime;
	u64 blocks;
	u64 mnt_id;
};

/* fs/super.c */
int register_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
struct super_block *sget_nodev(struct file_system_type *type, int flags);
struct super_block *user_get_super(dev_t dev);
void deactivate_super(struct super_block *sb);
void kill_litter_super(struct super_block *sb);
struct dentry *mount_single_sb(struct super_block *sb);
void kill_single_super(struct super_block *sb);
int get_filesystem_list(char *buf, size_t size);
void sync_filesystems(void);
void iterate_supers(void (*f)(struct super_block *sb, void *arg), void *arg);

/* fs/inode.c */
void inode_cache_init(void);
void get_nr_inodes(long *nr, long *nr_unused);
void dentry_stat_read(long out[6]);
struct inode *new_inode(struct super_block *sb);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
struct inode *ihold(struct inode *inode);
void iput(struct inode *inode);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
struct timespec64 current_time(struct inode *inode);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
void set_nlink(struct inode *inode, unsigned int nlink);
int generic_permission(struct inode *inode, int mask);
int inode_permission(struct inode *inode, int mask);
bool inode_owner_or_capable(const struct inode *inode);
int setattr_prepare(struct dentry *dentry, struct iattr *attr);
void setattr_copy(struct inode *inode, const struct iattr *attr);
int notify_change(struct dentry *dentry, struct iattr *attr);
void generic_fillattr(struct inode *inode, struct kstat *stat);
void inode_sb_for_each_cached(struct super_block *sb, void (*f)(struct inode *inode));
void invalidate_inode_cache(struct inode *inode);	/* clean, unmapped pages go */
static inline void inode_lock(struct inode *inode) { mutex_lock(&inode->i_mutex); }
static inline void inode_unlock(struct inode *inode) { mutex_unlock(&inode->i_mutex); }

/* fs/file_table.c */
void files_cache_init(void);
struct file *alloc_empty_file(int flags, fmode_t mode);
struct file *get_file(struct file *f);
void fput(struct file *file);

/* fs/open.c */
struct file *filp_open(const char *filename, int flags, umode_t mode);
struct filename;
struct file *do_filp_open_flags(int dfd, struct filename *name, int flags, umode_t mode,
				unsigned int lookup_flags);
struct file *dentry_open(const struct path *path, int flags);
int vfs_truncate(const struct path *path, loff_t length);
int do_truncate(struct dentry *dentry, loff_t length, unsigned int time_attrs);
int filp_close(struct file *filp, fl_owner_t id);
int finish_open(struct file *file, struct dentry *dentry);
int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len);

/* fs/read_write.c */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
struct iovec;
int iovec_check(struct iovec *iov, unsigned long vlen);
int import_iovec_array(const struct iovec __user *uvec, unsigned long vlen, struct iovec **out);
ssize_t vfs_iocb_rw(struct file *f, const struct iovec *iov, unsigned long vlen, loff_t pos,
		    bool write, int rwf);
/* fs/open.c: open(2) and openat(2) (io_uring's OPENAT too) */
long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode);
ssize_t vfs_rw_iovec(struct file *f, const struct iovec *iov, unsigned long vlen, loff_t *pos,
		     bool write, int kflags);
ssize_t vfs_rw_kernel(struct file *f, void *kbuf, size_t count, loff_t *pos, bool write,
		      int kflags);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t default_llseek(struct file *file, loff_t offset, int whence);
int nonseekable_open(struct inode *inode, struct file *filp);
int stream_open(struct inode *inode, struct file *filp);
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);

/* fs/readdir.c */
int iterate_dir(struct file *file, struct dir_context *ctx);

/* fs/stat.c */
int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int flags);

/* fs/namei.c: the directory operations, called with the parent locked. */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname);
int vfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry,
	       struct inode *new_dir, struct dentry *new_dentry, unsigned int flags);
const char *vfs_get_link(struct dentry *dentry);

/* fs/libfs.c: helpers for filesystems whose directories are the dcache. */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags);
int simple_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
struct dentry *simple_create_pinned(struct dentry *parent, const char *name,
				    struct inode *inode);
void simple_remove_pinned(struct dentry *dentry);
struct dentry *mount_pseudo(struct file_system_type *fs_type, int flags, unsigned long magic,
			    const struct super_operations *sops,
			    const struct inode_operations *iops);
int simple_rename(struct inode *old_dir, struct dentry *old_dentry,
		  struct inode *new_dir, struct dentry *new_dentry, unsigned int flags);
int simple_empty(struct dentry *dentry);
int simple_setattr(struct dentry *dentry, struct iattr *attr);
int simple_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		   unsigned int flags);
int dcache_dir_open(struct inode *inode, struct file *file);
int dcache_dir_close(struct inode *inode, struct file *file);
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);
int dcache_readdir(struct file *file, struct dir_context *ctx);
int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync);
const char *simple_get_link(struct dentry *dentry, struct inode *inode);
extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_symlink_inode_operations;

/* fs/char_dev.c */
extern const struct file_operations def_chr_fops;
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);
int register_chrdev_region(dev_t from, unsigned int count, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count,
			const char *name);
void unregister_chrdev_region(dev_t from, unsigned int count);

/* fs/namespace.c */
void mnt_init(void);
long do_mount(const char *dev_name, const char __user *dir_name, const char *type_page,
	      unsigned long flags, void *data_page);
int init_mount_tree_root(void);
int init_mount(const char *dev_name, const char *dir_name, const char *type_page,
	       unsigned long flags);

/* fs/ramfs: tmpfs, the root filesystem */
int init_tmpfs(void);

void vfs_caches_init(void);

static inline bool is_sync_flags(unsigned int flags) { return flags & (O_DSYNC | __O_SYNC); }

/*
 * fs/fcntl.c: signal-driven I/O.  A driver keeps a list of the files
 * that asked for O_ASYNC (fasync_helper from its ->fasync) and calls
 * kill_fasync when data or room appears.
 */
struct fasync_struct {
	int fa_fd;
	struct file *fa_file;
	struct fasync_struct *fa_next;
};
int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp);
void kill_fasync(struct fasync_struct **fp, int sig, int band);
void send_sigio(struct fown_struct *fown, int fd, int band);
void __f_setown(struct file *filp, pid_t pid, enum pid_type_fown type);

/* mm/fadvise.c */
int vfs_fadvise(struct file *file, loff_t offset, loff_t len, int advice);

#endif
