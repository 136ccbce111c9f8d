package org.lvsh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lvsh.support.NodeXml;
import org.lvsh.support.Project;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;
import org.lvsh.support.TestDaemon;

/**
 * top on a real libvirtd (QEMU driver, TCG guests). A guest made busy without a disk: its firmware is a 64 KiB ROM
 * whose reset vector jumps to itself, so its one vCPU spins from the first instruction; the idle guest's ROM halts
 * with interrupts off, and a third is paused. The busy one shows CPU above the others, memory comes from the
 * process's resident size, and each refresh costs three calls however many domains there are. A host that stops
 * answering (the daemon stopped with SIGSTOP) is shown stale while another host's samples go on.
 */
class TopIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALL = "virNetClientCallNew";

    private static TestDaemon daemon;
    private static String uri;
    private static String busy;
    private static String idle;
    private static String paused;
    private static final List<String> defined = new ArrayList<>();

    @BeforeAll
    static void guests() throws IOException {
        daemon = TestDaemon.get();
        uri = daemon.socketUri();
        Path roms = Files.createDirectories(daemon.dir().resolve("roms"));
        busy = start(TestDaemon.uniqueName("top-busy"), rom(roms.resolve("spin.rom"), 0xeb, 0xfe)); // jmp $
        // cli; hlt; jmp back to the hlt
        idle = start(TestDaemon.uniqueName("top-idle"), rom(roms.resolve("halt.rom"), 0xfa, 0xf4, 0xeb, 0xfd));
        paused = start(TestDaemon.uniqueName("top-paused"), roms.resolve("halt.rom"));
        daemon.virshOk("suspend", paused);
    }

    /** A 64 KiB firmware image (QEMU's pc wants a multiple of 64 KiB) with {@code code} at the reset vector. */
    private static Path rom(Path file, int... code) throws IOException {
        byte[] image = new byte[65536];
        java.util.Arrays.fill(image, (byte) 0xff);
        for (int i = 0; i < code.length; i++) {
            image[0xfff0 + i] = (byte) code[i];
        }
        return Files.write(file, image);
    }

    private static String start(String name, Path rom) throws IOException {
        String xml = daemon.guestXml(name).replace("hvm</type>", "hvm</type><loader type='rom'>" + rom + "</loader>");
        Path file = daemon.dir().resolve("xml-" + name + ".xml");
        Files.writeString(file, xml);
        daemon.virshOk("define", file.toString());
        defined.add(name);
        daemon.virshOk("start", name);
        return name;
    }

    @AfterAll
    static void cleanUp() {
        if (daemon != null) {
            daemon.remove(defined.toArray(String[]::new));
        }
    }

    private static Map<String, JsonNode> sample(List<JsonNode> records, int sample) {
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode o : records) {
            if (o.get("sample").asInt() == sample) {
                byName.put(o.get("name").asText(), o);
            }
        }
        return byName;
    }

    private static List<JsonNode> records(String ndjson) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void aBusyGuestShowsCpuAboveAnIdleAndAPausedOne() throws IOException {
        Result r = Run.lvsh("-c", uri, "top", "-b", "-n", "3", "-d", "1", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        List<JsonNode> records = records(r.out());
        long hostKib = Long.parseLong(daemon.virshOk("nodememstats").out().lines()
                .filter(l -> l.startsWith("total")).findFirst().orElseThrow().replaceAll("\\D", ""));
        for (int s = 1; s <= 3; s++) {
            Map<String, JsonNode> one = sample(records, s);
            for (String name : List.of(busy, idle, paused)) {
                JsonNode o = one.get(name);
                assertEquals(daemon.virshOk("domid", name).out().strip(), o.get("id").asText(), name);
                assertEquals(daemon.virshOk("domuuid", name).out().strip(), o.get("uuid").asText(), name);
                assertEquals(name.equals(paused) ? "paused" : "running", o.get("state").asText(), name);
                assertEquals(1, o.get("vcpus").asInt(), name);
                assertEquals("rss", o.get("memory_source").asText(), "the process's resident size, " + name);
                assertTrue(o.get("memory_kib").asLong() > 0, name);
                assertEquals(Math.round(o.get("memory_kib").asLong() * 10000.0 / hostKib) / 100.0,
                        o.get("memory_pct").asDouble(), 0.0001, name);
                // diskless, without interfaces: no bytes, rather than no figures
                assertEquals(0, o.get("disk_read_bytes").asLong(), name);
                assertEquals(0, o.get("net_rx_bytes").asLong(), name);
                assertEquals(s == 1, o.get("cpu_pct").isNull(), "rates from the second sample on: " + o);
                assertEquals(s == 1, o.get("disk_read_bytes_per_s").isNull(), name);
                if (s > 1) {
                    assertEquals(0, o.get("disk_read_bytes_per_s").asLong(), name);
                    assertEquals(0, o.get("net_tx_bytes_per_s").asLong(), name);
                    assertTrue(o.get("interval_s").asDouble() > 0, name);
                    assertTrue(o.get("cpu_time_ns").asLong() >= sample(records, s - 1).get(name).get("cpu_time_ns")
                            .asLong(), name);
                }
            }
            if (s > 1) {
                double spin = one.get(busy).get("cpu_pct").asDouble();
                assertTrue(spin > one.get(idle).get("cpu_pct").asDouble(), "busy above idle: " + one);
                assertTrue(spin > one.get(paused).get("cpu_pct").asDouble(), "busy above paused: " + one);
            }
        }
    }

    /** RPCs one launcher run of top makes (libvirt's own client log). */
    private static int calls(int samples) {
        try {
            Path dir = Files.createTempDirectory("lvsh-top");
            Path log = dir.resolve("lvsh.log");
            try {
                Result r = TestDaemon.run(List.of(Project.launcher().toString(), "-c", uri, "top", "-b", "-n",
                        Integer.toString(samples), "-d", "0", "-q"), Map.of("LIBVIRT_LOG_FILTERS", "1:rpc.netclient",
                        "LIBVIRT_LOG_OUTPUTS", "1:file:" + log), 120);
                assertEquals(0, r.status(), r.err());
                int n = (int) Files.readAllLines(log).stream().filter(l -> l.contains(CALL)).count();
                assertTrue(n > 0, "no " + CALL + " in the log");
                return n;
            } finally {
                Files.deleteIfExists(log);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three calls per refresh (bulk statistics, node CPU, node memory), with 3 domains as with 33. */
    @Test
    void eachRefreshIsThreeCallsWhateverTheDomains() {
        int perRefresh = (calls(5) - calls(1)) / 4;
        assertEquals(3, perRefresh);
        List<String> more = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                more.add(daemon.define(TestDaemon.uniqueName("top-many")));
            }
            assertEquals(3, (calls(5) - calls(1)) / 4, "30 more domains, the same calls");
        } finally {
            daemon.remove(more.toArray(String[]::new));
        }
    }

    /**
     * The daemon stopped (SIGSTOP) while top watches it and a test-driver host: the daemon's rows turn stale
     * (their last figures, their old timestamp) at each sample while the other host's stay fresh; past its deadline
     * the daemon is reported (status 4) and tried again on a new connection.
     */
    @Test
    void aHostThatStopsAnsweringIsStaleWhileTheOtherRefreshes() throws Exception {
        Path dir = Files.createTempDirectory("lvsh-top-stall");
        String file = NodeXml.host().domain("steady", NodeXml.State.RUNNING).write(dir, "node.xml");
        ProcessBuilder pb = new ProcessBuilder(Project.launcher().toString(), "-H", uri + "," + file,
                "--timeout", "3", "top", "-b", "-n", "10", "-d", "1", "--json");
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("LVSH_SERVER", "0");
        pb.redirectError(dir.resolve("err").toFile());
        Process p = pb.start();
        List<JsonNode> records = new ArrayList<>();
        List<JsonNode> steady = new ArrayList<>();
        boolean stopped = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                JsonNode o = JSON.readTree(line);
                (o.get("host").asText().equals(file) ? steady : records).add(o);
                int s = o.get("sample").asInt();
                if (s == 2 && !stopped) {
                    daemon.pause();
                    stopped = true;
                }
                if (s == 8 && stopped) { // well past the deadline of the call it was stopped in
                    daemon.resume();
                    stopped = false;
                }
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "top ended");
        } finally {
            if (stopped) {
                daemon.resume();
            }
            p.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("err"));
        assertEquals(4, p.exitValue(), err);
        // once past its deadline; a new connection tried while it is still stopped may miss its own deadline too
        List<JsonNode> errors = new ArrayList<>();
        for (String line : err.lines().toList()) {
            errors.add(JSON.readTree(line)); // --json: each failure is a JSON line
        }
        assertEquals("no answer within the host's deadline of 3 s (--timeout)",
                errors.get(0).get("error").get("message").asText(), err);
        assertTrue(errors.size() <= 2 && errors.stream().allMatch(e -> e.get("host").asText().equals(uri)), err);
        assertEquals(10, steady.size(), "the test-driver host, at every sample: " + steady);
        assertTrue(steady.stream().noneMatch(o -> o.get("stale").asBoolean()), steady.toString());
        // samples 4 and 5: the daemon stopped since sample 2; its guests are there, stale, with the time of the
        // last answer it gave, while the other host's rows are fresh
        String last = null;
        for (int s = 4; s <= 5; s++) {
            Map<String, JsonNode> one = sample(records, s);
            String fresh = steady.get(s - 1).get("timestamp").asText();
            for (String name : List.of(busy, idle, paused)) {
                JsonNode o = one.get(name);
                assertTrue(o != null && o.get("stale").asBoolean(), s + " " + name + ": " + records);
                String t = o.get("timestamp").asText();
                assertTrue(last == null || last.equals(t), "the same old answer: " + records);
                assertTrue(java.time.Instant.parse(t).isBefore(java.time.Instant.parse(fresh)), t + " before " + fresh);
                last = t;
            }
        }
        Files.deleteIfExists(dir.resolve("err"));
        Files.deleteIfExists(dir.resolve("node.xml"));
        Files.deleteIfExists(dir);
    }
}
