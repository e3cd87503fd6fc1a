/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kern_ipc_perm: the part every System V IPC object (message queue,
 * semaphore set, shared memory segment) shares, first in each of them:
 * its key, its id, owner, creator and mode.  ipc/util.c looks objects up
 * by key and id through it and checks access against it.
 */
#ifndef _LINUX_IPC_H
#define _LINUX_IPC_H

#include <linux/types.h>
#include <uapi/linux/ipc.h>

struct kern_ipc_perm {
	bool		deleted;	/* IPC_RMID done; sleepers see EIDRM */
	int		id;		/* seq << IPCMNI_SHIFT | index */
	key_t		key;
	uid_t		uid, cuid;
	gid_t		gid, cgid;
	umode_t		mode;		/* 0777 bits, plus SHM_DEST/SHM_LOCKED for shm */
	unsigned long	seq;
	int		refcount;	/* guarded by the ids' rwsem; freed at 0 once deleted */
	struct hlist_node khtnode;	/* in ids->key_hash unless the key is IPC_PRIVATE */
};

#endif
