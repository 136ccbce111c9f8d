package org.lvsh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Project;
import org.lvsh.support.Pty;
import org.lvsh.support.Run;
import org.lvsh.support.TestDaemon;

/**
 * A set of two hosts that are two private libvirtds side by side: the first over TCP with SASL (its password
 * asked on the terminal, the prompt naming the host), the second through its read-only socket. Each host's part
 * is compared with virsh on that host's URI; exit statuses are exact. The second daemon is also stopped
 * (SIGSTOP: it keeps its socket and answers nothing) to show that a silent host costs its deadline and no more.
 */
class HostSetIT {
    private static final String ANY_PROMPT = "[^\n]*: \\z";

    @TempDir
    static Path dir;
    static TestDaemon sasl;
    static TestDaemon ro;
    static Map<String, String> env;
    static String onlySasl;
    static String onlyRo;
    static String shared;

    @BeforeAll
    static void hosts() throws IOException {
        sasl = TestDaemon.get();
        ro = TestDaemon.second();
        onlySasl = sasl.define(TestDaemon.uniqueName("sasl"));
        onlyRo = ro.define(TestDaemon.uniqueName("ro"));
        shared = TestDaemon.uniqueName("shared");
        sasl.define(shared);
        ro.define(shared);
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("lvsh"));
        Files.writeString(config.resolve("lvsh/hosts.yaml"), "hosts:\n"
                + "  sasl: \"" + sasl.tcpUri() + "\"\n"
                + "  ro: {uri: \"" + ro.roSocketUri() + "\", readonly: true, timeout: 3}\n"
                + "groups:\n  both: [sasl, ro]\n");
        env = Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", dir.toString(), "XDG_CACHE_HOME",
                dir.resolve("cache").toString());
    }

    @AfterAll
    static void cleanUp() {
        ro.resume(); // in case a test stopped short of it
        sasl.remove(onlySasl, shared);
        ro.remove(onlyRo, shared);
    }

    /** The environment with the SASL host's credentials in a file: nothing asked. */
    private static Map<String, String> withAuthFile() {
        Map<String, String> e = new HashMap<>(env);
        e.put("LIBVIRT_AUTH_FILE", sasl.authFile());
        return e;
    }

    private static Run.Result lvsh(String... args) {
        return Run.launcher("", withAuthFile(), args);
    }

    @Test
    void theSaslHostAsksOnTheTerminalNamingItselfAndTheReadOnlyOneNever() {
        try (Pty pty = Pty.start(Project.launcher() + " -H @both list --all --name", env)) {
            String first = pty.expect(ANY_PROMPT, Duration.ofSeconds(30));
            assertTrue(lastLine(first).startsWith("sasl: "), "the prompt names its host: " + first);
            pty.type(sasl.saslUser() + "\r");
            String second = pty.expect(ANY_PROMPT, Duration.ofSeconds(20));
            assertTrue(lastLine(second).startsWith("sasl: ") && lastLine(second).toLowerCase().contains("password"),
                    second);
            pty.type(sasl.saslPassword() + "\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(30)), pty.all());
            String out = pty.all();
            for (String row : List.of("sasl:" + onlySasl, "sasl:" + shared, "ro:" + onlyRo, "ro:" + shared)) {
                assertTrue(out.contains(row + "\n"), row + " in:\n" + out);
            }
            assertFalse(pty.raw().contains(sasl.saslPassword()), "the password was echoed");
            assertFalse(Pattern.compile("(?m)^ro: [^\n]*: ").matcher(out).find(), "the read-only host asks nothing");
        }
    }

    /**
     * The hosts start connecting while the command line is read, but a line that does not parse costs no password
     * prompt: the usage error, status 2, nothing asked.
     */
    @Test
    void aLineThatDoesNotParseAsksNothing() {
        try (Pty pty = Pty.start(Project.launcher() + " -H @both list --bogus", env)) {
            assertEquals(2, pty.waitFor(Duration.ofSeconds(30)), pty.all());
            assertEquals("error: command 'list' doesn't support option --bogus\n", pty.all());
        }
    }

    /** Each host's rows are what virsh shows on that host's URI, under the host's name, in the list's order. */
    @Test
    void eachHostsPartIsVirshsOnItsUri() {
        Run.Result r = lvsh("-H", "@both", "-q", "list", "--all", "--name");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        List<String> expected = new ArrayList<>();
        for (String host : List.of("sasl", "ro")) {
            String uri = host.equals("sasl") ? sasl.tcpUriWithAuthFile() : ro.roSocketUri();
            for (String name : Run.virsh("-c", uri, "list", "--all", "--name").out().lines()
                    .filter(l -> !l.isBlank()).toList()) {
                expected.add(host + ":" + name);
            }
        }
        assertTrue(expected.contains("sasl:" + onlySasl) && expected.contains("ro:" + onlyRo), expected.toString());
        assertEquals(expected, r.out().lines().toList());

        Run.Result uris = lvsh("-H", "@both", "-q", "uri");
        String saslUri = Run.process(List.of("virsh", "-c", sasl.tcpUri(), "uri"), "", withAuthFile()).out().strip();
        assertEquals(new Run.Result(0, " sasl   " + saslUri + "\n ro     "
                + Run.virsh("-c", ro.roSocketUri(), "uri").out().strip() + "\n", ""), uris);
    }

    /** A bare name is found where it is; on both daemons it is a usage error naming each; HOST:DOMAIN picks one. */
    @Test
    void domainsAreLookedUpOnBothDaemons() {
        Run.Result one = lvsh("-H", "@both", "-q", "domstate", onlyRo);
        assertEquals(new Run.Result(0, " ro   shut off\n", ""), one);
        Run.Result two = lvsh("-H", "@both", "dominfo", shared);
        assertEquals(new Run.Result(2, "", "error: domain '" + shared + "' is on several hosts: sasl:" + shared
                + ", ro:" + shared + "; name one as HOST:DOMAIN\n"), two);
        Run.Result named = lvsh("-H", "@both", "dominfo", "ro:" + shared);
        assertEquals(new Run.Result(0, "Host: ro\n" + Run.virsh("-c", ro.roSocketUri(), "dominfo", shared).out(), ""),
                named);
        Run.Result none = lvsh("-H", "@both", "domid", "it-nosuch");
        // the command ran and found nothing: virsh's error, and its blank line
        assertEquals(new Run.Result(1, "\n", "error: failed to get domain 'it-nosuch'\n"), none);
    }

    /**
     * A daemon that stops answering (SIGSTOP: its socket still accepts) costs the run its host's deadline: the
     * other host's answer, one error line, status 4; with no other host, status 3.
     */
    @Test
    void aStoppedDaemonCostsItsDeadlineAndTheOtherHostAnswers() {
        String saslRows = lvsh("-H", "sasl", "-q", "list", "--all", "--name").out();
        ro.pause();
        try {
            Run.Result r = lvsh("-H", "@both", "--timeout", "2", "-q", "list", "--all", "--name");
            assertEquals(new Run.Result(4, saslRows,
                    "error: ro: could not connect within the host's deadline of 2 s (--timeout)\n"), r);
            Run.Result alone = lvsh("-H", "ro", "uri");
            assertEquals(new Run.Result(3, "",
                    "error: ro: could not connect within the host's deadline of 3 s (--timeout)\n"), alone);
        } finally {
            ro.resume();
        }
        assertEquals(0, lvsh("-H", "@both", "uri").status(), "answers again once resumed");
    }

    /**
     * The shell leaves a set whose second daemon went silent after answering: closing its connection waits for
     * that host's deadline at most (it waited for keepalive to give up, some 30 s), the other closes at once.
     */
    @Test
    void quittingDoesNotWaitOnADaemonThatWentSilent() {
        try (Pty pty = Pty.start(Project.launcher() + " -q -H @both", withAuthFile())) {
            String prompt = "lvsh \\(both: 2 hosts\\) # \\z";
            pty.expect(prompt, Duration.ofSeconds(30));
            pty.type("list --all --name\r");
            pty.expect("ro:" + Pattern.quote(onlyRo) + "\n(.*\n)*" + prompt, Duration.ofSeconds(30));
            ro.pause();
            try {
                pty.type("quit\r");
                assertEquals(0, pty.waitFor(Duration.ofSeconds(20)), pty.all());
            } finally {
                ro.resume();
            }
        }
    }

    private static String lastLine(String screen) {
        String[] lines = screen.split("\n");
        return lines[lines.length - 1];
    }
}
