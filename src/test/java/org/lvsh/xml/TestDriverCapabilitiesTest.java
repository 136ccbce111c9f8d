package org.lvsh.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lvsh.model.Capabilities;
import org.lvsh.model.Capabilities.Cell;
import org.lvsh.model.Capabilities.CellPages;
import org.lvsh.model.Capabilities.Cpu;
import org.lvsh.model.Capabilities.Guest;
import org.lvsh.model.Capabilities.GuestDomain;
import org.lvsh.model.Capabilities.HostCpu;
import org.lvsh.model.Capabilities.PageSize;
import org.lvsh.model.Capabilities.SecModel;

/** test:///default's capabilities, captured with virsh (libvirt 9.0). */
class TestDriverCapabilitiesTest {
    private final Capabilities caps = CapabilitiesParser.parse(Fixtures.read("test-default.xml"));

    @Test
    void hostCpu() {
        HostCpu cpu = caps.host().cpu();
        assertEquals(new HostCpu("i686", null, null, null, null, null, null, null, List.of("pae", "nonpae"),
                List.of(new PageSize(4L), new PageSize(8L), new PageSize(2048L), new PageSize(1048576L))), cpu);
    }

    @Test
    void hostFacts() {
        assertNull(caps.host().uuid());
        assertEquals(List.of(), caps.host().powerManagement());
        assertEquals(Boolean.FALSE, caps.host().iommu());
        assertNull(caps.host().migration());
        assertNull(caps.host().cache());
        assertNull(caps.host().memoryBandwidth());
        assertEquals(List.of(new SecModel("testSecurity", "", List.of())), caps.host().secmodels());
    }

    @Test
    void numaCells() {
        List<Cell> cells = caps.host().topology().cells();
        assertEquals(2, cells.size());

        Cell first = cells.get(0);
        assertEquals(0, first.id());
        assertEquals(2097152L, first.memoryKib());
        assertEquals(List.of(new CellPages(4L, 524288L), new CellPages(2048L, 0L), new CellPages(1048576L, 0L)),
                first.pages());
        assertEquals(List.of(), first.distances());
        assertEquals(8, first.cpus().size());
        assertEquals(new Cpu(0, 0, 0, null, 0, "0"), first.cpus().get(0));
        assertEquals(new Cpu(7, 0, 0, null, 7, "7"), first.cpus().get(7));

        Cell second = cells.get(1);
        assertEquals(1, second.id());
        assertEquals(4194304L, second.memoryKib());
        assertEquals(List.of(new CellPages(8L, 524288L), new CellPages(2048L, 0L), new CellPages(1048576L, 0L)),
                second.pages());
        assertEquals(8, second.cpus().size());
        assertEquals(new Cpu(8, 1, 0, null, 0, "8"), second.cpus().get(0));
        assertEquals(new Cpu(15, 1, 0, null, 7, "15"), second.cpus().get(7));
    }

    @Test
    void guests() {
        Map<String, Map<String, String>> features = Map.of("pae", Map.of(), "nonpae", Map.of());
        List<GuestDomain> domains = List.of(new GuestDomain("test", null, List.of()));
        assertEquals(List.of(
                new Guest("hvm", "i686", 32, "/usr/bin/test-hv", null, List.of(), domains, features),
                new Guest("xen", "i686", 32, "/usr/bin/test-hv", null, List.of(), domains, features)),
                caps.guests());
        assertEquals(List.of("pae", "nonpae"), List.copyOf(caps.guests().get(0).features().keySet()));
    }

    @Test
    void everyCpuOnce() {
        List<Integer> ids = caps.host().topology().cells().stream()
                .flatMap(c -> c.cpus().stream()).map(Cpu::id).toList();
        assertEquals(16, ids.size());
        for (int i = 0; i < 16; i++) {
            assertEquals(i, ids.get(i));
        }
        assertFalse(caps.host().topology().cells().get(1).cpus().stream().anyMatch(c -> c.socketId() != 1));
    }
}
