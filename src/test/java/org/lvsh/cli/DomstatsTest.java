package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvsh.support.NodeXml;
import org.lvsh.support.NodeXml.State;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/** domstats against the test driver, byte for byte beside virsh; JSON checked against the same run's text. */
class DomstatsTest {
    private static final String DEFAULT = "test:///default";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GROUPS = List.of("--state", "--cpu-total", "--balloon", "--vcpu",
            "--interface", "--block", "--perf", "--iothread", "--memory", "--dirtyrate", "--vm");
    private static final List<String> FILTERS = List.of("--list-active", "--list-inactive", "--list-persistent",
            "--list-transient", "--list-running", "--list-paused", "--list-shutoff", "--list-other");

    @TempDir
    static Path dir;
    static String node;
    static String other;
    static Map<String, String> env;

    @BeforeAll
    static void hosts() throws IOException {
        node = NodeXml.host().domain("web-1", State.RUNNING).domain("db-2", State.PAUSED)
                .domain("old-3", State.SHUTOFF).domain("temp-4", State.RUNNING, true, null, false)
                .domain("crash-5", State.CRASHED).domain("sleep-6", State.PMSUSPENDED).write(dir, "node.xml");
        other = NodeXml.host().domain("db-2", State.RUNNING).domain("cache-7", State.SHUTOFF).write(dir, "b.xml");
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("lvsh"));
        Files.writeString(config.resolve("lvsh/hosts.yaml"), "hosts:\n  a: " + node + "\n  b: " + other + "\n");
        env = Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", dir.toString());
    }

    static Stream<Arguments> lines() {
        List<String> lines = new ArrayList<>(List.of("", "--raw", "--enforce --state", "--backing", "--nowait",
                "--state --raw --nowait --backing", "--list-running --list-paused", "--list-active --list-persistent",
                "--list-inactive --list-transient", "--list-shutoff --list-other --state"));
        lines.addAll(GROUPS);
        lines.addAll(FILTERS);
        lines.add(String.join(" ", GROUPS));
        List<Arguments> all = new ArrayList<>();
        for (String uri : List.of("default", "node")) {
            for (String line : lines) {
                all.add(Arguments.of(uri, line));
            }
        }
        all.add(Arguments.of("default", "test"));
        all.add(Arguments.of("default", "1"));
        all.add(Arguments.of("default", "6695eb01-f6a4-8304-79aa-97f2502e193f --state"));
        all.add(Arguments.of("default", "test test --domain test"));
        all.add(Arguments.of("node", "old-3 web-1 db-2"));
        all.add(Arguments.of("node", "sleep-6 --state --raw"));
        all.add(Arguments.of("node", "--domain crash-5 --list-running"));
        all.add(Arguments.of("node", "11111111-2222-3333-4444-000000000002 temp-4"));
        return all.stream();
    }

    private static String uri(String which) {
        return which.equals("default") ? DEFAULT : node;
    }

    private static String[] args(String uri, String line, String... extra) {
        List<String> args = new ArrayList<>(List.of("-c", uri));
        args.addAll(List.of(extra));
        args.add("domstats");
        if (!line.isEmpty()) {
            args.addAll(List.of(line.split(" ")));
        }
        return args.toArray(String[]::new);
    }

    /**
     * The text with its "Domain:" blocks sorted. libvirt keeps domains in a hash table seeded at random per process,
     * so virConnectGetAllDomainStats answers in an order that changes from run to run, for virsh as for lvsh; both
     * print libvirt's order. Named domains come in the order named: those are compared as they are.
     */
    static String canonical(String text, String line) {
        boolean named = Stream.of(line.split(" ")).anyMatch(w -> !w.isEmpty() && !w.startsWith("--"));
        if (named) {
            return text;
        }
        List<String> blocks = new ArrayList<>(List.of(text.split("\n\n", -1)));
        blocks.sort(null);
        return String.join("\n\n", blocks);
    }

    @ParameterizedTest(name = "{0}: domstats {1}")
    @MethodSource("lines")
    void sameTextAsVirsh(String which, String line) {
        Result virsh = Run.virsh(args(uri(which), line));
        Result lvsh = Run.lvsh(args(uri(which), line));
        assertEquals(virsh.out().length(), lvsh.out().length(), line);
        assertEquals(canonical(virsh.out(), line), canonical(lvsh.out(), line), line);
        assertEquals(virsh.err(), lvsh.err(), line);
        assertEquals(virsh.status(), lvsh.status(), line);
    }

    @ParameterizedTest(name = "{0}: domstats {1} -q")
    @MethodSource("lines")
    void quietAsVirsh(String which, String line) {
        Result virsh = Run.virsh(args(uri(which), line, "-q"));
        Result lvsh = Run.lvsh(args(uri(which), line, "-q"));
        assertEquals(canonical(virsh.out() + "\n", line), canonical(lvsh.out() + "\n", line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosuch", "web-1 nosuch", "--enforce --balloon", "--enforce --vcpu web-1", "99",
        "11111111-2222-3333-4444-999999999999"})
    void errorsInVirshsWords(String line) {
        Result virsh = Run.virsh(args(node, line));
        Result lvsh = Run.lvsh(args(node, line));
        assertEquals(virsh.err(), lvsh.err(), line);
        assertEquals(virsh.out(), lvsh.out(), line);
        assertEquals(1, lvsh.status());
        assertEquals(1, lvsh.err().lines().count(), lvsh.err());
        assertFalse(lvsh.err().contains("Exception"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = Run.lvsh("-c", DEFAULT, "domstats", "--bogus");
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("--bogus"), r.err());
    }

    @Test
    void anEmptyNameIsVirshsError() {
        Result r = Run.lvsh("-c", DEFAULT, "domstats", "");
        assertEquals(Run.virsh("-c", DEFAULT, "domstats", "").err(), r.err());
        assertEquals(1, r.status());
    }

    /** "Domain: 'NAME'" blocks of "  key=value" lines, as the text printed them. */
    private static List<Map.Entry<String, Map<String, String>>> parse(String text) {
        List<Map.Entry<String, Map<String, String>>> records = new ArrayList<>();
        Map<String, String> current = null;
        for (String l : text.split("\n")) {
            if (l.startsWith("Domain: '")) {
                current = new LinkedHashMap<>();
                records.add(Map.entry(l.substring(9, l.length() - 1), current));
            } else if (l.startsWith("  ")) {
                int eq = l.indexOf('=');
                current.put(l.substring(2, eq), l.substring(eq + 1));
            }
        }
        return records;
    }

    private static final List<String> STATES = List.of("nostate", "running", "blocked", "paused", "shutdown",
            "shutoff", "crashed", "pmsuspended");

    @ParameterizedTest
    @ValueSource(strings = {"", "--state", "--list-inactive", "--list-running --list-paused", "db-2 web-1 old-3"})
    void jsonHoldsWhatTheTextSays(String line) throws IOException {
        // one run in both forms (a script), so that both show libvirt's order of the same connection
        Result both = Run.script("domstats " + line + "\ndomstats --json " + line + "\n", "-c", node);
        int split = both.out().indexOf("\n[");
        Result text = new Result(0, both.out().substring(0, split + 1), "");
        Result json = new Result(both.status(), both.out().substring(split + 1), both.err());
        assertEquals(0, json.status(), json.err());
        JsonNode array = JSON.readTree(json.out());
        List<Map.Entry<String, Map<String, String>>> records = parse(text.out());
        assertEquals(records.size(), array.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = array.get(i);
            Map<String, String> fields = records.get(i).getValue();
            assertEquals(records.get(i).getKey(), r.get("name").asText());
            assertEquals(Run.virsh("-c", node, "domuuid", r.get("name").asText()).out().strip(),
                    r.get("uuid").asText());
            int state = Integer.parseInt(fields.get("state.state"));
            assertEquals(state, r.get("state").get("state_code").asInt());
            assertEquals(STATES.get(state), r.get("state").get("state").asText());
            assertEquals(Integer.parseInt(fields.get("state.reason")), r.get("state").get("reason_code").asInt());
            List<String> keys = new ArrayList<>();
            r.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("name", "uuid", "state"), keys); // the test driver reports the state group only
            List<String> stateKeys = new ArrayList<>();
            r.get("state").fieldNames().forEachRemaining(stateKeys::add);
            assertEquals(List.of("state", "state_code", "reason", "reason_code"), stateKeys);
        }
    }

    @Test
    void theReasonIsInVirshsWords() throws IOException {
        JsonNode r = JSON.readTree(Run.lvsh(args(DEFAULT, "", "--json")).out()).get(0);
        assertEquals(Run.virsh("-c", DEFAULT, "domstate", "test", "--reason").out().strip(),
                r.get("state").get("state").asText() + " (" + r.get("state").get("reason").asText() + ")");
    }

    @Test
    void yamlHasTheSameRecords() throws IOException {
        Result yaml = Run.lvsh(args(node, "web-1", "-o", "yaml"));
        assertEquals(0, yaml.status(), yaml.err());
        JsonNode fromYaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml.out());
        JsonNode fromJson = JSON.readTree(Run.lvsh(args(node, "web-1", "--json")).out());
        assertEquals(fromJson.toString(), fromYaml.toString().replace("\"1\"", "1").replace("\"0\"", "0"));
    }

    @Test
    void csvSaysItNeedsFlatRecords() {
        Result r = Run.lvsh(args(node, "", "-o", "csv"));
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals("error: csv output needs flat records; 'state' is nested (use -o json or -o yaml)\n", r.err());
    }

    @Test
    void namesPrintTheDomains() {
        Result r = Run.lvsh(args(node, "--list-shutoff", "-o", "name"));
        assertEquals("old-3\n", r.out());
    }

    private static Result hosts(String... args) {
        return Run.withEnv(env, "", args);
    }

    @Test
    void severalHostsPrintEachHostsTextUnderAHostLine() {
        Result r = hosts("-H", "a,b", "domstats", "--state");
        String one = Run.virsh("-c", node, "domstats", "--state").out();
        String two = Run.virsh("-c", other, "domstats", "--state").out();
        assertEquals(0, r.status(), r.err());
        int b = r.out().indexOf("\nHost: b\n");
        assertTrue(r.out().startsWith("Host: a\n"), r.out());
        assertEquals(one.length() - 1, b - 8);
        assertEquals(canonical(one.strip(), ""), canonical(r.out().substring(8, b).strip(), ""));
        assertEquals(two.length(), r.out().length() - b - 9);
        assertEquals(canonical(two.strip(), ""), canonical(r.out().substring(b + 9).strip(), ""));
    }

    @Test
    void severalHostsInJsonAreOneFlatListWithTheHost() throws IOException {
        JsonNode all = JSON.readTree(hosts("-H", "a,b", "domstats", "db-2", "cache-7", "web-1", "--json").out());
        JsonNode a = JSON.readTree(Run.lvsh("-c", node, "domstats", "db-2", "web-1", "--json").out());
        JsonNode b = JSON.readTree(Run.lvsh("-c", other, "domstats", "db-2", "cache-7", "--json").out());
        assertEquals(a.size() + b.size(), all.size());
        for (int i = 0; i < all.size(); i++) {
            JsonNode expected = i < a.size() ? a.get(i) : b.get(i - a.size());
            com.fasterxml.jackson.databind.node.ObjectNode got = all.get(i).deepCopy();
            assertEquals(i < a.size() ? "a" : "b", got.remove("host").asText());
            assertEquals(expected, got);
        }
    }

    @Test
    void namedDomainsOnSeveralHostsComeFromTheHostsThatHaveThem() {
        Result r = hosts("-H", "a,b", "domstats", "web-1", "b:cache-7");
        assertEquals(0, r.status(), r.err());
        assertEquals("Host: a\n" + Run.virsh("-c", node, "domstats", "web-1").out().replace("\n\n", "\n")
                + "\nHost: b\n" + Run.virsh("-c", other, "domstats", "cache-7").out(), r.out());
        Result both = hosts("-H", "a,b", "domstats", "db-2", "--state");
        assertTrue(both.out().startsWith("Host: a\nDomain: 'db-2'\n"), both.out());
        assertTrue(both.out().contains("\nHost: b\nDomain: 'db-2'\n"), both.out());
        Result one = hosts("-H", "a,b", "domstats", "a:db-2");
        assertEquals("Host: a\n" + Run.virsh("-c", node, "domstats", "db-2").out(), one.out());
    }

    @Test
    void domainsComplete() {
        String names = "web-1\ndb-2\nold-3\ntemp-4\ncrash-5\nsleep-6\n";
        Result first = Run.lvsh("-c", node, "complete", "--", "domstats", "");
        assertEquals(names, sortedLike(first.out(), names));
        assertEquals(names, sortedLike(Run.lvsh("-c", node, "complete", "--", "domstats", "web-1", "").out(), names));
        assertEquals(names, sortedLike(Run.lvsh("-c", node, "complete", "--", "domstats", "--domain", "").out(),
                names));
        assertEquals("--list-running\n", Run.lvsh("-c", node, "complete", "--", "domstats", "--list-r").out());
    }

    /** The lines of {@code text} in the order of {@code like} (completion lists them in libvirt's order). */
    private static String sortedLike(String text, String like) {
        List<String> order = List.of(like.split("\n"));
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        lines.sort(java.util.Comparator.comparingInt(order::indexOf));
        return String.join("\n", lines) + "\n";
    }

    @Test
    void helpIsVirshs() {
        Result virsh = Run.virsh("help", "domstats");
        Result lvsh = Run.lvsh("help", "domstats");
        assertEquals(virsh.out().stripTrailing(), lvsh.out().substring(0, virsh.out().stripTrailing().length()));
    }
}
