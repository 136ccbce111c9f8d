package org.lvsh.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lvsh.output.Json;

/** The JSON keys the spec promises for capabilities, through the project's JSON writer. */
class CapabilitiesJsonTest {

    private static JsonNode json(String fixture) throws Exception {
        String text = Json.pretty(CapabilitiesParser.parse(Fixtures.read(fixture)));
        return Json.mapper().readTree(text);
    }

    @Test
    void testDriver() throws Exception {
        JsonNode root = json("test-default.xml");
        JsonNode host = root.get("host");
        assertTrue(host.get("uuid").isNull());
        assertEquals("i686", host.at("/cpu/arch").asText());
        assertEquals("[\"pae\",\"nonpae\"]", host.at("/cpu/features").toString());
        assertEquals(4, host.at("/cpu/pages/0/size_kib").asInt());
        assertTrue(host.at("/cpu/topology").isNull());
        assertEquals("[]", host.get("power_management").toString());
        assertTrue(host.get("iommu").isBoolean());
        assertTrue(host.get("migration").isNull());
        JsonNode cell = host.at("/topology/cells/0");
        assertTrue(cell.get("memory_kib").isIntegralNumber());
        assertEquals(2097152, cell.get("memory_kib").asLong());
        assertEquals("{\"id\":8,\"socket_id\":1,\"die_id\":0,\"cluster_id\":null,\"core_id\":0,\"siblings\":\"8\"}",
                host.at("/topology/cells/1/cpus/0").toString());
        assertEquals("{\"size_kib\":4,\"count\":524288}", cell.at("/pages/0").toString());
        assertEquals("{\"model\":\"testSecurity\",\"doi\":\"\",\"base_labels\":[]}",
                host.at("/secmodels/0").toString());
        JsonNode guest = root.at("/guests/0");
        assertEquals("hvm", guest.get("os_type").asText());
        assertEquals("i686", guest.get("arch").asText());
        assertEquals(32, guest.get("wordsize").asInt());
        assertTrue(guest.get("wordsize").isIntegralNumber());
        assertEquals("/usr/bin/test-hv", guest.get("emulator").asText());
        assertEquals("[{\"type\":\"test\",\"emulator\":null,\"machines\":[]}]", guest.get("domains").toString());
        assertEquals("{\"pae\":{},\"nonpae\":{}}", guest.get("features").toString());
    }

    @Test
    void qemuHost() throws Exception {
        JsonNode root = json("qemu-host.xml");
        JsonNode host = root.get("host");
        assertEquals("{\"sockets\":1,\"dies\":1,\"clusters\":null,\"cores\":2,\"threads\":1}",
                host.at("/cpu/topology").toString());
        assertEquals("{\"live\":true,\"uri_transports\":[\"tcp\",\"rdma\"]}", host.get("migration").toString());
        assertEquals("[{\"id\":0,\"value\":10}]", host.at("/topology/cells/0/distances").toString());
        assertEquals("{\"type\":\"kvm\",\"label\":\"+0:+0\"}", host.at("/secmodels/1/base_labels/0").toString());
        assertEquals("{\"name\":\"pc\",\"max_cpus\":255,\"canonical\":\"pc-i440fx-7.2\",\"deprecated\":false}",
                root.at("/guests/1/machines/1").toString());
        assertEquals("{\"default\":\"on\",\"toggle\":\"yes\"}", root.at("/guests/1/features/acpi").toString());
        assertEquals("{}", root.at("/guests/1/features/cpuselection").toString());
    }
}
