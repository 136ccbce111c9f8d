package org.lvsh.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.NodeXml;
import org.lvsh.support.NodeXml.State;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/**
 * event over a set of hosts (-H), where nothing happens: which hosts are watched, how an unreachable one is
 * reported, the closing lines and the statuses. Events themselves come from a real daemon (EventsIT).
 */
class EventOnHostsTest {
    @TempDir
    static Path dir;
    static int refusedPort;
    static Map<String, String> env;

    @BeforeAll
    static void hosts() throws IOException {
        String a = NodeXml.host().domain("web", State.RUNNING).domain("shared", State.PAUSED).write(dir, "a.xml");
        String b = NodeXml.host().domain("db", State.RUNNING).domain("shared", State.RUNNING).write(dir, "b.xml");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = s.getLocalPort();
        }
        Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("lvsh"));
        Files.writeString(config.resolve("lvsh/hosts.yaml"), "hosts:\n"
                + "  a: " + a + "\n"
                + "  b: " + b + "\n"
                + "  refused: qemu+tcp://127.0.0.1:" + refusedPort + "/system\n");
        env = Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", dir.toString());
    }

    private static Result lvsh(String... args) {
        return Run.withEnv(env, "", args);
    }

    private String refusedLine() {
        return "error: refused: failed to connect to the hypervisor: unable to connect to server at '127.0.0.1:"
                + refusedPort + "': Connection refused\n";
    }

    @Test
    void everyHostWatchedAndNothingCameEndsAsVirsh() {
        Result r = lvsh("-H", "a,b", "event", "--all", "--loop", "--timeout", "1");
        assertEquals("event loop timed out\nevents received: 0\n\n", r.out());
        assertEquals("", r.err());
        assertEquals(1, r.status(), "as virsh when nothing came");
    }

    @Test
    void anUnreachableHostIsReportedOnceAndTheOthersAreWatched() {
        Result r = lvsh("-H", "a,refused,b", "event", "--all", "--timeout", "1");
        assertEquals("event loop timed out\nevents received: 0\n\n", r.out());
        assertEquals(refusedLine(), r.err());
        assertEquals(4, r.status());
    }

    @Test
    void jsonReportsTheHostOnStderrAndTheClosingLinesThere() throws IOException {
        Result r = lvsh("-H", "a,refused", "--json", "event", "--all", "--timeout", "1");
        assertEquals("", r.out());
        String[] err = r.err().split("\n");
        assertEquals(3, err.length, r.err());
        JsonNode e = new ObjectMapper().readTree(err[0]);
        assertEquals("refused", e.get("host").asText());
        assertEquals("VIR_ERR_SYSTEM_ERROR", e.get("error").get("code").asText());
        assertEquals("event loop timed out", err[1]);
        assertEquals("events received: 0", err[2]);
        assertEquals(4, r.status());
    }

    @Test
    void structuredFormatsPutTheClosingLinesOnStderr() {
        for (String format : new String[] {"yaml", "csv", "name"}) {
            Result r = lvsh("-H", "a,b", "-o", format, "event", "--all", "--timeout", "1");
            assertEquals("", r.out(), format);
            assertEquals("event loop timed out\nevents received: 0\n", r.err(), format);
            assertEquals(1, r.status(), format);
            Result one = Run.lvsh("-c", "test:///default", "-o", format, "event", "--all", "--timeout", "1");
            assertEquals("", one.out(), "one connection, " + format);
            assertEquals("event loop timed out\nevents received: 0\n", one.err(), "one connection, " + format);
            assertEquals(1, one.status(), "one connection, " + format);
        }
    }

    @Test
    void noHostReachableIsStatus3() {
        Result r = lvsh("-H", "refused", "event", "--all", "--timeout", "1");
        assertEquals("\n", r.out(), "virsh's blank line after a command, as for one host");
        assertEquals(refusedLine(), r.err());
        assertEquals(3, r.status());
    }

    @Test
    void aBareDomainOnSeveralHostsIsAUsageError() {
        Result r = lvsh("-H", "a,b", "event", "--domain", "shared", "--all", "--timeout", "1");
        assertEquals("\n", r.out(), "virsh's blank line after a command, as for one host");
        assertEquals("error: domain 'shared' is on several hosts: a:shared, b:shared; name one as HOST:DOMAIN\n",
                r.err());
        assertEquals(2, r.status());
    }

    @Test
    void aDomainOnNoHostIsVirshsError() {
        Result r = lvsh("-H", "a,b", "event", "nosuch", "--all", "--timeout", "1");
        assertEquals("\n", r.out(), "virsh's blank line after a command, as for one host");
        assertEquals("error: failed to get domain 'nosuch'\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void aDomainOnOneHostOrNamedWithItsHostIsWatchedThere() {
        for (String domain : new String[] {"web", "a:web", "b:shared"}) {
            Result r = lvsh("-H", "a,b", "event", "--domain", domain, "--event", "lifecycle", "--timeout", "1");
            assertEquals("event loop timed out\nevents received: 0\n\n", r.out(), domain);
            assertEquals("", r.err(), domain);
            assertEquals(1, r.status(), domain);
        }
    }

    @Test
    void aHostsDomainNotThereIsVirshsErrorForThatHost() {
        Result r = lvsh("-H", "a,b", "event", "--domain", "b:web", "--all", "--timeout", "1");
        assertEquals("\n", r.out(), "virsh's blank line after a command, as for one host");
        assertEquals("error: b: failed to get domain 'web'\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void listNeedsNoHostAndBackgroundIsRefused() {
        Result list = lvsh("-H", "a,refused", "event", "--list");
        assertEquals(Run.lvsh("event", "--list").out(), list.out());
        assertEquals(0, list.status());
        Result bg = lvsh("-H", "a,b", "event", "--all", "--background");
        assertEquals(2, bg.status());
    }
}
