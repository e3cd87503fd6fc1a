// SPDX-License-Identifier: GPL-2.0
/*
 * Landlock rulesets (see ruleset.h).  Rules sit in a red-black tree keyed
 * by inode address, and each holds a reference on its inode, so a rule
 * about a directory stays true while the sandbox lives even if every
 * name of the directory goes.  A domain's layers are frozen copies: a
 * rule added to a ruleset after landlock_restrict_self does not reach the
 * processes already restricted by it.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include "ruleset.h"

struct landlock_ruleset *landlock_create_ruleset(u64 handled_access_fs)
{
	struct landlock_ruleset *ruleset = kzalloc(sizeof(*ruleset), GFP_KERNEL);

	if (!ruleset)
		return ERR_PTR(-ENOMEM);
	refcount_set(&ruleset->usage, 1);
	mutex_init(&ruleset->lock);
	ruleset->rules = RB_ROOT;
	ruleset->handled_access_fs = handled_access_fs;
	return ruleset;
}

void landlock_put_ruleset(struct landlock_ruleset *ruleset)
{
	struct rb_node *node;

	if (!ruleset || !refcount_dec_and_test(&ruleset->usage))
		return;
	while ((node = rb_first(&ruleset->rules))) {
		struct landlock_rule *rule = rb_entry(node, struct landlock_rule, node);

		rb_erase(node, &ruleset->rules);
		iput(rule->inode);
		kfree(rule);
	}
	kfree(ruleset);
}

/* A second rule on the same inode adds its accesses to the first. */
static int insert_rule_locked(struct landlock_ruleset *ruleset, struct inode *inode, u64 access)
{
	struct rb_node **link = &ruleset->rules.rb_node, *parent = NULL;
	struct landlock_rule *rule;

	while (*link) {
		rule = rb_entry(*link, struct landlock_rule, node);
		parent = *link;
		if (inode < rule->inode) {
			link = &(*link)->rb_left;
		} else if (inode > rule->inode) {
			link = &(*link)->rb_right;
		} else {
			rule->access |= access;
			return 0;
		}
	}
	if (ruleset->num_rules == LANDLOCK_MAX_NUM_RULES)
		return -E2BIG;
	rule = kmalloc(sizeof(*rule), GFP_KERNEL);
	if (!rule)
		return -ENOMEM;
	rule->inode = ihold(inode);
	rule->access = access;
	rb_link_node(&rule->node, parent, link);
	rb_insert_color(&rule->node, &ruleset->rules);
	ruleset->num_rules++;
	return 0;
}

int landlock_insert_rule(struct landlock_ruleset *ruleset, struct inode *inode, u64 access)
{
	int err;

	mutex_lock(&ruleset->lock);
	err = insert_rule_locked(ruleset, inode, access);
	mutex_unlock(&ruleset->lock);
	return err;
}

/* What @layer allows on @inode itself (0: no rule).  Layers never change. */
u64 landlock_find_access(const struct landlock_ruleset *layer, const struct inode *inode)
{
	const struct rb_node *node = layer->rules.rb_node;

	while (node) {
		const struct landlock_rule *rule = rb_entry(node, struct landlock_rule, node);

		if (inode < rule->inode)
			node = node->rb_left;
		else if (inode > rule->inode)
			node = node->rb_right;
		else
			return rule->access;
	}
	return 0;
}

static struct landlock_ruleset *freeze_ruleset(struct landlock_ruleset *ruleset)
{
	struct landlock_ruleset *layer = landlock_create_ruleset(ruleset->handled_access_fs);
	struct rb_node *node;
	int err = 0;

	if (IS_ERR(layer))
		return layer;
	mutex_lock(&ruleset->lock);
	for (node = rb_first(&ruleset->rules); node && !err; node = rb_next(node)) {
		struct landlock_rule *rule = rb_entry(node, struct landlock_rule, node);

		err = insert_rule_locked(layer, rule->inode, rule->access);
	}
	mutex_unlock(&ruleset->lock);
	if (err) {
		landlock_put_ruleset(layer);
		return ERR_PTR(err);
	}
	return layer;
}

/* @parent's layers and a frozen copy of @ruleset on top; E2BIG past 16 layers. */
struct landlock_domain *landlock_merge_domain(const struct landlock_domain *parent,
					      struct landlock_ruleset *ruleset)
{
	struct landlock_domain *domain;
	struct landlock_ruleset *layer;
	unsigned int i, n = parent ? parent->num_layers : 0;

	if (n >= LANDLOCK_MAX_NUM_LAYERS)
		return ERR_PTR(-E2BIG);
	layer = freeze_ruleset(ruleset);
	if (IS_ERR(layer))
		return ERR_CAST(layer);
	domain = kzalloc(sizeof(*domain), GFP_KERNEL);
	if (!domain) {
		landlock_put_ruleset(layer);
		return ERR_PTR(-ENOMEM);
	}
	refcount_set(&domain->usage, 1);
	for (i = 0; i < n; i++) {
		refcount_inc(&parent->layers[i]->usage);
		domain->layers[i] = parent->layers[i];
	}
	domain->layers[n] = layer;
	domain->num_layers = n + 1;
	return domain;
}

void landlock_get_domain(struct landlock_domain *domain)
{
	if (domain)
		refcount_inc(&domain->usage);
}

void landlock_put_domain(struct landlock_domain *domain)
{
	unsigned int i;

	if (!domain || !refcount_dec_and_test(&domain->usage))
		return;
	for (i = 0; i < domain->num_layers; i++)
		landlock_put_ruleset(domain->layers[i]);
	kfree(domain);
}
