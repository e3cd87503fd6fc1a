// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel: the boot sequence from the seed's "Kernel Initialization"
 * box, in order.  Architecture code (setup_arch) has already left us in
 * long mode on the boot CPU with early page tables; from here:
 *
 *   command line -> console -> banner -> setup_arch (CPU, traps, page
 *   tables, zones, ACPI) -> the remaining options -> the memory
 *   allocators (mm_core_init) -> interrupts -> timekeeping -> initcalls
 *   (drivers) -> self-tests -> the idle loop
 *
 * Command-line options are parsed by whoever owns them: a file declares
 * __setup("name=", fn) or early_param("name", fn) and this file walks the
 * table.  Options nobody claims go to init: "name=value" into its
 * environment, plain words into its argument list, as Linux does.
 */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/pid_namespace.h>
#include <linux/cmdline.h>
#include <linux/console.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/binfmts.h>
#include <linux/initramfs.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/ktest.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/sched/task.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <linux/rcupdate.h>
#include <linux/hrtimer.h>
#include <linux/workqueue.h>
#include <uapi/linux/sched.h>
#include <asm/mmu_context.h>

void zero_page_init(void);
#include <linux/serial_8250.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <asm/bootparam.h>
#include <asm/irqflags.h>
#include <asm/setup.h>

#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32

char boot_command_line[COMMAND_LINE_SIZE];
enum system_states system_state = SYSTEM_BOOTING;
static char saved_command_line_buf[COMMAND_LINE_SIZE];
char *saved_command_line = saved_command_line_buf;	/* for /proc/cmdline */
static char tmp_cmdline[COMMAND_LINE_SIZE];

const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL };
const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux", NULL };
char *execute_command;		/* init= */
char *ramdisk_execute_command = "/init";	/* rdinit= */

extern const struct obs_kernel_param __setup_start[], __setup_end[];
extern const initcall_t __initcall_start[], __initcall_end[];

static int __init do_early_param(char *param, char *val, const char *unused,
				 void *arg)
{
	const struct obs_kernel_param *p;

	for (p = __setup_start; p < __setup_end; p++) {
		if (p->early && parameq(param, p->str) && p->setup_func(val ? val : ""))
			pr_warn("Malformed early option '%s'\n", param);
	}
	return 0;
}

/* Early options: before the console, so loglevel applies from the first line. */
static void __init parse_early_param(void)
{
	strscpy(tmp_cmdline, boot_command_line, sizeof(tmp_cmdline));
	parse_args("early options", tmp_cmdline, do_early_param, NULL);
}

/* Run the __setup handler for @line ("name=value" or "name"), if any. */
static bool __init obsolete_checksetup(char *line)
{
	const struct obs_kernel_param *p;
	bool had_early_param = false;

	for (p = __setup_start; p < __setup_end; p++) {
		size_t n = strlen(p->str);

		if (!parameqn(line, p->str, n))
			continue;
		if (p->early) {
			/* Already handled; a plain "quiet" must match exactly. */
			if (line[n] == '\0' || line[n] == '=')
				had_early_param = true;
		} else if (p->setup_func(line + n)) {
			return true;
		}
	}
	return had_early_param;
}

static int __init unknown_bootoption(char *param, char *val, const char *doing,
				     void *arg)
{
	size_t len = strlen(param);
	const char **slot;
	int i, max;

	/* parse_args split "name=value" in two: put the '=' back for __setup. */
	if (val)
		param[len] = '=';
	if (obsolete_checksetup(param))
		return 0;
	if (val)
		param[len] = '\0';
	/* Dotted names are module parameters; init never sees them. */
	if (strchr(param, '.') && (!val || strchr(param, '.') < val))
		return 0;

	if (val) {
		param[len] = '=';
		slot = envp_init;
		max = MAX_INIT_ENVS;
		for (i = 0; slot[i]; i++) {
			/* A later "name=" replaces an earlier one. */
			if (!strncmp(param, slot[i], val - param))
				break;
		}
	} else {
		slot = argv_init;
		max = MAX_INIT_ARGS;
		for (i = 0; slot[i]; i++)
			;
	}
	if (i >= max) {
		pr_warn("Too many boot %s vars at `%s'\n", val ? "env" : "init", param);
		return 0;
	}
	slot[i] = param;
	return 0;
}

static int __init init_setup(char *str)
{
	execute_command = str;
	return 1;
}
__setup("init=", init_setup);

static int __init rdinit_setup(char *str)
{
	ramdisk_execute_command = str;
	return 1;
}
__setup("rdinit=", rdinit_setup);

static void __init parse_command_line(void)
{
	char *after_dashes;

	pr_notice("Kernel command line: %s\n", saved_command_line);
	strscpy(tmp_cmdline, boot_command_line, sizeof(tmp_cmdline));
	after_dashes = parse_args("Booting kernel", tmp_cmdline,
				  unknown_bootoption, NULL);
	if (IS_ERR(after_dashes))
		return;
	/* Everything after "--" belongs to init's argument list. */
	while (after_dashes && *after_dashes) {
		char *arg = after_dashes;
		int i;

		after_dashes = strpbrk(arg, " \t");
		if (after_dashes)
			*after_dashes++ = '\0';
		if (!*arg)
			continue;
		for (i = 0; argv_init[i] && i < MAX_INIT_ARGS; i++)
			;
		if (i < MAX_INIT_ARGS)
			argv_init[i] = arg;
	}
}

static void __init do_initcalls(void)
{
	const initcall_t *fn;

	for (fn = __initcall_start; fn < __initcall_end; fn++) {
		int ret = (*fn)();

		if (ret && ret != -ENODEV)
			pr_warn("initcall %ps returned %d\n", *fn, ret);
	}
}

static void __init print_init_args(void)
{
	extern char root_device_name[];
	extern int root_mountflags;
	int i;

	if (root_device_name[0])
		pr_debug("root=%s (%s)\n", root_device_name,
			 root_mountflags & 1 ? "ro" : "rw");
	pr_debug("init would run with arguments:\n");
	for (i = 0; argv_init[i]; i++)
		pr_debug("    %s\n", argv_init[i]);
	pr_debug("  with environment:\n");
	for (i = 0; envp_init[i]; i++)
		pr_debug("    %s\n", envp_init[i]);
}

static int run_init_process(const char *init_filename)
{
	argv_init[0] = init_filename;
	pr_info("Run %s as init process\n", init_filename);
	return kernel_execve(init_filename, argv_init, envp_init);
}

static bool try_to_run_init_process(const char *init_filename)
{
	int ret = run_init_process(init_filename);

	if (ret && ret != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
		       init_filename, ret);
	return ret == 0;
}

/*
 * PID 1 starts as a kernel thread: it finishes booting (initcalls,
 * self-tests), then becomes the first user program by exec'ing /init
 * from the initramfs (rdinit=) or init=.  Returning from here enters
 * user mode with the registers exec set up.
 */
static DECLARE_COMPLETION(kthreadd_done);

/*
 * Init's descriptors 0, 1 and 2 are /dev/console, opened by the kernel
 * as Linux does.  An initramfs without /dev/console gets one made here
 * (/dev and the 5:1 node in the root tmpfs), so init always has a console.
 */
static void __init console_on_rootfs(void)
{
	struct dentry *d;
	struct path path;
	struct file *file;

	d = kern_path_create(AT_FDCWD, "/dev", &path, LOOKUP_DIRECTORY);
	if (!IS_ERR(d)) {
		vfs_mkdir(d_inode(path.dentry), d, 0755);
		done_path_create(&path, d);
	}
	d = kern_path_create(AT_FDCWD, "/dev/console", &path, 0);
	if (!IS_ERR(d)) {
		vfs_mknod(d_inode(path.dentry), d, S_IFCHR | 0600, MKDEV(5, 1));
		done_path_create(&path, d);
	}
	file = filp_open("/dev/console", O_RDWR, 0);
	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	fd_install(get_unused_fd_flags(0), get_file(file));
	fd_install(get_unused_fd_flags(0), get_file(file));
	fd_install(get_unused_fd_flags(0), file);
}

/* Does the initramfs have the program rdinit= names (/init)? */
static bool __init rdinit_present(void)
{
	struct path path;

	if (!ramdisk_execute_command || kern_path(ramdisk_execute_command, LOOKUP_FOLLOW, &path))
		return false;
	path_put(&path);
	return true;
}

static int __ref kernel_init(void *unused)
{
	init_pid_ns.child_reaper = current;
	current->signal->flags |= SIGNAL_UNKILLABLE;
	/* Initcalls may start kernel threads: kthreadd must exist first. */
	wait_for_completion(&kthreadd_done);
	smp_init();
	/* Forked by CPU 0's idle task, which is bound there; init may run anywhere. */
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	do_initcalls();
	print_init_args();
	ktest_run_all();

	system_state = SYSTEM_RUNNING;
	initramfs_init();
	console_on_rootfs();
	/* root= without an initramfs /init: the disk is the root (init/do_mounts.c). */
	if (!rdinit_present() && prepare_namespace())
		ramdisk_execute_command = NULL;
	if (ramdisk_execute_command && try_to_run_init_process(ramdisk_execute_command))
		return 0;
	if (execute_command) {
		if (try_to_run_init_process(execute_command))
			return 0;
		panic("Requested init %s failed.", execute_command);
	}
	if (try_to_run_init_process("/sbin/init") ||
	    try_to_run_init_process("/etc/init") ||
	    try_to_run_init_process("/bin/init") ||
	    try_to_run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel.");
}

/* Fork PID 1 and PID 2 (kthreadd), then become this CPU's idle task. */
static void __noreturn rest_init(void)
{
	pid_t pid = kernel_thread(kernel_init, NULL, CLONE_FS);

	if (pid != 1)
		panic("kernel_init got pid %d, not 1", pid);
	pid = kernel_thread(kthreadd, NULL, CLONE_FS | CLONE_FILES);
	kthreadd_task = find_task_by_vpid(pid);
	if (!kthreadd_task)
		panic("cannot start kthreadd: %d", pid);
	/* From here on tasks sleep and wake: might_sleep() checks apply. */
	system_state = SYSTEM_SCHEDULING;
	complete(&kthreadd_done);
	cpu_startup_entry();
}

void __noreturn start_kernel(void)
{
	strscpy(boot_command_line, boot_params.cmdline, sizeof(boot_command_line));
	strscpy(saved_command_line_buf, boot_command_line,
		sizeof(saved_command_line_buf));
	parse_early_param();
	serial8250_console_init();

	pr_notice("%s", linux_banner);
	setup_arch();
	parse_command_line();
	mm_core_init();		/* after slub_debug is parsed, before ioremap users */
	sched_init();
	softirq_init();
	rcu_init();
	init_timers();
	hrtimers_init();
	workqueue_init_early();
	init_IRQ();
	time_init();
	timekeeping_init();
	rand_initialize();
	fork_init();
	proc_caches_init();
	vfs_caches_init();
	zero_page_init();
	pcid_init();
	local_irq_enable();
	rest_init();
}
