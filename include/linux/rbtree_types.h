/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RBTREE_TYPES_H
#define _LINUX_RBTREE_TYPES_H

/*
 * A node of a red-black tree, embedded in the object it sorts.  The parent
 * pointer and the colour share one word: nodes are at least long-aligned,
 * so bit 0 of the parent's address is always free to hold the colour.
 */
struct rb_node {
	unsigned long  __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __attribute__((__aligned__(sizeof(long))));

struct rb_root {
	struct rb_node *rb_node;
};

/*
 * A tree that also remembers its leftmost (smallest) node, so that "the
 * next thing to run" or "the earliest timer" is found in O(1).  Insert and
 * erase through the _cached functions to keep rb_leftmost right.
 */
struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

#define RB_ROOT		(struct rb_root) { NULL, }
#define RB_ROOT_CACHED	(struct rb_root_cached) { { NULL, }, NULL }

#endif /* _LINUX_RBTREE_TYPES_H */
