package org.lvsh.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.NodeXml;
import org.lvsh.support.NodeXml.State;
import org.lvsh.support.Run;
import org.lvsh.support.SilentListener;
import org.lvsh.support.Run.Result;

/**
 * One command over several hosts: test-driver node files (two sharing a domain name), a port that refuses
 * connections and a listener that accepts and never answers. Each host's part is compared with virsh on that
 * host's URI; exit statuses are exact.
 */
class SeveralHostsTest {
    @TempDir
    static Path dir;
    static String a;
    static String b;
    static int refusedPort;
    static SilentListener silent;
    static Map<String, String> env;

    @BeforeAll
    static void hosts() throws IOException {
        a = NodeXml.host().domain("web", State.RUNNING).domain("shared", State.PAUSED).domain("old", State.SHUTOFF)
                .write(dir, "a.xml");
        b = NodeXml.host().domain("db", State.RUNNING).domain("shared", State.RUNNING).write(dir, "b.xml");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = s.getLocalPort(); // closed again: connecting is refused
        }
        silent = new SilentListener();
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("lvsh"));
        Files.writeString(config.resolve("lvsh/hosts.yaml"), "hosts:\n"
                + "  a: " + a + "\n"
                + "  b: {uri: \"" + b + "\", readonly: true}\n"
                + "  refused: qemu+tcp://127.0.0.1:" + refusedPort + "/system\n"
                + "  silent: {uri: \"qemu+tcp://127.0.0.1:" + silent.port() + "/system\", timeout: 2}\n"
                + "groups:\n"
                + "  pair: [a, b]\n"
                + "  mixed: [a, refused, b]\n");
        env = Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", dir.toString());
    }

    @AfterAll
    static void close() throws IOException {
        silent.close();
    }

    private static Result lvsh(String... args) {
        return Run.withEnv(env, "", args);
    }

    /** $LVSH_HOSTS is read from the run's own environment (the caller's, on the command server too). */
    @Test
    void theHostsOfTheEnvironment() {
        java.util.Map<String, String> withHosts = new java.util.HashMap<>(env);
        withHosts.put("LVSH_HOSTS", "@pair");
        Result r = Run.withEnv(withHosts, "", "-q", "uri");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("a", "b"), r.out().lines().map(l -> l.strip().split(" +")[0]).toList());
        Result c = Run.withEnv(withHosts, "", "-c", a, "-q", "uri");
        assertEquals(a + "\n", c.out(), "-c names one host: $LVSH_HOSTS does not apply");
    }

    @Test
    void listHasAHostColumnAndEveryHostsRowsInOrder() {
        Result r = lvsh("-H", "@pair", "list", "--all");
        assertEquals(0, r.status(), r.err());
        assertEquals(""
                + " Host   Id   Name     State\n"
                + "--------------------------------\n"
                + " a      1    web      running\n"
                + " a      2    shared   paused\n"
                + " a      -    old      shut off\n"
                + " b      1    db       running\n"
                + " b      2    shared   running\n"
                + "\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void eachHostsPartIsWhatVirshListsThere() {
        Result r = lvsh("-H", "a,b", "list", "--all", "--name");
        assertEquals(0, r.status(), r.err());
        StringBuilder expected = new StringBuilder();
        for (String[] host : new String[][] {{"a", a}, {"b", b}}) {
            for (String name : Run.virsh("-c", host[1], "list", "--all", "--name").lines()) {
                if (!name.isEmpty()) {
                    expected.append(host[0]).append(':').append(name).append('\n');
                }
            }
        }
        assertEquals(expected + "\n", r.out());
    }

    @Test
    void sortByNameOrdersAllHostsTogether() {
        Result r = lvsh("-q", "-H", "a,b", "list", "--all", "--sort-by", "name", "--columns", "name,host");
        assertEquals(" db       b\n old      a\n shared   a\n shared   b\n web      a\n", r.out());
    }

    @Test
    void jsonListIsOneFlatArrayWithTheHost() throws IOException {
        Result r = lvsh("-H", "b,a", "list", "--all", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(5, rows.size());
        assertEquals("b", rows.get(0).get("host").asText());
        assertEquals("db", rows.get(0).get("name").asText());
        assertEquals("a", rows.get(4).get("host").asText());
        assertEquals("old", rows.get(4).get("name").asText());
        assertTrue(rows.get(4).get("id").isNull());
        assertEquals(List.of("host", "id", "name", "uuid", "state", "persistent", "autostart"),
                iterable(rows.get(0).fieldNames()));
    }

    @Test
    void scalarRecordsAreOneTableWithARowPerHost() {
        Result r = lvsh("-H", "a,b", "uri");
        assertEquals(" Host   URI\n"
                + "-".repeat(7 + a.length() + 3) + "\n"
                + " a      " + a + "\n"
                + " b      " + b + "\n\n", r.out());
        Result node = lvsh("-q", "-H", "a,b", "nodeinfo");
        String row = "x86_64   32   2600 MHz   2   4   2   2   16777216 KiB\n";
        assertEquals(" a   " + row + " b   " + row, node.out());
    }

    @Test
    void nodeinfoJsonIsAnArrayOfEachHostsDocument() throws IOException {
        JsonNode all = new ObjectMapper().readTree(lvsh("-H", "a,b", "nodeinfo", "--json").out());
        JsonNode one = new ObjectMapper().readTree(Run.lvsh("-c", a, "nodeinfo", "--json").out());
        assertEquals(2, all.size());
        assertEquals("a", all.get(0).get("host").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) all.get(0)).remove("host");
        assertEquals(one, all.get(0));
    }

    @Test
    void richerAnswersArePrintedPerHostUnderAHostLine() {
        Result r = lvsh("-H", "a,b", "freepages", "--all");
        String one = Run.virsh("-c", a, "freepages", "--all").out();
        String two = Run.virsh("-c", b, "freepages", "--all").out();
        assertEquals("Host: a\n" + one.substring(0, one.length() - 1) + "\nHost: b\n" + two, r.out());
    }

    @Test
    void aRefusedHostIsOneErrorLineAndStatusFour() {
        Result r = lvsh("-H", "@mixed", "domstate", "a:web");
        assertEquals(0, r.status(), r.err()); // HOST:DOMAIN runs on that host alone
        assertEquals(" Host   State\n-----------------\n a      running\n\n", r.out());

        Result list = lvsh("-H", "@mixed", "list", "--name");
        assertEquals(4, list.status());
        assertEquals("a:web\na:shared\nb:db\nb:shared\n\n", list.out());
        assertEquals("error: refused: failed to connect to the hypervisor: unable to connect to server at "
                + "'127.0.0.1:" + refusedPort + "': Connection refused\n", list.err());
    }

    @Test
    void failuresAreJsonLinesWithTheHost() throws IOException {
        Result r = lvsh("-H", "a,refused", "hostname", "--json");
        assertEquals(4, r.status());
        JsonNode err = new ObjectMapper().readTree(r.err());
        assertEquals("refused", err.get("host").asText());
        assertEquals("VIR_ERR_SYSTEM_ERROR", err.get("error").get("code").asText());
        assertEquals("a", new ObjectMapper().readTree(r.out()).get(0).get("host").asText());
    }

    /**
     * No host reached: status 3, each host said once, nothing on stdout (no blank line for a command that never
     * ran), and the rest of the line or script does not run, as with one connection that will not open.
     */
    @Test
    void noHostReachedIsStatusThree() {
        String refusedLine = "error: refused: failed to connect to the hypervisor: unable to connect to server at "
                + "'127.0.0.1:" + refusedPort + "': Connection refused\n";
        Result r = lvsh("-H", "refused", "nodeinfo");
        assertEquals(new Result(3, "", refusedLine), r);
        assertEquals(new Result(3, "", refusedLine), lvsh("-H", "refused", "nodeinfo; uri"));
        assertEquals(new Result(3, "", refusedLine), Run.withEnv(env, "nodeinfo\nuri\n", "-H", "refused"));
    }

    @Test
    void aSilentHostCostsItsDeadlineAndNoMore() {
        long start = System.nanoTime();
        Result r = lvsh("-H", "a,silent,b", "uri");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(4, r.status());
        assertEquals("error: silent: could not connect within the host's deadline of 2 s (--timeout)\n", r.err());
        assertTrue(r.out().contains(" a      " + a + "\n") && r.out().contains(" b      " + b + "\n"), r.out());
        assertTrue(seconds >= 2 && seconds < 10, "took " + seconds + " s with a 2 s deadline");
        Result shorter = lvsh("--timeout", "1", "-H", "silent", "uri");
        assertEquals(3, shorter.status());
        assertEquals("error: silent: could not connect within the host's deadline of 1 s (--timeout)\n",
                shorter.err());
    }

    @Test
    void aBareDomainNameIsLookedUpOnEveryHost() {
        Result one = lvsh("-H", "a,b", "domid", "db");
        assertEquals(0, one.status(), one.err());
        assertEquals(" Host   Id\n------------\n b      1\n\n", one.out());

        Result two = lvsh("-H", "a,b", "dominfo", "shared");
        assertEquals(new Result(2, "", // nothing ran: no blank line either
                "error: domain 'shared' is on several hosts: a:shared, b:shared; name one as HOST:DOMAIN\n"), two);

        Result none = lvsh("-H", "a,b", "dominfo", "nosuch");
        assertEquals(1, none.status());
        assertEquals("error: failed to get domain 'nosuch'\n", none.err());
        Result virsh = Run.virsh("-c", a, "dominfo", "nosuch");
        assertEquals(virsh.err().lines().findFirst().get() + "\n", none.err());

        Result named = lvsh("-H", "a,b", "dominfo", "b:shared");
        assertEquals(0, named.status(), named.err());
        // the test driver's CPU time follows the wall clock: compared by shape
        assertEquals(Run.clockless("Host: b\n" + Run.virsh("-c", b, "dominfo", "shared").out()),
                Run.clockless(named.out()));
    }

    @Test
    void scriptModeAndSeveralCommandsKeepTheStatusOfTheSet() {
        Result script = Run.withEnv(env, "uri\nhostname\n", "-H", "a,refused");
        assertEquals(4, script.status());
        assertEquals(2, script.err().lines().count(), script.err());
        Result line = lvsh("-H", "a,b", "uri; hostname");
        assertEquals(0, line.status(), line.err());
        assertEquals(" Host   URI\n", line.out().lines().findFirst().get() + "\n");
    }

    @Test
    void aReadOnlyHostIsOpenedReadOnly() throws IOException {
        Result r = lvsh("-H", "a,b", "hosts", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals("connected", rows.get(0).get("state").asText());
        assertEquals(3, rows.get(0).get("domains").asInt());
        assertEquals(2, rows.get(1).get("domains").asInt());
    }

    @Test
    void namingHostsWrongIsAUsageError() throws IOException {
        Result unknown = lvsh("-H", "a,nosuch", "list");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("error: unknown host 'nosuch': not a host of "), unknown.err());
        assertEquals("", unknown.out());
        assertEquals(2, lvsh("-H", "@nosuch", "list").status());
        Result both = lvsh("-H", "a", "-c", a, "list");
        assertEquals(2, both.status());
        assertEquals("error: -H and -c are exclusive: give the hosts of a set, or one connection\n", both.err());

        Path bad = dir.resolve("bad");
        Files.createDirectories(bad.resolve("lvsh"));
        Files.writeString(bad.resolve("lvsh/hosts.yaml"), "hosts:\n  a: test:///default\n  b: {url: x}\n");
        Result r = Run.withEnv(Map.of("XDG_CONFIG_HOME", bad.toString()), "", "-H", "a", "list");
        assertEquals(2, r.status());
        assertEquals("error: " + bad.resolve("lvsh/hosts.yaml") + ":3: host 'b': unknown key 'url' "
                + "(expected uri, timeout or readonly)\n", r.err());
    }

    /**
     * lvsh complete (what bash, zsh and fish ask) over a set, named in the words being completed or by the run:
     * HOST:DOMAIN from every host that answers in time, and the bare name of a domain one host alone has; a
     * silent host is left out, not waited for.
     */
    @Test
    void completionOffersHostDomainFromEveryHostOfTheSet() {
        assertEquals(new Result(0, "a:web\na:shared\na:old\nb:db\nb:shared\ndb\nold\nweb\n", ""),
                sortedBareNames(lvsh("complete", "--", "-H", "@pair", "domstate", "")));
        assertEquals(new Result(0, "b:db\nb:shared\n", ""), lvsh("-H", "a,b", "complete", "--", "domstate", "b:"));
        assertEquals(new Result(0, "a:web\na:shared\na:old\nold\nshared\nweb\n", ""),
                sortedBareNames(lvsh("complete", "--", "-H", "a,silent,refused", "dominfo", "")));
    }

    /** The HOST:DOMAIN lines as printed, then the bare names sorted (their order is a map's). */
    private static Result sortedBareNames(Result r) {
        List<String> lines = r.out().lines().toList();
        List<String> hosted = lines.stream().filter(l -> l.contains(":")).toList();
        List<String> bare = lines.stream().filter(l -> !l.contains(":")).sorted().toList();
        StringBuilder out = new StringBuilder();
        java.util.stream.Stream.concat(hosted.stream(), bare.stream()).forEach(l -> out.append(l).append('\n'));
        return new Result(r.status(), out.toString(), r.err());
    }

    /** A value every host refuses alike is the command line's fault: said once, as one host says it. */
    @Test
    void aUsageErrorFoundWhenTheCommandRunsIsSaidOnce() {
        Result one = Run.lvsh("-c", a, "list", "--sort-by", "bogus");
        assertEquals(2, one.status());
        assertEquals(one, lvsh("-H", "a,b", "list", "--sort-by", "bogus"));
        assertEquals(Run.lvsh("-c", a, "freecell", "--cellno", "-1"), lvsh("-H", "a,b", "freecell", "--cellno", "-1"));
    }

    @Test
    void optionsThatChangeTheConnectionCannotFollowACommandOnASet() {
        Result r = lvsh("-H", "a,b", "list", "-c", a);
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
    }


    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
