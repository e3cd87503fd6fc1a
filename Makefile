# Lantern: a monolithic x86-64 kernel speaking the Linux system-call ABI.
#
#   make            build build/vmlinux and the busybox initramfs (installs
#                   missing Debian packages as root)
#   make run        boot it in QEMU on this terminal (INITRD=, APPEND=)
#   make iso        build/lantern.iso, booted through GRUB
#   make debug      as run, halted, with a gdb stub on :1234
#   make test       host unit tests and boot tests; ends with "N passed, N failed"
#
# Each source directory has a Makefile fragment listing its objects in
# obj-y, as Kbuild does; this file only knows the list of directories.

.DEFAULT_GOAL := all

KERNELVERSION	:= 0.1.0
NAME		:= lantern
ARCH		:= x86
BUILD		:= build
HOSTCC		:= gcc
CC		:= gcc
LD		:= ld
OBJCOPY		:= objcopy
NM		:= nm

DEB_BUILD	:= gcc make binutils cpio
DEB_RUN		:= qemu-system-x86 grub-pc-bin grub-common xorriso mtools \
		   musl-tools busybox-static e2fsprogs linux-image-amd64

core-dirs := \
	arch/x86/boot arch/x86/entry arch/x86/kernel arch/x86/kernel/cpu \
	arch/x86/kernel/apic arch/x86/kernel/acpi arch/x86/lib arch/x86/mm \
	init kernel kernel/printk kernel/irq kernel/rcu kernel/time kernel/sched kernel/locking lib mm fs fs/proc fs/sysfs \
	drivers/tty drivers/tty/serial drivers/char drivers/base

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
	-Wall -Wextra -Wno-unused-parameter -Werror=implicit-function-declaration \
	-Iinclude -Iarch/x86/include -I$(BUILD)/include -include include/linux/kconfig.h \
	-DUTS_RELEASE=\"$(KERNELVERSION)\" -MMD -MP
KAFLAGS := -D__ASSEMBLY__ -Iinclude -Iarch/x86/include -I$(BUILD)/include -include include/linux/kconfig.h -MMD -MP
LDFLAGS := -nostdlib -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments

objs :=
define add_dir
obj-y :=
include $(1)/Makefile
objs += $$(addprefix $(BUILD)/$(1)/,$$(obj-y))
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

.PHONY: all deps run iso debug test unit bench clean FORCE
all: deps $(BUILD)/vmlinux $(BUILD)/initramfs-busybox.cpio.gz

# Checked once per build; cheap when everything is there.
deps:
	@scripts/deps.sh $(DEB_BUILD) $(DEB_RUN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -c $< -o $@

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

# GRUB path: the same vmlinux, loaded as Multiboot2 with an initramfs module.
ISO_INITRD ?= $(BUILD)/initramfs.cpio
$(BUILD)/%.iso: $(BUILD)/vmlinux tools/grub.cfg $(ISO_INITRD) FORCE
	@echo "  ISO     $@"
	@rm -rf $@.dir && mkdir -p $@.dir/boot/grub
	@cp $(BUILD)/vmlinux $@.dir/boot/vmlinux
	@cp $(ISO_INITRD) $@.dir/boot/initramfs.cpio
	@sed 's|@APPEND@|$(APPEND)|' tools/grub.cfg > $@.dir/boot/grub/grub.cfg
	@grub-mkrescue -o $@ $@.dir >$@.log 2>&1 || { cat $@.log; exit 1; }
FORCE:
iso: all $(BUILD)/lantern.iso

# Until user space arrives the initramfs holds a single marker file.
$(BUILD)/initramfs.cpio:
	@mkdir -p $(BUILD)/initramfs-root
	@echo "Lantern initramfs" > $(BUILD)/initramfs-root/README
	@cd $(BUILD)/initramfs-root && find . | cpio -o -H newc --quiet > ../initramfs.cpio

# `make run` boots busybox to a shell on the serial console (usr/busybox/);
# INITRD=build/usr/initramfs-tests.cpio boots the user-space test suite.
INITRD ?= $(BUILD)/initramfs-busybox.cpio.gz
APPEND ?= console=ttyS0
run: all $(INITRD)
	@tools/qemu-run.sh -kernel $(BUILD)/vmlinux -initrd "$(INITRD)" -append "$(APPEND)"

debug: all $(INITRD)
	@echo "Attach with:  gdb $(BUILD)/vmlinux -ex 'target remote :1234'"
	@tools/qemu-run.sh -s -S -kernel $(BUILD)/vmlinux -initrd "$(INITRD)" -append "$(APPEND)"

unit:
	@$(MAKE) -s -C tools/testing/unit run

include usr/Makefile.usr
include usr/Makefile.busybox

test: all $(BUILD)/initramfs.cpio
	@tools/run-tests.sh

# Lantern against Debian's Linux kernel in identical VMs (not part of test).
bench: all
	@tools/bench/run-bench.sh

clean:
	rm -rf $(BUILD)
	@$(MAKE) -s -C tools/testing/unit clean 2>/dev/null || true

-include $(shell find $(BUILD) -type f -name '*.d' 2>/dev/null)
