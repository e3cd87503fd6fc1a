/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_ACPI_H
#define _ASM_X86_ACPI_H

#include <linux/acpi.h>

#endif
