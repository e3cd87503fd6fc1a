/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Landlock's rulesets and domains.  A ruleset is what landlock_create_
 * ruleset makes and landlock_add_rule fills: the accesses it governs and,
 * per inode, the accesses allowed beneath it.  landlock_restrict_self
 * freezes a copy of it as one more layer of the caller's domain, which
 * lives in struct cred; every layer must allow an access it governs.
 */
#ifndef _SECURITY_LANDLOCK_RULESET_H
#define _SECURITY_LANDLOCK_RULESET_H

#include <linux/mutex.h>
#include <linux/rbtree.h>
#include <linux/refcount.h>
#include <linux/types.h>
#include <uapi/linux/landlock.h>

#define LANDLOCK_ABI_VERSION	2
#define LANDLOCK_MAX_NUM_LAYERS	16
#define LANDLOCK_MAX_NUM_RULES	U32_MAX
#define LANDLOCK_LAST_ACCESS_FS	LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_MASK_ACCESS_FS	((LANDLOCK_LAST_ACCESS_FS << 1) - 1)

/* What a rule on a regular file (not a directory) can allow. */
#define LANDLOCK_ACCESS_FILE	(LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | \
				 LANDLOCK_ACCESS_FS_READ_FILE)

struct inode;

struct landlock_rule {
	struct rb_node node;
	struct inode *inode;		/* held: the rule keeps its inode */
	u64 access;
};

struct landlock_ruleset {
	refcount_t usage;
	struct mutex lock;		/* rules, while the ruleset can still change */
	struct rb_root rules;		/* by inode address */
	u32 num_rules;
	u64 handled_access_fs;
};

struct landlock_domain {
	refcount_t usage;
	unsigned int num_layers;
	struct landlock_ruleset *layers[LANDLOCK_MAX_NUM_LAYERS];	/* frozen */
};

struct landlock_ruleset *landlock_create_ruleset(u64 handled_access_fs);
void landlock_put_ruleset(struct landlock_ruleset *ruleset);
int landlock_insert_rule(struct landlock_ruleset *ruleset, struct inode *inode, u64 access);
u64 landlock_find_access(const struct landlock_ruleset *layer, const struct inode *inode);

struct landlock_domain *landlock_merge_domain(const struct landlock_domain *parent,
					      struct landlock_ruleset *ruleset);
void landlock_get_domain(struct landlock_domain *domain);
void landlock_put_domain(struct landlock_domain *domain);

#endif
