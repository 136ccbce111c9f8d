package org.lvsh.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.NodeXml;
import org.lvsh.support.Project;

/**
 * Ctrl-C at awkward moments: repeatedly while an abandoned libvirt call is still blocked (a loopback listener
 * that accepts and never answers), then more commands, then a clean quit; and at the credential prompts, in the
 * shell and one-shot (where echo must come back on).
 */
class InterruptsIT {
    private static final String PROMPT = "lvsh \\(test:///default\\) # \\z";
    private static final String ABANDONED = "error: interrupted; the pending call was abandoned\n";

    @TempDir
    Path dir;

    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void silentDaemon() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept()); // and never a byte back
                }
            } catch (IOException e) {
                // closed after the test
            }
        }, "silent-daemon");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    private Term shell() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Term term = Term.start(Project.launcher() + " -c test:///default", Map.of("XDG_CACHE_HOME",
                cache.toString()));
        term.expect(PROMPT);
        return term;
    }

    private String hung() {
        return "connect qemu+tcp://127.0.0.1:" + silent.getLocalPort() + "/system\r";
    }

    @Test
    void repeatedCtrlCWhileAnAbandonedCallIsStillBlocked() throws IOException {
        try (Term term = shell()) {
            term.type(hung());
            waitForAccepted(1);
            term.type("\u0003");
            term.expect(ABANDONED + PROMPT, Duration.ofSeconds(5));
            for (int i = 0; i < 5; i++) { // the abandoned call is still blocked in libvirt all along
                term.type("\u0003");
                term.expect(PROMPT, Duration.ofSeconds(5));
            }
            term.type("\u0003\u0003\u0003"); // a burst
            Term.sleep(300);
            term.type("uri\r");
            term.expect("test:///default\n\n" + PROMPT);
            for (String command : new String[] {"list --all", "dominfo test", "nodeinfo", "domstate test"}) {
                term.type(command + "\r");
                term.expect("\n\n" + PROMPT);
            }
            // a second hung call, and a burst of Ctrl-C while it hangs
            term.type(hung());
            waitForAccepted(2);
            term.type("\u0003\u0003\u0003\u0003");
            String out = term.expect(ABANDONED + PROMPT, Duration.ofSeconds(5));
            assertEquals(1, count(out, "abandoned"), "one report for one abandoned call: " + out);
            Term.sleep(300);
            term.type("domid test\r");
            term.expect("1\n\n" + PROMPT);
            assertTrue(term.alive());
            term.type("quit\r"); // two calls still blocked in libvirt: quitting must not wait for them
            assertEquals(0, term.waitFor(Duration.ofSeconds(20)));
            assertFalse(Term.plain(term.raw()).contains("Exception"), Term.plain(term.raw()));
        }
    }

    /** Ctrl-C then Ctrl-D: end of input while a call is abandoned ends the shell normally too. */
    @Test
    void ctrlDAfterAnAbandonedCall() throws IOException {
        try (Term term = shell()) {
            term.type(hung());
            waitForAccepted(1);
            term.type("\u0003");
            term.expect(ABANDONED + PROMPT, Duration.ofSeconds(5));
            term.type("\u0004");
            assertEquals(0, term.waitFor(Duration.ofSeconds(20)));
        }
    }

    @Test
    void ctrlCAtTheShellsPasswordPrompt() throws IOException {
        String uri = NodeXml.host().domain("vm1", NodeXml.State.RUNNING).auth("alice", "s3cr3t-PW")
                .write(dir, "node.xml");
        try (Term term = shell()) {
            term.type("connect " + uri + "\r");
            term.expect("(?i)(name|user)[^\\n]*: \\z");
            term.type("alice\r");
            term.expect("(?i)pass[^\\n]*: \\z");
            term.type("s3c\u0003");
            String out = term.expect(PROMPT, Duration.ofSeconds(10));
            assertTrue(out.contains("error: "), "the cancelled connect is reported: " + out);
            assertFalse(out.contains("s3c"), out);
            term.type("uri\r"); // still on the old connection, and the line editor echoes again
            term.expect("uri\ntest:///default\n\n" + PROMPT);
            // Ctrl-C at the user name prompt as well
            term.type("connect " + uri + "\r");
            term.expect("(?i)(name|user)[^\\n]*: \\z");
            term.type("\u0003");
            term.expect(PROMPT, Duration.ofSeconds(10));
            // and the right answers still work afterwards
            term.type("connect " + uri + "\r");
            term.expect("(?i)(name|user)[^\\n]*: \\z");
            term.type("alice\r");
            term.expect("(?i)pass[^\\n]*: \\z");
            term.type("s3cr3t-PW\r");
            term.expect("Connected to " + uri + ".*\n\nlvsh \\(" + uri + "\\) # \\z");
            term.type("quit\r");
            assertEquals(0, term.waitFor(Duration.ofSeconds(20)));
        }
    }

    /**
     * One-shot asks on /dev/tty with echo turned off: Ctrl-C there ends lvsh, and echo must be back on for the
     * shell that started it (a shell around lvsh on the same terminal records `stty -a` before and after).
     */
    @Test
    void ctrlCAtTheOneShotPasswordPromptRestoresEcho() throws IOException {
        String uri = NodeXml.host().domain("vm1", NodeXml.State.RUNNING).auth("alice", "s3cr3t-PW")
                .write(dir, "node.xml");
        Path before = dir.resolve("before");
        Path after = dir.resolve("after");
        Path done = dir.resolve("done");
        // trap : INT -- the wrapper survives Ctrl-C (a handler, unlike '', is not inherited by lvsh)
        String wrapper = "sh -c 'trap : INT; stty -a >" + before + "; " + Project.launcher() + " -c " + uri
                + " list --all; echo $? >" + done + "; stty -a >" + after + "; sleep 1'";
        try (Term term = Term.start(wrapper, Map.of())) {
            term.expect("(?i)(name|user)[^\\n]*: \\z");
            term.type("alice\r");
            term.expect("(?i)pass[^\\n]*: \\z");
            Term.sleep(500); // echo is off by now (see SecretsIT for what happens before)
            term.type("s3c\u0003");
            term.waitFor(Duration.ofSeconds(20));
        }
        String status = Files.readString(done).strip();
        assertTrue(status.equals("130") || status.equals("3"), "status after Ctrl-C: " + status);
        String a = Files.readString(after);
        assertTrue(a.contains(" echo ") || a.contains("\necho "), "echo is back on:\n" + a);
        assertEquals(flags(Files.readString(before)), flags(a), "terminal flags after Ctrl-C at the prompt");
    }

    private static String flags(String sttyA) {
        int nl = sttyA.indexOf('\n');
        return nl < 0 ? sttyA : sttyA.substring(nl + 1);
    }

    private void waitForAccepted(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (accepted.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("libvirt never connected to the silent daemon");
            }
            Term.sleep(20);
        }
        Term.sleep(300); // libvirt is now waiting for an answer that never comes
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }
}
