/* SPDX-License-Identifier: GPL-2.0 */
/*
 * execve's working state.  The arguments and environment are copied out
 * of the old address space first (argv, then envp: NUL-terminated
 * strings back to back), because the old address space is destroyed
 * before the new program's stack is built from them.  Each binary format
 * (ELF, #! scripts) recognizes its files by the first bytes in buf.
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>

#define BINPRM_BUF_SIZE		256
#define MAX_ARG_STRLEN		(PAGE_SIZE * 32)
#define MAX_ARG_STRINGS		0x7FFFFFFF
#define BINPRM_MAX_RECURSION	4

struct pt_regs;
struct file;

struct linux_binprm {
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	const char *filename;		/* the path given to execve (AT_EXECFN) */
	char interp[256];		/* the file being loaded now */
	struct file *file;		/* the file being loaded now, open for reading */
	int argc, envc;
	char *args;			/* argv strings then envp strings */
	size_t args_size;		/* bytes used in args */
	size_t argv_size;		/* of which argv's */
	size_t args_alloc;
	size_t args_limit;		/* E2BIG beyond this (strings + pointers) */
	int recursion_depth;
	bool point_of_no_return;
	bool secureexec;		/* AT_SECURE: the IDs changed */
	bool unsafe_ptrace;		/* traced by one who may not trace what it becomes */
};

struct linux_binfmt {
	const char *name;
	int (*load_binary)(struct linux_binprm *bprm);
};

int search_binary_handler(struct linux_binprm *bprm);
int prepare_binprm(struct linux_binprm *bprm, const char *path);
int bprm_replace_argv0(struct linux_binprm *bprm, const char *const *prefix, int n);
int begin_new_exec(struct linux_binprm *bprm);
int create_user_stack(struct linux_binprm *bprm, unsigned long top, unsigned long *auxv,
		      int auxc, unsigned long *sp_out, unsigned long *execfn_out);
struct file *open_exec(const char *name);
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

extern const struct linux_binfmt elf_format;
extern const struct linux_binfmt script_format;

#endif
