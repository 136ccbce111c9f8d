package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/** --json: one document on stdout, the contract's keys, numbers as numbers, null for missing values. */
class JsonOutputTest {
    private static final String URI = "test:///default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String... command) throws Exception {
        String[] args = new String[command.length + 3];
        args[0] = "-c";
        args[1] = URI;
        args[2] = "--json";
        System.arraycopy(command, 0, args, 3, command.length);
        Result r = Run.lvsh(args);
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void nodeinfo() throws Exception {
        JsonNode n = json("nodeinfo");
        assertEquals(List.of("cpu_model", "cpus", "mhz", "sockets", "cores_per_socket", "threads_per_core",
                "numa_cells", "memory_kib"), keys(n));
        assertEquals("i686", n.get("cpu_model").asText());
        assertEquals(16, n.get("cpus").intValue());
        assertEquals(1400, n.get("mhz").intValue());
        assertEquals(2, n.get("sockets").intValue());
        assertEquals(2, n.get("cores_per_socket").intValue());
        assertEquals(2, n.get("threads_per_core").intValue());
        assertEquals(2, n.get("numa_cells").intValue());
        assertEquals(3145728L, n.get("memory_kib").longValue());
        assertTrue(n.get("memory_kib").isNumber());
    }

    @Test
    void freecellWithoutCellsIsTheHostTotal() throws Exception {
        JsonNode f = json("freecell");
        assertEquals(0, f.get("cells").size());
        assertEquals(3072, f.get("total_kib").longValue());
    }

    @Test
    void freecellOneCellAndAll() throws Exception {
        JsonNode one = json("freecell", "1");
        assertEquals(1, one.get("cells").size());
        assertEquals(1, one.get("cells").get(0).get("cell").intValue());
        assertEquals(4096, one.get("cells").get(0).get("free_kib").longValue());
        JsonNode all = json("freecell", "--all");
        assertEquals(2, all.get("cells").size());
        assertEquals(2048, all.get("cells").get(0).get("free_kib").longValue());
        assertEquals(6144, all.get("total_kib").longValue());
    }

    @Test
    void freepages() throws Exception {
        JsonNode all = json("freepages", "--all");
        assertEquals(2, all.get("cells").size());
        JsonNode cell1 = all.get("cells").get(1);
        assertEquals(1, cell1.get("cell").intValue());
        assertEquals(List.of("size_kib", "free"), keys(cell1.get("pages").get(0)));
        assertEquals(4, cell1.get("pages").get(0).get("size_kib").longValue());
        assertEquals(19, cell1.get("pages").get(0).get("free").longValue());
        assertEquals(1048576, cell1.get("pages").get(3).get("size_kib").longValue());
        assertEquals(201, cell1.get("pages").get(3).get("free").longValue());
    }

    @Test
    void version() throws Exception {
        JsonNode v = json("version");
        assertEquals("9.0.0", v.get("library").asText());
        assertEquals("TEST", v.get("api").get("driver").asText());
        assertEquals("9.0.0", v.get("api").get("version").asText());
        assertEquals("TEST", v.get("hypervisor").get("type").asText());
        assertEquals("0.0.2", v.get("hypervisor").get("version").asText());
        assertTrue(v.get("daemon").isNull());
        assertEquals("0.1.0", v.get("lvsh").asText());
        assertEquals("9.0.0", json("version", "--daemon").get("daemon").asText());
    }

    @Test
    void uriHostnameConnect() throws Exception {
        assertEquals("test:///default", json("uri").get("uri").asText());
        assertEquals("vm", json("hostname").get("hostname").asText());
        JsonNode c = json("connect", "test:///default", "--readonly");
        assertEquals("test:///default", c.get("uri").asText());
        assertTrue(c.get("readonly").booleanValue());
        assertTrue(c.get("encrypted").isBoolean());
        assertTrue(c.get("secure").isBoolean());
    }

    @Test
    void listAndDominfo() throws Exception {
        JsonNode list = json("list", "--all");
        assertEquals(1, list.size());
        JsonNode d = list.get(0);
        assertEquals(List.of("id", "name", "uuid", "state", "persistent", "autostart"), keys(d));
        assertEquals(1, d.get("id").intValue());
        assertEquals("test", d.get("name").asText());
        assertEquals("6695eb01-f6a4-8304-79aa-97f2502e193f", d.get("uuid").asText());
        assertEquals("running", d.get("state").asText());
        assertTrue(d.get("persistent").booleanValue());
        assertEquals(false, d.get("autostart").booleanValue());

        JsonNode info = json("dominfo", "test");
        assertEquals(1, info.get("id").intValue());
        assertEquals("linux", info.get("os_type").asText());
        assertEquals(2, info.get("vcpus").intValue());
        assertEquals(8388608, info.get("max_memory_kib").longValue());
        assertEquals(2097152, info.get("used_memory_kib").longValue());
        assertTrue(info.get("cpu_time_ns").isIntegralNumber());
        assertEquals("testSecurity", info.get("security").get("model").asText());
        assertEquals("", info.get("security").get("doi").asText());
        assertEquals("libvirt-test", info.get("security").get("label").asText());
    }

    @Test
    void errorsGoToStderrAsOneJsonLine() throws Exception {
        Result r = Run.lvsh("-c", URI, "dominfo", "nosuch", "--json");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals(1, r.err().split("\n").length);
        JsonNode e = JSON.readTree(r.err()).get("error");
        assertEquals("VIR_ERR_NO_DOMAIN", e.get("code").asText());
        assertEquals(42, e.get("number").intValue());
        assertEquals("VIR_FROM_TEST", e.get("domain").asText());
        assertEquals("failed to get domain 'nosuch'", e.get("message").asText());
    }

    @Test
    void lvshOwnErrorsHaveNullCodes() throws Exception {
        Result r = Run.lvsh("-c", URI, "--json", "freecell", "--all", "--cellno", "0");
        assertEquals(2, r.status());
        assertEquals("", r.out());
        JsonNode e = JSON.readTree(r.err()).get("error");
        assertTrue(e.get("code").isNull());
        assertTrue(e.get("domain").isNull());
        assertEquals("Options --all and --cellno are mutually exclusive", e.get("message").asText());
    }

    @Test
    void globalOptionErrorsAreJsonToo() throws Exception {
        for (String[] args : new String[][] {{"-c", URI, "--json", "-x", "list"}, {"-o", "json", "--bogus", "uri"}}) {
            Result r = Run.lvsh(args);
            assertEquals(2, r.status());
            assertEquals("", r.out());
            assertEquals(1, r.err().split("\n").length, r.err());
            JsonNode e = JSON.readTree(r.err()).get("error");
            assertTrue(e.get("code").isNull());
            assertTrue(e.get("message").asText().startsWith("unsupported option '-"), r.err());
        }
    }
}
