/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fsnotify core (fs/notify/) and its back ends (inotify, fanotify).
 *
 *   fsnotify_group  one listener: an inotify or fanotify file.  It owns
 *                   its marks and a queue of events its reader takes.
 *   fsnotify_mark   "this group wants these events of this object": an
 *                   inode (inotify, fanotify) or a mount (fanotify).  It
 *                   is on two lists: its object's and its group's.
 *   fsnotify_event  one queued event; each back end embeds it in its own
 *                   record (wd and name for inotify, a path for fanotify).
 *
 * The VFS calls the hooks of <linux/fsnotify.h>; they call fsnotify(),
 * which hands the event to each mark that asked for it.
 *
 * Locking: fsnotify_mark_mutex (global) guards every mark list and mark
 * field, so delivery, adding and removing never race; a group's
 * notification_lock guards its queue (taken inside the mutex).
 */
#ifndef _LINUX_FSNOTIFY_BACKEND_H
#define _LINUX_FSNOTIFY_BACKEND_H

#include <linux/fs.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/path.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>

struct user_struct;
struct vfsmount;

/* Event bits: the same values as inotify's IN_* and fanotify's FAN_*. */
#define FS_ACCESS		0x00000001
#define FS_MODIFY		0x00000002
#define FS_ATTRIB		0x00000004
#define FS_CLOSE_WRITE		0x00000008
#define FS_CLOSE_NOWRITE	0x00000010
#define FS_OPEN			0x00000020
#define FS_MOVED_FROM		0x00000040
#define FS_MOVED_TO		0x00000080
#define FS_CREATE		0x00000100
#define FS_DELETE		0x00000200
#define FS_DELETE_SELF		0x00000400
#define FS_MOVE_SELF		0x00000800
#define FS_OPEN_EXEC		0x00001000
#define FS_UNMOUNT		0x00002000
#define FS_Q_OVERFLOW		0x00004000
#define FS_IN_IGNORED		0x00008000
#define FS_OPEN_PERM		0x00010000
#define FS_ACCESS_PERM		0x00020000
#define FS_OPEN_EXEC_PERM	0x00040000
#define FS_EVENT_ON_CHILD	0x08000000	/* a directory mark: its children's events too */
#define FS_ISDIR		0x40000000

#define FS_CLOSE		(FS_CLOSE_WRITE | FS_CLOSE_NOWRITE)
#define FS_MOVE			(FS_MOVED_FROM | FS_MOVED_TO)
#define ALL_FSNOTIFY_PERM_EVENTS (FS_OPEN_PERM | FS_ACCESS_PERM | FS_OPEN_EXEC_PERM)
/* Events a watched directory hears about its children (with their name). */
#define FS_EVENTS_POSS_ON_CHILD	(ALL_FSNOTIFY_PERM_EVENTS | FS_ACCESS | FS_MODIFY | \
				 FS_ATTRIB | FS_CLOSE_WRITE | FS_CLOSE_NOWRITE | \
				 FS_OPEN | FS_OPEN_EXEC)
#define ALL_FSNOTIFY_EVENTS	0x0007ffff

struct fsnotify_group;
struct fsnotify_mark;

/* What happened, for a back end's handle_event. */
struct fsnotify_event_info {
	u32 mask;			/* FS_* (FS_ISDIR for a directory) */
	struct inode *inode;		/* the object the event is about */
	const struct path *path;	/* its path, when the event has one */
	struct inode *dir;		/* set with @name: the directory reporting */
	const struct qstr *name;	/* the child's name, for directory marks */
	u32 cookie;			/* rename pairs */
	/* A rename's half: the other directory (dnotify tells in-place renames apart). */
	struct inode *other_dir;
	/*
	 * Permission events (FS_*_PERM) the back ends queued: fsnotify()
	 * waits for their answers once the mark mutex is dropped.
	 */
	struct list_head *perm_events;
};

struct fsnotify_event {
	struct list_head list;		/* in group->notification_list */
};

/*
 * A permission event: the task that caused it sleeps until the
 * listener answers (FAN_ALLOW/FAN_DENY) or the listener goes.
 */
struct fsnotify_perm_event {
	struct fsnotify_event fse;
	struct list_head wait_link;	/* on the causing task's list */
	struct fsnotify_group *group;	/* held while the task waits */
	int state;			/* FSNOTIFY_PERM_* */
	int response;			/* 0: allowed, or -EPERM */
	int fd;				/* the fd the reader got, to match its answer */
};
#define FSNOTIFY_PERM_QUEUED	0
#define FSNOTIFY_PERM_READ	1	/* read: on the group's access_list */
#define FSNOTIFY_PERM_ANSWERED	2

struct fsnotify_ops {
	/* An event @mark asked for (mask already checked against it). */
	int (*handle_event)(struct fsnotify_group *group, struct fsnotify_mark *mark,
			    const struct fsnotify_event_info *info);
	/* @mark leaves its object (inotify queues IN_IGNORED). */
	void (*freeing_mark)(struct fsnotify_mark *mark, struct fsnotify_group *group);
	void (*free_event)(struct fsnotify_group *group, struct fsnotify_event *event);
	void (*free_mark)(struct fsnotify_mark *mark);
	/* Two events the same: the new one merges into the queue's last. */
	bool (*merge)(struct fsnotify_event *last, struct fsnotify_event *event);
	/* A permission event's task is done with it: free it. */
	void (*free_perm_event)(struct fsnotify_perm_event *event);
	/* The group's file is going: answer what still waits. */
	void (*shutdown)(struct fsnotify_group *group);
};

struct inotify_group_private_data {
	int last_wd;
	struct user_struct *user;
};

struct fanotify_group_private_data {
	unsigned int flags;		/* fanotify_init flags */
	unsigned int f_flags;		/* open flags of event fds */
	struct list_head access_list;	/* permission events read, awaiting answers */
	wait_queue_head_t access_waitq;
	int max_marks;
	struct user_struct *user;	/* charged for the group */
};

struct fsnotify_group {
	const struct fsnotify_ops *ops;
	atomic_t refcnt;		/* its file, and tasks awaiting answers */
	spinlock_t notification_lock;	/* the queue below */
	struct list_head notification_list;
	wait_queue_head_t notification_waitq;	/* readers and pollers */
	unsigned int q_len;
	unsigned int max_events;	/* then one overflow event */
	struct fsnotify_event *overflow_event;
	bool shutdown;			/* being freed: queue nothing */
	struct list_head marks_list;	/* its marks (fsnotify_mark_mutex) */
	unsigned int nr_marks;
	union {
		struct inotify_group_private_data inotify_data;
		struct fanotify_group_private_data fanotify_data;
	};
};

/* What a mark is on. */
enum fsnotify_obj_type {
	FSNOTIFY_OBJ_TYPE_INODE,
	FSNOTIFY_OBJ_TYPE_VFSMOUNT,
	FSNOTIFY_OBJ_TYPE_SB,
};

#define FSNOTIFY_MARK_FLAG_ATTACHED	0x1
#define FSNOTIFY_MARK_FLAG_DESTROY	0x2	/* a one-shot fired: remove after delivery */
#define FSNOTIFY_MARK_FLAG_IGNORED_SURV_MODIFY 0x4	/* fanotify: a write keeps ignored_mask */

struct fsnotify_mark {
	u32 mask;			/* events wanted (+ back-end flags) */
	u32 ignored_mask;		/* fanotify: events not wanted after all */
	unsigned int flags;
	struct fsnotify_group *group;
	struct list_head g_list;	/* in group->marks_list */
	struct list_head obj_list;	/* in the object's mark list */
	enum fsnotify_obj_type type;
	union {
		struct inode *inode;	/* held (ihold) while the mark is on it */
		struct vfsmount *mnt;
		struct super_block *sb;	/* until it is unmounted */
	};
};

extern struct mutex fsnotify_mark_mutex;

/* fs/notify/fsnotify.c */
int fsnotify(const struct fsnotify_event_info *info);
void fsnotify_inode_delete(struct inode *inode);
void fsnotify_sb_delete(struct super_block *sb);
void fsnotify_mnt_delete(struct vfsmount *mnt);
u32 fsnotify_get_cookie(void);
extern unsigned int fsnotify_mnt_marks;	/* any mount marks anywhere? */

/* fs/notify/group.c */
struct fsnotify_group *fsnotify_alloc_group(const struct fsnotify_ops *ops);
void fsnotify_destroy_group(struct fsnotify_group *group);
void fsnotify_get_group(struct fsnotify_group *group);
void fsnotify_put_group(struct fsnotify_group *group);

/* fs/notify/mark.c */
void fsnotify_init_mark(struct fsnotify_mark *mark, struct fsnotify_group *group);
int fsnotify_add_inode_mark(struct fsnotify_mark *mark, struct inode *inode);
int fsnotify_add_mnt_mark(struct fsnotify_mark *mark, struct vfsmount *mnt);
int fsnotify_add_sb_mark(struct fsnotify_mark *mark, struct super_block *sb);
struct fsnotify_mark *fsnotify_find_inode_mark(struct inode *inode,
					       struct fsnotify_group *group);
struct fsnotify_mark *fsnotify_find_mnt_mark(struct vfsmount *mnt,
					     struct fsnotify_group *group);
struct fsnotify_mark *fsnotify_find_sb_mark(struct super_block *sb,
					    struct fsnotify_group *group);
void fsnotify_destroy_mark_locked(struct fsnotify_mark *mark);
void fsnotify_recalc_mask(struct fsnotify_mark *mark);
struct list_head *fsnotify_mnt_marks_list(struct vfsmount *mnt);

/* fs/notify/notification.c */
int fsnotify_add_event(struct fsnotify_group *group, struct fsnotify_event *event);
struct fsnotify_event *fsnotify_peek_first_event(struct fsnotify_group *group);
struct fsnotify_event *fsnotify_remove_first_event(struct fsnotify_group *group);
void fsnotify_flush_notify(struct fsnotify_group *group);
void fsnotify_destroy_event(struct fsnotify_group *group, struct fsnotify_event *event);

#endif
