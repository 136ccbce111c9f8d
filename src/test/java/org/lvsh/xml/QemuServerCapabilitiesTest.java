package org.lvsh.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsh.model.Capabilities;
import org.lvsh.model.Capabilities.BandwidthNode;
import org.lvsh.model.Capabilities.BaseLabel;
import org.lvsh.model.Capabilities.CacheBank;
import org.lvsh.model.Capabilities.CacheControl;
import org.lvsh.model.Capabilities.Cell;
import org.lvsh.model.Capabilities.CellPages;
import org.lvsh.model.Capabilities.Cpu;
import org.lvsh.model.Capabilities.CpuTopology;
import org.lvsh.model.Capabilities.Distance;
import org.lvsh.model.Capabilities.Guest;
import org.lvsh.model.Capabilities.Machine;
import org.lvsh.model.Capabilities.SecModel;

/** The hand-written dual-socket server (qemu-numa-server.xml): two cells, hyper-threads, resctrl. */
class QemuServerCapabilitiesTest {
    private final Capabilities caps = CapabilitiesParser.parse(Fixtures.read("qemu-numa-server.xml"));

    @Test
    void hostCpu() {
        assertEquals("Skylake-Server-IBRS", caps.host().cpu().model());
        assertEquals("Intel", caps.host().cpu().vendor());
        assertEquals(33583110L, caps.host().cpu().microcode());
        assertEquals(new CpuTopology(1, 1, null, 8, 2), caps.host().cpu().topology());
        assertEquals(34, caps.host().cpu().features().size());
        assertEquals("pschange-mc-no", caps.host().cpu().features().get(33));
    }

    @Test
    void hostFacts() {
        assertEquals("4c4c4544-0047-3510-8052-b4c04f4b4e32", caps.host().uuid());
        assertEquals(List.of("suspend_mem", "suspend_disk", "suspend_hybrid"), caps.host().powerManagement());
        assertEquals(Boolean.TRUE, caps.host().iommu());
        assertEquals(List.of(new SecModel("none", "0", List.of()), new SecModel("dac", "0",
                        List.of(new BaseLabel("kvm", "+64055:+64055"), new BaseLabel("qemu", "+64055:+64055")))),
                caps.host().secmodels());
    }

    @Test
    void cellsWithHyperThreads() {
        List<Cell> cells = caps.host().topology().cells();
        assertEquals(2, cells.size());
        Cell first = cells.get(0);
        assertEquals(48911820L, first.memoryKib());
        assertEquals(List.of(new CellPages(4L, 11965811L), new CellPages(2048L, 512L), new CellPages(1048576L, 0L)),
                first.pages());
        assertEquals(List.of(new Distance(0, 10), new Distance(1, 21)), first.distances());
        assertEquals(16, first.cpus().size());
        assertEquals(new Cpu(0, 0, 0, null, 0, "0,16"), first.cpus().get(0));
        assertEquals(new Cpu(7, 0, 0, null, 10, "7,23"), first.cpus().get(7));
        assertEquals(new Cpu(16, 0, 0, null, 0, "0,16"), first.cpus().get(8));

        Cell second = cells.get(1);
        assertEquals(49541392L, second.memoryKib());
        assertEquals(List.of(new CellPages(4L, 11336772L), new CellPages(2048L, 0L), new CellPages(1048576L, 4L)),
                second.pages());
        assertEquals(List.of(new Distance(0, 21), new Distance(1, 10)), second.distances());
        assertEquals(new Cpu(13, 1, 0, null, 8, "13,29"), second.cpus().get(5));
        assertEquals(new Cpu(31, 1, 0, null, 10, "15,31"), second.cpus().get(15));
    }

    @Test
    void resourceControl() {
        CacheControl control = new CacheControl(1024L, null, "both", 16);
        assertEquals(List.of(new CacheBank(0, 3, "both", 11264L, "0-7,16-23", List.of(control)),
                new CacheBank(1, 3, "both", 11264L, "8-15,24-31", List.of(control))), caps.host().cache().banks());
        assertEquals(List.of(new BandwidthNode(0, "0-7,16-23", 10, 10, 8), new BandwidthNode(1, "8-15,24-31", 10, 10, 8)),
                caps.host().memoryBandwidth().nodes());
    }

    @Test
    void x86Guest() {
        Guest g = caps.guests().get(1);
        assertEquals("x86_64", g.arch());
        assertEquals(20, g.machines().size());
        assertEquals(new Machine("q35", 288, "pc-q35-7.2", false), g.machines().get(3));
        assertEquals(new Machine("pc-i440fx-1.4", 255, null, true), g.machines().get(16));
        assertEquals(new Machine("x-remote", 1, null, false), g.machines().get(19));
        assertEquals(List.of("acpi", "apic", "cpuselection", "deviceboot", "disksnapshot"),
                List.copyOf(g.features().keySet()));
    }
}
