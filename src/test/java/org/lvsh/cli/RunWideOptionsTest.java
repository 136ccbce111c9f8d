package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/** The run-wide options as virsh reads them (issue 16, item 11), each compared with virsh. */
class RunWideOptionsTest {
    private static final String URI = "test:///default";

    private static List<String> words(String line) {
        return new ArrayList<>(List.of(line.split(" ")));
    }

    /** Repeated options: the last one wins, as in virsh; -e is checked and accepted; -d out of range warns. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "-c test:///nosuch -c test:///default uri",
        "-q -q -c test:///default uri",
        "-r -r -c test:///default uri",
        "-c test:///default -c test:///default -r uri",
        "-e x -c test:///default uri",
        "-e ^a -c test:///default uri",
        "--escape=^_ -c test:///default uri",
        "-d 5 -c test:///default uri",
        "-d -1 -c test:///default uri",
    })
    void acceptedAsVirshAcceptsThem(String line) {
        Result virsh = Run.virsh(line.split(" "));
        assertEquals(0, virsh.status(), virsh.err());
        Result r = Run.lvsh(line.split(" "));
        assertEquals(virsh.out(), r.out());
        assertEquals(virsh.err(), r.err());
        assertEquals(0, r.status());
    }

    @ParameterizedTest(name = "-e {0}")
    @ValueSource(strings = {"^", "xy", "^{", "^`", "é"})
    void escapeRefusedAsVirshRefusesIt(String escape) {
        Result virsh = Run.virsh("-e", escape, "-c", URI, "uri");
        assertEquals("error: Invalid string '" + escape + "' for escape sequence\n", virsh.err());
        Result r = Run.lvsh("-e", escape, "-c", URI, "uri");
        assertEquals(virsh.err(), r.err());
        assertEquals("", r.out());
        assertEquals(2, r.status());
    }

    @Test
    void versionTakesVirshsValues() {
        Result r = Run.lvsh("--version=short");
        assertEquals(Run.lvsh("-v").out(), r.out());
        assertEquals(0, r.status());
        r = Run.lvsh("--version=long");
        assertEquals(Run.lvsh("-V").out(), r.out());
        assertEquals(0, r.status());
        assertEquals(Run.lvsh("-v").out(), Run.lvsh("--version=other").out()); // virsh: anything but long is short
    }

    @Test
    void virshsUriVariableComesAfterLvshsAndBeforeLibvirts() {
        Result r = Run.withEnv(Map.of("VIRSH_DEFAULT_CONNECT_URI", URI, "LIBVIRT_DEFAULT_URI", "test:///nosuch"), "",
                "uri");
        assertEquals("test:///default\n\n", r.out());
        assertEquals(0, r.status());
        r = Run.withEnv(Map.of("LVSH_DEFAULT_URI", URI, "VIRSH_DEFAULT_CONNECT_URI", "test:///nosuch"), "", "uri");
        assertEquals("test:///default\n\n", r.out());
        r = Run.withEnv(Map.of("VIRSH_DEFAULT_CONNECT_URI", "", "LIBVIRT_DEFAULT_URI", URI), "", "uri");
        assertEquals("test:///default\n\n", r.out()); // empty is unset, as in virsh
    }
}
