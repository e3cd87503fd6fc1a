// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/modules, which lsmod formats: one line per module with its size,
 * reference count, the modules using it, its state and load address
 * (zero for readers who may not see kernel addresses), and its taints.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/panic.h>
#include "internal.h"

int modules_proc_show(struct seq_file *m, void *v)
{
	bool show = kallsyms_show_value();
	struct module *mod;
	char buf[TAINT_FLAGS_COUNT + 4];

	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list) {
		struct module_use *use;
		bool printed = false;

		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		seq_printf(m, "%s %u %i ", mod->name,
			   mod->core_layout.size + mod->init_layout.size, (int)module_refcount(mod));
		list_for_each_entry(use, &mod->source_list, source_list) {
			seq_printf(m, "%s,", use->source->name);
			printed = true;
		}
		if (mod->init && !mod->exit) {
			seq_puts(m, "[permanent],");
			printed = true;
		}
		if (!printed)
			seq_puts(m, "-");
		seq_printf(m, " %s 0x%016lx",
			   mod->state == MODULE_STATE_GOING ? "Unloading" :
			   mod->state == MODULE_STATE_COMING ? "Loading" : "Live",
			   show ? (unsigned long)mod->core_layout.base : 0UL);
		if (mod->taints)
			seq_printf(m, " %s", module_flags(mod, buf, false));
		seq_putc(m, '\n');
	}
	mutex_unlock(&module_mutex);
	return 0;
}
