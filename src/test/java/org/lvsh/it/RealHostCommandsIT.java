package org.lvsh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;
import org.lvsh.support.TestDaemon;

/**
 * Host commands against a real libvirtd (QEMU driver) over its unix socket, compared with virsh on the same URI.
 * Free memory and free pages move between two calls: those are compared by layout, and by value within a margin.
 */
class RealHostCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private static TestDaemon daemon;
    private static String uri;

    @BeforeAll
    static void daemon() {
        daemon = TestDaemon.get();
        uri = daemon.socketUri();
    }

    private static Result lvsh(String... args) {
        List<String> argv = new ArrayList<>(List.of("-c", uri));
        argv.addAll(List.of(args));
        return Run.lvsh(argv.toArray(String[]::new));
    }

    private static Result virsh(String command) {
        Result r = Run.virsh("-c", uri, command);
        assertEquals(0, r.status(), "virsh " + command + ": " + r.err());
        return r;
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("--json"));
        argv.addAll(List.of(args));
        Result r = lvsh(argv.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nodeinfo", "uri", "hostname"})
    void sameTextAsVirsh(String command) {
        Result virsh = virsh(command);
        Result lvsh = lvsh(command);
        assertEquals(virsh.out(), lvsh.out());
        assertEquals("", lvsh.err());
        assertEquals(0, lvsh.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "version --daemon"})
    void versionIsVirshsButTheFirstLine(String command) {
        Result virsh = virsh(command);
        Result lvsh = lvsh(command.split(" "));
        assertEquals(0, lvsh.status(), lvsh.err());
        // by design: lvsh is not compiled against libvirt's headers but binds through libvirt-java
        assertTrue(lvsh.lines().get(0).startsWith("Compiled against library: libvirt-java "), lvsh.out());
        assertEquals(virsh.lines().subList(1, virsh.lines().size()), lvsh.lines().subList(1, lvsh.lines().size()));
        assertEquals(command.endsWith("--daemon"), lvsh.out().contains("\nRunning against daemon: "), lvsh.out());
        assertTrue(lvsh.out().contains("\nRunning hypervisor: QEMU "), lvsh.out());
    }

    @Test
    void capabilitiesXmlIsTheDaemonsDocument() {
        Result lvsh = lvsh("capabilities", "--xml");
        assertEquals(0, lvsh.status(), lvsh.err());
        assertEquals(virsh("capabilities").out(), lvsh.out());
    }

    @Test
    void capabilitiesParsedFromTheRealDaemon() throws Exception {
        String xml = virsh("capabilities").out();
        JsonNode caps = json("capabilities");
        JsonNode host = caps.get("host");
        assertEquals(capture(xml, "<uuid>([^<]+)</uuid>"), host.get("uuid").asText());
        assertEquals(capture(xml, "<cpu>\\s*<arch>([^<]+)</arch>"), host.get("cpu").get("arch").asText());
        JsonNode cells = host.get("topology").get("cells");
        assertEquals(Integer.parseInt(capture(xml, "<cells num='(\\d+)'>")), cells.size());
        assertEquals(Long.parseLong(capture(xml, "<memory unit='KiB'>(\\d+)</memory>")),
                cells.get(0).get("memory_kib").asLong());
        assertTrue(cells.get(0).get("memory_kib").isNumber());
        Matcher guests = Pattern.compile("<guest>").matcher(xml);
        int n = 0;
        while (guests.find()) {
            n++;
        }
        assertEquals(n, caps.get("guests").size());
        Set<String> arches = new LinkedHashSet<>();
        for (JsonNode g : caps.get("guests")) {
            arches.add(g.get("arch").asText());
            assertEquals("hvm", g.get("os_type").asText());
            assertTrue(g.get("wordsize").isNumber());
            assertTrue(g.get("emulator").asText().startsWith("/"), g.toString());
            assertFalse(g.get("machines").isEmpty(), g.toString());
            assertTrue(g.get("domains").findValuesAsText("type").contains("qemu"), g.toString());
        }
        assertTrue(arches.contains("x86_64"), arches.toString());
        Result text = lvsh("capabilities");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().startsWith("Host:\nUUID:                " + host.get("uuid").asText() + "\n"),
                text.out());
    }

    @Test
    void nodeinfoJsonHasVirshsValues() throws Exception {
        String virsh = virsh("nodeinfo").out();
        JsonNode n = json("nodeinfo");
        assertEquals(List.of("cpu_model", "cpus", "mhz", "sockets", "cores_per_socket", "threads_per_core",
                "numa_cells", "memory_kib"), fields(n));
        assertEquals(field(virsh, "CPU model"), n.get("cpu_model").asText());
        assertEquals(Long.parseLong(field(virsh, "CPU\\(s\\)")), n.get("cpus").asLong());
        assertEquals(Long.parseLong(field(virsh, "CPU frequency").replace(" MHz", "")), n.get("mhz").asLong());
        assertEquals(Long.parseLong(field(virsh, "CPU socket\\(s\\)")), n.get("sockets").asLong());
        assertEquals(Long.parseLong(field(virsh, "Core\\(s\\) per socket")), n.get("cores_per_socket").asLong());
        assertEquals(Long.parseLong(field(virsh, "Thread\\(s\\) per core")), n.get("threads_per_core").asLong());
        assertEquals(Long.parseLong(field(virsh, "NUMA cell\\(s\\)")), n.get("numa_cells").asLong());
        assertEquals(Long.parseLong(field(virsh, "Memory size").replace(" KiB", "")), n.get("memory_kib").asLong());
        for (String key : List.of("cpus", "mhz", "sockets", "cores_per_socket", "threads_per_core", "numa_cells",
                "memory_kib")) {
            assertTrue(n.get(key).isIntegralNumber(), key);
        }
    }

    @Test
    void uriHostnameVersionJson() throws Exception {
        assertEquals(uri, json("uri").get("uri").asText());
        assertEquals(List.of("uri"), fields(json("uri")));
        assertEquals(virsh("hostname").out().trim(), json("hostname").get("hostname").asText());
        assertEquals(List.of("hostname"), fields(json("hostname")));
        String virsh = virsh("version --daemon").out();
        JsonNode v = json("version", "--daemon");
        assertTrue(fields(v).containsAll(List.of("library", "api", "hypervisor", "daemon", "lvsh")), v.toString());
        assertEquals(field(virsh, "Using library").replace("libvirt ", ""), v.get("library").asText());
        assertEquals(field(virsh, "Using API"), v.get("api").get("driver").asText() + " "
                + v.get("api").get("version").asText());
        assertEquals(field(virsh, "Running hypervisor"), v.get("hypervisor").get("type").asText() + " "
                + v.get("hypervisor").get("version").asText());
        assertEquals("QEMU", v.get("hypervisor").get("type").asText());
        assertEquals(field(virsh, "Running against daemon"), v.get("daemon").asText());
        assertTrue(json("version").get("daemon").isNull(), "no --daemon: daemon is null");
    }

    // ---- free memory and pages: they move between calls ----------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"freecell", "freecell --all", "freecell 0", "freecell --cellno 0"})
    void freecellLikeVirsh(String command) {
        Result virsh = virsh(command);
        Result lvsh = lvsh(command.split(" "));
        assertEquals(0, lvsh.status(), lvsh.err());
        assertEquals("", lvsh.err());
        sameLayoutCloseValues(virsh.out(), lvsh.out());
    }

    @Test
    void freepagesOfEachHostPageSizeLikeVirsh() {
        List<String> sizes = hostPageSizesKib();
        assertFalse(sizes.isEmpty(), "capabilities list no page sizes");
        for (String size : sizes) {
            String command = "freepages --cellno 0 --pagesize " + size;
            Result virsh = virsh(command);
            Result lvsh = lvsh(command.split(" "));
            assertEquals(0, lvsh.status(), command + ": " + lvsh.err());
            assertTrue(lvsh.out().startsWith(size + "KiB: "), lvsh.out());
            sameLayoutCloseValues(virsh.out(), lvsh.out());
        }
        // the same page size spelt in bytes-ish units
        Result lvsh = lvsh("freepages", "--cellno", "0", "--pagesize", "4K");
        sameLayoutCloseValues(virsh("freepages --cellno 0 --pagesize 4").out(), lvsh.out());
    }

    // ---- host statistics of a real host ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"maxvcpus", "maxvcpus --type kvm", "maxvcpus qemu", "nodecpumap", "nodecpumap --pretty"})
    void hostFactsLikeVirsh(String command) {
        assertEquals(virsh(command).out(), lvsh(command.split(" ")).out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nodememstats", "nodememstats 0", "nodememstats --cell 0", "nodecpustats",
        "nodecpustats --cpu 0", "nodecpustats 0"})
    void hostStatisticsLikeVirsh(String command) {
        Result virsh = virsh(command);
        Result lvsh = lvsh(command.split(" "));
        assertEquals(0, lvsh.status(), lvsh.err());
        assertEquals("", lvsh.err());
        sameLayoutCloseValues(virsh.out(), lvsh.out());
    }

    /** A real host's CPU times move: shares over one second, virsh's lines, adding up. */
    @Test
    void cpuPercentagesOfARealHost() throws Exception {
        Result virsh = virsh("nodecpustats --percent");
        Result lvsh = lvsh("nodecpustats", "--percent");
        assertEquals(0, lvsh.status(), lvsh.err());
        java.util.function.Function<String, String> labels = t -> t.replaceAll(" +\\d+\\.\\d%", " P%");
        assertEquals(labels.apply(virsh.out()), labels.apply(lvsh.out()));
        JsonNode pct = json("nodecpustats", "--percent");
        double sum = pct.get("user_pct").asDouble() + pct.get("system_pct").asDouble() + pct.get("idle_pct").asDouble()
                + pct.get("iowait_pct").asDouble() + (pct.get("intr_pct").isNull() ? 0 : pct.get("intr_pct").asDouble());
        assertEquals(100.0, sum, 0.01);
        assertEquals(pct.get("user_pct").asDouble() + pct.get("system_pct").asDouble(),
                pct.get("usage_pct").asDouble(), 0.01);
    }

    @Test
    void memoryStatisticsJsonHasVirshsFields() throws Exception {
        JsonNode m = json("nodememstats");
        List<String> keys = new ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        List<String> expected = new ArrayList<>();
        for (String line : virsh("nodememstats").out().split("\n")) {
            if (!line.isBlank()) {
                expected.add(line.substring(0, line.indexOf(':')).strip() + "_kib");
            }
        }
        assertEquals(expected, keys);
        assertTrue(m.get("total_kib").isNumber());
    }

    /** sysinfo needs the host's SMBIOS data: where virsh has it, the same document; where not, its reason. */
    @Test
    void sysinfoOfARealHost() throws Exception {
        Result virsh = Run.virsh("-c", uri, "sysinfo");
        Result xml = lvsh("sysinfo", "--xml");
        if (virsh.status() == 0) {
            assertEquals(virsh.out(), xml.out());
            assertEquals(0, lvsh("sysinfo").status());
            assertEquals("smbios", json("sysinfo").get("type").asText());
        } else {
            String[] reason = virsh.err().split("\n");
            assertEquals(reason[0] + ": " + reason[1].substring("error: ".length()) + "\n", xml.err());
            assertEquals(1, xml.status());
        }
    }

    @Test
    void freepagesAllLikeVirsh() {
        Result virsh = virsh("freepages --all");
        Result lvsh = lvsh("freepages", "--all");
        assertEquals(0, lvsh.status(), lvsh.err());
        assertTrue(lvsh.out().startsWith("Node 0:\n"), lvsh.out());
        sameLayoutCloseValues(virsh.out(), lvsh.out());
    }

    @Test
    void freecellJson() throws Exception {
        JsonNode all = json("freecell", "--all");
        assertEquals(List.of("cells", "total_kib"), fields(all));
        int cells = Integer.parseInt(field(virsh("nodeinfo").out(), "NUMA cell\\(s\\)"));
        assertEquals(cells, all.get("cells").size());
        long sum = 0;
        for (int i = 0; i < cells; i++) {
            JsonNode c = all.get("cells").get(i);
            assertEquals(List.of("cell", "free_kib"), fields(c));
            assertEquals(i, c.get("cell").asInt());
            assertTrue(c.get("free_kib").isIntegralNumber() && c.get("free_kib").asLong() > 0, c.toString());
            sum += c.get("free_kib").asLong();
        }
        assertEquals(sum, all.get("total_kib").asLong());
        JsonNode one = json("freecell", "0");
        assertEquals(1, one.get("cells").size());
        assertEquals(0, one.get("cells").get(0).get("cell").asInt());
        close(parseKib(virsh("freecell 0").out()), one.get("cells").get(0).get("free_kib").asLong());
        JsonNode host = json("freecell");
        assertEquals(0, host.get("cells").size(), "no cell asked: the host total only");
        close(parseKib(virsh("freecell").out()), host.get("total_kib").asLong());
    }

    @Test
    void freepagesJson() throws Exception {
        List<String> sizes = hostPageSizesKib();
        JsonNode all = json("freepages", "--all");
        assertEquals(List.of("cells"), fields(all));
        JsonNode cell0 = all.get("cells").get(0);
        assertEquals(List.of("cell", "pages"), fields(cell0));
        assertEquals(0, cell0.get("cell").asInt());
        List<String> seen = new ArrayList<>();
        for (JsonNode p : cell0.get("pages")) {
            assertEquals(List.of("size_kib", "free"), fields(p));
            assertTrue(p.get("size_kib").isIntegralNumber() && p.get("free").isIntegralNumber(), p.toString());
            seen.add(p.get("size_kib").asText());
        }
        assertEquals(sizes, seen);
        JsonNode one = json("freepages", "--cellno", "0", "--pagesize", sizes.get(0));
        assertEquals(1, one.get("cells").size());
        JsonNode pages = one.get("cells").get(0).get("pages");
        assertEquals(1, pages.size());
        assertEquals(Long.parseLong(sizes.get(0)), pages.get(0).get("size_kib").asLong());
        String virsh = virsh("freepages --cellno 0 --pagesize " + sizes.get(0)).out();
        close(Long.parseLong(virsh.trim().replaceAll(".*: ", "")), pages.get(0).get("free").asLong());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Page sizes (KiB) of the host CPU in virsh's capabilities, in document order. */
    private static List<String> hostPageSizesKib() {
        String xml = virsh("capabilities").out();
        String cpu = xml.substring(xml.indexOf("<cpu>"), xml.indexOf("</cpu>"));
        List<String> sizes = new ArrayList<>();
        Matcher m = Pattern.compile("<pages unit='KiB' size='(\\d+)'/>").matcher(cpu);
        while (m.find()) {
            sizes.add(m.group(1));
        }
        return sizes;
    }

    /**
     * Same text once numbers are blanked, same line widths where the numbers have the same widths (virsh pads some
     * to a fixed width), and each number within 10% (at least 64 MiB, or 65536 pages) of virsh's.
     */
    private static void sameLayoutCloseValues(String virsh, String lvsh) {
        assertEquals(NUMBER.matcher(virsh).replaceAll("N").replaceAll(" +N", " N"),
                NUMBER.matcher(lvsh).replaceAll("N").replaceAll(" +N", " N"), "layout\nvirsh:\n" + virsh
                + "lvsh:\n" + lvsh);
        String[] v = virsh.split("\n", -1);
        String[] l = lvsh.split("\n", -1);
        assertEquals(v.length, l.length);
        for (int i = 0; i < v.length; i++) {
            List<Long> vn = numbers(v[i]);
            List<Long> ln = numbers(l[i]);
            assertEquals(vn.size(), ln.size());
            if (digits(vn) == digits(ln)) { // numbers of the same widths: the same padding
                assertEquals(v[i].length(), l[i].length(), "line width\nvirsh: " + v[i] + "\nlvsh:  " + l[i]);
            }
            for (int j = 0; j < vn.size(); j++) {
                close(vn.get(j), ln.get(j));
            }
        }
    }

    private static int digits(List<Long> numbers) {
        return numbers.stream().mapToInt(n -> Long.toString(n).length()).sum();
    }

    private static void close(long expected, long actual) {
        long margin = Math.max(65536, expected / 10);
        assertTrue(Math.abs(expected - actual) <= margin, "expected about " + expected + " but was " + actual);
    }

    private static List<Long> numbers(String s) {
        List<Long> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) {
            out.add(Long.parseLong(m.group()));
        }
        return out;
    }

    private static long parseKib(String virshLine) {
        return Long.parseLong(capture(virshLine, "(\\d+) KiB"));
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** The value of a virsh "Label:   value" line. */
    private static String field(String text, String labelRegex) {
        return capture(text, "(?m)^" + labelRegex + ":\\s+(.+)$");
    }

    private static String capture(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "/" + regex + "/ not in:\n" + text);
        return m.group(1);
    }
}
