package org.lvsh.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.NodeXml;
import org.lvsh.support.Project;
import org.lvsh.support.Run;

/**
 * Passwords, right and wrong, never leave the prompt: not on the screen, not in lvsh's log (-d 0 -l FILE), not
 * on stderr, not in the shell's history, not in JSON errors. The history is private (0600 in a 0700 directory).
 * A credentials file that others can read draws a warning.
 */
class SecretsIT {
    private static final String USER = "alice";
    private static final String PASSWORD = "s3cr3t-PW";
    private static final String WRONG = "Wr0ng-pa55-Zq";
    private static final String PROMPT = "lvsh \\([^()\\n]*\\) [#>] \\z";

    @TempDir
    Path dir;

    private String uri;
    private Path log;
    private Path cache;

    @BeforeEach
    void node() throws IOException {
        uri = NodeXml.host().domain("vm1", NodeXml.State.RUNNING).auth(USER, PASSWORD).write(dir, "node.xml");
        log = dir.resolve("lvsh.log");
        cache = Files.createDirectories(dir.resolve("cache"));
    }

    @Test
    void shellNeverShowsNorKeepsPasswords() throws IOException {
        Path stderr = dir.resolve("stderr.txt");
        String command = Project.launcher() + " -d 0 -l " + log + " -c test:///default 2>" + stderr;
        try (Term term = Term.start(command, Map.of("XDG_CACHE_HOME", cache.toString()))) {
            term.expect(PROMPT);
            term.type("connect " + uri + "\r");
            answer(term, USER, PASSWORD);
            term.expect("Connected to " + uri + ".*" + PROMPT);
            term.type("list --all --name\r");
            term.expect("vm1\n\n" + PROMPT);
            term.type("connect " + uri + "\r"); // again, with a wrong password
            answer(term, USER, WRONG);
            term.expect(PROMPT);
            term.type("connect --json " + uri + "\r"); // and a JSON error
            answer(term, USER, WRONG);
            term.expect(PROMPT);
            term.type("uri\r");
            term.expect(PROMPT);
            term.type("quit\r");
            assertEquals(0, term.waitFor(Duration.ofSeconds(20)));
            String screen = term.raw();
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            assertTrue(err.contains("error: ") || Term.plain(screen).contains("error: "),
                    "the wrong password was reported: " + err);
            assertTrue(err.contains("{\"error\"") || Term.plain(screen).contains("{\"error\""),
                    "a JSON error for connect --json: " + err);
            assertNoSecret("screen", screen);
            // as virsh: nothing is echoed for a password, not even a '*' per character that tells its length
            assertFalse(screen.contains("*".repeat(PASSWORD.length())), Verdicts.printable(screen));
            assertFalse(screen.contains("*".repeat(WRONG.length())), Verdicts.printable(screen));
            assertNoSecret("stderr", err);
            assertNoSecret("log file", Files.readString(log, StandardCharsets.UTF_8));
            Path history = cache.resolve("lvsh/history");
            String kept = Files.readString(history, StandardCharsets.UTF_8);
            assertTrue(kept.contains("connect " + uri), kept);
            assertNoSecret("history", kept);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
            assertEquals("rwx------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(history.getParent())));
        }
        assertTrue(Files.size(log) > 0, "the log was written");
    }

    /** One-shot on a terminal (credentials asked on /dev/tty), stderr to a file, JSON error for a wrong one. */
    @Test
    void oneShotJsonErrorHasNoPassword() throws IOException {
        Path stderr = dir.resolve("stderr.txt");
        Path stdout = dir.resolve("stdout.txt");
        String command = Project.launcher() + " -d 0 -l " + log + " --json -c " + uri + " list --all >" + stdout
                + " 2>" + stderr;
        try (Term term = Term.start(command, Map.of("XDG_CACHE_HOME", cache.toString()))) {
            answer(term, USER, WRONG);
            assertEquals(3, term.waitFor(Duration.ofSeconds(20)), term.tail());
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            // -d 0 adds diagnostics and a stack trace; the error itself is one JSON line
            List<String> json = err.lines().filter(l -> l.startsWith("{")).toList();
            assertEquals(1, json.size(), err);
            assertTrue(json.get(0).startsWith("{\"error\": {\"code\": \"VIR_ERR_AUTH_FAILED\""), err);
            assertEquals("", Files.readString(stdout, StandardCharsets.UTF_8));
            assertNoSecret("stderr", err); // the screen: see oneShotPasswordPromptNeverEchoes
            assertNoSecret("log file", Files.readString(log, StandardCharsets.UTF_8));
        }
        Path stderr2 = dir.resolve("stderr2.txt");
        try (Term term = Term.start(Project.launcher() + " -d 0 -l " + log + " -c " + uri + " list --all --name 2>"
                + stderr2, Map.of("XDG_CACHE_HOME", cache.toString()))) {
            answer(term, USER, PASSWORD);
            term.expect("vm1\n\n\\z");
            assertEquals(0, term.waitFor(Duration.ofSeconds(20)), term.tail());
            assertNoSecret("stderr", Files.readString(stderr2, StandardCharsets.UTF_8));
            assertNoSecret("log file", Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /**
     * One-shot asks on /dev/tty with echo turned off by stty: the prompt must not show before echo is off, or
     * whatever is typed as soon as it shows is echoed in clear.
     */
    @Test
    void oneShotPasswordPromptNeverEchoes() {
        for (String password : new String[] {WRONG, PASSWORD}) {
            try (Term term = Term.start(Project.launcher() + " -c " + uri + " list --all --name 2>/dev/null",
                    Map.of("XDG_CACHE_HOME", cache.toString()))) {
                answer(term, USER, password);
                term.waitFor(Duration.ofSeconds(20));
                assertFalse(term.raw().contains(password), "the password was echoed: "
                        + Verdicts.printable(term.raw()));
            }
        }
    }

    @Test
    void authFileReadableByOthersDrawsAWarning() throws IOException {
        Path auth = dir.resolve("auth.conf");
        Files.writeString(auth, "[credentials-x]\nusername=" + USER + "\npassword=" + PASSWORD
                + "\n[auth-test-localhost]\ncredentials=x\n");
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw----r--"}) {
            Files.setPosixFilePermissions(auth, PosixFilePermissions.fromString(mode));
            Run.Result r = Run.launcher("", Map.of("LIBVIRT_AUTH_FILE", auth.toString()), "-c", uri, "list",
                    "--all", "--name");
            assertEquals(0, r.status(), mode + ": " + r.err());
            assertEquals("vm1", r.out().strip(), "the credentials came from the file");
            assertEquals("warning: auth file " + auth + " is readable by other users; chmod 600 " + auth + "\n",
                    r.err(), mode);
            assertNoSecret("stdout", r.out());
        }
        Files.setPosixFilePermissions(auth, PosixFilePermissions.fromString("rw-------"));
        Run.Result r = Run.launcher("", Map.of("LIBVIRT_AUTH_FILE", auth.toString()), "-c", uri, "list", "--all",
                "--name");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err(), "a private file: no warning");
        // the ?authfile= form of the URI, as libvirt reads it
        Files.setPosixFilePermissions(auth, PosixFilePermissions.fromString("rw-r--r--"));
        r = Run.launcher("", Map.of(), "-c", uri + "?authfile=" + auth, "list", "--all", "--name");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().startsWith("warning: auth file " + auth + " is readable by other users; chmod 600 "),
                r.err());
    }

    /**
     * Answers libvirt's two questions (user name echoed, password masked), each as soon as its prompt shows, as
     * expect(1), a password manager or a quick typist does: once the prompt is visible, echo must be off.
     */
    private static void answer(Term term, String user, String password) {
        term.expect("(?i)(name|user)[^\\n]*: \\z");
        term.type(user + "\r");
        term.expect("(?i)pass[^\\n]*: \\z");
        term.type(password + "\r");
    }

    private static void assertNoSecret(String where, String text) {
        assertFalse(text.contains(PASSWORD), "the password is in the " + where);
        assertFalse(text.contains(WRONG), "the wrong password is in the " + where);
    }
}
