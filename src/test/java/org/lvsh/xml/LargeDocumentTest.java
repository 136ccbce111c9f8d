package org.lvsh.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsh.model.Capabilities;
import org.lvsh.model.Capabilities.Cell;
import org.lvsh.model.Capabilities.Machine;

/** A big host: 256 cells of 64 CPUs, and a guest with 500 machines. */
class LargeDocumentTest {
    private static final int CELLS = 256;
    private static final int CPUS = 64;
    private static final int MACHINES = 500;

    @Test
    void parsesEveryElement() {
        String xml = document();
        Capabilities caps = CapabilitiesParser.parse(xml);

        List<Cell> cells = caps.host().topology().cells();
        assertEquals(CELLS, cells.size());
        for (int c = 0; c < CELLS; c++) {
            Cell cell = cells.get(c);
            assertEquals(c, cell.id());
            assertEquals(1048576L * (c + 1), cell.memoryKib());
            assertEquals(CPUS, cell.cpus().size());
            assertEquals(CELLS, cell.distances().size());
            assertEquals(c == 0 ? 10 : 20, cell.distances().get(0).value());
            assertEquals(2, cell.pages().size());
        }
        Capabilities.Cpu last = cells.get(CELLS - 1).cpus().get(CPUS - 1);
        assertEquals(new Capabilities.Cpu(CELLS * CPUS - 1, CELLS - 1, 0, null, CPUS / 2 - 1,
                (CELLS * CPUS - 2) + "-" + (CELLS * CPUS - 1)), last);

        List<Machine> machines = caps.guests().get(0).machines();
        assertEquals(MACHINES, machines.size());
        assertEquals(new Machine("machine-0", 1, null, false), machines.get(0));
        assertEquals(new Machine("machine-499", 500, "machine-0", true), machines.get(MACHINES - 1));
        assertTrue(xml.length() > 1_000_000, "a document of " + xml.length() + " chars");
    }

    private static String document() {
        StringBuilder b = new StringBuilder(4_000_000);
        b.append("<capabilities>\n<host>\n<topology>\n<cells num='").append(CELLS).append("'>\n");
        for (int c = 0; c < CELLS; c++) {
            b.append("<cell id='").append(c).append("'>\n<memory unit='GiB'>").append(c + 1).append("</memory>\n");
            b.append("<pages unit='KiB' size='4'>").append(262144 * (c + 1)).append("</pages>\n");
            b.append("<pages unit='KiB' size='2048'>0</pages>\n<distances>\n");
            for (int s = 0; s < CELLS; s++) {
                b.append("<sibling id='").append(s).append("' value='").append(s == c ? 10 : 20).append("'/>\n");
            }
            b.append("</distances>\n<cpus num='").append(CPUS).append("'>\n");
            for (int i = 0; i < CPUS; i++) {
                int id = c * CPUS + i;
                int first = id - id % 2;
                b.append("<cpu id='").append(id).append("' socket_id='").append(c).append("' die_id='0' core_id='")
                        .append(i / 2).append("' siblings='").append(first).append('-').append(first + 1)
                        .append("'/>\n");
            }
            b.append("</cpus>\n</cell>\n");
        }
        b.append("</cells>\n</topology>\n</host>\n<guest>\n<os_type>hvm</os_type>\n<arch name='x86_64'>\n");
        for (int m = 0; m < MACHINES; m++) {
            b.append("<machine maxCpus='").append(m + 1).append('\'');
            if (m == MACHINES - 1) {
                b.append(" canonical='machine-0' deprecated='yes'");
            }
            b.append(">machine-").append(m).append("</machine>\n");
        }
        b.append("<domain type='qemu'/>\n</arch>\n</guest>\n</capabilities>\n");
        return b.toString();
    }
}
