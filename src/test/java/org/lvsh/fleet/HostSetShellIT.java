package org.lvsh.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.NodeXml;
import org.lvsh.support.NodeXml.State;
import org.lvsh.support.Project;
import org.lvsh.support.Pty;

/** The shell on a set of hosts, on a pseudo-terminal: completion offers HOST:DOMAIN from every host. */
class HostSetShellIT {
    private static final String PROMPT = "lvsh \\(pair: 2 hosts\\) # \\z";

    @TempDir
    static Path dir;
    static Map<String, String> env;

    @BeforeAll
    static void hosts() throws IOException {
        String a = NodeXml.host().domain("web", State.RUNNING).domain("shared", State.PAUSED).write(dir, "a.xml");
        String b = NodeXml.host().domain("db", State.RUNNING).domain("shared", State.RUNNING).write(dir, "b.xml");
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("lvsh"));
        Files.writeString(config.resolve("lvsh/hosts.yaml"), "hosts:\n  a: " + a + "\n  b: " + b + "\n"
                + "groups:\n  pair: [a, b]\n");
        env = Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", dir.toString(), "XDG_CACHE_HOME",
                dir.resolve("cache").toString());
    }

    @Test
    void completionOffersHostDomainFromEveryHost() {
        try (Pty pty = Pty.start(Project.launcher() + " -q -c test:///default", env)) {
            pty.expect("lvsh \\(test:///default\\) # \\z");
            pty.type("connect -H @pair\r");
            pty.expect(PROMPT, Duration.ofSeconds(20));
            pty.type("domstate b:s\t"); // one candidate on host b: completed in place
            pty.expect("domstate b:shared");
            pty.type("\r");
            pty.expect("\n b +running\n" + PROMPT);
            pty.type("domstate w\t"); // a name only one host has: the bare name, which the run resolves
            pty.expect("domstate web");
            pty.type("\r");
            pty.expect("\n a +running\n" + PROMPT);
            pty.type("domstate \t\t");
            pty.expect("a:shared");
            TestWait.drawn();
            String offered = pty.all();
            assertTrue(offered.contains("a:web") && offered.contains("b:db") && offered.contains("b:shared"), offered);
            assertFalse(offered.matches("(?s).*\\sshared\\s.*"), "an ambiguous bare name is not offered: " + offered);
            pty.type("\u0003");
            pty.expect(PROMPT);
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
    }

    /** Started on a set, the shell connects to no single host: libvirt's default is not one of the set. */
    @Test
    void aShellStartedOnASetTriesNoOtherConnection() {
        Map<String, String> failingDefault = new java.util.HashMap<>(env);
        failingDefault.put("LIBVIRT_DEFAULT_URI", "qemu:///system?socket=/nonexistent/libvirt-sock");
        try (Pty pty = Pty.start(Project.launcher() + " -H @pair", failingDefault)) {
            String start = pty.expect(PROMPT, Duration.ofSeconds(20));
            assertFalse(start.contains("error"), start);
            assertTrue(start.startsWith("Welcome to lvsh"), start);
            pty.type("uri\r");
            pty.expect("\n a +test:///.*\n b +test:///.*\n\n" + PROMPT);
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
    }

    /** The list of candidates is drawn in one go; what follows waits for nothing else. */
    private static final class TestWait {
        static void drawn() {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
