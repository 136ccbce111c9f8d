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
}
