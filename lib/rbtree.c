// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black trees: binary search trees kept within a factor of two of
 * perfect balance by colouring every node red or black and keeping
 *
 *   1. the root black,
 *   2. no red node with a red child,
 *   3. the same number of black nodes on every path from a node down to
 *      an empty (NULL) child -- its "black height".
 *
 * Rule 3 makes the shortest root-to-leaf path all black and rule 2 makes
 * the longest alternate red and black, so no path is more than twice
 * another and lookups stay O(log n).  Insert and erase first change the
 * tree as an ordinary binary search tree would, then repair the rules
 * with recolouring and at most three rotations.
 *
 * The scheduler's run queue (CFS, via the _cached variant), timers, the
 * VMA tree and others build on this; see <linux/rbtree.h> for how to use
 * it.  Each repair comes in two mirror images; the code is written once
 * with a direction @dir (LEFT or RIGHT) and its opposite !dir.
 */
#include <linux/rbtree.h>

#define RB_RED		0UL
#define RB_BLACK	1UL

enum { LEFT, RIGHT };

/* NULL children count as black, which is what makes rule 3 work out. */
static inline bool is_red(const struct rb_node *n)
{
	return n && !(n->__rb_parent_color & RB_BLACK);
}

static inline bool is_black(const struct rb_node *n)
{
	return !is_red(n);
}

static inline unsigned long color_of(const struct rb_node *n)
{
	return n->__rb_parent_color & RB_BLACK;
}

static inline void set_color(struct rb_node *n, unsigned long color)
{
	n->__rb_parent_color = (n->__rb_parent_color & ~RB_BLACK) | color;
}

static inline void set_parent(struct rb_node *n, struct rb_node *parent)
{
	n->__rb_parent_color = (unsigned long)parent | color_of(n);
}

static inline struct rb_node *child(const struct rb_node *n, int dir)
{
	return dir == LEFT ? n->rb_left : n->rb_right;
}

static inline void set_child(struct rb_node *n, int dir, struct rb_node *c)
{
	if (dir == LEFT)
		n->rb_left = c;
	else
		n->rb_right = c;
}

/* Which child of @parent the node @n (possibly NULL) is. */
static inline int side_of(const struct rb_node *n, const struct rb_node *parent)
{
	return parent->rb_left == n ? LEFT : RIGHT;
}

/* Make whatever pointed at @old -- a parent's child slot or the root -- point at @new. */
static void replace_child(struct rb_node *old, struct rb_node *new,
			  struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * Move @x down to the @dir side; its child on the other side takes its
 * place, and that child's inner subtree moves across to @x.  In-order
 * sequence and colours are unchanged.
 *
 *        x                 y            (dir == LEFT)
 *       / \               / \
 *      a   y     -->     x   c
 *         / \           / \
 *        b   c         a   b
 */
static void rotate(struct rb_node *x, int dir, struct rb_root *root)
{
	struct rb_node *y = child(x, !dir);
	struct rb_node *inner = child(y, dir);
	struct rb_node *parent = rb_parent(x);

	set_child(x, !dir, inner);
	if (inner)
		set_parent(inner, x);
	set_child(y, dir, x);
	set_parent(y, parent);
	replace_child(x, y, parent, root);
	set_parent(x, y);
}

/**
 * rb_insert_color - rebalance after rb_link_node() added a red leaf
 * @node: the new node
 * @root: its tree
 *
 * A red leaf keeps every black height, so only rule 2 can be broken, by a
 * red parent.  With a red uncle, pushing the grandparent's black down to
 * both its children fixes this level and may move the problem two levels
 * up.  With a black uncle, one or two rotations end it.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent;

	while ((parent = rb_parent(node)) && is_red(parent)) {
		/* A red node is never the root, so there is a grandparent. */
		struct rb_node *gparent = rb_parent(parent);
		int dir = side_of(parent, gparent);
		struct rb_node *uncle = child(gparent, !dir);

		if (is_red(uncle)) {
			set_color(parent, RB_BLACK);
			set_color(uncle, RB_BLACK);
			set_color(gparent, RB_RED);
			node = gparent;
			continue;
		}
		if (node == child(parent, !dir)) {
			/* Bring an inner grandchild to the outside first. */
			rotate(parent, dir, root);
			node = parent;
			parent = rb_parent(node);
		}
		set_color(parent, RB_BLACK);
		set_color(gparent, RB_RED);
		rotate(gparent, !dir, root);
		break;
	}
	set_color(root->rb_node, RB_BLACK);
}

/*
 * After a black node left the tree, the paths through @x (possibly NULL,
 * hanging under @parent) are one black short.  Borrow a black from the
 * sibling's side or, when it has none to spare, push the shortage up.
 */
static void erase_fixup(struct rb_node *x, struct rb_node *parent,
			struct rb_root *root)
{
	while (x != root->rb_node && is_black(x)) {
		int dir = side_of(x, parent);
		/* The sibling's side has black height >= 1: it is not NULL. */
		struct rb_node *sib = child(parent, !dir);

		if (is_red(sib)) {
			/* Make the sibling black by rotating it above parent. */
			set_color(sib, RB_BLACK);
			set_color(parent, RB_RED);
			rotate(parent, dir, root);
			sib = child(parent, !dir);
		}
		if (is_black(sib->rb_left) && is_black(sib->rb_right)) {
			/* Both sides one short now; the shortage moves up. */
			set_color(sib, RB_RED);
			x = parent;
			parent = rb_parent(x);
			continue;
		}
		if (is_black(child(sib, !dir))) {
			/* Only the near nephew is red: make it the far one. */
			set_color(child(sib, dir), RB_BLACK);
			set_color(sib, RB_RED);
			rotate(sib, !dir, root);
			sib = child(parent, !dir);
		}
		/* The far nephew is red: rotating sib up gives x's side a black. */
		set_color(sib, color_of(parent));
		set_color(parent, RB_BLACK);
		set_color(child(sib, !dir), RB_BLACK);
		rotate(parent, dir, root);
		return;
	}
	if (x)
		set_color(x, RB_BLACK);
}

/* What taking a node out left behind, for erase_fixup(). */
struct rb_hole {
	struct rb_node *child;		/* the subtree now in the emptied slot */
	struct rb_node *parent;		/* the slot's parent */
	bool black;			/* a black node left that slot */
};

/* Take out a node with at most one child: the child moves up. */
static struct rb_hole unlink_simple(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *c = node->rb_left ? node->rb_left : node->rb_right;
	struct rb_node *parent = rb_parent(node);

	replace_child(node, c, parent, root);
	if (c)
		set_parent(c, parent);
	return (struct rb_hole){ c, parent, is_black(node) };
}

/*
 * Take out a node with two children: its in-order successor (the leftmost
 * node on its right, which has no left child) leaves its own slot and
 * takes over @node's place, children and colour.  The hole is where the
 * successor was.
 */
static struct rb_hole unlink_with_successor(struct rb_node *node,
					    struct rb_root *root)
{
	struct rb_node *succ = node->rb_right;
	struct rb_hole hole;

	while (succ->rb_left)
		succ = succ->rb_left;
	hole.child = succ->rb_right;
	hole.black = is_black(succ);

	if (succ == node->rb_right) {
		hole.parent = succ;
	} else {
		hole.parent = rb_parent(succ);
		hole.parent->rb_left = hole.child;
		if (hole.child)
			set_parent(hole.child, hole.parent);
		succ->rb_right = node->rb_right;
		set_parent(succ->rb_right, succ);
	}
	succ->rb_left = node->rb_left;
	set_parent(succ->rb_left, succ);
	replace_child(node, succ, rb_parent(node), root);
	succ->__rb_parent_color = node->__rb_parent_color;
	return hole;
}

/**
 * rb_erase - take a node out of its tree and rebalance
 * @node: the node; afterwards it belongs to no tree (but is not marked
 *	  with RB_CLEAR_NODE: do that if RB_EMPTY_NODE() will be asked)
 * @root: its tree
 */
void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_hole hole;

	if (node->rb_left && node->rb_right)
		hole = unlink_with_successor(node, root);
	else
		hole = unlink_simple(node, root);

	if (!hole.black)
		return;
	if (is_red(hole.child))
		set_color(hole.child, RB_BLACK);
	else
		erase_fixup(hole.child, hole.parent, root);
}

/* Put @new where @victim is, without rebalancing: the keys must sort the same. */
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root)
{
	struct rb_node *parent = rb_parent(victim);

	*new = *victim;
	if (victim->rb_left)
		set_parent(victim->rb_left, new);
	if (victim->rb_right)
		set_parent(victim->rb_right, new);
	replace_child(victim, new, parent, root);
}

static struct rb_node *extreme(struct rb_node *node, int dir)
{
	if (node) {
		while (child(node, dir))
			node = child(node, dir);
	}
	return node;
}

struct rb_node *rb_first(const struct rb_root *root)
{
	return extreme(root->rb_node, LEFT);
}

struct rb_node *rb_last(const struct rb_root *root)
{
	return extreme(root->rb_node, RIGHT);
}

/*
 * The in-order neighbour on the @dir side: the nearest node in the
 * subtree on that side if there is one, else the first ancestor reached
 * from its other side.
 */
static struct rb_node *neighbour(const struct rb_node *node, int dir)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (child(node, dir))
		return extreme(child(node, dir), !dir);
	while ((parent = rb_parent(node)) && node == child(parent, dir))
		node = parent;
	return parent;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	return neighbour(node, RIGHT);
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	return neighbour(node, LEFT);
}

/* Go down, left when possible, else right, to a node with no children. */
static struct rb_node *first_leaf(const struct rb_node *node)
{
	for (;;) {
		if (node->rb_left)
			node = node->rb_left;
		else if (node->rb_right)
			node = node->rb_right;
		else
			return (struct rb_node *)node;
	}
}

struct rb_node *rb_first_postorder(const struct rb_root *root)
{
	return root->rb_node ? first_leaf(root->rb_node) : NULL;
}

/* After a left child comes its sibling's subtree; after a right child, the parent. */
struct rb_node *rb_next_postorder(const struct rb_node *node)
{
	struct rb_node *parent;

	if (!node)
		return NULL;
	parent = rb_parent(node);
	if (parent && node == parent->rb_left && parent->rb_right)
		return first_leaf(parent->rb_right);
	return parent;
}
