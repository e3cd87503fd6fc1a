// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the ACPI tables at boot: find the RSDP (from the boot loader, or
 * by scanning the BIOS areas as the specification allows), follow it to
 * the XSDT or RSDT, and pull out what the rest of the kernel needs:
 * the local and I/O APICs and the ISA interrupt overrides (MADT), the
 * power-off registers (FADT and the DSDT's \_S5 object), the reset
 * register, and the HPET.  Every table's checksum is verified; a table
 * that fails is ignored, never trusted.
 */
#include <linux/kernel.h>
#include <linux/acpi.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/bootparam.h>
#include <asm/page.h>

struct acpi_boot_info acpi_boot;
static const struct acpi_table_rsdp *acpi_rsdp;

static bool acpi_checksum_ok(const void *table, size_t len)
{
	const u8 *p = table;
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum == 0;
}

/* The RSDP lives on a 16-byte boundary in the EBDA's first KiB or in 0xE0000-0xFFFFF. */
static const struct acpi_table_rsdp *acpi_scan_rsdp(unsigned long start, unsigned long len)
{
	unsigned long p;

	for (p = start; p + sizeof(struct acpi_table_rsdp) <= start + len; p += 16) {
		const struct acpi_table_rsdp *r = __va(p);

		if (!memcmp(r->signature, "RSD PTR ", 8) && acpi_checksum_ok(r, 20))
			return r;
	}
	return NULL;
}

static const struct acpi_table_rsdp *acpi_find_rsdp(void)
{
	const struct acpi_table_rsdp *r;
	unsigned long ebda;

	if (boot_params.acpi_rsdp) {
		r = __va(boot_params.acpi_rsdp);
		if (!memcmp(r->signature, "RSD PTR ", 8) && acpi_checksum_ok(r, 20))
			return r;
	}
	ebda = (unsigned long)(*(const u16 *)__va(0x40e)) << 4;
	if (ebda >= 0x80000 && ebda < 0xa0000) {
		r = acpi_scan_rsdp(ebda, 1024);
		if (r)
			return r;
	}
	return acpi_scan_rsdp(0xe0000, 0x20000);
}

static const struct acpi_table_header *acpi_map_table(u64 phys)
{
	const struct acpi_table_header *t;

	/* Tables are found through the direct map of low memory. */
	if (!phys || phys >= (4ULL << 30))
		return NULL;
	t = __va(phys);
	if (t->length < sizeof(*t) || t->length > (1 << 20) ||
	    !acpi_checksum_ok(t, t->length)) {
		pr_warn("ACPI: table %.4s at %#llx fails its checksum; ignored\n",
			t->signature, phys);
		return NULL;
	}
	return t;
}

struct acpi_table_header *acpi_get_table(const char *sig)
{
	const struct acpi_table_header *root;
	bool xsdt;
	u32 i, n;

	if (!acpi_rsdp)
		return NULL;
	xsdt = acpi_rsdp->revision >= 2 && acpi_rsdp->xsdt_physical_address;
	root = acpi_map_table(xsdt ? acpi_rsdp->xsdt_physical_address :
				     acpi_rsdp->rsdt_physical_address);
	if (!root)
		return NULL;
	n = (root->length - sizeof(*root)) / (xsdt ? 8 : 4);
	for (i = 0; i < n; i++) {
		const u8 *entries = (const u8 *)(root + 1);
		u64 phys;
		const struct acpi_table_header *t;

		if (xsdt)
			memcpy(&phys, entries + i * 8, 8);
		else
			phys = *(const u32 *)(entries + i * 4);
		t = acpi_map_table(phys);
		if (t && !memcmp(t->signature, sig, 4))
			return (struct acpi_table_header *)t;
	}
	return NULL;
}

static void __init acpi_parse_madt(void)
{
	const struct acpi_table_madt *madt = (const void *)acpi_get_table("APIC");
	const u8 *p, *end;
	int i;

	for (i = 0; i < 16; i++)
		acpi_boot.isa_irq[i].gsi = i;	/* identity unless overridden */
	if (!madt) {
		pr_warn("ACPI: no MADT; assuming one CPU and the default APIC\n");
		acpi_boot.lapic_addr = 0xfee00000;
		acpi_boot.nr_cpus = 0;	/* setup_per_cpu_areas() counts the boot CPU alone */
		return;
	}
	acpi_boot.lapic_addr = madt->address;
	p = (const u8 *)(madt + 1);
	end = (const u8 *)madt + madt->header.length;
	while (p + sizeof(struct acpi_subtable_header) <= end) {
		const struct acpi_subtable_header *h = (const void *)p;

		if (h->length < 2 || p + h->length > end)
			break;
		switch (h->type) {
		case ACPI_MADT_TYPE_LOCAL_APIC: {
			const struct acpi_madt_local_apic *l = (const void *)h;

			/* Bit 0: enabled; a disabled entry is a CPU that is not there. */
			if (!(l->lapic_flags & 1))
				break;
			if (acpi_boot.nr_cpus < CONFIG_NR_CPUS)
				acpi_boot.cpu_apicid[acpi_boot.nr_cpus++] = l->id;
			else
				pr_warn("ACPI: more than %d CPUs; APIC id %u ignored\n",
					CONFIG_NR_CPUS, l->id);
			break;
		}
		case ACPI_MADT_TYPE_IO_APIC: {
			const struct acpi_madt_io_apic *io = (const void *)h;
			unsigned int n = acpi_boot.nr_ioapics;

			if (n < ARRAY_SIZE(acpi_boot.ioapic)) {
				acpi_boot.ioapic[n].id = io->id;
				acpi_boot.ioapic[n].addr = io->address;
				acpi_boot.ioapic[n].gsi_base = io->global_irq_base;
				acpi_boot.nr_ioapics++;
			}
			break;
		}
		case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE: {
			const struct acpi_madt_interrupt_override *o = (const void *)h;

			if (o->bus == 0 && o->source_irq < 16) {
				acpi_boot.isa_irq[o->source_irq].gsi = o->global_irq;
				acpi_boot.isa_irq[o->source_irq].flags = o->inti_flags;
				pr_info("ACPI: INT_SRC_OVR (bus 0 bus_irq %u global_irq %u %s %s)\n",
					o->source_irq, o->global_irq,
					(o->inti_flags & 3) == 3 ? "low" :
					(o->inti_flags & 3) == 1 ? "high" : "dfl",
					((o->inti_flags >> 2) & 3) == 3 ? "level" :
					((o->inti_flags >> 2) & 3) == 1 ? "edge" : "dfl");
			}
			break;
		}
		case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE: {
			const struct acpi_madt_local_apic_override *o = (const void *)h;

			acpi_boot.lapic_addr = o->address;
			break;
		}
		}
		p += h->length;
	}
	pr_info("ACPI: LAPIC at %#llx, %u CPU(s), %u I/O APIC(s)\n",
		acpi_boot.lapic_addr, acpi_boot.nr_cpus, acpi_boot.nr_ioapics);
}

/*
 * \_S5 is an AML package: NameOp "_S5_" PackageOp PkgLength NumElements
 * then SLP_TYPa and SLP_TYPb, each a BytePrefix+byte or a Zero/One op.
 */
static bool __init acpi_parse_s5(const struct acpi_table_header *dsdt)
{
	const u8 *p = (const u8 *)(dsdt + 1);
	const u8 *end = (const u8 *)dsdt + dsdt->length;
	u16 typ[2];
	int i;

	for (; p + 4 < end; p++) {
		if (memcmp(p, "_S5_", 4))
			continue;
		if (!(p[-1] == 0x08 || (p[-2] == 0x08 && p[-1] == '\\')))
			continue;
		p += 4;
		if (p >= end || *p++ != 0x12)		/* PackageOp */
			return false;
		p += ((*p >> 6) & 3) + 1;		/* PkgLength */
		p++;					/* NumElements */
		for (i = 0; i < 2; i++) {
			if (p >= end)
				return false;
			if (*p == 0x0a) {		/* BytePrefix */
				typ[i] = p[1];
				p += 2;
			} else {
				typ[i] = *p++;		/* ZeroOp / OneOp */
			}
		}
		acpi_boot.slp_typa_s5 = typ[0];
		acpi_boot.slp_typb_s5 = typ[1];
		return true;
	}
	return false;
}

static void __init acpi_parse_fadt(void)
{
	const struct acpi_table_fadt *fadt = (const void *)acpi_get_table("FACP");
	const struct acpi_table_header *dsdt;
	u64 dsdt_phys;

	if (!fadt)
		return;
	acpi_boot.pm1a_cnt = fadt->pm1a_control_block;
	acpi_boot.pm1b_cnt = fadt->pm1b_control_block;
	if (fadt->header.length >= 129 && (fadt->flags & ACPI_FADT_RESET_REGISTER)) {
		acpi_boot.reset_reg = fadt->reset_register;
		acpi_boot.reset_value = fadt->reset_value;
		acpi_boot.reset_valid = true;
	}
	dsdt_phys = fadt->dsdt;
	if (fadt->header.length >= 148 && fadt->xdsdt)
		dsdt_phys = fadt->xdsdt;
	dsdt = acpi_map_table(dsdt_phys);
	if (dsdt && acpi_parse_s5(dsdt))
		acpi_boot.s5_valid = true;
}

static void __init acpi_parse_hpet(void)
{
	const struct acpi_table_hpet *hpet = (const void *)acpi_get_table("HPET");

	if (hpet && hpet->address.space_id == 0)
		acpi_boot.hpet_addr = hpet->address.address;
}

void __init acpi_boot_table_init(void)
{
	acpi_rsdp = acpi_find_rsdp();
	if (!acpi_rsdp) {
		pr_warn("ACPI: no RSDP found; running without ACPI\n");
		acpi_parse_madt();
		return;
	}
	pr_info("ACPI: RSDP %#lx (v%02d %.6s)\n", __pa(acpi_rsdp),
		acpi_rsdp->revision, acpi_rsdp->oem_id);
	acpi_parse_madt();
	acpi_parse_fadt();
	acpi_parse_hpet();
}
