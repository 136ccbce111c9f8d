package org.lvsh.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Project;
import org.lvsh.support.Run;

/**
 * Long sessions free what they take from libvirt. libvirt's util.object debug log (Debian's libvirt 9 logs it)
 * has one line per object created ({@code OBJECT_NEW: obj=0x... classname=virDomain}) and one per object
 * disposed ({@code OBJECT_DISPOSE: obj=0x...}, no class: the class comes from the matching NEW). Replaying the
 * log gives, per class, objects created, disposed, the peak alive at once, and those alive at the end. A leak
 * shows as objects alive at the end, and as a peak that grows with the number of commands: N and 2N are
 * compared. The launcher runs as its own process, so that LIBVIRT_LOG_* apply from the start.
 */
class NativeObjectsIT {
    private static final List<String> COMMANDS = List.of("list --all", "dominfo test", "domstate test --reason",
            "domid test", "nodeinfo", "freecell --all", "capabilities", "event --list", "version", "domname 1",
            "domuuid test", "list --all --json", "dominfo nosuch", "freepages --all", "hostname", "uri", "connect test:///default");
    private static final int N = 1500;
    private static final Pattern NEW = Pattern.compile("OBJECT_NEW: obj=(0x[0-9a-f]+) classname=(\\w+)");
    private static final Pattern DISPOSE = Pattern.compile("OBJECT_DISPOSE: obj=(0x[0-9a-f]+)");

    @TempDir
    Path dir;

    /** What one run did with libvirt objects. */
    record Census(Map<String, Integer> created, Map<String, Integer> disposed, Map<String, Integer> peak,
            Map<String, Integer> alive, int unknownDisposals) {
        int created(String type) {
            return created.getOrDefault(type, 0);
        }

        int peak(String type) {
            return peak.getOrDefault(type, 0);
        }
    }

    @Test
    void domainsAndConnectionsAreFreedAndNothingGrowsWithTheSession() throws IOException {
        Census once = session(N, "n");
        Census twice = session(2 * N, "2n");
        String shown = "\nN:  " + once + "\n2N: " + twice;
        System.out.println("libvirt objects over " + N + " and " + 2 * N + " commands:" + shown);
        // the probes work: every command family left objects in the log
        assertTrue(once.created("virDomain") >= N / 2, "virDomain objects seen: " + shown);
        assertTrue(once.created("virConnect") >= 1, shown);
        // every object created was disposed by the end of the run: the connection too
        assertEquals(Map.of(), once.alive(), "alive at the end of N commands" + shown);
        assertEquals(Map.of(), twice.alive(), "alive at the end of 2N commands" + shown);
        assertEquals(0, once.unknownDisposals() + twice.unknownDisposals(), "disposals of unknown objects" + shown);
        // twice the commands create about twice the domains, and never hold more of them at once
        assertEquals(2.0, (double) twice.created("virDomain") / once.created("virDomain"), 0.05, shown);
        for (String type : List.of("virDomain", "virConnect", "virDomainObj")) {
            assertEquals(once.peak(type), twice.peak(type), "peak of " + type + " alive at once" + shown);
        }
        assertTrue(once.peak("virDomain") <= 4, "at most a few domains alive at once: " + shown);
        // 'connect' in a long session replaces the connection: the old one goes
        assertTrue(once.created("virConnect") > N / COMMANDS.size(), shown);
        assertTrue(once.peak("virConnect") <= 2, "connections alive at once: " + shown);
    }

    /**
     * The interactive shell takes other paths: a worker thread per command, and TAB completion, which lists
     * domains. Rounds of both, then quit: nothing alive at the end, never more than a few domains at once.
     */
    @Test
    void shellAndCompletionFreeTheirDomains() throws IOException {
        Path log = dir.resolve("shell.log");
        Path cache = Files.createDirectories(dir.resolve("cache"));
        String prompt = "lvsh \\(test:///default\\) # \\z";
        int rounds = 40;
        try (Term term = Term.start(Project.launcher() + " -q -c test:///default", Map.of("XDG_CACHE_HOME",
                cache.toString(), "LIBVIRT_LOG_FILTERS", "1:util.object", "LIBVIRT_LOG_OUTPUTS", "1:file:" + log))) {
            term.expect(prompt);
            for (int i = 0; i < rounds; i++) {
                term.type("dominfo t\t");
                term.expect("dominfo test \\z");
                term.type("\r");
                term.expect("Name: +test\n.*" + prompt);
                term.type("domstate --domain t\t");
                term.expect("domstate --domain test \\z");
                term.type("--reason\r");
                term.expect("running \\(.*\\)\n" + prompt);
                term.type(i % 10 == 0 ? "connect test:///default\r" : "list --all\r");
                term.expect(prompt);
            }
            term.type("quit\r");
            assertEquals(0, term.waitFor(java.time.Duration.ofSeconds(20)));
        }
        Census census = census(log);
        System.out.println("libvirt objects over " + rounds + " shell rounds: " + census);
        assertTrue(census.created("virDomain") >= 4 * rounds, census.toString());
        assertEquals(Map.of(), census.alive(), "alive at the end of the shell session: " + census);
        assertEquals(0, census.unknownDisposals(), census.toString());
        assertTrue(census.peak("virDomain") <= 4, "domains alive at once: " + census);
    }

    private Census session(int commands, String name) throws IOException {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < commands; i++) {
            script.append(COMMANDS.get(i % COMMANDS.size())).append('\n');
        }
        Path log = dir.resolve(name + ".log");
        Run.Result r = Run.launcher(script.toString(), Map.of("LIBVIRT_LOG_FILTERS", "1:util.object",
                "LIBVIRT_LOG_OUTPUTS", "1:file:" + log), "-q", "-c", "test:///default");
        // dominfo nosuch fails on purpose: status 1, and nothing but its error lines
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("error: failed to get domain 'nosuch'")), r.err());
        return census(log);
    }

    private static Census census(Path log) throws IOException {
        Map<String, String> live = new HashMap<>();
        Map<String, Integer> created = new TreeMap<>();
        Map<String, Integer> disposed = new TreeMap<>();
        Map<String, Integer> alive = new TreeMap<>();
        Map<String, Integer> peak = new TreeMap<>();
        int unknown = 0;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = NEW.matcher(line);
                if (m.find()) {
                    String type = m.group(2);
                    live.put(m.group(1), type);
                    created.merge(type, 1, Integer::sum);
                    int now = alive.merge(type, 1, Integer::sum);
                    peak.merge(type, now, Math::max);
                    continue;
                }
                m = DISPOSE.matcher(line);
                if (m.find()) {
                    String type = live.remove(m.group(1));
                    if (type == null) {
                        unknown++;
                    } else {
                        disposed.merge(type, 1, Integer::sum);
                        alive.merge(type, -1, Integer::sum);
                    }
                }
            }
        }
        alive.values().removeIf(v -> v == 0);
        return new Census(created, disposed, peak, alive, unknown);
    }
}
