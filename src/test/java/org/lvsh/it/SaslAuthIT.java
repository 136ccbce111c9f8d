package org.lvsh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Project;
import org.lvsh.support.Pty;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;
import org.lvsh.support.TestDaemon;

/**
 * TCP + SASL (DIGEST-MD5) on 127.0.0.1: credentials asked on the terminal (password masked), taken from an auth
 * file without any prompt, a wrong password, and no terminal at all.
 *
 * <p>lvsh is run as a separate process everywhere: in this JVM a prompt could reach the terminal mvn runs on.
 * "No terminal" means `setsid` (no controlling terminal) with stdin from /dev/null.
 */
class SaslAuthIT {
    /** A credential prompt waiting for an answer: the last thing on the screen. */
    private static final String ANY_PROMPT = "[^\n]*: \\z";

    private static TestDaemon daemon;
    /** virsh's hostname output ("NAME\n\n") and the bare name. */
    private static String hostname;
    private static String name;

    @TempDir
    Path home;

    @BeforeAll
    static void daemon() {
        daemon = TestDaemon.get();
        hostname = daemon.virshOk("hostname").out();
        name = hostname.trim();
    }

    private Map<String, String> env() {
        return Map.of("XDG_CACHE_HOME", home.resolve("cache").toString(), "XDG_CONFIG_HOME",
                home.resolve("config").toString(), "HOME", home.toString());
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The launcher without a controlling terminal, stdin from /dev/null. */
    private Result noTerminal(Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(List.of("setsid", "-w", Project.launcher().toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new java.util.HashMap<>(env());
        env.putAll(extraEnv);
        return TestDaemon.run(command, env, 60);
    }

    @Test
    void asksForTheAuthenticationNameThenThePasswordWithoutEchoingIt() {
        try (Pty pty = Pty.start(Project.launcher() + " -c " + quote(daemon.tcpUri()) + " hostname", env())) {
            String first = lastLine(pty.expect(ANY_PROMPT, Duration.ofSeconds(20)));
            assertEquals("Please enter your authentication name: ", first, "virsh's first question");
            humanPause();
            pty.type(daemon.saslUser() + "\r");
            String second = lastLine(pty.expect(ANY_PROMPT, Duration.ofSeconds(10)));
            assertEquals("Please enter your password: ", second, "virsh's second question");
            humanPause();
            pty.type(daemon.saslPassword() + "\r");
            pty.expect("\n" + Pattern.quote(name) + "\n", Duration.ofSeconds(20));
            assertEquals(0, pty.waitFor(Duration.ofSeconds(20)), pty.all());
            assertFalse(pty.raw().contains(daemon.saslPassword()), "the password was echoed:\n" + pty.all());
            assertTrue(pty.all().contains("authentication name: " + daemon.saslUser() + "\n"), "the name is echoed");
            assertFalse(pty.all().contains("error:"), pty.all());
        }
    }

    @Test
    void theShellsConnectAsksOnTheTerminalAndKeepsThePasswordOutOfHistory() throws IOException {
        String prompt = "lvsh \\(" + Pattern.quote(daemon.tcpUri()) + "\\) # \\z";
        try (Pty pty = Pty.start(Project.launcher() + " -q -c test:///default", env())) {
            pty.expect("lvsh \\(test:///default\\) # \\z");
            pty.type("connect " + daemon.tcpUri() + "\r");
            answerPrompts(pty, daemon.saslPassword(), true);
            pty.expect(prompt, Duration.ofSeconds(20));
            pty.type("hostname\r");
            pty.expect(Pattern.quote(name) + "\n" + prompt); // -q: no trailing blank line
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(20)));
            assertFalse(pty.raw().contains(daemon.saslPassword()), "the password was echoed:\n" + pty.all());
        }
        String history = Files.readString(home.resolve("cache/lvsh/history"));
        assertTrue(history.contains("connect " + daemon.tcpUri()), history);
        assertFalse(history.contains(daemon.saslPassword()), history);
        assertFalse(history.contains(daemon.saslUser() + "\n"), "answers are not commands:\n" + history);
    }

    /** Ctrl-C at a credential prompt says so, at start-up and at 'connect'; the shell goes on. */
    @Test
    void ctrlCAtACredentialPromptSaysItWasInterrupted() {
        String uri = daemon.tcpUri();
        try (Pty pty = Pty.start(Project.launcher() + " -c " + quote(uri), env())) {
            pty.expect(ANY_PROMPT, Duration.ofSeconds(20));
            pty.type("\u0003");
            String start = pty.expect("Not connected\\.\n\n.*# \\z", Duration.ofSeconds(20));
            assertTrue(start.contains("error: interrupted; no connection was made\n"), start);
            assertFalse(start.contains("credentials"), start);
            pty.type("connect " + uri + "\r");
            pty.expect(ANY_PROMPT, Duration.ofSeconds(20));
            pty.type("\u0003");
            String connect = pty.expect("# \\z", Duration.ofSeconds(20));
            assertTrue(connect.contains("error: interrupted; no connection was made\n"), connect);
            assertEquals(1, connect.split("error:", -1).length - 1, connect);
            pty.type("connect " + uri + "\r"); // and the next attempt asks again
            answerPrompts(pty, daemon.saslPassword(), true);
            pty.expect("lvsh \\(" + Pattern.quote(uri) + "\\) # \\z", Duration.ofSeconds(20));
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(20)));
        }
    }

    /**
     * SASL's mutexes are lvsh's: its DIGEST-MD5 cache is shared by every connection of the process, and with
     * SASL's own no-op mutexes several hosts authenticating at once corrupted the heap.
     */
    @Test
    void saslLocksWithLvshsMutexes() {
        Result r = Run.lvsh("-c", daemon.tcpUriWithAuthFile(), "uri");
        assertEquals(0, r.status(), r.err());
        assertTrue(org.lvsh.libvirt.jna.SaslLocks.made() > 0);
    }

    @Test
    void authFileInTheUriNeedsNoPrompt() {
        String uri = daemon.tcpUriWithAuthFile();
        Result r = noTerminal(Map.of(), "-c", uri, "hostname");
        assertEquals("", r.err());
        assertEquals(0, r.status());
        assertEquals(hostname, r.out());
        Result list = noTerminal(Map.of(), "-c", uri, "list", "--all");
        assertEquals(0, list.status(), list.err());
        assertEquals(TestDaemon.run(List.of("virsh", "-c", uri, "list", "--all"), Map.of(), 60).out(), list.out());
        Result u = noTerminal(Map.of(), "-c", uri, "uri");
        assertEquals(uri + "\n\n", u.out(), u.err());
    }

    /**
     * On the warm path: the password is asked on the caller's terminal while the command waits on the server,
     * never shown; an authfile relative to the caller's directory is the caller's (that command runs in its own
     * process, as the server's directory is not the caller's).
     */
    @Test
    void onTheWarmPath() throws Exception {
        try (org.lvsh.support.WarmPath warm = new org.lvsh.support.WarmPath(home)) {
            warm.env().putAll(env());
            warm.start();
            long before = warm.served();
            Map<String, String> env = new java.util.HashMap<>(warm.env());
            env.put("LVSH_SERVER", "1");
            try (Pty pty = Pty.start(Project.launcher() + " -c " + quote(daemon.tcpUri()) + " hostname", env)) {
                answerPrompts(pty, daemon.saslPassword(), true);
                assertEquals(0, pty.waitFor(Duration.ofSeconds(20)), pty.all());
                assertTrue(pty.all().endsWith("password: \n" + hostname), pty.all());
                assertFalse(pty.raw().contains(daemon.saslPassword()), "the password was echoed");
            }
            assertEquals(before + 1, warm.served(), "asked through the warm path");
            Path auth = Path.of(daemon.authFile());
            String relative = "cd " + quote(auth.getParent().toString()) + " && exec \"$LVSH\" -c "
                    + quote(daemon.tcpUri() + "?authfile=" + auth.getFileName()) + " hostname";
            Result own = warm.ownShell(relative);
            assertEquals(0, own.status(), own.err());
            assertEquals(hostname, own.out());
            Result viaWarm = warm.warmShell(relative);
            assertEquals(own, viaWarm);
            assertEquals(before + 1, warm.served(), "the relative authfile ran in its own process");
        }
    }

    @Test
    void authFileFromTheEnvironmentNeedsNoPrompt() {
        Result r = noTerminal(Map.of("LIBVIRT_AUTH_FILE", daemon.authFile()), "-c", daemon.tcpUri(), "hostname");
        assertEquals("", r.err());
        assertEquals(0, r.status());
        assertEquals(hostname, r.out());
        Result script = noTerminal(Map.of("LIBVIRT_AUTH_FILE", daemon.authFile()), "-c", daemon.tcpUri(),
                "uri; hostname");
        assertEquals(0, script.status(), script.err());
        assertEquals(daemon.tcpUri() + "\n\n" + hostname, script.out()); // script mode: virsh's blank lines
    }

    @Test
    void aWrongPasswordIsOneErrorLineAndStatus3() {
        String wrong = "not-the-password-" + System.nanoTime();
        try (Pty pty = Pty.start(Project.launcher() + " -c " + quote(daemon.tcpUri()) + " hostname", env())) {
            answerPrompts(pty, wrong, true);
            assertEquals(3, pty.waitFor(Duration.ofSeconds(20)), pty.all());
            String screen = pty.all();
            List<String> errors = screen.lines().filter(l -> l.contains("error")).toList();
            assertEquals(1, errors.size(), screen);
            assertTrue(errors.get(0).startsWith("error: "), screen);
            assertTrue(errors.get(0).toLowerCase().contains("authentication failed"), screen);
            assertFalse(screen.contains("Exception") || screen.contains("\tat ") || screen.contains("libvirt: "),
                    screen);
            assertFalse(pty.raw().contains(wrong), "the password was echoed:\n" + screen);
            assertFalse(screen.contains("\n" + name + "\n"), "the command must not have run:\n" + screen);
        }
    }

    @Test
    void withoutATerminalItFailsAtOnceWithStatus3() {
        long start = System.nanoTime();
        Result r = noTerminal(Map.of(), "-c", daemon.tcpUri(), "hostname");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3, r.status(), r.err());
        assertTrue(millis < 8000, "took " + millis + " ms: it must not wait for an answer");
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("error: "), r.err());
        assertTrue(lines.get(0).contains("no terminal"), r.err());
        assertEquals("", r.out().trim());
    }

    /**
     * A password typed as soon as its prompt shows (type-ahead, a password manager's auto-type) must not be echoed
     * either: getpass(3) and virsh turn echo off before they print the prompt.
     */
    @Test
    void aPasswordTypedAsSoonAsThePromptShowsIsNotEchoed() {
        try (Pty pty = Pty.start(Project.launcher() + " -c " + quote(daemon.tcpUri()) + " hostname", env())) {
            answerPrompts(pty, daemon.saslPassword(), false);
            pty.expect("\n" + Pattern.quote(name) + "\n", Duration.ofSeconds(20));
            assertEquals(0, pty.waitFor(Duration.ofSeconds(20)), pty.all());
            assertFalse(pty.raw().contains(daemon.saslPassword()), "the password was echoed:\n" + pty.all());
        }
    }

    /** How long a person takes to start typing after a question shows. */
    private static void humanPause() {
        TestDaemon.sleep(400);
    }

    /**
     * Answers credential prompts until none is left: the password for a password prompt, the SASL user for any
     * other (virsh asks for the authentication name, then the password).
     */
    private void answerPrompts(Pty pty, String password, boolean human) {
        String next = pty.expect(ANY_PROMPT, Duration.ofSeconds(20));
        for (int i = 0; i < 4; i++) {
            String question = lastLine(next);
            if (human) {
                humanPause();
            }
            pty.type((question.toLowerCase().contains("password") ? password : daemon.saslUser()) + "\r");
            if (question.toLowerCase().contains("password")) {
                return;
            }
            next = pty.expect(ANY_PROMPT, Duration.ofSeconds(10));
        }
        throw new AssertionError("no password prompt:\n" + pty.all());
    }

    private static String lastLine(String text) {
        int nl = text.lastIndexOf('\n');
        return nl < 0 ? text : text.substring(nl + 1);
    }
}
