package org.lvsh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Project;
import org.lvsh.support.Pty;
import org.lvsh.support.Run;
import org.lvsh.support.TestDaemon;

/**
 * The interactive shell against a real libvirtd: read-only prompts, the daemon dying (SIGKILL) or going silent
 * (SIGSTOP, caught by keepalive) under an open connection, and reconnecting once it is back.
 */
class ShellConnectionIT {
    private static TestDaemon daemon;
    private static String uri;

    @TempDir
    Path cache;

    @BeforeAll
    static void daemon() {
        daemon = TestDaemon.get();
        uri = daemon.socketUri();
    }

    /** Whatever a test did to the daemon, the next test (and class) gets a working one. */
    @AfterEach
    void daemonBack() {
        if (daemon.alive()) {
            daemon.resume();
        } else {
            daemon.restart();
        }
        daemon.virshOk("uri");
    }

    /**
     * The shell on a terminal wide enough that no command line here wraps (a wrapped echo is redrawn by JLine,
     * which would make "what the command printed" hard to cut out of the screen).
     */
    private Pty shell(String... args) {
        StringBuilder command = new StringBuilder("stty cols 1000 2>/dev/null; exec " + Project.launcher());
        for (String a : args) {
            if (!a.matches("[A-Za-z0-9:/?=._+-]+")) {
                throw new IllegalArgumentException("keep the arguments simple: " + a);
            }
            command.append(" '").append(a).append("'");
        }
        return Pty.start("sh -c \"" + command + "\"", Map.of("XDG_CACHE_HOME", cache.toString()));
    }

    private static String prompt(String mark) {
        return "lvsh \\(" + Pattern.quote(uri) + "\\) " + mark + " \\z";
    }

    private static final String LOST_PROMPT_TEXT = "lvsh \\(" + "%s" + ", connection lost\\) # \\z";

    private static String lostPrompt() {
        return String.format(LOST_PROMPT_TEXT, Pattern.quote(uri));
    }

    /** Runs {@code command} and returns what it printed between its echo and the next prompt. */
    private static String run(Pty pty, String command, String promptRegex, Duration timeout) {
        pty.type(command + "\r");
        String out = pty.expect(Pattern.quote(command) + "\n(.*?)" + promptRegex, timeout);
        Matcher m = Pattern.compile(Pattern.quote(command) + "\n(.*?)" + promptRegex, Pattern.DOTALL).matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    /** Exactly one non-blank line, "error: ...", and no Java in sight. */
    private static String oneErrorLine(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line expected:\n" + output);
        assertTrue(lines.get(0).startsWith("error: "), output);
        assertFalse(output.contains("Exception") || output.contains("\tat ") || output.contains("libvirt: "),
                output);
        return lines.get(0);
    }

    @Test
    void readOnlyOptionShowsTheReadOnlyPrompt() throws Exception {
        try (Pty pty = shell("-r", "-c", uri)) {
            pty.expect(prompt(">"));
            String list = run(pty, "list --all", prompt(">"), Duration.ofSeconds(20));
            assertEquals(daemon.virshOk("list", "--all").out(), list);
            String info = run(pty, "connect --readonly", prompt(">"), Duration.ofSeconds(20));
            assertFalse(info.contains("error"), info);
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
        JsonNode c = new ObjectMapper().readTree(Run.lvsh("-r", "-c", uri, "--json", "connect").out());
        assertTrue(c.get("readonly").asBoolean(), c.toString());
        JsonNode rw = new ObjectMapper().readTree(Run.lvsh("-c", uri, "--json", "connect").out());
        assertFalse(rw.get("readonly").asBoolean(), rw.toString());
    }

    @Test
    void connectReadonlyInTheShellSwitchesThePrompt() {
        try (Pty pty = shell("-c", uri)) {
            pty.expect(prompt("#"));
            run(pty, "list --all", prompt("#"), Duration.ofSeconds(20));
            String info = run(pty, "connect --readonly", prompt(">"), Duration.ofSeconds(20));
            assertFalse(info.contains("error"), info);
            String list = run(pty, "list --all", prompt(">"), Duration.ofSeconds(20));
            assertEquals(daemon.virshOk("list", "--all").out(), list);
            run(pty, "connect " + uri, prompt("#"), Duration.ofSeconds(20));
            run(pty, "connect --name " + daemon.roSocketUri() + " --readonly", "lvsh \\("
                    + Pattern.quote(daemon.roSocketUri()) + "\\) > \\z", Duration.ofSeconds(20));
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
    }

    @Test
    void theDaemonDyingIsOneErrorLineThenConnectRestoresIt() {
        try (Pty pty = shell("-c", uri)) {
            pty.expect(prompt("#"));
            assertEquals(daemon.virshOk("list", "--all").out(), run(pty, "list --all", prompt("#"),
                    Duration.ofSeconds(20)));

            daemon.kill();
            long start = System.nanoTime();
            String failed = run(pty, "list --all", lostPrompt(), Duration.ofSeconds(15));
            long millis = (System.nanoTime() - start) / 1_000_000;
            oneErrorLine(failed);
            assertTrue(millis < 10_000, "took " + millis + " ms");

            // the shell goes on, and says where it stands
            String again = oneErrorLine(run(pty, "domstate nosuch", lostPrompt(), Duration.ofSeconds(15)));
            assertTrue(again.contains("connect"), "tell the user how to get out: " + again);
            run(pty, "help uri", lostPrompt(), Duration.ofSeconds(15)); // commands that need no connection work

            daemon.restart();
            String reconnected = run(pty, "connect", prompt("#"), Duration.ofSeconds(20));
            assertFalse(reconnected.contains("error"), reconnected);
            assertEquals(daemon.virshOk("list", "--all").out(), run(pty, "list --all", prompt("#"),
                    Duration.ofSeconds(20)));
            assertEquals(uri + "\n\n", run(pty, "uri", prompt("#"), Duration.ofSeconds(20)));
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
    }

    /** -k 1 -K 2: a peer that stops answering is given up after about interval * (count + 1) seconds. */
    @Test
    void keepaliveCatchesASilentDaemon() {
        int interval = 1;
        int count = 2;
        try (Pty pty = shell("-k", Integer.toString(interval), "-K", Integer.toString(count), "-c", uri)) {
            pty.expect(prompt("#"));
            run(pty, "list --all", prompt("#"), Duration.ofSeconds(20));
            daemon.pause();
            try {
                long start = System.nanoTime();
                String failed = run(pty, "list --all", lostPrompt(), Duration.ofSeconds(30));
                long millis = (System.nanoTime() - start) / 1_000_000;
                oneErrorLine(failed);
                long limit = (interval * (count + 1L) + 4) * 1000;
                assertTrue(millis < limit, "the silent daemon was noticed after " + millis + " ms, limit " + limit);
            } finally {
                daemon.resume();
            }
            String reconnected = run(pty, "connect", prompt("#"), Duration.ofSeconds(20));
            assertFalse(reconnected.contains("error"), reconnected);
            assertEquals(uri + "\n\n", run(pty, "uri", prompt("#"), Duration.ofSeconds(20)));
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
    }

    /** event waiting when the peer goes silent: virsh's count of what came, then one line saying why it ended. */
    @Test
    void eventSaysHowManyCameWhenTheConnectionIsLost() throws Exception {
        java.util.concurrent.CompletableFuture<Run.Result> watching = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> Run.launcher("", Map.of("XDG_CACHE_HOME", cache.toString()),
                        "-k", "1", "-K", "2", "-c", uri, "event", "--all", "--loop", "--timeout", "60"));
        TestDaemon.sleep(3000); // connected and watching
        daemon.pause();
        Run.Result r;
        try {
            r = watching.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            daemon.resume();
        }
        assertEquals("events received: 0\n\n", r.out(), r.err());
        assertTrue(r.err().matches("error: the connection was lost: [^\n]+\n"), r.err());
        assertEquals(1, r.status());
    }

    /** The same silent daemon, caught while the shell sits idle at its prompt. */
    @Test
    void keepaliveCatchesASilentDaemonWhileIdle() {
        try (Pty pty = shell("-k", "1", "-K", "2", "-c", uri)) {
            pty.expect(prompt("#"));
            run(pty, "uri", prompt("#"), Duration.ofSeconds(20));
            daemon.pause();
            try {
                TestDaemon.sleep(5000); // > 1 * (2 + 1) s
                long start = System.nanoTime();
                String failed = run(pty, "uri", lostPrompt(), Duration.ofSeconds(10));
                long millis = (System.nanoTime() - start) / 1_000_000;
                oneErrorLine(failed);
                assertTrue(millis < 2000, "already known to be lost: " + millis + " ms");
            } finally {
                daemon.resume();
            }
        }
    }
}
