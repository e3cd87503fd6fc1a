#!/bin/sh
# Print the QEMU accelerator to use.  /dev/kvm exists on some machines
# without real hardware virtualization (the kvm_pvm module emulates guest
# kernel code thousands of times slower than TCG and breaks SYSCALL), so
# KVM is chosen only with vmx/svm in /proc/cpuinfo and no kvm_pvm.
# With several vCPUs on a 2-core host, single-threaded TCG is faster.
if [ -w /dev/kvm ] && grep -qwE 'vmx|svm' /proc/cpuinfo && [ ! -d /sys/module/kvm_pvm ]; then
	echo kvm
elif [ "${QEMU_SMP:-1}" -gt 1 ]; then
	echo tcg,thread=single
else
	echo tcg
fi
