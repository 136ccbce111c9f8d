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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Project;
import org.lvsh.support.Pty;
import org.lvsh.support.Run;
import org.lvsh.support.TestDaemon;

/**
 * A set of two hosts on the private libvirtd: one over TCP with SASL (its password asked on the terminal, the
 * prompt naming the host), one through the read-only socket. Each host's part is compared with virsh on its URI.
 */
class HostSetIT {
    private static final String ANY_PROMPT = "[^\n]*: \\z";

    @TempDir
    static Path dir;
    static TestDaemon daemon;
    static Map<String, String> env;
    static String guest;

    @BeforeAll
    static void hosts() throws IOException {
        daemon = TestDaemon.get();
        guest = TestDaemon.uniqueName("set");
        daemon.define(guest);
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("lvsh"));
        Files.writeString(config.resolve("lvsh/hosts.yaml"), "hosts:\n"
                + "  sasl: \"" + daemon.tcpUri() + "\"\n"
                + "  ro: {uri: \"" + daemon.roSocketUri() + "\", readonly: true}\n"
                + "groups:\n  both: [sasl, ro]\n");
        env = Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", dir.toString(), "XDG_CACHE_HOME",
                dir.resolve("cache").toString());
    }

    @AfterAll
    static void cleanUp() {
        daemon.remove(guest);
    }

    @Test
    void theSaslHostAsksOnTheTerminalNamingItselfAndTheReadOnlyOneNever() {
        try (Pty pty = Pty.start(Project.launcher() + " -H @both list --all --name", env)) {
            String first = pty.expect(ANY_PROMPT, Duration.ofSeconds(30));
            assertTrue(lastLine(first).startsWith("sasl: "), "the prompt names its host: " + first);
            pty.type(daemon.saslUser() + "\r");
            String second = pty.expect(ANY_PROMPT, Duration.ofSeconds(20));
            assertTrue(lastLine(second).startsWith("sasl: ") && lastLine(second).toLowerCase().contains("password"),
                    second);
            pty.type(daemon.saslPassword() + "\r");
            String out = pty.expect("ro:" + Pattern.quote(guest) + "\n", Duration.ofSeconds(30));
            assertTrue(out.contains("sasl:" + guest + "\n"), out);
            assertEquals(0, pty.waitFor(Duration.ofSeconds(20)), pty.all());
            assertFalse(pty.raw().contains(daemon.saslPassword()), "the password was echoed");
            assertFalse(Pattern.compile("(?m)^ro: [^\n]*: ").matcher(pty.all()).find(), "the read-only host asks nothing");
        }
    }

    /** Each host's rows are what virsh shows on that host's URI, under the host's name. */
    @Test
    void eachHostsPartIsVirshsOnItsUri() {
        Map<String, String> withAuth = new java.util.HashMap<>(env);
        withAuth.put("LIBVIRT_AUTH_FILE", daemon.authFile());
        Run.Result r = Run.launcher("", withAuth, "-H", "@both", "-q", "list", "--all", "--name");
        assertEquals(0, r.status(), r.err());
        List<String> expected = new ArrayList<>();
        for (String host : List.of("sasl", "ro")) {
            String uri = host.equals("sasl") ? daemon.tcpUriWithAuthFile() : daemon.roSocketUri();
            for (String name : Run.virsh("-c", uri, "list", "--all", "--name").out().lines()
                    .filter(l -> !l.isBlank()).toList()) {
                expected.add(host + ":" + name);
            }
        }
        assertEquals(expected, r.out().lines().filter(l -> !l.isBlank()).toList());
        Run.Result ro = Run.launcher("", withAuth, "-H", "ro", "-q", "domstate", "ro:" + guest);
        assertEquals(0, ro.status(), ro.err());
        assertTrue(ro.out().contains("shut off"), ro.out());
    }

    private static String lastLine(String screen) {
        String[] lines = screen.split("\n");
        return lines[lines.length - 1];
    }
}
