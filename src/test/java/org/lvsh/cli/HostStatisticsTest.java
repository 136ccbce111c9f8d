package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvsh.support.NodeXml;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/** maxvcpus, nodecpustats, nodecpumap, nodememstats and sysinfo against the test driver, beside virsh. */
class HostStatisticsTest {
    private static final String URI = "test:///default";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static String hosts;

    @BeforeAll
    static void twoHosts() {
        String a = NodeXml.host().write(dir, "a.xml");
        String b = NodeXml.host().write(dir, "b.xml");
        hosts = a + "," + b;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "maxvcpus", "maxvcpus kvm", "maxvcpus --type test", "nodecpustats", "nodecpustats 0", "nodecpustats --cpu 3",
        "nodecpumap", "nodecpumap --pretty", "sysinfo"})
    void sameTextAsVirsh(String command) {
        Result virsh = Run.virsh("-c", URI, command);
        // lvsh's sysinfo parses the document; --xml is virsh's output
        String[] lvshArgs = (command.equals("sysinfo") ? "sysinfo --xml" : command).split(" ");
        String[] args = new String[lvshArgs.length + 2];
        args[0] = "-c";
        args[1] = URI;
        System.arraycopy(lvshArgs, 0, args, 2, lvshArgs.length);
        Result lvsh = Run.lvsh(args);
        assertEquals(0, virsh.status(), virsh.err());
        assertEquals(virsh.out(), lvsh.out(), command);
        assertEquals("", lvsh.err());
        assertEquals(0, lvsh.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"maxvcpus", "nodecpustats", "nodecpumap", "nodememstats"})
    void helpIsVirshsAndMore(String command) {
        Result virsh = Run.virsh("help", command);
        Result lvsh = Run.lvsh("help", command);
        assertEquals(virsh.out().stripTrailing(), lvsh.out().substring(0, virsh.out().stripTrailing().length()));
    }

    @Test
    void jsonShapes() throws Exception {
        JsonNode max = json("maxvcpus");
        assertEquals("{\"type\":null,\"max_vcpus\":32}", max.toString());
        assertEquals("{\"type\":\"kvm\",\"max_vcpus\":32}", json("maxvcpus", "--type", "kvm").toString());
        assertEquals("{\"user_ns\":9797400000,\"system_ns\":34678723400000,\"idle_ns\":87264900000,"
                + "\"iowait_ns\":763600000}", json("nodecpustats").toString());
        assertEquals("{\"present\":8,\"online\":3,\"map\":\"y-y-y---\",\"online_cpus\":[0,2,4]}",
                json("nodecpumap").toString());
        assertEquals("{\"type\":\"smbios\",\"bios\":{\"vendor\":\"LENOVO\",\"version\":\"G4ETA1WW (2.61 )\","
                + "\"date\":\"05/07/2014\",\"release\":\"2.61\"},\"system\":null,\"base_boards\":[],\"chassis\":null,"
                + "\"processors\":[],\"memory_devices\":[],\"oem_strings\":[]}", json("sysinfo").toString());
        JsonNode xml = json("sysinfo", "--xml");
        String virsh = Run.virsh("-c", URI, "sysinfo").out();
        assertEquals(virsh.substring(0, virsh.length() - 1), xml.get("xml").textValue()); // less the blank line
    }

    private static JsonNode json(String... command) throws Exception {
        String[] args = new String[command.length + 3];
        args[0] = "-c";
        args[1] = URI;
        args[2] = "--json";
        System.arraycopy(command, 0, args, 3, command.length);
        Result r = Run.lvsh(args);
        assertEquals("", r.err());
        assertEquals(0, r.status());
        return JSON.readTree(r.out());
    }

    @Test
    void sysinfoText() {
        Result r = Run.lvsh("-c", URI, "sysinfo");
        assertEquals("BIOS:\n  Vendor:  LENOVO\n  Version: G4ETA1WW (2.61 )\n  Date:    05/07/2014\n"
                + "  Release: 2.61\n\n", r.out());
    }

    /** The test driver has no memory statistics: virsh's two error lines as one, its status. */
    @Test
    void nodememstatsWhereTheDriverHasNone() {
        Result virsh = Run.virsh("-c", URI, "nodememstats");
        Result lvsh = Run.lvsh("-c", URI, "nodememstats");
        assertEquals("error: Unable to get number of memory stats\nerror: this function is not supported by the "
                + "connection driver: virNodeGetMemoryStats\n", virsh.err());
        assertEquals("error: Unable to get number of memory stats: this function is not supported by the "
                + "connection driver: virNodeGetMemoryStats\n", lvsh.err());
        assertEquals(1, lvsh.status());
        assertEquals(virsh.out(), lvsh.out());
    }

    /** The test driver's CPU times stand still: virsh prints -nan%; lvsh says why there is no percentage. */
    @Test
    void percentWithoutTimePassingIsNotANumber() {
        Result virsh = Run.virsh("-c", URI, "nodecpustats", "--percent");
        assertEquals("usage:           -nan%\n", virsh.out().lines().findFirst().orElseThrow() + "\n");
        Result lvsh = Run.lvsh("-c", URI, "nodecpustats", "--percent");
        assertEquals("error: the host's CPU times did not change in one second, so no percentage can be given "
                + "(virsh prints -nan%)\n", lvsh.err());
        assertEquals(1, lvsh.status());
        assertFalse(lvsh.out().contains("nan"));
    }

    @Test
    void malformedNumbersAreVirshsWords() {
        Result r = Run.lvsh("-c", URI, "nodecpustats", "--cpu", "abc");
        assertEquals("error: Numeric value 'abc' for <cpu> option is malformed or out of range\n", r.err());
        assertEquals(Run.virsh("-c", URI, "nodecpustats", "--cpu", "abc").err(), r.err());
    }

    /** Every format holds every answer, or says in one line that it cannot (status 2). */
    @Test
    void everyFormat() {
        assertEquals("present: 8\nonline: 3\nmap: y-y-y---\nonline_cpus:\n- 0\n- 2\n- 4\n",
                Run.lvsh("-c", URI, "-o", "yaml", "nodecpumap").out());
        assertEquals("user_ns,system_ns,idle_ns,iowait_ns\n9797400000,34678723400000,87264900000,763600000\n",
                Run.lvsh("-c", URI, "-o", "csv", "nodecpustats").out());
        assertEquals("type,max_vcpus\n,32\n", Run.lvsh("-c", URI, "-o", "csv", "maxvcpus").out());
        Result csvXml = Run.lvsh("-c", URI, "-o", "csv", "capabilities", "--xml");
        assertEquals(0, csvXml.status(), csvXml.err());
        assertEquals("xml", csvXml.out().lines().findFirst().orElseThrow());
        Result nested = Run.lvsh("-c", URI, "-o", "csv", "nodecpumap");
        assertEquals(2, nested.status());
        assertEquals(1, nested.err().lines().count(), nested.err());
    }

    /** Over several hosts: a row per host, the host first. */
    @Test
    void severalHostsInOneTable() {
        Result r = Run.lvsh("-H", hosts, "nodecpumap", "--pretty");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(" Host   CPUs present   CPUs online   CPU map", lines[0].replaceAll(" {3,}", "   ")
                .replaceAll("^ Host +", " Host   "));
        assertEquals(4, lines.length, r.out()); // header, dashes, two hosts (then the blank line is dropped)
    }
}
