package org.lvsh.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.lvsh.model.Capabilities;
import org.lvsh.model.Capabilities.Cell;
import org.lvsh.model.Capabilities.Guest;
import org.lvsh.model.Capabilities.GuestDomain;
import org.lvsh.model.Capabilities.Host;
import org.lvsh.model.Capabilities.HostCpu;
import org.lvsh.model.Capabilities.Machine;

/**
 * capabilities as text: virsh prints the raw XML; lvsh prints a key/value block for the host, tables for NUMA
 * cells, caches and security models, then a block and a machine table per guest. Fits 100 columns: long lists
 * wrap under their value column.
 */
public final class CapabilitiesText {
    private static final int WIDTH = 100;
    private static final String LABEL = "%-20s ";
    private static final String INDENT = " ".repeat(21);

    private CapabilitiesText() {
    }

    public static void render(Capabilities caps, Output out) {
        Host host = caps.host();
        if (host != null) {
            host(host, out);
            cells(host, out);
            caches(host, out);
            bandwidth(host, out);
            secmodels(host, out);
        }
        for (int i = 0; i < caps.guests().size(); i++) {
            out.println("");
            guest(i + 1, caps.guests().get(i), out);
        }
    }

    private static void host(Host host, Output out) {
        out.println("Host:");
        value(out, "UUID:", host.uuid());
        HostCpu cpu = host.cpu();
        if (cpu != null) {
            value(out, "CPU arch:", cpu.arch());
            value(out, "CPU model:", cpu.model());
            value(out, "CPU vendor:", cpu.vendor());
            if (cpu.topology() != null) {
                value(out, "CPU topology:", topology(cpu.topology()));
            }
            if (!cpu.features().isEmpty()) {
                wrapped(out, "CPU features:", cpu.features(), " ");
            }
            if (!cpu.pages().isEmpty()) {
                wrapped(out, "Page sizes:", cpu.pages().stream().map(p -> pageSize(p.sizeKib())).toList(), " ");
            }
        }
        value(out, "Power management:", host.powerManagement().isEmpty() ? "none"
                : String.join(" ", host.powerManagement()));
        if (host.iommu() != null) {
            value(out, "IOMMU:", yesNo(host.iommu()));
        }
        if (host.migration() != null) {
            value(out, "Live migration:", yesNo(host.migration().live()));
            if (!host.migration().uriTransports().isEmpty()) {
                value(out, "URI transports:", String.join(" ", host.migration().uriTransports()));
            }
        }
    }

    private static String topology(Capabilities.CpuTopology t) {
        StringJoiner parts = new StringJoiner(", ");
        count(parts, t.sockets(), "socket(s)");
        count(parts, t.dies(), "die(s)");
        count(parts, t.clusters(), "cluster(s)");
        count(parts, t.cores(), "core(s)");
        count(parts, t.threads(), "thread(s)");
        return parts.toString();
    }

    private static void count(StringJoiner parts, Integer n, String what) {
        if (n != null) {
            parts.add(n + " " + what);
        }
    }

    private static void cells(Host host, Output out) {
        if (host.topology() == null || host.topology().cells().isEmpty()) {
            return;
        }
        Table table = new Table("Cell", "Memory (KiB)", "CPUs", "Pages", "Distances");
        for (Cell cell : host.topology().cells()) {
            StringJoiner pages = new StringJoiner(" ");
            cell.pages().forEach(p -> pages.add(pageSize(p.sizeKib()) + ":" + orDash(p.count())));
            StringJoiner distances = new StringJoiner(" ");
            cell.distances().forEach(d -> distances.add(d.id() + ":" + d.value()));
            table.row(orDash(cell.id()), orDash(cell.memoryKib()),
                    cpuList(cell.cpus().stream().map(Capabilities.Cpu::id).toList()),
                    orDash(pages.toString()), orDash(distances.toString()));
        }
        out.println("");
        out.println("NUMA cells:");
        out.table(table);
    }

    private static void caches(Host host, Output out) {
        if (host.cache() == null || host.cache().banks().isEmpty()) {
            return;
        }
        Table table = new Table("Bank", "Level", "Type", "Size (KiB)", "CPUs");
        host.cache().banks().forEach(b -> table.row(orDash(b.id()), orDash(b.level()), orDash(b.type()),
                orDash(b.sizeKib()), orDash(b.cpus())));
        out.println("");
        out.println("Caches:");
        out.table(table);
    }

    private static void bandwidth(Host host, Output out) {
        if (host.memoryBandwidth() == null || host.memoryBandwidth().nodes().isEmpty()) {
            return;
        }
        Table table = new Table("Node", "CPUs", "Granularity (%)", "Min (%)", "Max allocs");
        host.memoryBandwidth().nodes().forEach(n -> table.row(orDash(n.id()), orDash(n.cpus()),
                orDash(n.granularity()), orDash(n.min()), orDash(n.maxAllocs())));
        out.println("");
        out.println("Memory bandwidth:");
        out.table(table);
    }

    private static void secmodels(Host host, Output out) {
        if (host.secmodels().isEmpty()) {
            return;
        }
        Table table = new Table("Model", "DOI", "Base labels");
        for (Capabilities.SecModel m : host.secmodels()) {
            StringJoiner labels = new StringJoiner(" ");
            m.baseLabels().forEach(l -> labels.add(l.type() + "=" + l.label()));
            table.row(orDash(m.model()), orDash(m.doi()), orDash(labels.toString()));
        }
        out.println("");
        out.println("Security models:");
        out.table(table);
    }

    private static void guest(int number, Guest guest, Output out) {
        out.println("Guest " + number + ":");
        value(out, "OS type:", guest.osType());
        value(out, "Arch:", guest.arch());
        value(out, "Word size:", guest.wordsize() == null ? null : guest.wordsize().toString());
        value(out, "Emulator:", guest.emulator());
        value(out, "Loader:", guest.loader());
        if (!guest.domains().isEmpty()) {
            wrapped(out, "Domain types:", guest.domains().stream().map(d -> d.emulator() == null ? d.type()
                    : d.type() + " (" + d.emulator() + ")").toList(), ", ");
        }
        if (!guest.features().isEmpty()) {
            List<String> features = new ArrayList<>();
            guest.features().forEach((name, attributes) -> features.add(feature(name, attributes)));
            wrapped(out, "Features:", features, ", ");
        }
        machines(out, "Machines:", guest.machines());
        for (GuestDomain d : guest.domains()) {
            machines(out, "Machines (" + d.type() + " only):", d.machines());
        }
    }

    /** acpi (default on, toggle yes); pae. */
    private static String feature(String name, Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return name;
        }
        StringJoiner parts = new StringJoiner(", ", name + " (", ")");
        attributes.forEach((k, v) -> parts.add(k + " " + v));
        return parts.toString();
    }

    private static void machines(Output out, String title, List<Machine> machines) {
        if (machines.isEmpty()) {
            return;
        }
        Table table = new Table("Machine", "Max CPUs", "Canonical", "Deprecated");
        machines.forEach(m -> table.row(orDash(m.name()), orDash(m.maxCpus()), orDash(m.canonical()),
                yesNo(m.deprecated())));
        out.println("");
        out.println(title);
        out.table(table);
    }

    /** A key/value line, left out when libvirt did not say. */
    private static void value(Output out, String label, String value) {
        if (value != null) {
            out.printf(LABEL + "%s\n", label, DisplayWidth.safe(value));
        }
    }

    /** A key/value line whose list wraps at {@link #WIDTH}, continuing under the value column. */
    private static void wrapped(Output out, String label, List<String> items, String separator) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, LABEL, label));
        boolean first = true;
        for (String raw : items) {
            String item = DisplayWidth.safe(raw);
            if (first) {
                line.append(item);
                first = false;
            } else if (DisplayWidth.of(line.toString()) + separator.length() + DisplayWidth.of(item) > WIDTH) {
                out.println(line.append(separator.stripTrailing()).toString().stripTrailing());
                line = new StringBuilder(INDENT).append(item);
            } else {
                line.append(separator).append(item);
            }
        }
        out.println(line.toString());
    }

    /** 4KiB, 2MiB, 1GiB: page sizes read better in the largest exact unit. */
    private static String pageSize(Long kib) {
        if (kib == null) {
            return "-";
        }
        if (kib != 0 && kib % (1024 * 1024) == 0) {
            return kib / (1024 * 1024) + "GiB";
        }
        if (kib != 0 && kib % 1024 == 0) {
            return kib / 1024 + "MiB";
        }
        return kib + "KiB";
    }

    /** CPU ids as ranges, as libvirt writes cpusets: 0-7,16-23. */
    private static String cpuList(List<Integer> ids) {
        List<Integer> sorted = ids.stream().filter(Objects::nonNull).sorted().distinct().toList();
        if (sorted.isEmpty()) {
            return "-";
        }
        StringJoiner out = new StringJoiner(",");
        int start = sorted.get(0);
        int end = start;
        for (int id : sorted.subList(1, sorted.size())) {
            if (id != end + 1) {
                out.add(range(start, end));
                start = id;
            }
            end = id;
        }
        out.add(range(start, end));
        return out.toString();
    }

    private static String range(int start, int end) {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String orDash(Object value) {
        return value == null || value.toString().isEmpty() ? "-" : value.toString();
    }
}
