// SPDX-License-Identifier: GPL-2.0
/*
 * Module parameters: the kernel_param_ops of each module_param() type,
 * applying "name=value" words to a module, and the files
 * /sys/module/<module>/parameters/<name>.
 *
 * A parameter is set three ways, all through the same ops->set: from the
 * kernel command line ("mymodule.debug=1", applied when the module loads),
 * from insmod's arguments, and by writing its sysfs file.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/cmdline.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/err.h>
#include <linux/dcache.h>
#include "module/internal.h"

/* ------------------------------------------------------------------ */
/* Numbers                                                             */

#define STANDARD_PARAM_DEF(name, type, format, strtolfn)			\
	int param_set_##name(const char *val, const struct kernel_param *kp)	\
	{									\
		if (!val)							\
			return -EINVAL;						\
		return strtolfn(val, 0, (type *)kp->arg);			\
	}									\
	int param_get_##name(char *buffer, const struct kernel_param *kp)	\
	{									\
		return scnprintf(buffer, PAGE_SIZE, format "\n", *(type *)kp->arg); \
	}									\
	const struct kernel_param_ops param_ops_##name = {			\
		.set = param_set_##name,					\
		.get = param_get_##name,					\
	};									\
	EXPORT_SYMBOL(param_set_##name);					\
	EXPORT_SYMBOL(param_get_##name);					\
	EXPORT_SYMBOL(param_ops_##name)

static int kstrtoul_param(const char *s, unsigned int base, unsigned long *res)
{
	return kstrtoul(s, base, res);
}

static int kstrtol_param(const char *s, unsigned int base, long *res)
{
	return kstrtol(s, base, res);
}

static int kstrtoull_param(const char *s, unsigned int base, unsigned long long *res)
{
	return kstrtoull(s, base, res);
}

STANDARD_PARAM_DEF(byte, unsigned char, "%hhu", kstrtou8);
STANDARD_PARAM_DEF(short, short, "%hi", kstrtos16);
STANDARD_PARAM_DEF(ushort, unsigned short, "%hu", kstrtou16);
STANDARD_PARAM_DEF(int, int, "%i", kstrtoint);
STANDARD_PARAM_DEF(uint, unsigned int, "%u", kstrtouint);
STANDARD_PARAM_DEF(long, long, "%li", kstrtol_param);
STANDARD_PARAM_DEF(ulong, unsigned long, "%lu", kstrtoul_param);
STANDARD_PARAM_DEF(ullong, unsigned long long, "%llu", kstrtoull_param);
STANDARD_PARAM_DEF(hexint, unsigned int, "%#08x", kstrtouint);

/* ------------------------------------------------------------------ */
/* Booleans and strings                                                */

int param_set_bool(const char *val, const struct kernel_param *kp)
{
	/* A bare "name" means true. */
	if (!val)
		val = "1";
	return kstrtobool(val, kp->arg);
}
EXPORT_SYMBOL(param_set_bool);

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}
EXPORT_SYMBOL(param_get_bool);

const struct kernel_param_ops param_ops_bool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bool,
	.get = param_get_bool,
};
EXPORT_SYMBOL(param_ops_bool);

int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool v;
	int ret = kstrtobool(val ? val : "1", &v);

	if (!ret)
		*(bool *)kp->arg = !v;
	return ret;
}
EXPORT_SYMBOL(param_set_invbool);

int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'N' : 'Y');
}
EXPORT_SYMBOL(param_get_invbool);

const struct kernel_param_ops param_ops_invbool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_invbool,
	.get = param_get_invbool,
};
EXPORT_SYMBOL(param_ops_invbool);

/* Strings the kernel allocated live in the direct map; a module's own initial value does not. */
static bool charp_is_ours(const char *p)
{
	return (unsigned long)p >= PAGE_OFFSET && (unsigned long)p < VMALLOC_START;
}

int param_set_charp(const char *val, const struct kernel_param *kp)
{
	char **slot = kp->arg;
	char *copy;

	if (!val)
		return -EINVAL;
	if (strlen(val) > 1024)
		return -ENOSPC;
	copy = kstrdup(val, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	if (*slot && charp_is_ours(*slot))
		kfree(*slot);
	*slot = copy;
	return 0;
}
EXPORT_SYMBOL(param_set_charp);

int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	const char *s = *(char **)kp->arg;

	return scnprintf(buffer, PAGE_SIZE, "%s\n", s ? s : "(null)");
}
EXPORT_SYMBOL(param_get_charp);

static void param_free_charp(void *arg)
{
	char **slot = arg;

	if (*slot && charp_is_ours(*slot))
		kfree(*slot);
	*slot = NULL;
}

const struct kernel_param_ops param_ops_charp = {
	.set = param_set_charp,
	.get = param_get_charp,
	.free = param_free_charp,
};
EXPORT_SYMBOL(param_ops_charp);

int param_set_string(const char *val, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;

	if (!val)
		return -EINVAL;
	if (strlen(val) + 1 > kps->maxlen) {
		pr_err("%s: string doesn't fit in %u chars.\n", kp->name, kps->maxlen - 1);
		return -ENOSPC;
	}
	strcpy(kps->string, val);
	return 0;
}
EXPORT_SYMBOL(param_set_string);

int param_get_string(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%s\n", kp->str->string);
}
EXPORT_SYMBOL(param_get_string);

const struct kernel_param_ops param_ops_string = {
	.set = param_set_string,
	.get = param_get_string,
};
EXPORT_SYMBOL(param_ops_string);

/* ------------------------------------------------------------------ */
/* Arrays: "1,2,3"                                                     */

static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = { .name = kp->name, .mod = kp->mod, .ops = arr->ops };
	unsigned int n = 0;
	char *copy, *p, *tok;
	int ret = 0;

	if (!val)
		return -EINVAL;
	copy = kstrdup(val, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	p = strim(copy);
	while ((tok = strsep(&p, ","))) {
		if (n >= arr->max) {
			pr_err("%s: can only take %i arguments\n", kp->name, arr->max);
			ret = -EINVAL;
			break;
		}
		elem.arg = (char *)arr->elem + n * arr->elemsize;
		ret = arr->ops->set(tok, &elem);
		if (ret)
			break;
		n++;
	}
	if (!ret && arr->num)
		*arr->num = n;
	kfree(copy);
	return ret;
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = { .name = kp->name, .mod = kp->mod, .ops = arr->ops };
	unsigned int n = arr->num ? *arr->num : arr->max;
	int off = 0;

	for (unsigned int i = 0; i < n; i++) {
		int len;

		if (i)
			buffer[off++] = ',';
		elem.arg = (char *)arr->elem + i * arr->elemsize;
		len = arr->ops->get(buffer + off, &elem);
		if (len < 0)
			return len;
		off += len;
		if (off && buffer[off - 1] == '\n')	/* each element printed its own newline */
			off--;
		if (off > (int)PAGE_SIZE - 64)
			break;
	}
	buffer[off++] = '\n';
	buffer[off] = '\0';
	return off;
}

static void param_array_free(void *arg)
{
	const struct kparam_array *arr = arg;

	if (arr->ops->free)
		for (unsigned int i = 0; i < (arr->num ? *arr->num : arr->max); i++)
			arr->ops->free((char *)arr->elem + i * arr->elemsize);
}

const struct kernel_param_ops param_array_ops = {
	.set = param_array_set,
	.get = param_array_get,
	.free = param_array_free,
};
EXPORT_SYMBOL(param_array_ops);

/* ------------------------------------------------------------------ */
/* Applying name=value                                                 */

static int parse_one(const char *doing, char *param, char *val,
		     const struct kernel_param *params, unsigned int num, bool *found)
{
	*found = false;
	for (unsigned int i = 0; i < num; i++) {
		const struct kernel_param *kp = &params[i];

		if (!parameq(param, kp->name))
			continue;
		*found = true;
		if (!val && !(kp->ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
			return -EINVAL;
		return kp->ops->set(val, kp);
	}
	return -ENOENT;
}

int module_param_set(struct module *mod, char *name, char *val, bool quiet)
{
	bool found;
	int err = parse_one(mod->name, name, val, mod->kp, mod->num_kp, &found);

	if (!found) {
		/* dyndbg is every module's parameter (lib/dynamic_debug.c). */
		if (parameq(name, "dyndbg"))
			return ddebug_module_param(mod, val);
		pr_warn("%s: unknown parameter '%s' ignored\n", mod->name, name);
		return 0;
	}
	if (err && !quiet)
		pr_err("%s: `%s' invalid for parameter `%s'\n", mod->name, val ? val : "", name);
	return err;
}

static int module_unknown(char *param, char *val, const char *doing, void *arg)
{
	return module_param_set(arg, param, val, false);
}

/* insmod's arguments, kept in mod->args (parsed in a copy). */
int module_parse_args(struct module *mod)
{
	char *copy = kstrdup(mod->args, GFP_KERNEL);
	char *after;

	if (!copy)
		return -ENOMEM;
	after = parse_args(mod->name, copy, module_unknown, mod);
	kfree(copy);
	return IS_ERR(after) ? PTR_ERR(after) : 0;
}

/* ------------------------------------------------------------------ */
/* /sys/module/<m>/parameters                                          */

struct param_attribute {
	struct attribute attr;
	const struct kernel_param *param;
	struct list_head list;
};

static ssize_t param_attr_show(const struct attribute *attr, char *page)
{
	const struct param_attribute *pa = container_of(attr, struct param_attribute, attr);

	if (!pa->param->ops->get)
		return -EPERM;
	return pa->param->ops->get(page, pa->param);
}

static ssize_t param_attr_store(const struct attribute *attr, const char *buf, size_t count)
{
	const struct param_attribute *pa = container_of(attr, struct param_attribute, attr);
	char *val;
	int err;

	if (!pa->param->ops->set)
		return -EPERM;
	/* echo adds a newline the value does not include. */
	val = kstrndup(buf, count, GFP_KERNEL);
	if (!val)
		return -ENOMEM;
	if (count && val[count - 1] == '\n')
		val[count - 1] = '\0';
	err = pa->param->ops->set(val, pa->param);
	kfree(val);
	return err ? err : (ssize_t)count;
}

int module_params_init(struct module *mod)
{
	return 0;
}

/* Called from mod_sysfs_setup once /sys/module/<m> exists. */
int module_param_sysfs_setup(struct module *mod, struct dentry *moddir)
{
	struct dentry *dir = NULL;
	int err = 0;

	for (unsigned int i = 0; i < mod->num_kp; i++) {
		const struct kernel_param *kp = &mod->kp[i];
		struct param_attribute *pa;

		if (!kp->perm)
			continue;
		if (!dir) {
			dir = sysfs_create_dir(moddir, "parameters");
			if (IS_ERR(dir))
				return PTR_ERR(dir);
			dput(dir);	/* moddir's removal takes it with it */
		}
		pa = kzalloc(sizeof(*pa), GFP_KERNEL);
		if (!pa)
			return -ENOMEM;
		pa->attr.name = kp->name;
		pa->attr.mode = kp->perm;
		pa->attr.show = param_attr_show;
		pa->attr.store = (kp->perm & 0222) ? param_attr_store : NULL;
		pa->param = kp;
		list_add_tail(&pa->list, &mod->param_attrs);
		err = sysfs_create_file(dir, &pa->attr);
		if (err)
			return err;
	}
	return 0;
}

/* After the sysfs files are gone: free the attributes and kmalloc'd values. */
void module_params_free(struct module *mod)
{
	struct param_attribute *pa, *tmp;

	list_for_each_entry_safe(pa, tmp, &mod->param_attrs, list) {
		list_del(&pa->list);
		kfree(pa);
	}
	for (unsigned int i = 0; i < mod->num_kp; i++)
		if (mod->kp[i].ops->free)
			mod->kp[i].ops->free(mod->kp[i].arg);
}
