package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/** 10,000 domains, generated at test time: lvsh lists exactly what virsh lists, in virsh's order. */
class ScaleTest {
    private static final int DOMAINS = 10_000;

    @TempDir
    static Path dir;
    static String uri;

    @BeforeAll
    static void host() throws IOException {
        StringBuilder xml = new StringBuilder("<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>\n"
                + "<cpu><mhz>2600</mhz><model>x86_64</model><nodes>2</nodes><sockets>2</sockets><cores>4</cores>"
                + "<threads>2</threads></cpu><memory>16777216</memory>\n");
        int[] states = {1, 3, 5, 5, 6};
        for (int i = 0; i < DOMAINS; i++) {
            // names out of order, mixed case, so that the sort is exercised
            String name = (i % 2 == 0 ? "Vm-" : "vm-") + Integer.toString((i * 7919) % DOMAINS, 36);
            xml.append("<domain type='test'><name>").append(name).append("</name><memory unit='MiB'>64</memory>")
                    .append("<vcpu>1</vcpu><os><type>hvm</type></os><test:runstate>")
                    .append(states[i % states.length]).append("</test:runstate></domain>\n");
        }
        xml.append("</node>\n");
        Path file = dir.resolve("big.xml");
        Files.writeString(file, xml);
        uri = "test://" + file.toAbsolutePath();
    }

    @Test
    void listAllMatchesVirsh() {
        Result virsh = Run.virsh("-c", uri, "list", "--all");
        Result lvsh = Run.lvsh("-c", uri, "list", "--all");
        assertEquals(DOMAINS + 3, virsh.lines().size() - 1, "header, rule, 10,000 rows, blank line");
        assertEquals(virsh.out(), lvsh.out());
    }

    @Test
    void scriptFormsMatchVirsh() {
        assertEquals(Run.virsh("-c", uri, "list", "--all", "--name").out(),
                Run.lvsh("-c", uri, "list", "--all", "--name").out());
        assertEquals(Run.virsh("-c", uri, "list", "--state-paused", "--id").out(),
                Run.lvsh("-c", uri, "list", "--state-paused", "--id").out());
    }
}
