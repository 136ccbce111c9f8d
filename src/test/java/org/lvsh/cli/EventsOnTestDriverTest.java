package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.lvsh.Lvsh;
import org.lvsh.support.Run;

/**
 * event on the in-process test driver, end to end: lvsh watches test:///default in this JVM while the test acts
 * on the same host through a connection of its own (the test driver's default host is shared by the connections
 * of a process). The driver emits lifecycle and metadata-change events; the real daemon's others are in
 * EventsIT. virsh, in its own process, has its own test host and sees none of these: the lines expected are
 * virsh's, as EventsIT compares them on a daemon both can watch.
 *
 * <p>A watch is known to be listening once it has printed a probe event, made until it shows; probe lines are left
 * out of the comparisons. The watch ends as with Ctrl-C (its thread interrupted) once everything has come.
 */
class EventsOnTestDriverTest {
    private static final String URI = "test:///default";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = "http://example.org/lvsh";
    private static final String ISO_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    private static final String PROBE_NS = "http://example.org/probe";

    private Connect actor;
    private Domain test;

    @BeforeEach
    void open() throws LibvirtException {
        actor = new Connect(URI);
        test = actor.domainLookupByName("test");
    }

    @AfterEach
    void close() throws LibvirtException {
        test.free();
        actor.close();
    }

    /** lvsh one-shot in its own thread of this JVM, its output read as it comes. */
    private static final class Watch {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread thread;
        private volatile int status = -1;

        Watch(String... args) {
            thread = new Thread(() -> status = new Lvsh(new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), () -> false).run(args), "lvsh-event");
            thread.start();
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        /** Ctrl-C, as the command sees it: its thread interrupted; then the run's status. */
        int interrupt() throws InterruptedException {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!thread.isAlive(), "still watching after the interrupt:\n" + out());
            return status;
        }
    }

    /** Does {@code probe} every 100 ms until {@code seen} (bounded: 20 s). */
    private static void probeUntil(BooleanSupplier seen, ThrowingAction probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!seen.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the watch never reported the probe event");
            probe.run();
            Thread.sleep(100);
        }
    }

    private interface ThrowingAction {
        void run() throws Exception;
    }

    /** Waits (bounded: 20 s) until {@code done}. */
    private static void await(BooleanSupplier done, Watch w) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not everything came:\n" + w.out() + w.err());
            Thread.sleep(20);
        }
    }

    private void redefine() throws LibvirtException {
        actor.domainDefineXML(test.getXMLDesc(0)).free(); // "Defined Updated"
    }

    /** What the watches see: pause, resume, the three kinds of metadata, destroy, start. */
    private void act() throws LibvirtException {
        test.suspend();
        test.resume();
        test.setMetadata(0, "a description", null, null, 0);
        test.setMetadata(1, "a title", null, null, 0);
        test.setMetadata(2, "<v>1</v>", "lvsh", NS, 0);
        test.destroy();
        test.create();
    }

    private static final List<String> LINES = List.of(
            "event 'lifecycle' for domain 'test': Suspended Paused",
            "event 'lifecycle' for domain 'test': Resumed Unpaused",
            "event 'metadata-change' for domain 'test': type description, uri <null>",
            "event 'metadata-change' for domain 'test': type title, uri <null>",
            "event 'metadata-change' for domain 'test': type element, uri " + NS,
            "event 'lifecycle' for domain 'test': Stopped Destroyed",
            "event 'lifecycle' for domain 'test': Started Booted");

    private static final String PROBE = "event 'lifecycle' for domain 'test': Defined Updated";

    @Test
    void textIsVirshsLines() throws Exception {
        Watch w = new Watch("-c", URI, "event", "--all", "--loop");
        probeUntil(() -> w.out().contains(PROBE), this::redefine);
        act();
        await(() -> w.out().contains(LINES.get(LINES.size() - 1)), w);
        assertEquals(0, w.interrupt());
        List<String> lines = new ArrayList<>(w.out().lines().toList());
        int probes = (int) lines.stream().filter(PROBE::equals).count();
        lines.removeIf(PROBE::equals);
        List<String> expected = new ArrayList<>(LINES);
        expected.addAll(List.of("event loop interrupted", "events received: " + (LINES.size() + probes), ""));
        assertEquals(expected, lines);
        assertEquals("", w.err());
    }

    @Test
    void jsonIsOneTypedRecordALine() throws Exception {
        Watch w = new Watch("-c", URI, "--json", "event", "--all", "--loop");
        probeUntil(() -> w.out().contains("\"Updated\""), this::redefine);
        act();
        await(() -> w.out().contains("\"Booted\""), w);
        assertEquals(0, w.interrupt());
        String uuid = test.getUUIDString();
        List<String> records = new ArrayList<>();
        for (String line : w.out().lines().toList()) {
            JsonNode e = JSON.readTree(line);
            assertTrue(e.get("timestamp").asText().matches(ISO_TIME), line);
            assertEquals(uuid, e.get("uuid").asText(), line);
            ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove(List.of("timestamp", "uuid"));
            if (!e.toString().contains("\"Updated\"")) {
                records.add(e.toString());
            }
        }
        assertEquals(List.of(
                "{\"event\":\"lifecycle\",\"domain\":\"test\",\"type\":\"Suspended\",\"detail\":\"Paused\"}",
                "{\"event\":\"lifecycle\",\"domain\":\"test\",\"type\":\"Resumed\",\"detail\":\"Unpaused\"}",
                "{\"event\":\"metadata-change\",\"domain\":\"test\",\"type\":\"description\",\"nsuri\":null}",
                "{\"event\":\"metadata-change\",\"domain\":\"test\",\"type\":\"title\",\"nsuri\":null}",
                "{\"event\":\"metadata-change\",\"domain\":\"test\",\"type\":\"element\",\"nsuri\":\"" + NS + "\"}",
                "{\"event\":\"lifecycle\",\"domain\":\"test\",\"type\":\"Stopped\",\"detail\":\"Destroyed\"}",
                "{\"event\":\"lifecycle\",\"domain\":\"test\",\"type\":\"Started\",\"detail\":\"Booted\"}"), records);
        assertTrue(w.err().startsWith("event loop interrupted\nevents received: "), w.err());
    }

    /** One kind watched, of one domain: its own columns after the first release's nine, one row per event. */
    @Test
    void csvOfOneKindHasItsColumns() throws Exception {
        Watch w = new Watch("-c", URI, "-o", "csv", "event", "--event", "metadata-change", "--domain", "test",
                "--loop");
        probeUntil(() -> w.out().contains("," + PROBE_NS), () -> test.setMetadata(2, "<p/>", "p", PROBE_NS, 0));
        act();
        await(() -> w.out().contains("," + NS), w);
        assertEquals(0, w.interrupt());
        String uuid = test.getUUIDString();
        List<String> rows = w.out().lines().filter(r -> !r.endsWith("," + PROBE_NS))
                .map(r -> r.substring(r.indexOf(','))).toList();
        assertEquals(List.of(",event,domain,uuid,type,detail,src_path,dev_alias,action,nsuri",
                ",metadata-change,test,\"" + uuid + "\",description,,,,,",
                ",metadata-change,test,\"" + uuid + "\",title,,,,,",
                ",metadata-change,test,\"" + uuid + "\",element,,,,," + NS), rows);
        assertTrue(w.out().startsWith("timestamp,"), w.out());
    }

    /** --timestamp puts virsh's time before each event's text. */
    @Test
    void timestampComesFirst() throws Exception {
        Watch w = new Watch("-c", URI, "event", "--event", "metadata-change", "--timestamp");
        probeUntil(() -> w.out().contains("\n"), () -> test.setMetadata(1, "a title", null, null, 0));
        assertEquals(0, w.interrupt());
        assertTrue(w.out().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000: event 'metadata-change' "
                + "for domain 'test': type title, uri <null>\nevents received: 1\n\n"), w.out());
    }

    @Test
    void listIsVirshs() {
        Run.Result virsh = Run.virsh("-c", URI, "event", "--list");
        assertEquals(28, virsh.out().lines().count(), "27 kinds and virsh's blank line:\n" + virsh.out());
        assertEquals(virsh, Run.lvsh("event", "--list"));
    }

    @Test
    void anUnknownKindIsVirshsErrorAndAUsageError() {
        Run.Result virsh = Run.virsh("-c", URI, "event", "--event", "nosuch");
        Run.Result r = Run.lvsh("-c", URI, "event", "--event", "nosuch");
        assertEquals("error: unknown event type nosuch\n", virsh.err());
        assertEquals(virsh.err(), r.err());
        assertEquals(2, r.status());
    }

    @Test
    void completionOffersEveryKind() {
        Run.Result list = Run.lvsh("event", "--list");
        assertEquals(new Run.Result(0, list.out().strip() + "\n", ""), Run.lvsh("complete", "--", "event", "--event",
                ""));
        assertEquals(new Run.Result(0, "pm-wakeup\npm-suspend\npm-suspend-disk\n", ""),
                Run.lvsh("complete", "--", "event", "--event", "pm-"));
    }
}
