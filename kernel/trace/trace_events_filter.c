// SPDX-License-Identifier: GPL-2.0
/*
 * Event filters: "prev_pid == 0 || next_comm ~ \"sh*\"" written to an
 * event's filter file keeps only the records it is true for.  A filter
 * is a list of comparisons (field op constant) joined by && and ||,
 * && binding tighter, as in C; parentheses are not supported (-EINVAL).
 * Numbers compare with == != < <= > >= and & (any bit set); strings
 * (char arrays) with == != and ~ (a glob).  Records are tested before
 * they enter the ring buffer, so a filtered-out event costs no space.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/kstrtox.h>
#include "trace.h"

#define FILTER_MAX_PREDS	16
#define FILTER_STR_MAX		64

enum filter_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_BAND, OP_GLOB };

struct filter_pred {
	const struct ftrace_event_field *field;
	enum filter_op op;
	bool or_before;			/* joined to the previous one by || */
	u64 val;
	char str[FILTER_STR_MAX];
};

struct event_filter {
	int n;
	struct filter_pred preds[FILTER_MAX_PREDS];
	char *string;			/* as written, for reading back */
};

static const struct { const char *s; enum filter_op op; } filter_ops[] = {
	{ "==", OP_EQ }, { "!=", OP_NE }, { "<=", OP_LE }, { ">=", OP_GE },
	{ "<", OP_LT }, { ">", OP_GT }, { "&", OP_BAND }, { "~", OP_GLOB },
};

static bool field_is_string(const struct ftrace_event_field *f)
{
	return (!strncmp(f->type, "char ", 5) && strchr(f->type, '[')) ||
	       !strncmp(f->type, "__data_loc ", 11);
}

static s64 field_value(const struct ftrace_event_field *f, const void *rec)
{
	const void *p = rec + f->offset;

	switch (f->size) {
	case 1: return f->is_signed ? (s64)*(const s8 *)p : (s64)*(const u8 *)p;
	case 2: return f->is_signed ? (s64)*(const s16 *)p : (s64)*(const u16 *)p;
	case 4: return f->is_signed ? (s64)*(const s32 *)p : (s64)*(const u32 *)p;
	default: return *(const s64 *)p;
	}
}

static bool pred_match(const struct filter_pred *p, const void *rec)
{
	s64 v;

	if (field_is_string(p->field)) {
		char s[FILTER_STR_MAX];
		int len = min_t(int, p->field->size, FILTER_STR_MAX - 1);
		bool eq;

		if (!strncmp(p->field->type, "__data_loc ", 11)) {
			u32 loc = *(const u32 *)(rec + p->field->offset);

			len = min_t(int, loc >> 16, FILTER_STR_MAX - 1);
			memcpy(s, trace_get_str(rec, loc), len);
		} else {
			memcpy(s, rec + p->field->offset, len);
		}
		s[len] = '\0';
		eq = p->op == OP_GLOB ? trace_glob_match(p->str, s) : !strcmp(p->str, s);
		return p->op == OP_NE ? !eq : eq;
	}
	v = field_value(p->field, rec);
	if (!p->field->is_signed) {
		u64 u = (u64)v;

		switch (p->op) {
		case OP_LT: return u < p->val;
		case OP_LE: return u <= p->val;
		case OP_GT: return u > p->val;
		case OP_GE: return u >= p->val;
		default: break;
		}
	}
	switch (p->op) {
	case OP_EQ: return (u64)v == p->val;
	case OP_NE: return (u64)v != p->val;
	case OP_LT: return v < (s64)p->val;
	case OP_LE: return v <= (s64)p->val;
	case OP_GT: return v > (s64)p->val;
	case OP_GE: return v >= (s64)p->val;
	case OP_BAND: return (u64)v & p->val;
	default: return false;
	}
}

/* An OR of AND-groups: true as soon as one group holds entirely. */
bool filter_match_preds(struct event_filter *filter, const void *rec)
{
	bool group = true;
	int i;

	for (i = 0; i < filter->n; i++) {
		if (filter->preds[i].or_before) {
			if (group)
				return true;
			group = true;
		}
		if (group)
			group = pred_match(&filter->preds[i], rec);
	}
	return group;
}

/* The next word: an identifier, a number, an operator or a quoted string. */
static char *filter_token(char **pos, char *buf, size_t size, bool *quoted)
{
	char *s = skip_spaces(*pos);
	size_t n = 0;

	*quoted = false;
	if (!*s)
		return NULL;
	if (*s == '"' || *s == '\'') {
		char q = *s++;

		*quoted = true;
		while (*s && *s != q && n + 1 < size)
			buf[n++] = *s++;
		if (*s != q)
			return NULL;	/* unterminated, or longer than any field */
		s++;
	} else if (strchr("=!<>&|~", *s)) {
		while (*s && strchr("=!<>&|~", *s) && n + 1 < size)
			buf[n++] = *s++;
	} else {
		while (*s && !isspace(*s) && !strchr("=!<>&|~()", *s) && n + 1 < size)
			buf[n++] = *s++;
		if (!n)
			return NULL;	/* a parenthesis: not supported */
	}
	buf[n] = '\0';
	*pos = s;
	return buf;
}

static int parse_pred(struct trace_event_call *call, char **pos, struct filter_pred *p)
{
	char name[64], op[4], val[FILTER_STR_MAX];
	bool quoted;
	unsigned int i;

	if (!filter_token(pos, name, sizeof(name), &quoted) || quoted)
		return -EINVAL;
	p->field = trace_find_event_field(call, name);
	if (!p->field)
		return -EINVAL;
	if (!filter_token(pos, op, sizeof(op), &quoted) || quoted)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(filter_ops); i++)
		if (!strcmp(op, filter_ops[i].s))
			break;
	if (i == ARRAY_SIZE(filter_ops))
		return -EINVAL;
	p->op = filter_ops[i].op;
	if (!filter_token(pos, val, sizeof(val), &quoted))
		return -EINVAL;
	if (field_is_string(p->field)) {
		if (p->op != OP_EQ && p->op != OP_NE && p->op != OP_GLOB)
			return -EINVAL;
		strscpy(p->str, val, sizeof(p->str));
		return 0;
	}
	if (quoted || p->op == OP_GLOB)
		return -EINVAL;
	if (val[0] == '-') {
		s64 sv;

		if (kstrtoll(val, 0, &sv))
			return -EINVAL;
		p->val = (u64)sv;
		return 0;
	}
	return kstrtoull(val, 0, &p->val) ? -EINVAL : 0;
}

int create_event_filter(struct trace_event_call *call, const char *str,
			struct event_filter **out)
{
	struct event_filter *filter = kzalloc(sizeof(*filter), GFP_KERNEL);
	char *copy, *pos, conj[4];
	bool quoted;
	int err = -ENOMEM;

	if (!filter)
		return -ENOMEM;
	copy = kstrdup(str, GFP_KERNEL);
	filter->string = kstrdup(str, GFP_KERNEL);
	if (!copy || !filter->string)
		goto out_free;
	pos = copy;
	err = -EINVAL;
	for (;;) {
		if (filter->n == FILTER_MAX_PREDS)
			goto out_free;
		if (parse_pred(call, &pos, &filter->preds[filter->n]))
			goto out_free;
		filter->n++;
		if (!filter_token(&pos, conj, sizeof(conj), &quoted))
			break;
		if (quoted || (strcmp(conj, "&&") && strcmp(conj, "||")))
			goto out_free;
		filter->preds[filter->n].or_before = !strcmp(conj, "||");
	}
	if (*skip_spaces(pos))
		goto out_free;
	kfree(copy);
	*out = filter;
	return 0;
out_free:
	kfree(copy);
	free_event_filter(filter);
	return err;
}

void free_event_filter(struct event_filter *filter)
{
	if (!filter)
		return;
	kfree(filter->string);
	kfree(filter);
}

const char *event_filter_string(struct event_filter *filter)
{
	return filter->string;
}
