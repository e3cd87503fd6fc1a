/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few ACPI tables the kernel reads at boot (ACPI 6.x specification,
 * chapter 5): the RSDP points at the RSDT/XSDT, which list the others by
 * signature.  MADT ("APIC") names the interrupt controllers; FADT
 * ("FACP") has the power-management registers; DSDT holds the AML with
 * the \_S5 sleep values used to power off.
 */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/kconfig.h>
#include <linux/types.h>

struct acpi_table_rsdp {
	char signature[8];		/* "RSD PTR " */
	u8 checksum;			/* first 20 bytes */
	char oem_id[6];
	u8 revision;			/* 0: ACPI 1.0, 2: 2.0+ */
	u32 rsdt_physical_address;
	u32 length;
	u64 xsdt_physical_address;
	u8 extended_checksum;		/* whole structure */
	u8 reserved[3];
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	char asl_compiler_id[4];
	u32 asl_compiler_revision;
} __packed;

struct acpi_generic_address {
	u8 space_id;			/* 0: memory, 1: I/O port */
	u8 bit_width;
	u8 bit_offset;
	u8 access_width;
	u64 address;
} __packed;

struct acpi_table_madt {
	struct acpi_table_header header;
	u32 address;			/* local APIC */
	u32 flags;			/* bit 0: also has dual 8259 PICs */
} __packed;

enum acpi_madt_type {
	ACPI_MADT_TYPE_LOCAL_APIC		= 0,
	ACPI_MADT_TYPE_IO_APIC			= 1,
	ACPI_MADT_TYPE_INTERRUPT_OVERRIDE	= 2,
	ACPI_MADT_TYPE_NMI_SOURCE		= 3,
	ACPI_MADT_TYPE_LOCAL_APIC_NMI		= 4,
	ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE	= 5,
};

struct acpi_subtable_header {
	u8 type;
	u8 length;
} __packed;

struct acpi_madt_local_apic {
	struct acpi_subtable_header header;
	u8 processor_id;
	u8 id;
	u32 lapic_flags;		/* bit 0: enabled */
} __packed;

struct acpi_madt_io_apic {
	struct acpi_subtable_header header;
	u8 id;
	u8 reserved;
	u32 address;
	u32 global_irq_base;
} __packed;

struct acpi_madt_interrupt_override {
	struct acpi_subtable_header header;
	u8 bus;				/* 0: ISA */
	u8 source_irq;
	u32 global_irq;
	u16 inti_flags;			/* polarity bits 0-1, trigger bits 2-3 */
} __packed;

struct acpi_madt_local_apic_override {
	struct acpi_subtable_header header;
	u16 reserved;
	u64 address;
} __packed;

/* The FADT fields we use, at their fixed offsets. */
struct acpi_table_fadt {
	struct acpi_table_header header;
	u32 facs;
	u32 dsdt;			/* offset 40 */
	u8 reserved0;
	u8 preferred_profile;
	u16 sci_interrupt;
	u32 smi_command;
	u8 acpi_enable;
	u8 acpi_disable;
	u8 s4_bios_request;
	u8 pstate_control;
	u32 pm1a_event_block;
	u32 pm1b_event_block;
	u32 pm1a_control_block;		/* offset 64 */
	u32 pm1b_control_block;
	u32 pm2_control_block;
	u32 pm_timer_block;
	u32 gpe0_block;
	u32 gpe1_block;
	u8 pm1_event_length;
	u8 pm1_control_length;
	u8 pm2_control_length;
	u8 pm_timer_length;
	u8 gpe0_block_length;
	u8 gpe1_block_length;
	u8 gpe1_base;
	u8 cst_control;
	u16 c2_latency;
	u16 c3_latency;
	u16 flush_size;
	u16 flush_stride;
	u8 duty_offset;
	u8 duty_width;
	u8 day_alarm;
	u8 month_alarm;
	u8 century;
	u16 boot_flags;			/* IA-PC boot architecture flags */
	u8 reserved1;
	u32 flags;			/* offset 112; bit 10: reset register supported */
	struct acpi_generic_address reset_register;	/* offset 116 */
	u8 reset_value;			/* offset 128 */
	u16 arm_boot_flags;
	u8 minor_revision;
	u64 xfacs;
	u64 xdsdt;			/* offset 140 */
} __packed;

struct acpi_table_hpet {
	struct acpi_table_header header;
	u32 id;
	struct acpi_generic_address address;
	u8 sequence;
	u16 minimum_tick;
	u8 flags;
} __packed;

#define ACPI_FADT_RESET_REGISTER	(1 << 10)

struct acpi_table_header *acpi_get_table(const char *signature);
void acpi_boot_table_init(void);

/* What boot-time parsing found, for the APIC and reboot code. */
struct acpi_boot_info {
	u64 lapic_addr;
	unsigned int nr_cpus;		/* enabled processor entries, up to CONFIG_NR_CPUS */
	u8 cpu_apicid[CONFIG_NR_CPUS];	/* their local APIC ids, in MADT order */
	unsigned int nr_ioapics;
	struct {
		u8 id;
		u32 addr;
		u32 gsi_base;
	} ioapic[8];
	/* ISA IRQ -> GSI and its polarity/trigger, after overrides. */
	struct {
		u32 gsi;
		u16 flags;
	} isa_irq[16];
	u16 pm1a_cnt, pm1b_cnt;		/* I/O ports; 0 if unknown */
	u16 slp_typa_s5, slp_typb_s5;
	bool s5_valid;
	u64 hpet_addr;
	struct acpi_generic_address reset_reg;
	u8 reset_value;
	bool reset_valid;
};

extern struct acpi_boot_info acpi_boot;

#endif
