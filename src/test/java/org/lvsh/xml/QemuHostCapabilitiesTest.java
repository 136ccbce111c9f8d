package org.lvsh.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lvsh.model.Capabilities;
import org.lvsh.model.Capabilities.BaseLabel;
import org.lvsh.model.Capabilities.CacheBank;
import org.lvsh.model.Capabilities.Cell;
import org.lvsh.model.Capabilities.CellPages;
import org.lvsh.model.Capabilities.Counter;
import org.lvsh.model.Capabilities.Cpu;
import org.lvsh.model.Capabilities.CpuTopology;
import org.lvsh.model.Capabilities.Distance;
import org.lvsh.model.Capabilities.Guest;
import org.lvsh.model.Capabilities.GuestDomain;
import org.lvsh.model.Capabilities.HostCpu;
import org.lvsh.model.Capabilities.Machine;
import org.lvsh.model.Capabilities.MaxPhysAddr;
import org.lvsh.model.Capabilities.Migration;
import org.lvsh.model.Capabilities.PageSize;
import org.lvsh.model.Capabilities.SecModel;
import org.lvsh.model.Capabilities.Signature;

/** A real libvirtd 9.0 with QEMU 7.2 (Debian 12, an AMD guest VM without nested KVM), captured with virsh. */
class QemuHostCapabilitiesTest {
    private final Capabilities caps = CapabilitiesParser.parse(Fixtures.read("qemu-host.xml"));

    @Test
    void hostCpu() {
        HostCpu cpu = caps.host().cpu();
        assertEquals("x86_64", cpu.arch());
        assertEquals("kvm64", cpu.model());
        assertEquals("AMD", cpu.vendor());
        assertEquals(16777317L, cpu.microcode());
        assertEquals(new Signature(25, 17, 1), cpu.signature());
        assertEquals(new Counter("tsc", 2596158000L, false), cpu.counter());
        assertEquals(new CpuTopology(1, 1, null, 2, 1), cpu.topology());
        assertEquals(new MaxPhysAddr("emulate", 48), cpu.maxPhysAddr());
        assertEquals(72, cpu.features().size());
        assertEquals(List.of("vme", "ht", "pclmuldq"), cpu.features().subList(0, 3));
        assertEquals("avx512f", cpu.features().get(28));
        assertEquals("xsaveerptr", cpu.features().get(71));
        assertEquals(List.of(new PageSize(4L), new PageSize(2048L), new PageSize(1048576L)), cpu.pages());
    }

    @Test
    void hostFacts() {
        assertEquals("6b02b00d-a256-49a6-b1ec-74beee5e1eef", caps.host().uuid());
        assertEquals(List.of(), caps.host().powerManagement());
        assertEquals(Boolean.FALSE, caps.host().iommu());
        assertEquals(new Migration(true, List.of("tcp", "rdma")), caps.host().migration());
        assertEquals(List.of(new CacheBank(0, 3, "both", 32768L, "0-1", List.of())), caps.host().cache().banks());
        assertEquals(null, caps.host().memoryBandwidth());
        assertEquals(List.of(new SecModel("none", "0", List.of()),
                new SecModel("dac", "0", List.of(new BaseLabel("kvm", "+0:+0"), new BaseLabel("qemu", "+0:+0")))),
                caps.host().secmodels());
    }

    @Test
    void numaCell() {
        assertEquals(List.of(new Cell(0, 4286680L,
                        List.of(new Cpu(0, 0, 0, null, 0, "0"), new Cpu(1, 0, 0, null, 1, "1")),
                        List.of(new CellPages(4L, 1071670L), new CellPages(2048L, 0L), new CellPages(1048576L, 0L)),
                        List.of(new Distance(0, 10)))),
                caps.host().topology().cells());
    }

    @Test
    void i686Guest() {
        Guest g = caps.guests().get(0);
        assertEquals("hvm", g.osType());
        assertEquals("i686", g.arch());
        assertEquals(32, g.wordsize());
        assertEquals("/usr/bin/qemu-system-i386", g.emulator());
        assertEquals(null, g.loader());
        assertEquals(List.of(new GuestDomain("qemu", null, List.of()), new GuestDomain("kvm", null, List.of())),
                g.domains());
        Map<String, Map<String, String>> features = new LinkedHashMap<>();
        features.put("pae", Map.of());
        features.put("nonpae", Map.of());
        features.putAll(x86Features());
        assertEquals(features, g.features());
        assertEquals(List.copyOf(features.keySet()), List.copyOf(g.features().keySet()));
        assertMachines(g.machines());
    }

    @Test
    void x86Guest() {
        assertEquals(2, caps.guests().size());
        Guest g = caps.guests().get(1);
        assertEquals("hvm", g.osType());
        assertEquals("x86_64", g.arch());
        assertEquals(64, g.wordsize());
        assertEquals("/usr/bin/qemu-system-x86_64", g.emulator());
        assertEquals(List.of("qemu", "kvm"), g.domains().stream().map(GuestDomain::type).toList());
        assertEquals(x86Features(), g.features());
        assertMachines(g.machines());
    }

    private static Map<String, Map<String, String>> x86Features() {
        Map<String, Map<String, String>> f = new LinkedHashMap<>();
        f.put("acpi", Map.of("default", "on", "toggle", "yes"));
        f.put("apic", Map.of("default", "on", "toggle", "no"));
        f.put("cpuselection", Map.of());
        f.put("deviceboot", Map.of());
        f.put("disksnapshot", Map.of("default", "on", "toggle", "no"));
        return f;
    }

    private static void assertMachines(List<Machine> machines) {
        assertEquals(60, machines.size());
        assertEquals(new Machine("pc-i440fx-7.2", 255, null, false), machines.get(0));
        assertEquals(new Machine("pc", 255, "pc-i440fx-7.2", false), machines.get(1));
        assertEquals(new Machine("pc-q35-5.2", 288, null, false), machines.get(2));
        assertEquals(new Machine("x-remote", 1, null, false), machines.get(19));
        assertEquals(new Machine("q35", 288, "pc-q35-7.2", false), machines.get(49));
        assertEquals(new Machine("pc-q35-2.11", 288, null, false), machines.get(59));
        assertEquals(List.of("pc-i440fx-1.5", "pc-i440fx-1.7", "pc-i440fx-1.4", "pc-i440fx-1.6"),
                machines.stream().filter(Machine::deprecated).map(Machine::name).toList());
        assertEquals(List.of("pc", "q35"),
                machines.stream().filter(m -> m.canonical() != null).map(Machine::name).toList());
    }
}
