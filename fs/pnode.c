// SPDX-License-Identifier: GPL-2.0
/*
 * Shared subtrees: how a mount or unmount under one mount point shows up
 * under others.  A mount is private (the default: nothing propagates),
 * shared (a member of a peer group: what is mounted under one peer is
 * mounted under all of them), a slave (it receives the events of its
 * master's group but sends none back), shared and a slave at once, or
 * unbindable (private, and it may not be bind-mounted).
 *
 * Peers are the mounts a bind mount or a mount-namespace copy made of a
 * shared mount; a slave is made from a shared mount by MS_SLAVE (or by
 * mount_setattr's propagation).  /proc/PID/mountinfo shows "shared:N"
 * with the peer group's number and "master:N" with the master's.
 *
 * Events go out from a shared mount to every other member of its group
 * and to every slave of any member, and on from those slaves' own peers
 * and slaves.  The copy mounted on a peer is a peer of the new mount;
 * the copy on a slave is a slave of it.  All of this runs under
 * namespace_sem, which every change of the tree holds.
 */
#include <linux/kernel.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/path.h>
#include "mount.h"

static int next_group_id = 1;

static bool is_shared(const struct mount *m)
{
	return m->mnt_group_id;
}

static struct mount *next_peer(struct mount *m)
{
	return list_entry(m->mnt_share.next, struct mount, mnt_share);
}

int mnt_master_group(const struct mount *m)
{
	return m->mnt_master ? m->mnt_master->mnt_group_id : 0;
}

static void set_master(struct mount *m, struct mount *master)
{
	list_del_init(&m->mnt_slave);
	m->mnt_master = master;
	if (master)
		list_add_tail(&m->mnt_slave, &master->mnt_slave_list);
}

/*
 * @m leaves its peer group.  Its slaves keep receiving the group's
 * events through a remaining peer, or, if it was the last, through its
 * own master (they become private when there is none).
 */
static void leave_group(struct mount *m)
{
	struct mount *heir = list_empty(&m->mnt_share) ? m->mnt_master : next_peer(m);
	struct mount *s, *n;

	list_for_each_entry_safe(s, n, &m->mnt_slave_list, mnt_slave)
		set_master(s, heir);
	list_del_init(&m->mnt_share);
	m->mnt_group_id = 0;
}

int change_mnt_propagation(struct mount *m, int type)
{
	struct mount *peer;

	switch (type) {
	case MS_SHARED:
		if (!is_shared(m))
			m->mnt_group_id = next_group_id++;
		m->mnt_unbindable = false;
		break;
	case MS_SLAVE:
		/* A shared mount with peers becomes their slave; alone, it keeps its master. */
		peer = is_shared(m) && !list_empty(&m->mnt_share) ? next_peer(m) : m->mnt_master;
		if (is_shared(m))
			leave_group(m);
		set_master(m, peer);
		m->mnt_unbindable = false;
		break;
	case MS_PRIVATE:
	case MS_UNBINDABLE:
		if (is_shared(m))
			leave_group(m);
		set_master(m, NULL);
		m->mnt_unbindable = type == MS_UNBINDABLE;
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

/* @copy (a bind of @old, or its twin in a new namespace) joins @old's peers and master. */
void clone_propagation(struct mount *copy, struct mount *old)
{
	if (is_shared(old)) {
		copy->mnt_group_id = old->mnt_group_id;
		list_add(&copy->mnt_share, &old->mnt_share);
	}
	set_master(copy, old->mnt_master);
	copy->mnt_unbindable = old->mnt_unbindable;
}

/*
 * Call @fn for every mount that receives @m's events, other than @m:
 * its peers, then the slaves of each member and, in turn, theirs.
 */
static int for_each_target(struct mount *m, struct mount *skip,
			   int (*fn)(struct mount *t, bool slave, void *arg), void *arg, bool slave)
{
	struct mount *q = m, *s;
	int err;

	do {
		if (q != skip && q->mnt_attached) {
			err = fn(q, slave, arg);
			if (err)
				return err;
		}
		list_for_each_entry(s, &q->mnt_slave_list, mnt_slave) {
			err = for_each_target(s, NULL, fn, arg, true);
			if (err)
				return err;
		}
		q = next_peer(q);
	} while (q != m);
	return 0;
}

struct propagation {
	struct dentry *mp;
	struct super_block *sb;		/* the mount point's filesystem */
	struct mount *source;
};

static int mount_on_target(struct mount *t, bool slave, void *arg)
{
	struct propagation *p = arg;
	struct path where = { .mnt = &t->mnt, .dentry = p->mp };
	struct mount *copy;

	/* The mount point must be inside what @t shows of the filesystem. */
	if (t->mnt.mnt_sb != p->sb || !dentry_below(p->mp, t->mnt.mnt_root))
		return 0;
	copy = clone_mnt(p->source);
	if (!copy)
		return -ENOMEM;
	if (slave) {
		set_master(copy, p->source);
	} else {
		copy->mnt_group_id = p->source->mnt_group_id;
		list_add(&copy->mnt_share, &p->source->mnt_share);
	}
	attach_mnt(copy, &where);
	return 0;
}

/*
 * @source is about to be mounted on (@dest, @mp): if @dest is shared,
 * @source becomes shared too and a copy goes onto every target.
 */
int propagate_mnt(struct mount *dest, struct dentry *mp, struct mount *source)
{
	struct propagation p = { .mp = mp, .sb = dest->mnt.mnt_sb, .source = source };

	if (!is_shared(dest))
		return 0;
	if (!is_shared(source))
		source->mnt_group_id = next_group_id++;
	return for_each_target(dest, dest, mount_on_target, &p, false);
}

static int umount_on_target(struct mount *t, bool slave, void *arg)
{
	struct mount *m = arg, *c, *n;
	struct path old;

	list_for_each_entry_safe(c, n, &t->mnt_mounts, mnt_child) {
		if (c->mnt_mountpoint != m->mnt_mountpoint || c->mnt.mnt_root != m->mnt.mnt_root ||
		    !list_empty(&c->mnt_mounts) || c->mnt_count > 1)
			continue;	/* not the same, or busy: left in place */
		change_mnt_propagation(c, MS_PRIVATE);
		detach_mnt(c, &old);
		path_put(&old);
		mntput(&c->mnt);
	}
	return 0;
}

/* @m is being unmounted from a shared parent: its copies go too. */
void propagate_umount(struct mount *m)
{
	struct mount *parent = m->mnt_parent;

	if (parent != m && is_shared(parent))
		for_each_target(parent, parent, umount_on_target, m, false);
}
