package org.lvsh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;
import org.lvsh.support.TestDaemon;

/**
 * Domains of a real libvirtd: a persistent diskless TCG guest the fixture defines and drives through its states
 * with virsh (running, paused, shut off), and a transient one (virsh create). lvsh and virsh must agree.
 */
class RealDomainsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CPU_TIME = Pattern.compile("CPU time:       \\d+\\.\\ds");
    private static final List<String> LIST_OPTIONS = List.of("", "--all", "--inactive", "--transient",
            "--persistent", "--state-running", "--state-paused", "--state-shutoff", "--state-other", "--autostart",
            "--no-autostart", "--with-managed-save", "--without-managed-save", "--managed-save", "--all --name",
            "--all --uuid", "--all --id", "--name", "--uuid", "--all --table", "--all --title",
            "--all --persistent --state-shutoff", "--all --transient --name");

    private static TestDaemon daemon;
    private static String uri;
    private static String persistent;
    private static String transientGuest;
    private static String spare;

    @BeforeAll
    static void guests() {
        daemon = TestDaemon.get();
        uri = daemon.socketUri();
        persistent = daemon.defineAndStart(TestDaemon.uniqueName("dom-p"));
        transientGuest = daemon.createTransient(TestDaemon.uniqueName("dom-t"));
        spare = daemon.define(TestDaemon.uniqueName("dom-off")); // several guests, one never started
    }

    @AfterAll
    static void cleanUp() {
        if (daemon != null) {
            daemon.remove(persistent, transientGuest, spare);
        }
    }

    private static Result lvsh(String... args) {
        List<String> argv = new ArrayList<>(List.of("-c", uri));
        argv.addAll(List.of(args));
        return Run.lvsh(argv.toArray(String[]::new));
    }

    private static Result virsh(String... args) {
        List<String> argv = new ArrayList<>(List.of("-c", uri));
        argv.addAll(List.of(args));
        return Run.virsh(argv.toArray(String[]::new));
    }

    private static String state(String name) {
        return daemon.virshOk("domstate", name).out().trim();
    }

    private static void running() {
        switch (state(persistent)) {
            case "running" -> { }
            case "paused" -> daemon.virshOk("resume", persistent);
            default -> daemon.virshOk("start", persistent);
        }
        assertEquals("running", state(persistent));
    }

    private static void paused() {
        running();
        daemon.virshOk("suspend", persistent);
        assertEquals("paused", state(persistent));
    }

    private static void shutOff() {
        if (!"shut off".equals(state(persistent))) {
            daemon.virshOk("destroy", persistent);
        }
        assertEquals("shut off", state(persistent));
    }

    private static void sameAsVirsh(String... command) {
        Result v = virsh(command);
        Result l = lvsh(command);
        assertEquals(v.status(), l.status(), String.join(" ", command) + ": " + l.err());
        assertEquals(v.out(), l.out(), String.join(" ", command));
        if (v.status() == 0) {
            assertEquals("", l.err());
        }
    }

    /** dominfo's CPU time moves between two calls: same lines otherwise, and the same layout for it. */
    private static void dominfoLikeVirsh(String domain) {
        Result v = virsh("dominfo", domain);
        Result l = lvsh("dominfo", domain);
        assertEquals(0, l.status(), l.err());
        assertEquals(0, v.status(), v.err());
        assertEquals(v.lines().size(), l.lines().size(), l.out());
        for (int i = 0; i < v.lines().size(); i++) {
            String vl = v.lines().get(i);
            String ll = l.lines().get(i);
            if (vl.startsWith("CPU time:")) {
                assertTrue(CPU_TIME.matcher(vl).matches(), vl);
                assertTrue(CPU_TIME.matcher(ll).matches(), ll);
            } else {
                assertEquals(vl, ll);
            }
        }
    }

    private static void everyDomainCommandLikeVirsh(String name) {
        String uuid = daemon.virshOk("domuuid", name).out().trim();
        String id = daemon.virshOk("domid", name).out().trim();
        dominfoLikeVirsh(name);
        dominfoLikeVirsh(uuid);
        sameAsVirsh("domstate", name);
        sameAsVirsh("domstate", name, "--reason");
        sameAsVirsh("domstate", "--domain", uuid, "--reason");
        sameAsVirsh("domid", name);
        sameAsVirsh("domid", uuid);
        sameAsVirsh("domuuid", name);
        sameAsVirsh("domname", uuid);
        if (!"-".equals(id)) {
            dominfoLikeVirsh(id);
            sameAsVirsh("domname", id);
            sameAsVirsh("domuuid", id);
            sameAsVirsh("domstate", id, "--reason");
        }
    }

    /** Every list filter and column option, on the daemon's several guests in their current states. */
    private static void everyListLikeVirsh() {
        for (String options : LIST_OPTIONS) {
            sameAsVirsh(options.isEmpty() ? new String[] {"list"} : ("list " + options).split(" "));
        }
    }

    @Test
    void runningGuest() throws Exception {
        running();
        everyDomainCommandLikeVirsh(persistent);
        everyListLikeVirsh();
        assertTrue(Pattern.matches("running \\((booted|unpaused)\\)\n\n", lvsh("domstate", persistent, "--reason")
                .out()), "started, or resumed by an earlier test");
        JsonNode d = json("dominfo", persistent);
        assertEquals(Long.parseLong(daemon.virshOk("domid", persistent).out().trim()), d.get("id").asLong());
        assertTrue(d.get("id").isIntegralNumber());
        assertEquals("running", d.get("state").asText());
        assertTrue(d.get("cpu_time_ns").isIntegralNumber() && d.get("cpu_time_ns").asLong() > 0, d.toString());
        assertEquals(65536, d.get("max_memory_kib").asLong());
        assertEquals(65536, d.get("used_memory_kib").asLong());
        assertEquals(1, d.get("vcpus").asInt());
        assertEquals("hvm", d.get("os_type").asText());
        assertTrue(d.get("persistent").asBoolean());
        assertFalse(d.get("autostart").asBoolean());
        assertFalse(d.get("managed_save").asBoolean());
        assertEquals("none", d.get("security").get("model").asText());
        assertTrue(fields(d).containsAll(List.of("id", "name", "uuid", "os_type", "state", "vcpus", "cpu_time_ns",
                "max_memory_kib", "used_memory_kib", "persistent", "autostart", "managed_save", "security")),
                d.toString());
        assertTrue(fields(d.get("security")).containsAll(List.of("model", "doi", "label")), d.toString());
    }

    @Test
    void pausedGuest() throws Exception {
        paused();
        try {
            everyDomainCommandLikeVirsh(persistent);
            everyListLikeVirsh();
            assertEquals("paused (user)\n\n", lvsh("domstate", persistent, "--reason").out());
            assertEquals("paused", json("dominfo", persistent).get("state").asText());
            assertEquals("paused", entry(json("list", "--all"), persistent).get("state").asText());
        } finally {
            running();
        }
    }

    @Test
    void shutOffGuest() throws Exception {
        shutOff();
        everyDomainCommandLikeVirsh(persistent);
        everyListLikeVirsh();
        assertEquals("shut off (destroyed)\n\n", lvsh("domstate", persistent, "--reason").out());
        assertEquals("-\n\n", lvsh("domid", persistent).out());
        JsonNode d = json("dominfo", persistent);
        assertTrue(d.get("id").isNull(), d.toString());
        assertEquals("shutoff", d.get("state").asText());
        JsonNode e = entry(json("list", "--all"), persistent);
        assertTrue(e.get("id").isNull(), e.toString());
        assertEquals("shutoff", e.get("state").asText());
        assertTrue(lvsh("list", "--name").out().lines().noneMatch(persistent::equals), "not in the running list");
        running();
    }

    @Test
    void transientGuest() throws Exception {
        everyDomainCommandLikeVirsh(transientGuest);
        JsonNode d = json("dominfo", transientGuest);
        assertFalse(d.get("persistent").asBoolean());
        assertEquals("running", d.get("state").asText());
        JsonNode e = entry(json("list", "--all"), transientGuest);
        assertTrue(fields(e).containsAll(List.of("id", "name", "uuid", "state", "persistent", "autostart")),
                e.toString());
        assertFalse(e.get("persistent").asBoolean());
        assertEquals(daemon.virshOk("domuuid", transientGuest).out().trim(), e.get("uuid").asText());
        assertEquals(List.of(transientGuest), lvsh("list", "--transient", "--name").out().lines()
                .filter(s -> !s.isEmpty()).toList());
    }

    @Test
    void neverStartedGuest() {
        everyDomainCommandLikeVirsh(spare);
    }

    @Test
    void listJsonMatchesVirshForEveryGuest() throws Exception {
        JsonNode list = json("list", "--all");
        List<String> names = daemon.virshOk("list", "--all", "--name").out().lines().filter(s -> !s.isEmpty())
                .toList();
        assertEquals(names.size(), list.size());
        for (String name : names) {
            JsonNode e = entry(list, name);
            assertEquals(daemon.virshOk("domuuid", name).out().trim(), e.get("uuid").asText());
            String id = daemon.virshOk("domid", name).out().trim();
            if ("-".equals(id)) {
                assertTrue(e.get("id").isNull(), e.toString());
            } else {
                assertEquals(Long.parseLong(id), e.get("id").asLong());
            }
            assertEquals(state(name).replace(" ", ""), e.get("state").asText());
        }
    }

    @Test
    void unknownDomainFailsLikeVirsh() {
        String nosuch = TestDaemon.uniqueName("nosuch");
        Result l = lvsh("dominfo", nosuch);
        assertEquals(1, l.status());
        assertTrue(l.err().startsWith("error: failed to get domain '" + nosuch + "'\n"), l.err());
        assertFalse(l.err().contains("Exception"), l.err());
        Result v = virsh("dominfo", nosuch);
        assertEquals(v.status(), l.status());
        assertEquals(v.err(), l.err());
        assertEquals(v.out(), l.out()); // virsh ends even a failed command with a blank line
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("--json"));
        argv.addAll(List.of(args));
        Result r = lvsh(argv.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return JSON.readTree(r.out());
    }

    private static JsonNode entry(JsonNode list, String name) {
        for (JsonNode e : list) {
            if (name.equals(e.get("name").asText())) {
                return e;
            }
        }
        throw new AssertionError(name + " not in " + list);
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
