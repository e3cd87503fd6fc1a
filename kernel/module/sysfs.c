// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/module/<name>: what a loaded module looks like from user space.
 * initstate, refcnt, taint, coresize, initsize, version, the section
 * addresses under sections/ (root only: where code lies is what an
 * exploit wants), parameters/ (kernel/params.c), and holders/.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/cred.h>
#include <linux/kallsyms.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/dcache.h>
#include <linux/panic.h>
#include "internal.h"

/* An attribute that knows its module (sysfs's show has no object argument). */
struct module_attribute {
	struct attribute attr;
	struct module *mod;
	unsigned long value;		/* sections/: the address */
};

#define to_mattr(a)	container_of(a, struct module_attribute, attr)

static ssize_t show_initstate(const struct attribute *a, char *buf)
{
	static const char *const states[] = {
		[MODULE_STATE_LIVE] = "live", [MODULE_STATE_COMING] = "coming",
		[MODULE_STATE_GOING] = "going", [MODULE_STATE_UNFORMED] = "unformed",
	};

	return sprintf(buf, "%s\n", states[to_mattr(a)->mod->state]);
}

static ssize_t show_refcnt(const struct attribute *a, char *buf)
{
	return sprintf(buf, "%i\n", (int)module_refcount(to_mattr(a)->mod));
}

static ssize_t show_taint(const struct attribute *a, char *buf)
{
	int n = module_flags_taint(to_mattr(a)->mod->taints, buf);

	buf[n++] = '\n';
	return n;
}

static ssize_t show_coresize(const struct attribute *a, char *buf)
{
	return sprintf(buf, "%u\n", to_mattr(a)->mod->core_layout.size);
}

static ssize_t show_initsize(const struct attribute *a, char *buf)
{
	return sprintf(buf, "%u\n", to_mattr(a)->mod->init_layout.size);
}

static ssize_t show_version(const struct attribute *a, char *buf)
{
	return sprintf(buf, "%s\n", to_mattr(a)->mod->version);
}

static ssize_t show_section(const struct attribute *a, char *buf)
{
	/* Linux checks the opener's credentials; ours are the reader's. */
	return sprintf(buf, "0x%016lx\n", kallsyms_show_value() ? to_mattr(a)->value : 0UL);
}


struct module_attribute_node {
	struct list_head list;
	struct module_attribute ma;
};

static int add_attr(struct module *mod, struct list_head *list, struct dentry *dir,
		    const char *name, umode_t mode,
		    ssize_t (*show)(const struct attribute *, char *), unsigned long value)
{
	struct module_attribute_node *n = kzalloc(sizeof(*n), GFP_KERNEL);

	if (!n)
		return -ENOMEM;
	n->ma.attr.name = name;
	n->ma.attr.mode = mode;
	n->ma.attr.show = show;
	n->ma.mod = mod;
	n->ma.value = value;
	list_add_tail(&n->list, list);
	return sysfs_create_file(dir, &n->ma.attr);
}


/* The per-module list lives in a small allocation hung off mod->sect_attrs. */
struct module_sect_attrs {
	struct list_head attrs;
	char names[];			/* section names, copied from the image */
};

int mod_sysfs_setup(struct module *mod, const struct load_info *info)
{
	struct module_sect_attrs *sa;
	struct dentry *dir, *holders, *sections;
	size_t namelen = 0;
	char *name;
	int err;

	for (unsigned int i = 1; i < info->hdr->e_shnum; i++)
		if (info->sechdrs[i].sh_flags & SHF_ALLOC)
			namelen += strlen(info->secstrings + info->sechdrs[i].sh_name) + 1;
	sa = kzalloc(sizeof(*sa) + namelen, GFP_KERNEL);
	if (!sa)
		return -ENOMEM;
	INIT_LIST_HEAD(&sa->attrs);
	mod->sect_attrs = sa;

	dir = sysfs_create_dir(module_kobj, mod->name);
	if (IS_ERR(dir)) {
		err = PTR_ERR(dir);
		goto out_free;
	}
	mod->mkobj = dir;
	err = add_attr(mod, &sa->attrs, dir, "initstate", 0444, show_initstate, 0);
	if (!err)
		err = add_attr(mod, &sa->attrs, dir, "refcnt", 0444, show_refcnt, 0);
	if (!err)
		err = add_attr(mod, &sa->attrs, dir, "taint", 0444, show_taint, 0);
	if (!err)
		err = add_attr(mod, &sa->attrs, dir, "coresize", 0444, show_coresize, 0);
	if (!err)
		err = add_attr(mod, &sa->attrs, dir, "initsize", 0444, show_initsize, 0);
	if (!err && mod->version)
		err = add_attr(mod, &sa->attrs, dir, "version", 0444, show_version, 0);
	if (err)
		goto out_remove;

	/*
	 * kmod's rmmod lists holders/ before it unloads and complains when
	 * the directory is missing.  On Linux it holds a link to each module
	 * that uses this one; this sysfs has no symlinks, so it stays empty
	 * and a module in use is refused by delete_module itself (-EWOULDBLOCK),
	 * which rmmod reports just the same.  lsmod's "Used by" comes from
	 * /proc/modules.
	 */
	holders = sysfs_create_dir(dir, "holders");
	if (IS_ERR(holders)) {
		err = PTR_ERR(holders);
		goto out_remove;
	}
	dput(holders);

	sections = sysfs_create_dir(dir, "sections");
	if (IS_ERR(sections)) {
		err = PTR_ERR(sections);
		goto out_remove;
	}
	dput(sections);
	name = sa->names;
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];

		if (!(s->sh_flags & SHF_ALLOC))
			continue;
		strcpy(name, info->secstrings + s->sh_name);
		/* Two sections of one name (rare) keep the first. */
		err = add_attr(mod, &sa->attrs, sections, name, 0400, show_section, s->sh_addr);
		if (err && err != -EEXIST)
			goto out_remove;
		name += strlen(name) + 1;
	}
	err = module_param_sysfs_setup(mod, dir);
	if (err)
		goto out_remove;
	return 0;

out_remove:
	mod_sysfs_teardown(mod);
	return err;
out_free:
	kfree(sa);
	mod->sect_attrs = NULL;
	return err;
}

void mod_sysfs_teardown(struct module *mod)
{
	struct module_sect_attrs *sa = mod->sect_attrs;
	struct module_attribute_node *n, *tmp;

	if (mod->mkobj) {
		sysfs_remove(mod->mkobj);	/* after this no show runs */
		mod->mkobj = NULL;
	}
	if (!sa)
		return;
	list_for_each_entry_safe(n, tmp, &sa->attrs, list) {
		list_del(&n->list);
		kfree(n);
	}
	kfree(sa);
	mod->sect_attrs = NULL;
}
