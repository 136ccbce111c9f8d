package org.lvsh.top;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lvsh.support.NodeXml;
import org.lvsh.support.NodeXml.State;
import org.lvsh.support.Run;
import org.lvsh.support.SilentListener;
import org.lvsh.support.Run.Result;

/**
 * top's batch mode on the test driver: text blocks as top prints them, one JSON object or CSV row per domain and
 * sample, a set of two hosts sharing a domain name, and a host that accepts and never answers shown stale while the
 * others' samples go on. Domains' ids, names, states and UUIDs are what virsh lists on the same URI.
 */
class TopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS = List.of("sample", "timestamp", "stale", "id", "name", "uuid", "state",
            "cpu_pct", "vcpus", "memory_kib", "memory_source", "memory_pct", "disk_read_bytes_per_s",
            "disk_write_bytes_per_s", "net_rx_bytes_per_s", "net_tx_bytes_per_s", "cpu_time_ns", "disk_read_bytes",
            "disk_write_bytes", "net_rx_bytes", "net_tx_bytes", "interval_s");
    /** What the test driver's bulk statistics lack: it reports the state only. */
    private static final List<String> NULL_ON_THE_TEST_DRIVER = List.of("cpu_pct", "vcpus", "memory_kib",
            "memory_source", "memory_pct", "disk_read_bytes_per_s", "disk_write_bytes_per_s", "net_rx_bytes_per_s",
            "net_tx_bytes_per_s", "cpu_time_ns", "disk_read_bytes", "disk_write_bytes", "net_rx_bytes",
            "net_tx_bytes");

    @TempDir
    static Path dir;
    static String a;
    static String b;
    static SilentListener silent;
    static Map<String, String> env;

    @BeforeAll
    static void hosts() throws IOException {
        a = NodeXml.host().domain("web", State.RUNNING).domain("shared", State.PAUSED).domain("old", State.SHUTOFF)
                .write(dir, "a.xml");
        b = NodeXml.host().domain("db", State.RUNNING).domain("shared", State.RUNNING).write(dir, "b.xml");
        silent = new SilentListener();
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("lvsh"));
        Files.writeString(config.resolve("lvsh/hosts.yaml"), "hosts:\n"
                + "  a: " + a + "\n"
                + "  b: " + b + "\n"
                + "  silent: {uri: \"qemu+tcp://127.0.0.1:" + silent.port() + "/system\", timeout: 2}\n");
        env = Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", dir.toString());
    }

    @AfterAll
    static void close() throws IOException {
        silent.close();
    }

    private static Result lvsh(String... args) {
        return Run.withEnv(env, "", args);
    }

    /** The parts of a text block that are the clock's: the time of day, the age and duration of a sample. */
    private static String withoutClock(String text) {
        return text.replaceAll("(?m)^top - \\d\\d:\\d\\d:\\d\\d,", "top - HH:MM:SS,")
                .replaceAll("sampled \\d+\\.\\d s ago in \\d+\\.\\d ms", "sampled S s ago in T ms");
    }

    private static List<JsonNode> records(String ndjson) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static List<String> keys(JsonNode o) {
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void textBlocksAsTopPrintsThem() {
        Result r = Run.lvsh("-c", "test:///default", "top", "-b", "-n", "2", "-d", "0");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        String block = "top - HH:MM:SS, sample %d, every 0 s, 1 host; domains: 1 total, 1 running, 0 paused, "
                + "0 shut off, 0 other\n"
                // the test driver keeps no memory statistics and its CPU times stand still: no figures, not zeros
                + "Host test:///default: %%CPU -, mem 3.0G total, - used, - free; domains 1 running of 1; "
                + "sampled S s ago in T ms\n"
                + "\n"
                + " ID  NAME  STATE    %%CPU  VCPU  MEM  MEMSRC  %%MEM  RD/s  WR/s  RX/s  TX/s  TIME+\n"
                + "  1  test  running     -     -    -  -          -     -     -     -     -      -\n";
        assertEquals(String.format(block, 1) + "\n" + String.format(block, 2) + "\n", withoutClock(r.out()));
        String nodeinfo = Run.virsh("-c", "test:///default", "nodeinfo").out();
        assertTrue(nodeinfo.contains("Memory size:         3145728 KiB"), nodeinfo); // 3.0G
    }

    @Test
    void quietAndNoHeadersLeaveTheRows() {
        Result q = Run.lvsh("-c", "test:///default", "top", "-b", "-n", "2", "-d", "0", "-q");
        // without headers the columns are as wide as their data, as virsh's tables under -q
        assertEquals(" 1  test  running  -  -  -  -  -  -  -  -  -  -\n\n"
                + " 1  test  running  -  -  -  -  -  -  -  -  -  -\n", q.out());
        Result n = Run.lvsh("-c", "test:///default", "top", "-b", "-n", "1", "--no-headers", "--fields", "name,state");
        assertEquals(List.of("", " test  running", ""), withoutClock(n.out()).lines().skip(2).toList());
    }

    @Test
    void jsonIsOneRecordPerDomainAndSampleWithNullWhereThereIsNoFigure() throws IOException {
        Result r = Run.lvsh("-c", a, "top", "-b", "-n", "3", "-d", "0.05", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        List<JsonNode> rows = records(r.out());
        assertEquals(9, rows.size(), r.out());
        String virshList = Run.virsh("-c", a, "list", "--all").out();
        Instant last = Instant.EPOCH;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode o = rows.get(i);
            assertEquals(KEYS, keys(o), "one connection: no host");
            int sample = i / 3 + 1;
            assertEquals(sample, o.get("sample").asInt());
            assertTrue(o.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                    "UTC, with milliseconds: " + o);
            Instant t = Instant.parse(o.get("timestamp").asText());
            assertFalse(t.isBefore(last), "samples in order");
            last = t;
            assertFalse(o.get("stale").asBoolean());
            for (String k : NULL_ON_THE_TEST_DRIVER) {
                assertTrue(o.get(k).isNull(), k + " in " + o);
            }
            String name = o.get("name").asText();
            String id = o.get("id").isNull() ? "-" : o.get("id").asText();
            String state = switch (o.get("state").asText()) {
                case "running" -> "running";
                case "paused" -> "paused";
                case "shutoff" -> "shut off";
                default -> throw new AssertionError(o);
            };
            assertTrue(virshList.matches("(?s).*\\n " + id + " +" + name + " +" + state + "\\n.*"),
                    name + " " + id + " " + state + " in\n" + virshList);
            assertEquals(Run.virsh("-c", a, "domuuid", name).out().strip(), o.get("uuid").asText());
            // rates need two samples of the same run: none at the first, none for a domain that is not running
            boolean running = !o.get("id").isNull();
            assertEquals(sample > 1 && running, o.get("interval_s").isNumber(), o.toString());
        }
        // the default order: %CPU (none here), then the name
        assertEquals(List.of("old", "shared", "web"), rows.subList(0, 3).stream().map(o -> o.get("name").asText())
                .toList());
    }

    @Test
    void csvHasItsHeaderOnceAndEmptyCellsForMissingFigures() {
        Result r = Run.lvsh("-c", "test:///default", "top", "-b", "-n", "2", "-d", "0", "-o", "csv");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertEquals(String.join(",", KEYS), lines.get(0));
        assertTrue(lines.get(1).matches("1,[-0-9T:.]+Z,false,1,test,\"?6695eb01-f6a4-8304-79aa-97f2502e193f\"?,"
                + "running,,,,,,,,,,,,,,,"), lines.get(1));
        assertTrue(lines.get(2).matches("2,[-0-9T:.]+Z,false,1,test,\"?6695eb01-f6a4-8304-79aa-97f2502e193f\"?,"
                + "running,,,,,,,,,,,,,,,\\d+\\.\\d+"), lines.get(2));
        Result bare = Run.lvsh("-c", "test:///default", "top", "-b", "-n", "1", "-o", "csv", "--no-headers");
        assertEquals(1, bare.out().lines().count(), bare.out());
    }

    @Test
    void twoHostsSharingADomainName() throws IOException {
        Result r = lvsh("-H", "a,b", "top", "-b", "-n", "1", "--sort", "name");
        assertEquals(0, r.status(), r.err());
        assertEquals(""
                + "top - HH:MM:SS, sample 1, every 3 s, 2 hosts; domains: 5 total, 3 running, 1 paused, 1 shut off, "
                + "0 other\n"
                + "Host a: %CPU -, mem 16.0G total, - used, - free; domains 1 running of 3; sampled S s ago in T ms\n"
                + "Host b: %CPU -, mem 16.0G total, - used, - free; domains 2 running of 2; sampled S s ago in T ms\n"
                + "\n"
                + " HOST  ID  NAME    STATE     %CPU  VCPU  MEM  MEMSRC  %MEM  RD/s  WR/s  RX/s  TX/s  TIME+\n"
                + " b      1  db      running      -     -    -  -          -     -     -     -     -      -\n"
                + " a      -  old     shut off     -     -    -  -          -     -     -     -     -      -\n"
                + " a      2  shared  paused       -     -    -  -          -     -     -     -     -      -\n"
                + " b      2  shared  running      -     -    -  -          -     -     -     -     -      -\n"
                + " a      1  web     running      -     -    -  -          -     -     -     -     -      -\n"
                + "\n", withoutClock(r.out()));
        Result all = lvsh("-H", "a,b", "top", "-b", "-n", "1", "-o", "json", "--sort", "id");
        for (String[] host : new String[][] {{"a", a}, {"b", b}}) {
            List<String> mine = new ArrayList<>();
            for (JsonNode o : records(all.out())) {
                if (o.get("host").asText().equals(host[0])) {
                    mine.add((o.get("id").isNull() ? "-" : o.get("id").asText()) + " " + o.get("name").asText());
                }
            }
            mine.sort(null);
            assertEquals(virshRows(host[1]), mine, host[0] + "'s domains are what virsh lists there");
        }

        Result json = lvsh("-H", "a,b", "top", "-b", "-n", "1", "-o", "json", "--filter", "shared");
        List<JsonNode> rows = records(json.out());
        assertEquals(2, rows.size(), json.out());
        assertEquals("host", keys(rows.get(0)).get(0), "the host first");
        assertEquals(List.of("a", "b"), rows.stream().map(o -> o.get("host").asText()).toList());
        assertEquals(List.of("paused", "running"), rows.stream().map(o -> o.get("state").asText()).toList());
        assertEquals(Run.virsh("-c", b, "domuuid", "shared").out().strip(), rows.get(1).get("uuid").asText());

        Result names = lvsh("-H", "a,b", "top", "-b", "-n", "1", "-o", "name", "--filter", "host=b");
        assertEquals("b:db\nb:shared\n", names.out());
        Result csv = lvsh("-H", "a,b", "top", "-b", "-n", "1", "-o", "csv", "--filter", "name=db");
        assertTrue(csv.out().startsWith("host,sample,timestamp,"), csv.out());
        assertTrue(csv.out().lines().skip(1).allMatch(l -> l.startsWith("b,1,")), csv.out());
    }

    /** "ID NAME" of each domain virsh lists there, in order. */
    private static List<String> virshRows(String uri) {
        List<String> rows = new ArrayList<>();
        for (String line : Run.virsh("-c", uri, "list", "--all").out().lines().skip(2).toList()) {
            if (!line.isBlank()) {
                String[] f = line.strip().split(" {2,}");
                rows.add(f[0] + " " + f[1]);
            }
        }
        rows.sort(null);
        return rows;
    }

    /**
     * A host that accepts and never answers: the first sample waits for its deadline (2 s, as hosts.yaml says) and
     * reports it once; later samples ask it again on a new connection without waiting for it, so the others
     * refresh at their pace while its line says why it has no figures. Status 4: some hosts failed.
     */
    @Test
    void aSilentHostIsReportedOnceWhileTheOthersRefresh() throws IOException {
        Result r = lvsh("-H", "a,silent,b", "top", "-b", "-n", "4", "-d", "0.5", "--json");
        assertEquals(4, r.status(), r.err());
        assertEquals("{\"host\": \"silent\", \"error\": {\"code\": null, \"number\": null, \"domain\": null, "
                + "\"message\": \"could not connect within the host's deadline of 2 s (--timeout)\"}}\n", r.err());
        List<JsonNode> rows = records(r.out());
        assertEquals(20, rows.size(), r.out());
        List<Instant> times = new ArrayList<>();
        for (int sample = 1; sample <= 4; sample++) {
            int s = sample;
            List<JsonNode> these = rows.stream().filter(o -> o.get("sample").asInt() == s).toList();
            assertEquals(List.of("a", "a", "a", "b", "b"), these.stream().map(o -> o.get("host").asText()).toList());
            assertTrue(these.stream().noneMatch(o -> o.get("stale").asBoolean()), "a and b answered each sample");
            times.add(Instant.parse(these.get(0).get("timestamp").asText()));
        }
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i).isAfter(times.get(i - 1)), "a fresh answer at every sample: " + times);
        }

        Result text = lvsh("-H", "a,silent", "--timeout", "1", "top", "-b", "-n", "2", "-d", "0.5", "-q",
                "--fields", "host,name");
        assertEquals(4, text.status());
        assertEquals("error: silent: could not connect within the host's deadline of 1 s (--timeout)\n", text.err());
        assertEquals(" a  old\n a  shared\n a  web\n\n a  old\n a  shared\n a  web\n", text.out(),
                "--timeout wins over the host's own");
        Result summary = lvsh("-H", "a,silent", "--timeout", "1", "top", "-b", "-n", "2", "-d", "0.2");
        List<String> silentLines = summary.out().lines().filter(l -> l.startsWith("Host silent:")).toList();
        assertEquals(List.of("Host silent: no figures yet: could not connect within the host's deadline of 1 s "
                + "(--timeout)", "Host silent: no figures yet: could not connect within the host's deadline of 1 s "
                + "(--timeout)"), silentLines);
    }

    @Test
    void noHostReachedIsStatusThree() {
        Result r = lvsh("-H", "silent", "--timeout", "1", "top", "-b", "-n", "1");
        assertEquals(3, r.status(), r.err());
        assertEquals("error: silent: could not connect within the host's deadline of 1 s (--timeout)\n", r.err());
    }

    @Test
    void oneConnectionThatCannotOpenIsTheUsualError() {
        Result r = Run.lvsh("-c", "test:///no/such/node.xml", "top", "-b", "-n", "1");
        assertEquals(3, r.status());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: failed to connect to the hypervisor"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-n 0|error: Numeric value '0' for <iterations> option is malformed or out of range",
        "-n -2|error: Numeric value '-2' for <iterations> option is malformed or out of range",
        "-d x|error: Numeric value 'x' for <delay> option is malformed or out of range",
        "-d -1|error: Numeric value '-1' for <delay> option is malformed or out of range",
        "-d 86401|error: Numeric value '86401' for <delay> option is malformed or out of range",
        "--sort nosuch|error: unknown field 'nosuch' (expected host, id, name, state, cpu, vcpus, mem, memsrc, "
                + "mempct, rd, wr, rx, tx, time, uuid)",
        "--fields name,,bogus|error: unknown field 'bogus' (expected host, id, name, state, cpu, vcpus, mem, "
                + "memsrc, mempct, rd, wr, rx, tx, time, uuid)",
        "-d 1 --delay 2|error: option --delay already seen",
        "stray|error: unexpected data 'stray'"})
    void badInputIsOneLineAndStatusTwo(String words, String error) {
        List<String> args = new ArrayList<>(List.of("-c", "test:///default", "top", "-b"));
        args.addAll(List.of(words.split(" ")));
        Result r = Run.lvsh(args.toArray(String[]::new));
        assertEquals(2, r.status(), r.err());
        assertEquals(error + "\n", r.err());
        assertEquals("", r.out().strip());
    }

    /** After "top", -d is top's delay; lvsh's debug level is --debug there (and -d before the command). */
    @Test
    void dashDIsTheDelayAfterTheCommand() {
        Result r = Run.lvsh("-c", "test:///default", "top", "-b", "-n", "2", "-d", "0.25", "--debug", "4", "-q",
                "--fields", "name");
        assertEquals(0, r.status(), r.err());
        assertEquals(" test\n\n test\n", r.out());
        Result before = Run.lvsh("-d", "4", "-c", "test:///default", "top", "-b", "-n", "1", "--fields", "name");
        assertTrue(before.out().startsWith("top - "), before.out());
        assertTrue(before.out().contains(", every 3 s, "), "the default delay: " + before.out());
        Result help = Run.lvsh("top", "--help");
        assertTrue(help.out().contains("    --debug <level>  lvsh's diagnostics (0-4).\n"), help.out());
        assertFalse(help.out().contains("-d, --debug"), help.out());
    }
}
