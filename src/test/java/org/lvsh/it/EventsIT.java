package org.lvsh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Project;
import org.lvsh.support.Pty;
import org.lvsh.support.TestDaemon;

/**
 * `event` against a real libvirtd: a TCG guest is started, suspended, resumed and destroyed by another process
 * (virsh) while lvsh waits, one-shot (text, JSON lines, one domain) next to `virsh event` for the same actions,
 * and in the interactive shell (Ctrl-C, --background, --stop).
 *
 * <p>Watchers are known to be listening once they have reported a probe event: the guest redefined from the same
 * XML ("Defined Updated"). Probe lines are left out where outputs are compared.
 */
class EventsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_S = 10;

    private static TestDaemon daemon;
    private static String uri;
    private static final List<String> guests = new ArrayList<>();

    @TempDir
    Path cache;

    @BeforeAll
    static void daemon() {
        daemon = TestDaemon.get();
        uri = daemon.socketUri();
    }

    @AfterAll
    static void cleanUp() {
        if (daemon != null) {
            daemon.remove(guests.toArray(String[]::new));
        }
    }

    private static String guest(String prefix) {
        String name = daemon.define(TestDaemon.uniqueName(prefix));
        guests.add(name);
        return name;
    }

    /** The guest's own XML with its UUID: defining it again is an update ("Defined Updated"), a harmless probe. */
    private static Path probeXml(String name) {
        String uuid = daemon.virshOk("domuuid", name).out().trim();
        String xml = daemon.guestXml(name).replace("<name>" + name + "</name>",
                "<name>" + name + "</name>\n  <uuid>" + uuid + "</uuid>");
        try {
            Path f = daemon.dir().resolve("xml").resolve(name + "-probe.xml");
            Files.createDirectories(f.getParent());
            Files.writeString(f, xml, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Redefines {@code name} every 300 ms until {@code seen} holds (bounded). */
    private static void probeUntil(String name, BooleanSupplier seen, String what) {
        Path xml = probeXml(name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!seen.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the watchers never reported the probe event: " + what);
            }
            daemon.virshOk("define", xml.toString());
            TestDaemon.sleep(300);
        }
    }

    private static String line(String domain, String typeAndDetail) {
        return "event 'lifecycle' for domain '" + domain + "': " + typeAndDetail;
    }

    private static boolean isProbe(String line, String domain) {
        return line.equals(line(domain, "Defined Updated"));
    }

    /** The event lines of a text output: every line up to virsh's closing lines. */
    private static List<String> eventLines(String out) {
        return out.lines().filter(l -> l.startsWith("event '")).toList();
    }

    // ---- one-shot -------------------------------------------------------------------------------------------

    /** What four watchers printed for the same actions: virsh, lvsh (text), lvsh --json, lvsh --domain. */
    record Scenario(String guest, String other, String uuid, String virsh, String text, String textErr, String json,
                    String jsonErr, String one, String oneErr) {
    }

    private static Scenario scenario;

    /**
     * Runs once for the one-shot tests: the four watchers start together with --timeout; once each reported the
     * probe, virsh starts, suspends, resumes and destroys the guest, then defines and undefines another one.
     */
    private static synchronized Scenario scenario() {
        if (scenario != null) {
            return scenario;
        }
        String g = guest("ev");
        String other = TestDaemon.uniqueName("ev-other");
        String uuid = daemon.virshOk("domuuid", g).out().trim();
        String t = Integer.toString(TIMEOUT_S);
        long started = System.nanoTime();
        try (Bg virsh = Bg.start(List.of("stdbuf", "-oL", "virsh", "-c", uri, "event", "--all", "--loop",
                "--timeout", t));
             Bg text = Bg.start(launcher("-c", uri, "event", "--all", "--loop", "--timeout", t));
             Bg json = Bg.start(launcher("-c", uri, "--json", "event", "--all", "--loop", "--timeout", t));
             Bg one = Bg.start(launcher("-c", uri, "event", "--domain", g, "--event", "lifecycle", "--loop",
                     "--timeout", t))) {
            String probe = line(g, "Defined Updated");
            probeUntil(g, () -> virsh.out().contains(probe) && text.out().contains(probe)
                    && one.out().contains(probe) && json.out().contains("\"Defined\""), "virsh, text, json, one");
            daemon.virshOk("start", g);
            daemon.virshOk("suspend", g);
            daemon.virshOk("resume", g);
            daemon.virshOk("destroy", g);
            daemon.define(other);
            daemon.virshOk("undefine", other);
            long left = TimeUnit.SECONDS.toMillis(TIMEOUT_S) - (System.nanoTime() - started) / 1_000_000;
            assertTrue(left > 1000, "the watchers' --timeout " + TIMEOUT_S + " s is too short for this machine");
            // each one ends by itself at --timeout
            for (Bg b : List.of(virsh, text, json, one)) {
                assertEquals(0, b.waitFor(TIMEOUT_S + 15), b.command + "\n" + b.out() + b.err());
            }
            assertTrue(virsh.out().contains(line(other, "Undefined Removed")), virsh.out());
            scenario = new Scenario(g, other, uuid, virsh.out(), text.out(), text.err(), json.out(), json.err(),
                    one.out(), one.err());
            return scenario;
        }
    }

    /** virsh's event lines for the actions (probes left out). */
    private static List<String> virshLines(Scenario s) {
        return eventLines(s.virsh()).stream().filter(l -> !isProbe(l, s.guest())).toList();
    }

    @Test
    void oneShotTextIsVirshsLinesInVirshsOrder() {
        Scenario s = scenario();
        List<String> l = eventLines(s.text()).stream().filter(x -> !isProbe(x, s.guest())).toList();
        assertEquals(virshLines(s), l);
    }

    @Test
    void oneShotTextReportsEachActionInOrderWithItsDetail() {
        Scenario s = scenario();
        String g = s.guest();
        List<String> mine = eventLines(s.text()).stream().filter(x -> x.contains("'" + g + "'"))
                .filter(x -> !isProbe(x, g)).toList();
        assertInOrder(mine, line(g, "Started Booted"), line(g, "Suspended Paused"), line(g, "Resumed Unpaused"),
                line(g, "Stopped Destroyed"));
        assertEquals(List.of(line(s.other(), "Defined Added"), line(s.other(), "Undefined Removed")),
                eventLines(s.text()).stream().filter(x -> x.contains("'" + s.other() + "'")).toList());
        // virsh destroy: QEMU reports a host-requested shutdown before the stop
        assertInOrder(mine, line(g, "Shutdown Finished after host request"), line(g, "Stopped Destroyed"));
    }

    @Test
    void oneShotTextEndsWithVirshsClosingLines() {
        Scenario s = scenario();
        int n = eventLines(s.text()).size();
        assertTrue(s.text().endsWith("\nevent loop timed out\nevents received: " + n + "\n\n"), s.text());
        assertEquals(n + 3, s.text().lines().count(), "only events and the closing lines:\n" + s.text());
        assertEquals("", s.textErr());
        int v = eventLines(s.virsh()).size();
        assertTrue(s.virsh().endsWith("\nevent loop timed out\nevents received: " + v + "\n\n"), s.virsh());
    }

    @Test
    void oneShotJsonIsOneObjectALine() throws Exception {
        Scenario s = scenario();
        Instant previous = Instant.EPOCH;
        List<String> lines = s.json().lines().toList();
        assertFalse(lines.isEmpty());
        List<String> asText = new ArrayList<>();
        for (String line : lines) {
            JsonNode e = JSON.readTree(line);
            assertTrue(e.isObject(), line);
            assertEquals(Set.of("timestamp", "event", "domain", "uuid", "type", "detail"), fields(e), line);
            assertEquals("lifecycle", e.get("event").asText());
            Instant at = Instant.parse(e.get("timestamp").asText());
            assertFalse(at.isBefore(previous), "in order: " + line);
            previous = at;
            if (e.get("domain").asText().equals(s.guest())) {
                assertEquals(s.uuid(), e.get("uuid").asText());
            }
            asText.add(line(e.get("domain").asText(), e.get("type").asText() + " " + e.get("detail").asText()));
        }
        assertEquals(eventLines(s.text()).stream().filter(x -> !isProbe(x, s.guest())).toList(),
                asText.stream().filter(x -> !isProbe(x, s.guest())).toList(), "the same events as the text run");
        assertEquals("event loop timed out\nevents received: " + lines.size() + "\n", s.jsonErr(),
                "--json: the closing lines go to stderr");
    }

    @Test
    void oneShotJsonHasVirshsTypesAndDetails() throws Exception {
        Scenario s = scenario();
        List<String> asText = new ArrayList<>();
        for (String line : s.json().lines().toList()) {
            JsonNode e = JSON.readTree(line);
            asText.add(line(e.get("domain").asText(), e.get("type").asText() + " " + e.get("detail").asText()));
        }
        assertEquals(virshLines(s), asText.stream().filter(x -> !isProbe(x, s.guest())).toList());
    }

    @Test
    void oneShotDomainFilterReportsThatDomainOnly() {
        Scenario s = scenario();
        List<String> only = eventLines(s.one());
        assertFalse(only.isEmpty());
        for (String l : only) {
            assertTrue(l.startsWith("event 'lifecycle' for domain '" + s.guest() + "': "), l);
        }
        assertEquals(eventLines(s.text()).stream().filter(x -> x.contains("'" + s.guest() + "'"))
                .filter(x -> !isProbe(x, s.guest())).toList(), only.stream().filter(x -> !isProbe(x, s.guest()))
                .toList());
        assertTrue(s.one().endsWith("\nevent loop timed out\nevents received: " + only.size() + "\n\n"), s.one());
        assertEquals("", s.oneErr());
    }

    @Test
    void withoutEventsTheTimeoutEndsTheWaitLikeVirsh() {
        try (Bg virsh = Bg.start(List.of("virsh", "-c", uri, "event", "--all", "--timeout", "2"));
             Bg lvsh = Bg.start(launcher("-c", uri, "event", "--all", "--timeout", "2"))) {
            long start = System.nanoTime();
            assertEquals(virsh.waitFor(20), lvsh.waitFor(20));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000);
            assertEquals("event loop timed out\nevents received: 0\n\n", lvsh.out());
            assertEquals(virsh.out(), lvsh.out());
            assertEquals(1, lvsh.waitFor(1));
            // virsh fails silently here: its closing lines said it all (issue 16, item 13)
            assertEquals("", lvsh.err());
            assertEquals(virsh.err(), lvsh.err());
        }
    }

    // ---- several hosts (-H) ---------------------------------------------------------------------------------

    /** hosts.yaml naming the daemon twice (its socket and its TCP port: two connections) and a refused port. */
    private Map<String, String> hostsEnv() {
        int refused;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            refused = s.getLocalPort(); // closed again: connecting is refused
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path config = cache.resolve("config");
            Files.createDirectories(config.resolve("lvsh"));
            Files.writeString(config.resolve("lvsh/hosts.yaml"), "hosts:\n"
                    + "  sock: \"" + uri + "\"\n"
                    + "  tcp: \"" + daemon.tcpUriWithAuthFile() + "\"\n"
                    + "  refused: qemu+tcp://127.0.0.1:" + refused + "/system\n");
            return Map.of("XDG_CONFIG_HOME", config.toString(), "XDG_CACHE_HOME", cache.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> hostLines(String out, String host) {
        return out.lines().filter(l -> l.startsWith(host + ": event '")).map(l -> l.substring(host.length() + 2))
                .toList();
    }

    @Test
    void severalHostsMergeTheirStreamsEachEventWithItsHost() throws Exception {
        String g = guest("ev-hosts");
        Map<String, String> env = hostsEnv();
        // four watchers of two hosts each start a JVM and connect before the probe: more time than one watcher
        int timeout = 2 * TIMEOUT_S;
        String t = Integer.toString(timeout);
        long started = System.nanoTime();
        try (Bg text = Bg.start(launcher("-H", "sock,tcp", "event", "--all", "--loop", "--timeout", t), env);
             Bg json = Bg.start(launcher("-H", "sock,tcp", "--json", "event", "--all", "--loop", "--timeout", t), env);
             Bg csv = Bg.start(launcher("-H", "sock,tcp", "-o", "csv", "event", "--domain", "tcp:" + g, "--loop",
                     "--event", "lifecycle", "--timeout", t), env);
             Bg yaml = Bg.start(launcher("-H", "sock", "-o", "yaml", "event", g, "--loop", "--event", "lifecycle",
                     "--timeout", t), env)) {
            String probe = line(g, "Defined Updated");
            probeUntil(g, () -> text.out().contains("sock: " + probe) && text.out().contains("tcp: " + probe)
                    && json.out().contains("\"host\": \"sock\"") && json.out().contains("\"host\": \"tcp\"")
                    && csv.out().contains(",Defined,Updated") && yaml.out().contains("detail: Updated"),
                    "-H sock,tcp");
            daemon.virshOk("start", g);
            daemon.virshOk("destroy", g);
            long left = TimeUnit.SECONDS.toMillis(timeout) - (System.nanoTime() - started) / 1_000_000;
            assertTrue(left > 1000, "the watchers' --timeout " + timeout + " s is too short for this machine");
            for (Bg b : List.of(text, json, csv, yaml)) {
                assertEquals(0, b.waitFor(timeout + 15), b.command + "\n" + b.out() + b.err());
            }

            // text: virsh's lines, each prefixed with its host; both hosts saw the same events in the same order
            List<String> sock = hostLines(text.out(), "sock");
            List<String> tcp = hostLines(text.out(), "tcp");
            assertEquals(sock.stream().filter(l -> l.contains("'" + g + "'")).toList(),
                    tcp.stream().filter(l -> l.contains("'" + g + "'")).toList());
            assertInOrder(sock, line(g, "Started Booted"), line(g, "Stopped Destroyed"));
            long events = text.out().lines().filter(l -> l.contains(": event '")).count();
            assertEquals(sock.size() + tcp.size(), events, "every event line has its host:\n" + text.out());
            assertTrue(text.out().endsWith("\nevent loop timed out\nevents received: " + events + "\n\n"),
                    text.out());
            assertEquals(events + 3, text.out().lines().count(), "only events and the closing lines:\n" + text.out());
            assertEquals("", text.err());

            // JSON: one object a line, "host" first; the closing lines on stderr
            List<String> lines = json.out().lines().toList();
            Set<String> hosts = new TreeSet<>();
            for (String l : lines) {
                JsonNode e = JSON.readTree(l);
                assertEquals("host", e.fieldNames().next(), l);
                hosts.add(e.get("host").asText());
                assertEquals(Set.of("host", "timestamp", "event", "domain", "uuid", "type", "detail"), fields(e), l);
            }
            assertEquals(Set.of("sock", "tcp"), hosts);
            assertEquals("event loop timed out\nevents received: " + lines.size() + "\n", json.err());

            // CSV: one header, then a row per event of that domain on that host only
            List<String> rows = csv.out().lines().toList();
            assertEquals("host,timestamp,event,domain,uuid,type,detail,src_path,dev_alias,action", rows.get(0));
            for (String r : rows.subList(1, rows.size())) {
                assertTrue(r.startsWith("tcp,") && r.contains(",lifecycle," + g + ","), r);
            }
            assertTrue(rows.stream().anyMatch(r -> r.endsWith(",Started,Booted,,,")), csv.out());
            assertEquals("event loop timed out\nevents received: " + (rows.size() - 1) + "\n", csv.err());

            // YAML: one document per event, "---" between them, the host first (a set of one host has it too)
            String[] docs = yaml.out().split("(?m)^---\n", -1);
            for (String d : docs) {
                assertTrue(d.startsWith("host: sock\ntimestamp: ") && d.contains("\nevent: lifecycle\ndomain: " + g
                        + "\n") && d.endsWith("\n"), yaml.out());
            }
            assertTrue(yaml.out().contains("\ntype: Started\ndetail: Booted\n"), yaml.out());
            assertEquals("event loop timed out\nevents received: " + docs.length + "\n", yaml.err());
        }
    }

    @Test
    void anUnreachableHostIsReportedOnceAndTheFirstEventEndsAOneShotWatch() {
        String g = guest("ev-hosts1");
        Map<String, String> env = hostsEnv();
        try (Bg one = Bg.start(launcher("-H", "refused,sock", "event", "--domain", g, "--event", "lifecycle",
                "--timeout", Integer.toString(TIMEOUT_S * 3)), env)) {
            // the refused host is reported as soon as it is known: then sock is watched
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!one.err().contains("\n") && System.nanoTime() < deadline) {
                TestDaemon.sleep(50);
            }
            assertTrue(one.err().startsWith("error: refused: failed to connect to the hypervisor: "), one.err());
            probeUntil(g, () -> one.out().contains("sock: "), "-H refused,sock");
            assertEquals(4, one.waitFor(20), one.out() + one.err());
            assertEquals("sock: " + line(g, "Defined Updated") + "\nevents received: 1\n\n", one.out());
            assertEquals(1, one.err().lines().count(), one.err());
        }
    }

    // ---- every kind a TCG guest can raise, next to virsh -------------------------------------------------------

    /**
     * What watchers of every kind printed while a guest with more devices (an empty CD-ROM whose optional source is
     * missing, a small raw disk, the guest agent's channel, VNC on 127.0.0.1, a USB controller) went through the
     * actions that raise the kinds a guest without an OS can: start (disk-change, agent-lifecycle), vcpupin
     * (tunable), reset (reboot), a USB tablet attached and detached (device-added, device-removed), description,
     * title and metadata (metadata-change), media inserted and ejected (tray-change), a VNC client (graphics), a
     * block pull (block-job, block-job-2), save and restore (migration-iteration, job-completed), destroy.
     */
    record Kinds(String guest, String uuid, String missingIso, String disk, int vncPort, int clientPort,
                 String virsh, String text, String json, String jsonErr, String hosts) {
    }

    private static Kinds kinds;

    private static synchronized Kinds kinds(Map<String, String> hostsEnv) throws IOException {
        if (kinds != null) {
            return kinds;
        }
        String g = TestDaemon.uniqueName("ev-kinds");
        Path dir = daemon.dir().resolve("xml");
        Files.createDirectories(dir);
        String missing = dir.resolve(g + "-missing.iso").toString();
        Path disk = dir.resolve(g + "-vdb.raw");
        Path media = dir.resolve(g + "-media.iso");
        Path tablet = dir.resolve(g + "-tablet.xml");
        Path saved = dir.resolve(g + ".save");
        for (Path f : List.of(disk, media)) {
            try (java.io.RandomAccessFile raw = new java.io.RandomAccessFile(f.toFile(), "rw")) {
                raw.setLength(1 << 20);
            }
        }
        Files.writeString(tablet, "<input type='tablet' bus='usb'/>\n");
        String devices = "<controller type='usb' model='piix3-uhci'/>\n"
                + "    <disk type='file' device='cdrom'><source file='" + missing + "' startupPolicy='optional'/>"
                + "<target dev='hdc' bus='ide'/><readonly/></disk>\n"
                + "    <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + disk + "'/>"
                + "<target dev='vdb' bus='virtio'/></disk>\n"
                + "    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\n"
                + "    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>";
        String xml = daemon.guestXml(g).replace("<controller type='usb' model='none'/>", devices);
        assertTrue(xml.contains("piix3-uhci"), "the guest template changed:\n" + xml);
        Path xmlFile = dir.resolve(g + ".xml");
        Files.writeString(xmlFile, xml);
        daemon.virshOk("define", xmlFile.toString());
        guests.add(g);
        String uuid = daemon.virshOk("domuuid", g).out().trim();
        String t = "300"; // a bound only: Ctrl-C ends each watch once everything has come
        try (Bg virsh = Bg.start(List.of("stdbuf", "-oL", "virsh", "-c", uri, "event", "--all", "--loop",
                "--timeout", t));
             Bg text = Bg.start(launcher("-c", uri, "event", "--all", "--loop", "--timeout", t));
             Bg json = Bg.start(launcher("-c", uri, "--json", "event", "--all", "--loop", "--timeout", t));
             Bg hosts = Bg.start(launcher("-H", "sock,tcp", "event", "--all", "--loop", "--timeout", t),
                     hostsEnv)) {
            String probe = line(g, "Defined Updated");
            Path inactive = dir.resolve(g + "-inactive.xml");
            Files.writeString(inactive, daemon.virshOk("dumpxml", "--inactive", g).out());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(virsh.out().contains(probe) && text.out().contains(probe) && json.out().contains("\"Updated\"")
                    && hosts.out().contains("sock: " + probe) && hosts.out().contains("tcp: " + probe))) {
                assertTrue(System.nanoTime() < deadline, "the watchers never reported the probe event");
                daemon.virshOk("define", inactive.toString());
                TestDaemon.sleep(300);
            }
            daemon.virshOk("start", g);
            daemon.virshOk("vcpupin", g, "0", "0");
            daemon.virshOk("reset", g);
            daemon.virshOk("attach-device", g, tablet.toString());
            daemon.virshOk("detach-device", g, tablet.toString());
            daemon.virshOk("desc", g, "a description");
            daemon.virshOk("desc", g, "--title", "a title");
            daemon.virshOk("metadata", g, "http://example.org/lvsh", "--key", "lvsh", "--set", "<v>1</v>");
            daemon.virshOk("change-media", g, "hdc", media.toString(), "--insert");
            daemon.virshOk("change-media", g, "hdc", "--eject");
            String display = daemon.virshOk("vncdisplay", g).out().trim(); // 127.0.0.1:N
            int vncPort = 5900 + Integer.parseInt(display.substring(display.lastIndexOf(':') + 1));
            int clientPort = vncClient(vncPort);
            daemon.virshOk("blockpull", g, "vdb", "--wait");
            daemon.virshOk("save", g, saved.toString());
            daemon.virshOk("restore", saved.toString());
            daemon.virshOk("destroy", g);
            String last = line(g, "Stopped Destroyed");
            List<Bg> all = List.of(virsh, text, json, hosts);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(virsh.out().contains(last) && text.out().contains(last) && json.out().contains("\"Destroyed\"")
                    && hosts.out().contains("sock: " + last) && hosts.out().contains("tcp: " + last))) {
                assertTrue(System.nanoTime() < deadline, "not every watcher saw the destroy:\n" + text.out());
                TestDaemon.sleep(100);
            }
            for (Bg b : all) {
                b.interrupt();
            }
            for (Bg b : all) {
                assertEquals(0, b.waitFor(30), b.command + "\n" + b.out() + b.err());
            }
            kinds = new Kinds(g, uuid, missing, disk.toString(), vncPort, clientPort, virsh.out(), text.out(),
                    json.out(), json.err(), hosts.out());
            return kinds;
        }
    }

    /** A VNC client (RFB 3.8, no authentication) that connects, initializes and leaves; returns its own port. */
    private static int vncClient(int port) throws IOException {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            java.io.OutputStream out = s.getOutputStream();
            assertEquals("RFB 003.008\n", new String(in.readNBytes(12), StandardCharsets.US_ASCII));
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            int types = in.read();
            assertTrue(types > 0, "the server refused the client");
            assertTrue(java.util.Arrays.asList(boxed(in.readNBytes(types))).contains((byte) 1), "no 'None' security");
            out.write(1); // None
            assertEquals(0, java.nio.ByteBuffer.wrap(in.readNBytes(4)).getInt(), "security result");
            out.write(1); // ClientInit: shared
            byte[] init = in.readNBytes(24); // ServerInit: size, pixel format, then the name's length
            in.readNBytes(java.nio.ByteBuffer.wrap(init, 20, 4).getInt());
            return s.getLocalPort();
        }
    }

    private static Byte[] boxed(byte[] bytes) {
        Byte[] b = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = bytes[i];
        }
        return b;
    }

    /**
     * A text output's events, each with its following lines (tunable's parameters...), that name {@code domain},
     * without the probes; {@code prefix} ("HOST: ") is taken off the first line of each.
     */
    private static List<String> blocks(String out, String domain, String prefix) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String l : out.lines().toList()) {
            if (l.startsWith(prefix + "event '") || l.startsWith("event loop ") || l.startsWith("events received: ")
                    || !prefix.isEmpty() && l.matches("\\w+: event '.*")) {
                if (current != null) {
                    blocks.add(current.toString());
                }
                current = l.startsWith(prefix + "event '") ? new StringBuilder(l.substring(prefix.length())) : null;
            } else if (current != null) {
                current.append('\n').append(l);
            }
        }
        if (current != null) {
            blocks.add(current.toString());
        }
        return blocks.stream().filter(b -> b.startsWith("event '") && b.contains(" for domain '" + domain + "'"))
                .filter(b -> !isProbe(b, domain)).toList();
    }

    @Test
    void everyKindTheGuestRaisesIsVirshsTextExactly() throws IOException {
        Kinds k = kinds(hostsEnv());
        List<String> virsh = blocks(k.virsh(), k.guest(), "");
        assertEquals(virsh, blocks(k.text(), k.guest(), ""));
        Set<String> seen = new TreeSet<>();
        virsh.forEach(b -> seen.add(b.substring("event '".length(), b.indexOf('\'', "event '".length()))));
        assertEquals(new TreeSet<>(Set.of("lifecycle", "reboot", "disk-change", "agent-lifecycle", "tunable",
                "device-added", "device-removed", "metadata-change", "tray-change", "graphics", "block-job",
                "block-job-2", "migration-iteration", "job-completed")), seen, String.join("\n", virsh));
        assertTrue(k.text().endsWith("\nevent loop interrupted\nevents received: " + eventCount(k.text(), "")
                + "\n\n"), k.text());
    }

    @Test
    void everyKindTheGuestRaisesHasVirshsLinesForEachHost() throws IOException {
        Kinds k = kinds(hostsEnv());
        List<String> virsh = blocks(k.virsh(), k.guest(), "");
        assertEquals(virsh, blocks(k.hosts(), k.guest(), "sock: "));
        assertEquals(virsh, blocks(k.hosts(), k.guest(), "tcp: "));
        assertTrue(k.hosts().endsWith("\nevent loop interrupted\nevents received: "
                + (eventCount(k.hosts(), "sock: ") + eventCount(k.hosts(), "tcp: ")) + "\n\n"), k.hosts());
    }

    private static long eventCount(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix + "event '")).count();
    }

    /** The JSON records of the guest's events, in the order virsh printed them, with the values virsh printed. */
    @Test
    void everyKindTheGuestRaisesIsATypedRecord() throws IOException {
        Kinds k = kinds(hostsEnv());
        List<String> virsh = blocks(k.virsh(), k.guest(), "");
        List<JsonNode> records = new ArrayList<>();
        for (String l : k.json().lines().toList()) {
            JsonNode e = JSON.readTree(l);
            assertTrue(Instant.parse(e.get("timestamp").asText()).isAfter(Instant.EPOCH), l);
            if (e.get("domain").asText().equals(k.guest()) && !l.contains("\"Updated\"")) {
                assertEquals(k.uuid(), e.get("uuid").asText(), l);
                records.add(e);
            }
        }
        assertEquals(virsh.size(), records.size(), k.json());
        assertTrue(k.jsonErr().startsWith("event loop interrupted\nevents received: "), k.jsonErr());
        String dev = null;
        for (int i = 0; i < virsh.size(); i++) {
            String text = virsh.get(i);
            JsonNode e = records.get(i);
            String event = text.substring("event '".length(), text.indexOf('\'', "event '".length()));
            assertEquals(event, e.get("event").asText(), text);
            String after = text.substring(text.indexOf("': ") + 3);
            switch (event) {
                case "lifecycle" -> assertEquals(after, e.get("type").asText() + " " + e.get("detail").asText());
                case "reboot" -> assertEquals(Set.of("timestamp", "event", "domain", "uuid"), fields(e));
                case "disk-change" -> {
                    assertEquals(k.missingIso(), e.get("old_src_path").asText());
                    assertTrue(e.get("new_src_path").isNull(), e.toString());
                    assertEquals("ide0-1-0", e.get("dev_alias").asText());
                    assertEquals("changed", e.get("reason").asText());
                    assertEquals("event 'disk-change' for domain '" + k.guest() + "' disk ide0-1-0: " + k.missingIso()
                            + " -> <null>: changed", text);
                }
                case "agent-lifecycle" -> assertEquals(after, "state: '" + e.get("type").asText() + "' reason: '"
                        + e.get("detail").asText() + "'");
                case "tunable" -> {
                    assertEquals("{\"cputune.vcpupin0\":\"0\"}", e.get("params").toString());
                    assertTrue(text.endsWith(":\n\tcputune.vcpupin0: 0"), text);
                }
                case "device-added", "device-removed" -> {
                    dev = dev == null ? e.get("dev_alias").asText() : dev;
                    assertEquals(dev, e.get("dev_alias").asText(), "the tablet, added then removed");
                    assertEquals(after, dev);
                    assertTrue(dev.startsWith("input"), dev);
                }
                case "metadata-change" -> {
                    assertEquals(after, "type " + e.get("type").asText() + ", uri "
                            + (e.get("nsuri").isNull() ? "<null>" : e.get("nsuri").asText()));
                }
                case "tray-change" -> {
                    assertEquals("ide0-1-0", e.get("dev_alias").asText());
                    assertTrue(text.endsWith(" disk ide0-1-0: " + e.get("reason").asText()), text);
                }
                case "graphics" -> {
                    assertTrue(List.of("connect", "initialize", "disconnect").contains(e.get("phase").asText()),
                            e.toString());
                    assertEquals("{\"family\":\"IPv4\",\"node\":\"127.0.0.1\",\"service\":\"" + k.vncPort() + "\"}",
                            e.get("local").toString());
                    assertEquals("{\"family\":\"IPv4\",\"node\":\"127.0.0.1\",\"service\":\"" + k.clientPort()
                            + "\"}", e.get("remote").toString());
                    assertEquals("none", e.get("auth_scheme").asText());
                    assertEquals("[]", e.get("subject").toString());
                    assertEquals(after, e.get("phase").asText() + " local[IPv4 127.0.0.1 " + k.vncPort()
                            + "] remote[IPv4 127.0.0.1 " + k.clientPort() + "] none");
                }
                case "block-job", "block-job-2" -> {
                    assertEquals(event.equals("block-job") ? k.disk() : "vdb", e.get("disk").asText());
                    assertEquals("Block Pull", e.get("job_type").asText());
                    assertEquals("completed", e.get("status").asText());
                }
                case "migration-iteration" -> assertEquals(after, "iteration: '" + e.get("iteration").asInt() + "'");
                case "job-completed" -> {
                    JsonNode stats = e.get("stats");
                    assertEquals("save", stats.get("operation").asText());
                    Map<String, String> printed = new java.util.HashMap<>();
                    text.lines().skip(1).forEach(l -> printed.put(l.substring(1, l.indexOf(':')),
                            l.substring(l.indexOf(": ") + 2)));
                    assertEquals("2", printed.get("operation"), text);
                    for (String[] f : new String[][] {{"time_elapsed", "time_elapsed_ms"},
                            {"data_total", "data_total_bytes"}, {"memory_processed", "memory_processed_bytes"},
                            {"memory_page_size", "memory_page_size_bytes"}, {"memory_iteration", "memory_iteration"},
                            {"memory_constant", "memory_constant_pages"}}) {
                        assertTrue(stats.get(f[1]).isNumber(), stats.toString());
                        assertEquals(printed.get(f[0]), stats.get(f[1]).asText(), f[0]);
                    }
                    assertEquals(printed.size(), stats.size(), "one key for each field virsh printed");
                }
                default -> throw new AssertionError("not raised by this guest: " + text);
            }
        }
    }

    // ---- the shell --------------------------------------------------------------------------------------------

    private Pty shell() {
        return Pty.start("sh -c \"stty cols 1000 2>/dev/null; exec " + Project.launcher() + " -c '" + uri + "'\"",
                Map.of("XDG_CACHE_HOME", cache.toString()));
    }

    private static String prompt() {
        return "lvsh \\(" + Pattern.quote(uri) + "\\) # \\z";
    }

    @Test
    void loopInTheShellEndsWithCtrlC() {
        String g = guest("ev-sh");
        try (Pty pty = shell()) {
            pty.expect(prompt());
            pty.type("list --all\r");
            pty.expect(prompt());
            pty.type("event --all --loop\r");
            pty.expect("event --all --loop\n");
            probeUntil(g, () -> pty.all().contains(line(g, "Defined Updated")), "shell");
            daemon.virshOk("start", g);
            pty.expect(Pattern.quote(line(g, "Started Booted")) + "\n", Duration.ofSeconds(10));
            daemon.virshOk("destroy", g);
            pty.expect(Pattern.quote(line(g, "Stopped Destroyed")) + "\n", Duration.ofSeconds(10));
            TestDaemon.sleep(300);
            pty.type("\u0003");
            String end = pty.expect("event loop interrupted\nevents received: (\\d+)\n.*" + prompt(),
                    Duration.ofSeconds(5));
            String all = pty.all();
            int printed = eventLines(all.substring(all.indexOf("event --all --loop\n"))).size();
            assertTrue(end.contains("events received: " + printed + "\n"), end + "\nprinted " + printed);
            assertFalse(all.contains("Exception"), all);
            pty.type("domstate " + g + "\r"); // the shell goes on
            pty.expect("shut off\n\n" + prompt());
        }
    }

    @Test
    void backgroundWatchPrintsAboveAUsablePromptUntilStopped() {
        String g = guest("ev-bg");
        try (Pty pty = shell()) {
            pty.expect(prompt());
            pty.type("event --all --loop --background\r");
            pty.expect("event --all --loop --background\nWatching all events in the background; 'event --stop' ends "
                    + "the watch\\.\n\n?" + prompt(), Duration.ofSeconds(20));
            probeUntil(g, () -> pty.all().contains(line(g, "Defined Updated")), "background");

            // a command runs while the watch goes on
            pty.type("domstate " + g + "\r");
            pty.expect("shut off\n\n" + prompt());
            daemon.virshOk("start", g);
            pty.expect(Pattern.quote(line(g, "Started Booted")) + "\n", Duration.ofSeconds(10));
            pty.expect(prompt(), Duration.ofSeconds(5)); // redrawn below the event

            // an event arrives while a command is half typed: the line is kept
            pty.type("domstate " + g);
            pty.expect("domstate " + Pattern.quote(g) + "\\z");
            daemon.virshOk("suspend", g);
            pty.expect(Pattern.quote(line(g, "Suspended Paused")) + "\n.*domstate " + Pattern.quote(g) + "\\z",
                    Duration.ofSeconds(10));
            pty.type("\r");
            pty.expect("\npaused\n\n" + prompt());

            pty.type("event --stop\r");
            pty.expect("event --stop\nStopped 1 background event watch\\.\n\n?" + prompt());
            int before = pty.all().length();
            daemon.virshOk("resume", g);
            daemon.virshOk("destroy", g);
            TestDaemon.sleep(1500);
            String after = pty.all().substring(before);
            assertFalse(after.contains("event '"), "stopped, yet:\n" + after);
            pty.type("event --stop\r");
            pty.expect("event --stop\nNo background event watch to stop\\.\n\n?" + prompt());
            pty.type("uri\r");
            pty.expect(Pattern.quote(uri) + "\n\n" + prompt());
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(10)));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static List<String> launcher(String... args) {
        List<String> c = new ArrayList<>(List.of(Project.launcher().toString()));
        c.addAll(List.of(args));
        return c;
    }

    private static void assertInOrder(List<String> lines, String... expected) {
        int at = 0;
        for (String e : expected) {
            int found = lines.subList(at, lines.size()).indexOf(e);
            assertTrue(found >= 0, "'" + e + "' missing (or out of order) in\n" + String.join("\n", lines));
            at += found + 1;
        }
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** A program in the background with its output collected as it comes; killed on close if still running. */
    static final class Bg implements AutoCloseable {
        final List<String> command;
        private final Process process;
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();
        private final List<Thread> readers = new ArrayList<>();

        private Bg(List<String> command, Process process) {
            this.command = command;
            this.process = process;
            readers.add(pump(process.getInputStream(), out));
            readers.add(pump(process.getErrorStream(), err));
        }

        static Bg start(List<String> command) {
            return start(command, Map.of());
        }

        static Bg start(List<String> command, Map<String, String> env) {
            ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null")));
            pb.environment().put("LC_ALL", "C.UTF-8");
            pb.environment().remove("LIBVIRT_DEFAULT_URI");
            pb.environment().remove("LVSH_DEFAULT_URI");
            pb.environment().remove("LVSH_HOSTS");
            pb.environment().put("LVSH_SERVER", "0"); // the warm path's own tests ask for it
            pb.environment().putAll(env);
            try {
                return new Bg(command, pb.start());
            } catch (IOException e) {
                throw new AssertionError("cannot start " + command + ": " + e, e);
            }
        }

        private static Thread pump(InputStream in, StringBuffer into) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // ended
                }
            }, "bg-reader");
            t.setDaemon(true);
            t.start();
            return t;
        }

        String out() {
            return out.toString();
        }

        String err() {
            return err.toString();
        }

        int waitFor(int seconds) {
            try {
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    throw new AssertionError("still running after " + seconds + " s: " + command + "\n" + out());
                }
                for (Thread t : readers) {
                    t.join(2000);
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Ctrl-C: SIGINT to the process (virsh, or the JVM the launcher became). */
        void interrupt() {
            TestDaemon.run(List.of("kill", "-INT", Long.toString(process.pid())), Map.of(), 10);
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
