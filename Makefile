# Lantern: a monolithic x86-64 kernel speaking the Linux system-call ABI.
#
#   make            build build/vmlinux and the busybox initramfs (installs
#                   missing Debian packages as root)
#   make run        boot it in QEMU on this terminal (INITRD=, APPEND=,
#                   QEMU_MEM=, QEMU_SMP=, QEMU_ARGS=)
#   make iso        build/lantern.iso, booted through GRUB
#   make debug      as run, halted, with a gdb stub on :GDBPORT (1234 + uid)
#   make test       host unit tests and boot tests; ends with "N passed, N failed"
#   make fuzz       fs/ext2 and net/ fed mutated disk images and frames on the host (FUZZ_TIME=)
#   make check      warnings as errors, shellcheck on the scripts
#   make help       every target, with what it does
#   make modules    loadable modules: the tree's (obj-m), or M=<dir>'s
#   make ltp        the LTP syscall tests that pass on Linux, run on Lantern
#                   (LINUX=1: on Debian's kernel; LTP_LIST=, LTP_SRC=)
#
# Each source directory has a Makefile fragment listing its objects in
# obj-y, as Kbuild does; this file only knows the list of directories.

.DEFAULT_GOAL := all

# The Linux ABI level Lantern implements, as other Linux-compatible
# kernels report it: programs that check a minimum kernel version (LTP,
# glibc, systemd) compare against this.  uname -r is KERNELRELEASE.
KERNELVERSION	:= 6.1.0
LOCALVERSION	:= -lantern
KERNELRELEASE	:= $(KERNELVERSION)$(LOCALVERSION)
NAME		:= lantern
ARCH		:= x86
BUILD		:= build
HOSTCC		:= gcc
CC		:= gcc
LD		:= ld
OBJCOPY		:= objcopy
NM		:= nm

DEB_BUILD	:= gcc libc6-dev make binutils cpio
DEB_RUN		:= qemu-system-x86 grub-pc-bin grub-common xorriso mtools \
		   musl-tools busybox-static e2fsprogs linux-image-amd64 fdisk

core-dirs := \
	arch/x86/boot arch/x86/entry arch/x86/entry/vdso arch/x86/kernel arch/x86/kernel/cpu \
	arch/x86/kernel/apic arch/x86/kernel/acpi arch/x86/lib arch/x86/mm \
	init kernel kernel/printk kernel/irq kernel/rcu kernel/time kernel/sched kernel/locking kernel/futex kernel/module lib lib/test_modules mm fs fs/proc fs/sysfs fs/debugfs fs/tracefs kernel/trace \
	drivers/tty drivers/tty/serial drivers/char drivers/base ipc
core-dirs += net net/core net/unix net/ethernet net/ipv4 net/netlink net/packet drivers/net
core-dirs += security security/keys fs/devpts
core-dirs += security/landlock
core-dirs += fs/ext2 arch/x86/pci drivers/pci drivers/virtio drivers/block block
core-dirs += io_uring

# -mgeneral-regs-only keeps SSE/x87 out of kernel code, so the FPU state
# of user programs is never clobbered by the kernel.  Frame pointers make
# oops backtraces reliable without an unwinder.  -Wno-unused-parameter as
# Linux's W=1: callbacks must take the arguments their ops table names.
KCFLAGS := -std=gnu11 -O2 -g -pipe \
	-ffreestanding -fno-builtin -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-fno-pic -fno-pie -mcmodel=kernel -mno-red-zone -mgeneral-regs-only \
	-fno-stack-protector -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
	-fno-strict-aliasing -fno-delete-null-pointer-checks -fno-common \
	-fno-asynchronous-unwind-tables -fcf-protection=none \
	-Wall -Wextra -Wno-unused-parameter -Wmissing-prototypes -Werror=implicit-function-declaration \
	-Iinclude -Iarch/x86/include -I$(BUILD)/include -include include/linux/kconfig.h \
	-DUTS_RELEASE=\"$(KERNELRELEASE)\" -MMD -MP $(EXTRA_CFLAGS)
# The function tracer (kernel/trace/ftrace.c): gcc starts every function
# with a 5-byte NOP (-mfentry -mnop-mcount) and lists their addresses in
# __mcount_loc (-mrecord-mcount); turning the tracer on patches them into
# calls.  Code the tracer itself runs, or runs under its buffer's lock
# (the tracer, locks, lib's string functions), is built without them.
# FTRACE=0 builds a kernel with none, to measure what the NOPs cost.
FTRACE ?= 1
CC_FLAGS_FTRACE := -pg -mfentry -mrecord-mcount -mnop-mcount
NOTRACE_DIRS := kernel/trace kernel/locking lib
ifeq ($(FTRACE),1)
KCFLAGS += $(CC_FLAGS_FTRACE)
endif
notrace_flags = $(if $(filter $(addsuffix /%,$(NOTRACE_DIRS)),$(1)),$(filter-out $(CC_FLAGS_FTRACE),$(KCFLAGS)),$(KCFLAGS))
KAFLAGS := -D__ASSEMBLY__ -Iinclude -Iarch/x86/include -I$(BUILD)/include -include include/linux/kconfig.h -MMD -MP
LDFLAGS := -nostdlib -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments

objs :=
mod-dirs :=
define add_dir
obj-y :=
obj-m :=
include $(1)/Makefile
objs += $$(addprefix $(BUILD)/$(1)/,$$(obj-y))
mod-dirs += $$(if $$(obj-m),$(1))
endef
$(foreach d,$(core-dirs),$(eval $(call add_dir,$(d))))

LDS := $(BUILD)/arch/x86/kernel/vmlinux.lds
GEN := $(BUILD)/include/generated
GENERATED := $(GEN)/asm-offsets.h $(GEN)/syscalls_64.h

# Generated headers come first: any object may include them.
$(objs): | $(GENERATED)

$(GEN)/syscalls_64.h: arch/x86/entry/syscalls/syscall_64.tbl scripts/syscalltbl.sh
	@mkdir -p $(dir $@)
	@scripts/syscalltbl.sh $< > $@

$(GEN)/asm-offsets.h: arch/x86/kernel/asm-offsets.c scripts/asm-offsets.sh
	@mkdir -p $(dir $@)
	@$(CC) $(KCFLAGS) -MT $@ -MF $(BUILD)/asm-offsets.d -S $< -o $(BUILD)/asm-offsets.s
	@scripts/asm-offsets.sh $(BUILD)/asm-offsets.s > $@.tmp
	@cmp -s $@.tmp $@ 2>/dev/null && rm -f $@.tmp || mv $@.tmp $@

.PHONY: all deps run iso debug test unit fuzz bench ltp check help clean FORCE
all: deps $(BUILD)/vmlinux $(BUILD)/initramfs-busybox.cpio.gz

# Checked once per build; cheap when everything is there.
deps:
	@scripts/deps.sh $(DEB_BUILD) $(DEB_RUN)

# KBUILD_MODNAME: what dynamic debug's "module" keyword matches for
# built-in code, the file's base name as Kbuild names it.
$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(call notrace_flags,$<) -DKBUILD_MODNAME='"$(subst -,_,$(notdir $*))"' -c $< -o $@

$(BUILD)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(KAFLAGS) -c $< -o $@

$(LDS): arch/x86/kernel/vmlinux.lds.S
	@mkdir -p $(dir $@)
	@$(CC) -E -P $(KAFLAGS) -MT $@ -MF $@.d $< -o $@

# kallsyms: link once with an empty symbol table, generate the table from
# that image, link again.  The table sits after everything else in the
# image, so generating it moves no other symbol; the cmp proves it.
$(BUILD)/vmlinux.a: $(objs)
	@rm -f $@
	@ar rcsT $@ $(objs)

$(BUILD)/vmlinux: $(BUILD)/vmlinux.a $(LDS) scripts/kallsyms.sh
	@echo "  LD      $@"
	@scripts/kallsyms.sh /dev/null > $(BUILD)/.kallsyms0.S
	@$(CC) $(KAFLAGS) -c $(BUILD)/.kallsyms0.S -o $(BUILD)/.kallsyms0.o
	@$(LD) $(LDFLAGS) -T $(LDS) -o $(BUILD)/.vmlinux0 --whole-archive $(BUILD)/vmlinux.a --no-whole-archive $(BUILD)/.kallsyms0.o
	@$(NM) -n $(BUILD)/.vmlinux0 > $(BUILD)/.vmlinux0.syms
	@scripts/kallsyms.sh $(BUILD)/.vmlinux0.syms > $(BUILD)/.kallsyms1.S
	@$(CC) $(KAFLAGS) -c $(BUILD)/.kallsyms1.S -o $(BUILD)/.kallsyms1.o
	@$(LD) $(LDFLAGS) -T $(LDS) -o $@ --whole-archive $(BUILD)/vmlinux.a --no-whole-archive $(BUILD)/.kallsyms1.o
	@$(NM) -n $@ | grep -v -e kallsyms_ -e ' _end$$' > $(BUILD)/.vmlinux.syms
	@grep -v -e kallsyms_ -e ' _end$$' $(BUILD)/.vmlinux0.syms | cmp -s - $(BUILD)/.vmlinux.syms || \
		{ echo "kallsyms: symbol addresses moved between links" >&2; rm -f $@; exit 1; }
	@$(NM) -n $@ | awk '{print $$1 " " $$2 " " $$3}' > $(BUILD)/System.map

# The kernel's exports, for building modules against this tree.
$(BUILD)/Module.symvers: $(BUILD)/vmlinux scripts/mksymvers.sh
	@scripts/mksymvers.sh $< > $@

# Modules.  "make -C <tree> M=<dir> modules" builds the out-of-tree
# modules in <dir> (what the seed's Makefile runs); plain "make modules"
# builds the tree's own (obj-m in a directory's Makefile).
MODBUILD = $(MAKE) -s --no-print-directory -f scripts/Makefile.modules \
	BUILD=$(abspath $(BUILD)) KERNELRELEASE=$(KERNELRELEASE) KCFLAGS='$(KCFLAGS)' \
	CC=$(CC) LD=$(LD)
INSTALL_MOD_PATH ?= $(BUILD)/modules-install
MODLIB = $(INSTALL_MOD_PATH)/lib/modules/$(KERNELRELEASE)

.PHONY: modules modules_install kernelrelease
kernelrelease:
	@echo $(KERNELRELEASE)

ifneq ($(M),)
modules: $(BUILD)/Module.symvers
	@$(MODBUILD) M=$(abspath $(M)) __modules
else
modules: $(BUILD)/Module.symvers
	@$(foreach d,$(mod-dirs),$(MODBUILD) M=$(CURDIR)/$(d) MO=$(abspath $(BUILD))/$(d) \
		INTREE=1 __modules &&) true
endif

# The tree's modules under $(INSTALL_MOD_PATH)/lib/modules/<release>/kernel/,
# with modules.dep for modprobe, and the build link the seed's Makefile
# uses (/lib/modules/$(uname -r)/build) pointing at this tree.
modules_install: modules
	@mkdir -p $(MODLIB)/kernel
	@$(foreach d,$(mod-dirs),mkdir -p $(MODLIB)/kernel/$(d) && \
		cp $(BUILD)/$(d)/*.ko $(MODLIB)/kernel/$(d)/ &&) true
	@ln -sfn $(CURDIR) $(MODLIB)/build
	@scripts/depmod.sh $(MODLIB) > $(MODLIB)/modules.dep
	@echo "  INSTALL $(MODLIB)"

# What an external module's build needs, as a directory of its own at
# $(MODLIB)/build (Debian's linux-headers package is the same for Linux),
# so the seed's Makefile works on a machine without this tree: the Debian
# root carries it (usr/Makefile.debian).  The headers, the module path of
# the build (scripts/Makefile.modules, modpost.sh), Module.symvers, and a
# Makefile (scripts/Makefile.extmod under the flags of this build).  The
# host compiler's header directory becomes a $$(shell) asked again where
# the directory is used; any other host path left is an error.
EXTMOD_DIR = $(MODLIB)/build
HOST_CC_INC = $(shell $(CC) -print-file-name=include)
EXTMOD_KCFLAGS = $(subst $(HOST_CC_INC),$$(shell $$(CC) -print-file-name=include),$(KCFLAGS))
.PHONY: extmod_build_install
extmod_build_install: $(BUILD)/Module.symvers
	@rm -rf $(EXTMOD_DIR) && mkdir -p $(EXTMOD_DIR)/scripts $(EXTMOD_DIR)/arch/x86 $(EXTMOD_DIR)/$(BUILD)
	@cp -r include $(EXTMOD_DIR)/
	@cp -r arch/x86/include $(EXTMOD_DIR)/arch/x86/
	@cp scripts/Makefile.modules scripts/modpost.sh $(EXTMOD_DIR)/scripts/
	@cp $(BUILD)/Module.symvers $(EXTMOD_DIR)/$(BUILD)/
	@{ echo '# Written by make extmod_build_install; the rest: scripts/Makefile.extmod.'; \
	  echo 'KERNELRELEASE := $(KERNELRELEASE)'; \
	  echo 'KCFLAGS := $(EXTMOD_KCFLAGS)'; \
	  echo 'include scripts/Makefile.extmod'; } > $(EXTMOD_DIR)/Makefile
	@cp scripts/Makefile.extmod $(EXTMOD_DIR)/scripts/
	@! grep -rlF -e '$(CURDIR)' -e '$(HOST_CC_INC)' $(EXTMOD_DIR) || \
		{ echo "extmod_build_install: host paths in the files above" >&2; exit 1; }
	@echo "  INSTALL $(EXTMOD_DIR) ($$(du -sk $(EXTMOD_DIR) | cut -f1) KiB)"

# GRUB path: the same vmlinux, loaded as Multiboot2 with the initramfs
# `make run` boots (busybox) as a module; APPEND= is the menu entry's
# command line, which GRUB's menu editor ('e') can still change at boot.
ISO_INITRD ?= $(BUILD)/initramfs-busybox.cpio.gz
$(BUILD)/%.iso: $(BUILD)/vmlinux tools/grub.cfg $(ISO_INITRD) FORCE
	@echo "  ISO     $@"
	@rm -rf $@.dir && mkdir -p $@.dir/boot/grub
	@cp $(BUILD)/vmlinux $@.dir/boot/vmlinux
	@cp $(ISO_INITRD) $@.dir/boot/initrd.img
	@sed 's|@APPEND@|$(APPEND)|' tools/grub.cfg > $@.dir/boot/grub/grub.cfg
	@grub-mkrescue -o $@ $@.dir >$@.log 2>&1 || { cat $@.log; exit 1; }
FORCE:
iso: all $(BUILD)/lantern.iso

# The boot tests' initramfs: a single marker file (no init), for tests
# that only exercise the kernel.
$(BUILD)/initramfs.cpio:
	@mkdir -p $(BUILD)/initramfs-root
	@echo "Lantern initramfs" > $(BUILD)/initramfs-root/README
	@cd $(BUILD)/initramfs-root && find . | cpio -o -H newc --quiet > ../initramfs.cpio

# `make run` boots busybox to a shell on the serial console (usr/busybox/);
# INITRD=build/usr/initramfs-tests.cpio boots the user-space test suite.
# QEMU_MEM, QEMU_SMP and QEMU_ARGS (more QEMU arguments) reach
# tools/qemu-run.sh through the environment.  The recipes exec it, so
# make is QEMU's parent and QEMU dies with make (see qemu-run.sh).
# make debug's gdb stub port defaults to one per user (1234 + uid).
# ROOT=debian boots the Debian root (usr/debian/): its archive is 99 MiB
# and unpacks to 280 MiB of tmpfs, hence the larger default memory.
DEBIAN_INITRD	:= $(BUILD)/initramfs-debian.cpio.gz
# Booting from a disk (APPEND has root=): no initramfs unless INITRD= says
# so, since an initramfs with /init takes precedence over root=, as on Linux.
ifneq ($(findstring root=,$(APPEND)),)
INITRD ?=
endif
ifeq ($(ROOT),debian)
ifeq ($(findstring root=,$(APPEND)),)
INITRD		:= $(DEBIAN_INITRD)
endif
QEMU_MEM	?= 1G
endif
# ADD=<dir>: boot the busybox initramfs with <dir>'s files in /root/<dir's
# name> and the tree's modules in /lib/modules (to insmod a module you built).
ifneq ($(ADD),)
INITRD		:= $(BUILD)/initramfs-add.cpio
$(INITRD): FORCE modules_install
	@rm -rf $(BUILD)/add-root && mkdir -p $(BUILD)/add-root/root
	@cp -r $(BUILD)/modules-install/lib $(BUILD)/add-root/
	@cp -r $(abspath $(ADD)) $(BUILD)/add-root/root/
	@tools/initramfs-add.sh $(BUILD) $(BUILD)/add-root $@
endif
INITRD ?= $(BUILD)/initramfs-busybox.cpio.gz
APPEND ?= console=ttyS0
QEMU_MEM ?= 512M
QEMU_SMP ?= 1
QEMU_ARGS ?=
# DISK=<image> attaches a virtio-blk disk (tools/mkdisk.sh makes one);
# APPEND="console=ttyS0 root=/dev/vda1 rw" then boots from it.
ifneq ($(DISK),)
QEMU_ARGS += -drive file=$(DISK),if=none,id=disk0,format=raw -device virtio-blk-pci,drive=disk0
endif
comma := ,
# NET=1 gives the guest a virtio-net NIC on QEMU's user-mode network
# (10.0.2.0/24, DHCP from 10.0.2.2, restrict=on: nothing leaves the host);
# the busybox root configures eth0 with udhcpc.  HOSTFWD=tcp:127.0.0.1:8080-:80
# adds a forward from the host's loopback into the guest.
ifeq ($(NET),1)
QEMU_ARGS += -netdev user,id=net0,restrict=on$(if $(HOSTFWD),$(comma)hostfwd=$(HOSTFWD)) \
	     -device virtio-net-pci,netdev=net0
endif
GDBPORT ?= $(shell echo $$((1234 + $$(id -u) % 60000)))
export QEMU_MEM QEMU_SMP QEMU_ARGS
run: all $(INITRD)
	@exec tools/qemu-run.sh -kernel $(BUILD)/vmlinux $(if $(INITRD),-initrd "$(INITRD)") -append "$(APPEND)"

# make disk: build/disk-busybox.img, an ext2 disk (MBR, one partition) whose
# root is the busybox initramfs's tree; ROOT=debian: build/disk-debian.img
# from the Debian root.  Boot it with
#   make run DISK=build/disk-busybox.img APPEND="console=ttyS0 root=/dev/vda1 rw"
# (the Debian one also with init=/init); files written there survive reboots.
DISK_KIND	:= $(if $(filter debian,$(ROOT)),debian,busybox)
DISK_SRC	:= $(if $(filter debian,$(ROOT)),$(DEBIAN_INITRD),$(BUILD)/initramfs-busybox.cpio.gz)
DISK_MB		:= $(if $(filter debian,$(ROOT)),768,64)
.PHONY: disk
disk: all $(DISK_SRC)
	@echo "  DISK    $(BUILD)/disk-$(DISK_KIND).img"
	@rm -rf $(BUILD)/disk-$(DISK_KIND).root && mkdir -p $(BUILD)/disk-$(DISK_KIND).root
	@cd $(BUILD)/disk-$(DISK_KIND).root && gzip -dc $(abspath $(DISK_SRC)) | cpio -id --quiet
	@tools/mkdisk.sh $(BUILD)/disk-$(DISK_KIND).img $(DISK_MB) ext2 $(BUILD)/disk-$(DISK_KIND).root root mbr 4096

debug: all $(INITRD)
	@echo "Attach with:  gdb $(BUILD)/vmlinux -ex 'target remote :$(GDBPORT)'"
	@exec tools/qemu-run.sh -gdb tcp::$(GDBPORT) -S -kernel $(BUILD)/vmlinux -initrd "$(INITRD)" -append "$(APPEND)"

unit:
	@$(MAKE) -s -C tools/testing/unit run

# fs/ext2 against mutated disk images and the network receive path
# against mutated Ethernet frames, on the host (tools/testing/fuzz/):
# FUZZ_TIME seconds each, 600 unless given; make test runs them for 50
# (fuzz/ext2) and 40 (fuzz/net).
fuzz:
	@scripts/deps.sh clang e2fsprogs python3
	@$(MAKE) -s -C tools/testing/fuzz fuzz $(if $(FUZZ_TIME),FUZZ_TIME=$(FUZZ_TIME))

include usr/Makefile.usr
include usr/Makefile.busybox
include usr/Makefile.debian

test: all $(BUILD)/initramfs.cpio
	@tools/run-tests.sh

# The Linux Test Project (tools/ltp/run.sh): builds what the list needs
# into a cache outside the tree, boots it, one line per test, a summary;
# results in build/ltp/<kernel>/.  tools/ltp/update-gate.sh then adds the
# new passes to tools/ltp/gate.txt, which make test runs.
LINUX ?= 0
ltp: all
	@LINUX=$(LINUX) LTP_SRC="$(LTP_SRC)" tools/ltp/run.sh $(LTP_LIST)

# Lantern against Debian's Linux kernel in identical VMs (not part of test).
bench: all
	@tools/bench/run-bench.sh $(if $(BENCH_SET),--set=$(BENCH_SET))

# A reviewer's checks, each failing on any finding: the kernel and the
# user-space tests built from scratch into $(BUILD)/check with every
# warning an error (KCFLAGS has -Wall -Wextra -Wmissing-prototypes), the
# host unit tests (built with -Werror already), and shellcheck on every
# shell script.
SHELL_SCRIPTS := $(wildcard scripts/*.sh tools/*.sh tools/*/*.sh tools/testing/unit/*.sh tools/testing/fuzz/*.sh) \
		 .ci/run usr/busybox/rcS
check:
	@scripts/deps.sh $(DEB_BUILD) musl-tools shellcheck
	@echo "  CHECK   warnings (kernel, user programs)"
	@$(MAKE) -s BUILD=$(BUILD)/check EXTRA_CFLAGS=-Werror $(BUILD)/check/vmlinux usr-progs >/dev/null
	@echo "  CHECK   unit tests build"
	@$(MAKE) -s -C tools/testing/unit build >/dev/null
	@echo "  CHECK   shellcheck"
	@shellcheck -x $(SHELL_SCRIPTS)
	@echo "check: clean"

# For editors and clang tools: each kernel object's compile command, the
# same flags the rules above use.
json_str = $(subst ",\",$(subst \,\\,$(1)))
obj_src = $(firstword $(wildcard $(patsubst $(BUILD)/%.o,%.c,$(1)) $(patsubst $(BUILD)/%.o,%.S,$(1))))
cc_cmd = $(CC) $(if $(filter %.S,$(1)),$(KAFLAGS),$(KCFLAGS)) -c $(1) -o $(2)
cc_entry = {"directory": "$(CURDIR)", "file": "$(1)", "output": "$(2)", "command": "$(call json_str,$(call cc_cmd,$(1),$(2)))"}
compile_commands.json: $(MAKEFILE_LIST) FORCE
	@echo "  GEN     $@"
	$(file >$@,[)
	$(foreach o,$(objs),$(file >>$@,$(call cc_entry,$(call obj_src,$(o)),$(o))$(if $(filter-out $(lastword $(objs)),$(o)),$(comma))))
	$(file >>$@,])

help:
	@echo "Lantern: a monolithic x86-64 kernel speaking the Linux system-call ABI"
	@echo
	@echo "  make [all]        build/vmlinux and the busybox initramfs"
	@echo "  make run          boot it in QEMU on this terminal (Ctrl-A X quits);"
	@echo "                    INITRD=<cpio>, APPEND=\"<kernel command line>\","
	@echo "                    ADD=<dir>: <dir> in /root and the tree's modules in /lib/modules"
	@echo "                    DISK=<image>: a virtio-blk disk (tools/mkdisk.sh builds one)"
	@echo "                    NET=1: a virtio-net NIC on QEMU user networking (restrict=on)"
	@echo "  make modules      the tree's modules (obj-m); M=<dir>: an external module"
	@echo "                    (make -C <tree> M=\$$PWD modules, as any module Makefile does)"
	@echo "  make modules_install   into INSTALL_MOD_PATH/lib/modules/<release>, with"
	@echo "                    modules.dep and the build link"
	@echo "  make extmod_build_install   INSTALL_MOD_PATH/lib/modules/<release>/build as a"
	@echo "                    directory of its own: what M= module builds need, no host paths"
	@echo "  make disk         build/disk-busybox.img, an ext2 root disk (ROOT=debian: Debian's)"
	@echo "  make debug        as run, halted, with a gdb stub"
	@echo "  make iso          build/lantern.iso, booted through GRUB (Multiboot2)"
	@echo "  make usr          build/usr/initramfs-tests.cpio, the user-space tests"
	@echo "  make test         unit, boot, user and scenario tests: \"N passed, N failed\""
	@echo "                    (tools/run-tests.sh FILTER runs a subset)"
	@echo "  make unit         the host unit tests alone"
	@echo "  make fuzz         fs/ext2 on mutated disk images, net/ on mutated frames, FUZZ_TIME=600 seconds each (host, clang)"
	@echo "  make check        warnings as errors (-Wmissing-prototypes too), shellcheck"
	@echo "  make bench        Lantern against Debian's Linux in identical VMs"
	@echo "  make bench BENCH_SET=smp  only the SMP scaling figure (-smp 1 and -smp 4)"
	@echo "  make compile_commands.json   compile commands for editors and clang tools"
	@echo "  make clean        remove build/"

ifneq ($(M),)
clean:
	@$(MODBUILD) M=$(abspath $(M)) __clean
else
clean:
	rm -rf $(BUILD)
	@$(MAKE) -s -C tools/testing/unit clean 2>/dev/null || true
	@$(MAKE) -s -C tools/testing/fuzz clean 2>/dev/null || true
endif

-include $(shell find $(BUILD) -type f -name '*.d' 2>/dev/null)
