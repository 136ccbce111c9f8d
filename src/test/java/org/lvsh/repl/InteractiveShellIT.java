package org.lvsh.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Project;
import org.lvsh.support.Pty;

/** The interactive shell on a real pseudo-terminal: prompt, completion, Ctrl-C, Ctrl-D, history. */
class InteractiveShellIT {
    /** The prompt waiting for input: the last thing on the screen (not the echo of a typed line). */
    private static final String PROMPT = "lvsh \\(test:///default\\) # \\z";

    @TempDir
    Path cache;

    private Pty shell(String... args) {
        return Pty.start(Project.launcher() + " " + String.join(" ", args), Map.of("XDG_CACHE_HOME",
                cache.toString()));
    }

    @Test
    void promptCommandsAndCompletion() {
        try (Pty pty = shell("-c", "test:///default")) {
            // virsh's banner: no suggestion to connect to the demo host the shell is already connected to
            pty.expect("Welcome to lvsh, the virtualization interactive terminal\\.\n\n"
                    + "Type:  'help' for help with commands\n       'quit' to quit\n\n" + PROMPT);
            pty.type("nodeinfo\r");
            pty.expect("Memory size:         3145728 KiB\n\n" + PROMPT);
            pty.type("dominfo t\t");
            pty.expect("dominfo test");
            pty.type("\r");
            pty.expect("Name:           test\n.*" + PROMPT);
            pty.type("uri; domstate t\t"); // the words after ';' are a command of their own, as they will run
            pty.expect("uri; domstate test");
            pty.type("\r");
            pty.expect("test:///default\n\nrunning\n\n" + PROMPT);
            pty.type("freecell --cellno \t\t");
            pty.expect("0\\s+1");
            pty.type("\u0003");
            pty.expect(PROMPT);
            pty.type("hostname --\t\t"); // the shell refuses -c, -r, -t...: they are not offered either
            pty.expect("--quiet");
            sleep(300); // the whole list is drawn
            String offered = pty.all();
            assertTrue(offered.contains("--no-headers"), offered);
            assertFalse(offered.contains("--connect") || offered.contains("--readonly")
                    || offered.contains("--timing"), offered);
            pty.type("\u0003"); // Ctrl-C clears the line, the shell stays
            pty.expect(PROMPT);
            pty.type("list --al");
            pty.expect("list --al");
            pty.type("\u0003");
            pty.expect(PROMPT);
            pty.type("uri\r"); // the half-typed list is gone: only uri runs
            String out = pty.expect("test:///default\n\n" + PROMPT);
            assertFalse(out.contains("unknown"), out);
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
    }

    @Test
    void completedNamesAreQuotedAsTheShellReadsThem() throws IOException {
        Path node = cache.resolve("node.xml");
        StringBuilder xml = new StringBuilder("<node>\n");
        for (String name : new String[] {"semi;colon", "it's", "quo\"te", "back\\slash"}) {
            xml.append("<domain type='test'><name>").append(name.replace("\"", "&quot;"))
                    .append("</name><memory>65536</memory><os><type>hvm</type></os></domain>\n");
        }
        Files.writeString(node, xml.append("</node>\n"));
        String uri = "test://" + node;
        String prompt = "lvsh \\(" + java.util.regex.Pattern.quote(uri) + "\\) # \\z";
        try (Pty pty = shell("-q", "-c", uri)) {
            pty.expect(prompt);
            String[][] cases = {{"s", "semi\\\\;colon"}, {"i", "it\\\\'s"}, {"'i", "'it'\\\\''s'"},
                {"q", "quo\\\\\"te"}, {"\"b", "\"back\\\\\\\\slash\""}};
            for (String[] c : cases) {
                pty.type("domstate " + c[0] + "\t");
                pty.expect("domstate " + c[1]);
                pty.type("\r");
                String out = pty.expect("running\n" + prompt);
                assertFalse(out.contains("error"), c[0] + ": " + out);
            }
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
    }

    /** The demo host is offered where it helps: no URI given and libvirt's default not there (no system daemon). */
    @Test
    void connectionHintsSpeakTheShellsLanguage() {
        String bad = "qemu:///system?socket=/nonexistent/sock";
        try (Pty pty = shell()) {
            String start = pty.expect("Not connected\\.\n\n.*# \\z");
            assertTrue(start.contains("; try 'connect test:///default' for the built-in demo host\n"), start);
            pty.type("connect " + bad + "\r");
            String connect = pty.expect("No such file or directory\n.*# \\z");
            assertFalse(connect.contains("demo host"), connect);
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
    }

    /** A terminal with no size (a serial console, docker exec before its first resize): 80 columns, as readline. */
    @Test
    void aTerminalWithNoSizeStillShowsThePromptAndWhatIsTyped() throws Exception {
        Path resized = cache.resolve("resized");
        // once the shell is up, the terminal gets a size, as docker's first resize gives it
        Path done = cache.resolve("resize-done");
        // a background job's stdin is /dev/null: stty sizes the terminal through /dev/tty
        String later = "(while [ ! -e '" + resized + "' ]; do sleep 0.1; done; stty cols 60 rows 20 < /dev/tty "
                + "2>/dev/null; touch '" + done + "') & ";
        try (Pty pty = Pty.startSized("cols 0 rows 0", "sh -c \"" + later + "exec " + Project.launcher()
                + " -q -c test:///default\"", Map.of("XDG_CACHE_HOME", cache.toString()))) {
            pty.expect("^lvsh \\(test:///default\\) # \\z");
            pty.type("uri");
            pty.expect("^uri\\z");
            pty.type("\r");
            pty.expect("\ntest:///default\n" + PROMPT);
            java.nio.file.Files.createFile(resized);
            for (int i = 0; i < 100 && !java.nio.file.Files.exists(done); i++) {
                Thread.sleep(50); // the resize has happened once the job says so
            }
            assertTrue(java.nio.file.Files.exists(done), "the terminal was not resized");
            pty.expect(PROMPT); // the shell redraws its prompt for the new size
            pty.type("hostname");
            pty.expect("^hostname\\z");
            pty.type("\r");
            pty.expect("\n[^\n]+\n" + PROMPT);
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
    }

    @Test
    void readOnlyPromptAndCtrlD() {
        try (Pty pty = shell("-q", "-r", "-c", "test:///default")) {
            pty.expect("lvsh \\(test:///default\\) > \\z");
            assertFalse(pty.all().contains("Welcome"), "-q: no banner");
            pty.type("\u0004");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
    }

    @Test
    void ctrlCEndsAWaitingCommandAndTheShellGoesOn() {
        try (Pty pty = shell("-c", "test:///default")) {
            pty.expect(PROMPT);
            pty.type("event --all --loop\r");
            pty.expect("event --all --loop\n");
            sleep(500);
            pty.type("\u0003");
            pty.expect("event loop interrupted\nevents received: 0\n.*" + PROMPT, Duration.ofSeconds(5));
            pty.type("uri\r");
            pty.expect("test:///default\n\n" + PROMPT);
        }
    }

    /** A daemon that accepts but never answers: connecting hangs in libvirt until Ctrl-C abandons it. */
    @Test
    void ctrlCAbandonsACallThatNeverReturns() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Pty pty = shell("-c", "test:///default")) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            pty.expect(PROMPT);
            pty.type("connect qemu+tcp://127.0.0.1:" + silent.getLocalPort() + "/system\r");
            sleep(1500);
            long start = System.nanoTime();
            pty.type("\u0003");
            pty.expect("error: interrupted; the pending call was abandoned\n" + PROMPT, Duration.ofSeconds(3));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 2000, "prompt back promptly");
            for (int i = 0; i < 3; i++) { // repeated Ctrl-C at the prompt is harmless
                pty.type("\u0003");
                pty.expect(PROMPT);
            }
            pty.type("uri\r"); // and the old connection is still there
            pty.expect("test:///default\n\n" + PROMPT);
        }
    }

    @Test
    void historyPersistsPrivately() throws IOException {
        try (Pty pty = shell("-c", "test:///default")) {
            pty.expect(PROMPT);
            pty.type("hostname\r");
            pty.expect(PROMPT);
            pty.type("quit\r");
            pty.waitFor(Duration.ofSeconds(10));
        }
        Path history = cache.resolve("lvsh/history");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history.getParent())));
        assertTrue(Files.readString(history).contains("hostname"));
        try (Pty pty = shell("-c", "test:///default")) {
            pty.expect(PROMPT);
            pty.type("\u001bOA\u001bOA"); // up, up (keypad mode): quit, then hostname
            pty.expect("hostname");
            pty.type("\r");
            pty.expect("vm\n\n" + PROMPT);
        }
    }

    /**
     * History that cannot be saved (here the cache directory is a regular file) is one warning, the first time,
     * not JLine's stack trace after every command; the shell goes on, its history in memory.
     */
    @Test
    void historyThatCannotBeSavedIsOneWarning() throws IOException {
        Path notADirectory = Files.writeString(cache.resolve("cache-file"), "");
        try (Pty pty = Pty.start(Project.launcher() + " -c test:///default", Map.of("XDG_CACHE_HOME",
                notADirectory.toString()))) {
            pty.expect(PROMPT);
            pty.type("hostname\r");
            pty.expect("vm\n\n" + PROMPT);
            pty.type("uri\r");
            pty.expect("test:///default\n\n" + PROMPT);
            pty.type("\u001bOA\u001bOA"); // up, up: hostname, from the history kept in memory
            pty.expect("hostname");
            pty.type("\r");
            pty.expect("vm\n\n" + PROMPT);
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
            String screen = pty.all();
            String warning = "warning: cannot save history to " + notADirectory.resolve("lvsh/history") + ": ";
            assertEquals(1, screen.split(java.util.regex.Pattern.quote(warning), -1).length - 1, screen);
            assertEquals(1, screen.split("warning", -1).length - 1, screen);
            assertFalse(screen.contains("Exception") || screen.contains("\tat ") || screen.contains("SEVERE")
                    || screen.contains("WARNING"), screen);
            assertTrue(screen.contains(warning + "Not a directory\n"), screen);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
