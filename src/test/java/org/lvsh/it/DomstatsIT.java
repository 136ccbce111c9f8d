package org.lvsh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lvsh.support.Project;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;
import org.lvsh.support.TestDaemon;

/**
 * domstats on a real libvirtd (QEMU driver) with a running TCG guest and a shut-off one: the same fields as
 * virsh, the values that do not move equal, JSON that holds the text's values, and one bulk call however many
 * domains there are (RPCs counted in libvirt's client log).
 */
class DomstatsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALL = "virNetClientCallNew";

    private static TestDaemon daemon;
    private static String uri;
    private static String running;
    private static String off;

    @BeforeAll
    static void guests() {
        daemon = TestDaemon.get();
        uri = daemon.socketUri();
        running = daemon.defineAndStart(TestDaemon.uniqueName("st-run"));
        off = daemon.define(TestDaemon.uniqueName("st-off"));
    }

    @AfterAll
    static void cleanUp() {
        if (daemon != null) {
            daemon.remove(running, off);
        }
    }

    private static Result lvsh(String... args) {
        List<String> argv = new ArrayList<>(List.of("-c", uri, "domstats"));
        argv.addAll(List.of(args));
        return Run.lvsh(argv.toArray(String[]::new));
    }

    private static Result virsh(String... args) {
        List<String> argv = new ArrayList<>(List.of("-c", uri, "domstats"));
        argv.addAll(List.of(args));
        return Run.virsh(argv.toArray(String[]::new));
    }

    /** One domain's "  key=value" lines, in order. */
    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String l : text.split("\n")) {
            if (l.startsWith("  ")) {
                int eq = l.indexOf('=');
                fields.put(l.substring(2, eq), l.substring(eq + 1));
            }
        }
        return fields;
    }

    @Test
    void theStateIsVirshsByteForByte() {
        for (String name : List.of(running, off)) {
            Result v = virsh("--state", name);
            Result l = lvsh("--state", name);
            assertEquals(0, v.status(), v.err());
            assertEquals(v.out(), l.out());
            assertEquals(0, l.status(), l.err());
        }
        Result v = virsh("--state", "--raw", off, running, off);
        assertEquals(v.out(), lvsh("--state", "--raw", off, running, off).out());
    }

    @Test
    void everyGroupHasVirshsFieldsAndTheStableValues() {
        for (String group : List.of("", "--state", "--cpu-total", "--balloon", "--vcpu", "--interface", "--block",
                "--perf", "--iothread", "--memory", "--dirtyrate", "--vm")) {
            for (String name : List.of(running, off)) {
                List<String> args = new ArrayList<>();
                if (!group.isEmpty()) {
                    args.add(group);
                }
                args.add(name);
                Result v = virsh(args.toArray(String[]::new));
                Result l = lvsh(args.toArray(String[]::new));
                assertEquals(v.status(), l.status(), group + " " + name + ": " + l.err());
                assertEquals(v.err(), l.err(), group);
                Map<String, String> vf = fields(v.out());
                Map<String, String> lf = fields(l.out());
                assertEquals(new ArrayList<>(vf.keySet()), new ArrayList<>(lf.keySet()), group + " " + name);
                assertTrue(l.out().startsWith("Domain: '" + name + "'\n"), l.out());
                for (String stable : List.of("state.state", "state.reason", "balloon.maximum", "vcpu.current",
                        "vcpu.maximum", "net.count", "block.count", "iothread.count")) {
                    assertEquals(vf.get(stable), lf.get(stable), group + " " + name + " " + stable);
                }
            }
        }
    }

    @Test
    void jsonHoldsTheTextsValues() throws IOException {
        Result both = Run.script("domstats " + running + "\ndomstats --json " + running + "\n", "-c", uri);
        assertEquals(0, both.status(), both.err());
        int split = both.out().indexOf("\n[");
        Map<String, String> text = fields(both.out().substring(0, split + 1));
        JsonNode r = JSON.readTree(both.out().substring(split + 1)).get(0);
        assertEquals(running, r.get("name").asText());
        assertEquals(daemon.virshOk("domuuid", running).out().strip(), r.get("uuid").asText());
        assertEquals("running", r.get("state").get("state").asText());
        assertEquals(text.get("state.reason"), r.get("state").get("reason_code").asText());
        assertEquals(text.get("balloon.maximum"), r.get("balloon").get("maximum_kib").asText());
        assertEquals(text.get("balloon.current"), r.get("balloon").get("current_kib").asText());
        assertEquals(text.get("vcpu.current"), r.get("vcpu").get("current").asText());
        assertEquals(text.get("vcpu.maximum"), r.get("vcpu").get("maximum").asText());
        assertEquals(Integer.parseInt(text.get("vcpu.current")), r.get("vcpus").size());
        for (int i = 0; i < r.get("vcpus").size(); i++) {
            JsonNode vcpu = r.get("vcpus").get(i);
            assertEquals(text.get("vcpu." + vcpu.get("id").asText() + ".state"), vcpu.get("state_code").asText());
            // a running guest's times move between the two calls: the JSON's, asked second, is not earlier
            assertNotEarlier(text.get("vcpu." + vcpu.get("id").asText() + ".time"), vcpu.get("time_ns"));
        }
        assertNotEarlier(text.get("cpu.time"), r.get("cpu").get("time_ns"));
        int nets = text.containsKey("net.count") ? Integer.parseInt(text.get("net.count")) : 0;
        assertEquals(nets, r.has("interfaces") ? r.get("interfaces").size() : 0);
        int blocks = text.containsKey("block.count") ? Integer.parseInt(text.get("block.count")) : 0;
        assertEquals(blocks, r.has("blocks") ? r.get("blocks").size() : 0);
        // every field of the text is somewhere in the JSON: its own key or "other" under libvirt's
        if (r.has("other")) {
            r.get("other").fieldNames().forEachRemaining(k -> assertTrue(text.containsKey(k), k));
        }
    }

    /** A counter read again later: the same field, at least as large. */
    private static void assertNotEarlier(String earlier, JsonNode later) {
        assertTrue(later != null && later.isIntegralNumber(), "a number: " + later);
        assertTrue(Long.parseUnsignedLong(earlier) <= later.asLong(), earlier + " then " + later);
    }

    @Test
    void filtersPickWhatVirshPicks() {
        for (String filter : List.of("--list-running", "--list-shutoff", "--list-active", "--list-inactive",
                "--list-persistent")) {
            Result v = virsh("--state", filter);
            Result l = lvsh("--state", filter);
            for (String name : List.of(running, off)) {
                assertEquals(v.out().contains("Domain: '" + name + "'"), l.out().contains("Domain: '" + name + "'"),
                        filter + " " + name);
            }
        }
    }

    @Test
    void namedDomainsWithFiltersAndErrorsAsVirsh() {
        for (String[] args : List.of(new String[] {"--state", "--list-running", running, off},
                new String[] {"--state", "--list-shutoff", running, off}, new String[] {"nosuch"},
                new String[] {"--state", running, "nosuch"}, new String[] {"--enforce", "--perf", off})) {
            Result v = virsh(args);
            Result l = lvsh(args);
            assertEquals(v.out(), l.out(), String.join(" ", args));
            assertEquals(v.err(), l.err(), String.join(" ", args));
            assertEquals(v.status(), l.status(), String.join(" ", args));
        }
    }

    @Test
    void oneBulkCallHoweverManyDomains() throws IOException {
        String extra1 = daemon.define(TestDaemon.uniqueName("st-x"));
        String extra2 = daemon.define(TestDaemon.uniqueName("st-y"));
        try {
            int one = calls(List.of("--state", running));
            int three = calls(List.of("--state", running, extra1, extra2));
            assertEquals(2, three - one, "one lookup per named domain, one stats call for all: " + one + "/" + three);
            int before = calls(List.of("--state"));
            daemon.remove(extra1, extra2);
            int after = calls(List.of("--state"));
            assertEquals(before, after, "virConnectGetAllDomainStats: no call per domain");
        } finally {
            daemon.remove(extra1, extra2);
        }
    }

    /** RPCs one launcher run of domstats makes (libvirt's own client log). */
    private static int calls(List<String> args) throws IOException {
        Path dir = Files.createTempDirectory("lvsh-st");
        Path log = dir.resolve("lvsh.log");
        try {
            List<String> command = new ArrayList<>(List.of(Project.launcher().toString(), "-c", uri, "domstats"));
            command.addAll(args);
            Result r = TestDaemon.run(command, Map.of("LIBVIRT_LOG_FILTERS", "1:rpc.netclient",
                    "LIBVIRT_LOG_OUTPUTS", "1:file:" + log), 60);
            assertEquals(0, r.status(), r.err());
            int n = (int) Files.readAllLines(log).stream().filter(l -> l.contains(CALL)).count();
            assertTrue(n > 0, "no " + CALL + " in the log");
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(dir);
        }
    }
}
