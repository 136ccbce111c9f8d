package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/** Host commands print exactly what virsh prints for the same URI. */
class HostCommandsTest {
    private static final String URI = "test:///default";

    @ParameterizedTest
    @ValueSource(strings = {
        "nodeinfo", "uri", "hostname", "freecell", "freecell 0", "freecell --cellno 1", "freecell --all",
        "freepages 0 4", "freepages --cellno 1 --pagesize 2M", "freepages --cellno 0 --pagesize 2048KiB",
        "freepages --cellno 1 --pagesize 1G", "freepages --all", "freepages --all --pagesize 4",
        "freecell +1", "freecell 01", "freecell --cellno=+0",
    })
    void sameTextAsVirsh(String command) {
        Result virsh = Run.virsh("-c", URI, command);
        Result lvsh = Run.lvsh("-c", URI, command);
        assertEquals(0, virsh.status(), virsh.err());
        assertEquals(virsh.out(), lvsh.out());
        assertEquals("", lvsh.err());
        assertEquals(0, lvsh.status());
    }

    @org.junit.jupiter.api.Test
    void capabilitiesXmlIsLibvirtsDocument() {
        assertEquals(Run.virsh("-c", URI, "capabilities").out(), Run.lvsh("-c", URI, "capabilities", "--xml").out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nodeinfo", "uri", "freecell --all", "freepages --all"})
    void quietLikeVirsh(String command) {
        Result virsh = Run.virsh("-q", "-c", URI, command);
        Result lvsh = Run.lvsh("-q", "-c", URI, command);
        assertEquals(virsh.out(), lvsh.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "version --daemon"})
    void versionMatchesVirshButNamesItsBinding(String command) {
        Result virsh = Run.virsh("-c", URI, command);
        Result lvsh = Run.lvsh("-c", URI, command);
        // virsh's first line names the libvirt it was compiled against; lvsh binds at run time through
        // libvirt-java and says so. Every other line is the same.
        assertEquals(virsh.lines().subList(1, virsh.lines().size()), lvsh.lines().subList(1, lvsh.lines().size()));
        assertEquals("Compiled against library: libvirt-java 0.5.4 (lvsh 0.1.0)", lvsh.lines().get(0));
    }

    /** libvirt's counts are unsigned: virsh prints them with %d and the memory with %lu; JSON has the values. */
    @org.junit.jupiter.api.Test
    void unsignedValuesOfAnExtremeHost(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path node = dir.resolve("node.xml");
        java.nio.file.Files.writeString(node, "<node><cpu><mhz>4294967295</mhz><model>big</model><nodes>1</nodes>"
                + "<sockets>3</sockets><cores>1000000000</cores><threads>1</threads></cpu>"
                + "<memory>18446744073709551615</memory></node>");
        String uri = "test://" + node;
        Result virsh = Run.virsh("-c", uri, "nodeinfo");
        assertEquals(0, virsh.status(), virsh.err());
        assertEquals(virsh.out(), Run.lvsh("-c", uri, "nodeinfo").out());
        assertEquals(true, virsh.out().contains("Memory size:         18446744073709551615 KiB\n"), virsh.out());
        String json = Run.lvsh("-c", uri, "nodeinfo", "--json").out();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals("18446744073709551615", tree.get("memory_kib").bigIntegerValue().toString());
        assertEquals(3000000000L, tree.get("cpus").longValue());
        assertEquals(4294967295L, tree.get("mhz").longValue());
        assertEquals(1000000000L, tree.get("cores_per_socket").longValue());
    }

    @org.junit.jupiter.api.Test
    void cellNumbersWithLeadingBlanksAsStrtolReadsThem() {
        Result virsh = Run.virsh("-c", URI, "freecell", " 1");
        assertEquals(0, virsh.status(), virsh.err());
        assertEquals(virsh.out(), Run.lvsh("-c", URI, "freecell", " 1").out());
        assertEquals(virsh.out(), Run.lvsh("-c", URI, "freecell", "--cellno", "\t1").out());
        assertEquals("error: Numeric value '1 ' for <cellno> option is malformed or out of range\n",
                Run.lvsh("-c", URI, "freecell", "1 ").err());
    }
}
