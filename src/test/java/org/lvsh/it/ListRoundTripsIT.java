package org.lvsh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lvsh.support.Project;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;
import org.lvsh.support.TestDaemon;

/**
 * Remote listing cost: `list --all` with 5 and with 200 defined guests, RPC round-trips counted in libvirt's own
 * client log (one {@code virNetClientCallNew} line per call, LIBVIRT_LOG_FILTERS="1:rpc.netclient"). virsh makes
 * one call per domain on top of its set-up; lvsh's count must not depend on the number of domains.
 *
 * <p>Both the measurements run once, in {@link #measure()}: define 5, count, define 195 more, count, undefine.
 */
class ListRoundTripsIT {
    private static final int FEW = 5;
    private static final int MANY = 200;
    private static final String CALL = "virNetClientCallNew";

    private static TestDaemon daemon;
    private static final List<String> names = new ArrayList<>();
    private static Count tcpFew;
    private static Count tcpMany;
    private static Count unixFew;
    private static Count unixMany;

    /** Calls counted for one `list --all`, with what each program printed. */
    record Count(int lvsh, int virsh, Result lvshRun, Result virshRun, String lvshLog, String virshLog) {
        @Override
        public String toString() {
            return "lvsh " + lvsh + " calls, virsh " + virsh + " calls";
        }
    }

    @BeforeAll
    static void measure() throws IOException {
        daemon = TestDaemon.get();
        defineGuests(FEW);
        tcpFew = count(daemon.tcpUriWithAuthFile());
        unixFew = count(daemon.socketUri());
        defineGuests(MANY - FEW);
        tcpMany = count(daemon.tcpUriWithAuthFile());
        unixMany = count(daemon.socketUri());
    }

    @AfterAll
    static void undefineGuests() {
        if (daemon == null || names.isEmpty()) {
            return;
        }
        StringBuilder cmds = new StringBuilder();
        for (String n : names) {
            cmds.append("undefine ").append(n).append(" ; ");
        }
        daemon.virsh("-q", cmds.toString());
        Result left = daemon.virshOk("list", "--all", "--name");
        for (String n : names) {
            assertTrue(!left.out().contains(n + "\n"), "not undefined: " + n);
        }
    }

    /** Defines {@code n} more guests with one virsh process (a ';'-separated command string). */
    private static void defineGuests(int n) {
        StringBuilder cmds = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String name = TestDaemon.uniqueName("rt");
            cmds.append("define ").append(daemon.guestXmlFile(name)).append(" ; ");
            names.add(name);
        }
        daemon.virshOk("-q", cmds.toString());
    }

    private static Count count(String uri) throws IOException {
        Path dir = Files.createTempDirectory("lvsh-rt");
        try {
            Path lvshLog = dir.resolve("lvsh.log");
            Path virshLog = dir.resolve("virsh.log");
            Result lvsh = TestDaemon.run(List.of(Project.launcher().toString(), "-c", uri, "list", "--all"),
                    logTo(lvshLog), 60);
            Result virsh = TestDaemon.run(List.of("virsh", "-c", uri, "list", "--all"), logTo(virshLog), 60);
            return new Count(calls(lvshLog), calls(virshLog), lvsh, virsh, read(lvshLog), read(virshLog));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static Map<String, String> logTo(Path file) {
        return Map.of("LIBVIRT_LOG_FILTERS", "1:rpc.netclient", "LIBVIRT_LOG_OUTPUTS", "1:file:" + file);
    }

    private static int calls(Path log) {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            return (int) Files.readAllLines(log).stream().filter(l -> l.contains(CALL)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void bothListed(Count c, int atLeast) {
        assertEquals(0, c.virshRun().status(), c.virshRun().err());
        assertEquals(0, c.lvshRun().status(), c.lvshRun().err());
        assertEquals(c.virshRun().out(), c.lvshRun().out(), "the same listing");
        long rows = c.lvshRun().out().lines().filter(l -> l.contains(" it-") && l.contains("-rt")).count();
        assertTrue(rows >= atLeast, rows + " rows");
        assertTrue(c.lvsh() > 0, "lvsh's log holds no " + CALL + " line:\n" + c.lvshLog());
    }

    @Test
    void virshMakesOneCallPerDomainSoTheCountingWorks() {
        assertEquals(MANY - FEW, tcpMany.virsh() - tcpFew.virsh(), "virsh: " + tcpFew + " / " + tcpMany);
        assertEquals(MANY - FEW, unixMany.virsh() - unixFew.virsh(), "virsh: " + unixFew + " / " + unixMany);
        assertTrue(tcpMany.virsh() >= MANY, "virsh at " + MANY + ": " + tcpMany.virsh());
    }

    @Test
    void lvshOverTcpWithSaslMakesAConstantNumberOfCalls() {
        bothListed(tcpFew, FEW);
        bothListed(tcpMany, MANY);
        assertEquals(tcpFew.lvsh(), tcpMany.lvsh(), "lvsh's calls with " + FEW + " and " + MANY + " domains");
        assertTrue(tcpMany.lvsh() * 10 < tcpMany.virsh(), "lvsh " + tcpMany.lvsh() + " vs virsh " + tcpMany.virsh());
        assertTrue(tcpMany.lvsh() <= tcpFew.virsh() + 2, "about virsh's connection set-up only: " + tcpMany.lvsh()
                + " (virsh with " + FEW + " domains: " + tcpFew.virsh() + ")");
    }

    @Test
    void lvshOverTheUnixSocketMakesAConstantNumberOfCalls() {
        bothListed(unixFew, FEW);
        bothListed(unixMany, MANY);
        assertEquals(unixFew.lvsh(), unixMany.lvsh(), "lvsh's calls with " + FEW + " and " + MANY + " domains");
        assertTrue(unixMany.lvsh() * 10 < unixMany.virsh(), "lvsh " + unixMany.lvsh() + " vs virsh "
                + unixMany.virsh());
    }

    // libvirt's remote protocol (remote_protocol.x): virConnectRegisterCloseCallback / ...Unregister...
    private static final int REGISTER_CLOSE_CALLBACK = 360;
    private static final int UNREGISTER_CLOSE_CALLBACK = 361;
    private static final Pattern SENT = Pattern.compile("RPC_CLIENT_MSG_TX_QUEUE: .* prog=536903814 vers=1 proc=(\\d+) ");

    /** The remote procedures a client's log shows it sent, in order. */
    private static List<Integer> procedures(String log) {
        List<Integer> procs = new ArrayList<>();
        Matcher m = SENT.matcher(log);
        while (m.find()) {
            procs.add(Integer.parseInt(m.group(1)));
        }
        return procs;
    }

    /**
     * A one-shot command does not watch its connection for loss: no close callback registered and unregistered,
     * two round-trips virsh pays on every run. A script's connection lives on from command to command and is.
     */
    @Test
    void onlyConnectionsThatLiveOnAreWatchedForLoss() throws IOException {
        List<Integer> virsh = procedures(tcpFew.virshLog());
        assertTrue(virsh.contains(REGISTER_CLOSE_CALLBACK) && virsh.contains(UNREGISTER_CLOSE_CALLBACK),
                "the counting works: virsh " + virsh);
        List<Integer> oneShot = procedures(tcpFew.lvshLog());
        assertTrue(oneShot.contains(1), "lvsh's log holds its calls: " + oneShot); // REMOTE_PROC_CONNECT_OPEN
        assertFalse(oneShot.contains(REGISTER_CLOSE_CALLBACK) || oneShot.contains(UNREGISTER_CLOSE_CALLBACK),
                "one-shot: " + oneShot);

        Path dir = Files.createTempDirectory("lvsh-rt");
        Path log = dir.resolve("script.log");
        try {
            Result script = Run.process(List.of(Project.launcher().toString(), "-c", daemon.tcpUriWithAuthFile()),
                    "uri\nlist --all\n", logTo(log));
            assertEquals(0, script.status(), script.err());
            List<Integer> watched = procedures(read(log));
            assertEquals(1, watched.stream().filter(p -> p == REGISTER_CLOSE_CALLBACK).count(), "script: " + watched);
            assertEquals(1, watched.stream().filter(p -> p == UNREGISTER_CLOSE_CALLBACK).count(), "script: " + watched);
        } finally {
            Files.deleteIfExists(log);
            Files.delete(dir);
        }
    }
}
