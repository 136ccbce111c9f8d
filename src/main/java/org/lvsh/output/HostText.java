package org.lvsh.output;

import org.lvsh.model.ConnectionInfo;
import org.lvsh.model.FreeCells;
import org.lvsh.model.FreePages;
import org.lvsh.model.NodeCpuMap;
import org.lvsh.model.NodeCpuPercent;
import org.lvsh.model.NodeStats;
import org.lvsh.model.NodeInfo;
import org.lvsh.model.VersionInfo;

/** virsh's text for the host commands, line for line. */
public final class HostText {
    private HostText() {
    }

    /** virsh prints the unsigned counts with %d (4294967295 MHz shows as -1) and the memory with %lu. */
    public static Output.TextView nodeInfo(NodeInfo n) {
        return out -> {
            out.printf("%-20s %s\n", "CPU model:", n.cpuModel());
            out.printf("%-20s %d\n", "CPU(s):", (int) n.cpus());
            if (n.mhz() != 0) {
                out.printf("%-20s %d MHz\n", "CPU frequency:", (int) n.mhz());
            }
            out.printf("%-20s %d\n", "CPU socket(s):", (int) n.sockets());
            out.printf("%-20s %d\n", "Core(s) per socket:", (int) n.coresPerSocket());
            out.printf("%-20s %d\n", "Thread(s) per core:", (int) n.threadsPerCore());
            out.printf("%-20s %d\n", "NUMA cell(s):", (int) n.numaCells());
            out.printf("%-20s %s KiB\n", "Memory size:", n.memoryKib());
        };
    }

    /** nodeinfo as one row of a table with a row per host: virsh's labels, its values. */
    public static HostView nodeInfoRow(NodeInfo n) {
        return HostView.Rows.single(
                java.util.List.of("CPU model", "CPU(s)", "CPU frequency", "CPU socket(s)", "Core(s) per socket",
                        "Thread(s) per core", "NUMA cell(s)", "Memory size"),
                java.util.List.of(n.cpuModel(), str((int) n.cpus()), n.mhz() == 0 ? "-" : (int) n.mhz() + " MHz",
                        str((int) n.sockets()), str((int) n.coresPerSocket()), str((int) n.threadsPerCore()),
                        str((int) n.numaCells()), n.memoryKib() + " KiB"));
    }

    private static String str(int i) {
        return Integer.toString(i);
    }

    /** freecell: a row per host for the host total or one cell; --all stays a block per host. */
    public static HostView freeCellsRow(FreeCells f, boolean all) {
        if (all) {
            return HostView.BLOCK;
        }
        if (f.cells().isEmpty()) {
            return HostView.Rows.single(java.util.List.of("Total"), java.util.List.of(f.totalKib() + " KiB"));
        }
        FreeCells.Cell c = f.cells().get(0);
        return HostView.Rows.single(java.util.List.of("Cell", "Free"),
                java.util.List.of(str(c.cell()), c.freeKib() + " KiB"));
    }

    public static HostView versionRow(VersionInfo v) {
        java.util.List<String> header = new java.util.ArrayList<>(java.util.List.of("Library", "API", "Hypervisor"));
        java.util.List<String> values = new java.util.ArrayList<>(java.util.List.of("libvirt " + v.library(),
                v.api().driver() + " " + v.api().version(), v.hypervisor().type() + " "
                        + (v.hypervisor().version() == null ? "-" : v.hypervisor().version())));
        if (v.daemon() != null) {
            header.add("Daemon");
            values.add(v.daemon());
        }
        return HostView.Rows.single(header, values);
    }

    /** One value (uri, hostname, domid...) as a column of a table with a row per host. */
    public static HostView valueRow(String label, String value) {
        return HostView.Rows.single(java.util.List.of(label), java.util.List.of(value));
    }

    /** freecell: the host total; one cell; or every cell with a separator and total (virsh's --all). */
    public static Output.TextView freeCells(FreeCells f, boolean all) {
        return out -> {
            if (all) {
                for (FreeCells.Cell c : f.cells()) {
                    out.printf("%5d: %10d KiB\n", c.cell(), c.freeKib());
                }
                out.extra("--------------------");
                if (!out.quiet()) {
                    out.printf("%5s: %10d KiB\n", "Total", f.totalKib());
                }
            } else if (f.cells().isEmpty()) {
                out.printf("%s: %d KiB\n", "Total", f.totalKib());
            } else {
                FreeCells.Cell c = f.cells().get(0);
                out.printf("%d: %d KiB\n", c.cell(), c.freeKib());
            }
        };
    }

    /** freepages: one count for one cell and size; or, with --all, a block per cell. */
    public static Output.TextView freePages(FreePages f, boolean all) {
        return out -> {
            for (FreePages.Cell cell : f.cells()) {
                if (all) {
                    out.printf("Node %d:\n", cell.cell());
                }
                for (FreePages.Pages p : cell.pages()) {
                    out.printf("%dKiB: %d\n", p.sizeKib(), p.free());
                }
                if (all) {
                    out.println("");
                }
            }
        };
    }

    public static Output.TextView version(VersionInfo v) {
        return out -> {
            out.printf("Compiled against library: libvirt-java %s (lvsh %s)\n", v.binding(), v.lvsh());
            out.printf("Using library: libvirt %s\n", v.library());
            out.printf("Using API: %s %s\n", v.api().driver(), v.api().version());
            if (v.hypervisor().version() == null) {
                out.printf("Cannot extract running %s hypervisor version\n", v.hypervisor().type());
            } else {
                out.printf("Running hypervisor: %s %s\n", v.hypervisor().type(), v.hypervisor().version());
            }
            if (v.daemon() != null) {
                out.printf("Running against daemon: %s\n", v.daemon());
            }
        };
    }

    /** connect: virsh prints nothing; lvsh says where it is connected and how safely. */
    public static Output.TextView connection(ConnectionInfo c) {
        return out -> out.printf("Connected to %s (%s, %s, %s)\n", c.uri(),
                c.readonly() ? "read-only" : "read-write",
                c.encryptedByTransport() ? "encrypted by " + c.transport()
                        : c.encrypted() == null ? "encryption unknown" : c.encrypted() ? "encrypted" : "not encrypted",
                c.secure() == null ? "security unknown" : c.secure() ? "secure" : "not secure");
    }

    /** nodememstats: "%-7s: %20llu KiB", libvirt's field names. */
    public static Output.TextView memoryStats(NodeStats s) {
        return out -> s.values().forEach((field, kib) -> out.printf("%-7s: %20s KiB\n", field,
                Long.toUnsignedString(kib)));
    }

    /** nodecpustats: virsh's labels for the fields it knows, in its order (user, system, idle, iowait, intr). */
    public static Output.TextView cpuStats(NodeStats s) {
        return out -> {
            for (String field : CPU_FIELDS) {
                Long ns = s.values().get(field);
                if (ns != null) {
                    out.printf("%-15s %20s\n", NodeStats.cpuWord(field) + ":", Long.toUnsignedString(ns));
                }
            }
        };
    }

    private static final java.util.List<String> CPU_FIELDS = java.util.List.of("user", "kernel", "idle", "iowait",
            "intr");

    public static HostView statsRow(NodeStats s, boolean cpu) {
        java.util.List<String> header = new java.util.ArrayList<>();
        java.util.List<String> values = new java.util.ArrayList<>();
        for (String field : cpu ? CPU_FIELDS : java.util.List.copyOf(s.values().keySet())) {
            Long v = s.values().get(field);
            if (v != null) {
                header.add(cpu ? NodeStats.cpuWord(field) : field);
                values.add(Long.toUnsignedString(v) + (cpu ? "" : " KiB"));
            }
        }
        return HostView.Rows.single(header, values);
    }

    /** nodecpustats --percent: "%-15s %5.1lf%%", usage first, then each share the driver reports. */
    public static Output.TextView cpuPercent(NodeCpuPercent p) {
        return out -> shares(p).forEach((label, pct) -> out.printf("%-15s %5.1f%%\n", label + ":", pct));
    }

    public static HostView cpuPercentRow(NodeCpuPercent p) {
        java.util.Map<String, Double> shares = shares(p);
        return HostView.Rows.single(java.util.List.copyOf(shares.keySet()), shares.values().stream()
                .map(pct -> String.format(java.util.Locale.ROOT, "%.1f%%", pct)).toList());
    }

    /** virsh's labels and the shares known, in its order (usage is always there). */
    private static java.util.Map<String, Double> shares(NodeCpuPercent p) {
        java.util.Map<String, Double> shares = new java.util.LinkedHashMap<>();
        String[] labels = {"usage", "user", "system", "idle", "iowait", "intr"};
        Double[] pcts = {p.usagePct(), p.userPct(), p.systemPct(), p.idlePct(), p.iowaitPct(), p.intrPct()};
        for (int i = 0; i < labels.length; i++) {
            if (pcts[i] != null) {
                shares.put(labels[i], pcts[i]);
            }
        }
        return shares;
    }

    /** nodecpumap: "%-15s %d" twice, then the map as y/- or, --pretty, as ranges (0-3,6). */
    public static Output.TextView cpuMap(NodeCpuMap m, boolean pretty) {
        return out -> {
            out.printf("%-15s %d\n", "CPUs present:", m.present());
            out.printf("%-15s %d\n", "CPUs online:", m.online());
            out.printf("%-15s %s\n", "CPU map:", pretty ? ranges(m.onlineCpus()) : m.map());
        };
    }

    public static HostView cpuMapRow(NodeCpuMap m, boolean pretty) {
        return HostView.Rows.single(java.util.List.of("CPUs present", "CPUs online", "CPU map"),
                java.util.List.of(str(m.present()), str(m.online()), pretty ? ranges(m.onlineCpus()) : m.map()));
    }

    /** virBitmapFormat's form: runs as first-last, single CPUs alone, joined by commas. */
    static String ranges(java.util.List<Integer> cpus) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cpus.size(); ) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) {
                j++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(cpus.get(i));
            if (j > i) {
                b.append('-').append(cpus.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }

    /** One value a line: uri, hostname. */
    public static Output.TextView line(String value) {
        return out -> out.println(value);
    }
}
