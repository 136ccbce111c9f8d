package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/**
 * The whole catalog in every output format: an answer, or one "error:" line saying why (status 2 when the
 * format cannot hold it, libvirt's failure where the test driver lacks the call); never an internal error.
 */
class EveryFormatTest {
    private static final String URI = "test:///default";

    /** How each command is run here. A command missing from this map fails the test: none can be forgotten. */
    private static final Map<String, List<String>> RUNS = Map.ofEntries(
            Map.entry("domid", List.of("domid test")), Map.entry("domname", List.of("domname 1")),
            Map.entry("domuuid", List.of("domuuid test")), Map.entry("dominfo", List.of("dominfo test")),
            Map.entry("domstate", List.of("domstate test", "domstate test --reason")),
            Map.entry("domstats", List.of("domstats", "domstats test --state", "domstats --list-inactive")),
            Map.entry("list", List.of("list", "list --all --name", "list --uuid", "list --title --managed-save")),
            Map.entry("event", List.of("event --list")),
            Map.entry("top", List.of("top -b -n 1", "top -b -n 2 -d 0")),
            Map.entry("capabilities", List.of("capabilities", "capabilities --xml")),
            Map.entry("freecell", List.of("freecell", "freecell 0", "freecell --all")),
            Map.entry("freepages", List.of("freepages --all", "freepages 0 4")),
            Map.entry("hostname", List.of("hostname")), Map.entry("maxvcpus", List.of("maxvcpus")),
            Map.entry("nodecpumap", List.of("nodecpumap", "nodecpumap --pretty")),
            Map.entry("nodecpustats", List.of("nodecpustats", "nodecpustats --cpu 0")),
            Map.entry("nodeinfo", List.of("nodeinfo")),
            Map.entry("nodememstats", List.of("nodememstats")), // the test driver has none: libvirt's error
            Map.entry("sysinfo", List.of("sysinfo", "sysinfo --xml")), Map.entry("uri", List.of("uri")),
            Map.entry("version", List.of("version", "version --daemon")),
            Map.entry("echo", List.of("echo a b", "echo --shell 'a b'", "echo --xml '<a>'")),
            Map.entry("exit", List.of("exit")), Map.entry("quit", List.of("quit")),
            Map.entry("help", List.of("help", "help list")),
            Map.entry("connect", List.of("connect test:///default")), Map.entry("hosts", List.of("hosts")),
            Map.entry("server", List.of("server status")));

    /** What the test driver cannot answer, in every format alike. */
    private static final List<String> DRIVER_LACKS = List.of("nodememstats");

    static Stream<Arguments> runs() {
        List<Arguments> all = new ArrayList<>();
        for (CommandCatalog.Entry e : new CommandCatalog().visible()) {
            assertTrue(RUNS.containsKey(e.name()), "EveryFormatTest has no run for '" + e.name() + "'");
            for (String line : RUNS.get(e.name())) {
                for (String format : List.of("table", "json", "yaml", "csv", "name")) {
                    all.add(Arguments.of(format, line));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "-o {0} {1}")
    @MethodSource("runs")
    void answersOrSaysWhyInOneLine(String format, String line) {
        List<String> args = new ArrayList<>(List.of("-c", URI, "-o", format));
        args.addAll(List.of(line.split(" ")));
        Result r = Run.lvsh(args.toArray(String[]::new));
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        if (r.status() == 0) {
            assertEquals("", r.err());
            return;
        }
        assertEquals(1, r.err().lines().count(), r.err());
        if (DRIVER_LACKS.contains(line)) {
            assertEquals(1, r.status(), r.err());
        } else {
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(format), r.err());
            assertEquals("", r.out());
        }
    }
}
