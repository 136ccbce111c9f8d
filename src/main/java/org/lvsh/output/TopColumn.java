package org.lvsh.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.lvsh.model.TopFrame.Row;

/** The columns top can show (--fields, the f key) and sort by (--sort, the P M N H T keys). */
public enum TopColumn {
    HOST("HOST", "the host of the set (-H)", false, r -> r.host() == null ? "" : r.host(), r -> r.host()),
    ID("ID", "the domain's id (- when it is not running)", true, r -> r.record().id() == null ? "-"
            : r.record().id().toString(), r -> r.record().id()),
    NAME("NAME", "the domain's name", false, r -> r.record().name(), r -> r.record().name()),
    STATE("STATE", "its state (* after it: figures from an earlier sample)", false,
            r -> r.record().state().text() + (r.record().stale() ? "*" : ""), r -> r.record().state().key()),
    CPU("%CPU", "CPU use over the interval, in percent of the whole host", true,
            r -> decimal(r.record().cpuPct()), r -> r.record().cpuPct()),
    VCPUS("VCPU", "virtual CPUs", true, r -> integer(r.record().vcpus()), r -> r.record().vcpus()),
    MEM("MEM", "memory in use (see MEMSRC)", true, r -> kib(r.record().memoryKib()), r -> r.record().memoryKib()),
    MEMSRC("MEMSRC", "what MEM is: rss (the process on the host), guest (used inside it), alloc (its allocation)",
            false, r -> source(r.record().memorySource()), r -> r.record().memorySource()),
    MEMPCT("%MEM", "MEM in percent of the host's memory", true, r -> decimal(r.record().memoryPct()),
            r -> r.record().memoryPct()),
    READ("RD/s", "disk bytes read per second", true, r -> bytes(r.record().diskReadBytesPerS()),
            r -> r.record().diskReadBytesPerS()),
    WRITE("WR/s", "disk bytes written per second", true, r -> bytes(r.record().diskWriteBytesPerS()),
            r -> r.record().diskWriteBytesPerS()),
    RX("RX/s", "network bytes received per second", true, r -> bytes(r.record().netRxBytesPerS()),
            r -> r.record().netRxBytesPerS()),
    TX("TX/s", "network bytes sent per second", true, r -> bytes(r.record().netTxBytesPerS()),
            r -> r.record().netTxBytesPerS()),
    TIME("TIME+", "CPU time used since the domain started (minutes:seconds.hundredths)", true,
            r -> cpuTime(r.record().cpuTimeNs()), r -> r.record().cpuTimeNs()),
    UUID("UUID", "the domain's UUID", false, r -> r.record().uuid(), r -> r.record().uuid());

    private final String header;
    private final String description;
    private final boolean numeric;
    private final Function<Row, String> cell;
    private final Function<Row, Comparable<?>> key;

    TopColumn(String header, String description, boolean numeric, Function<Row, String> cell,
              Function<Row, Comparable<?>> key) {
        this.header = header;
        this.description = description;
        this.numeric = numeric;
        this.cell = cell;
        this.key = key;
    }

    public String header() {
        return header;
    }

    public String description() {
        return description;
    }

    /** Numbers are right-aligned and sorted highest first, as top does. */
    public boolean numeric() {
        return numeric;
    }

    public String cell(Row r) {
        return DisplayWidth.safe(cell.apply(r));
    }

    /** The option spelling: host, id, name, state, cpu, vcpus, mem, memsrc, mempct, rd, wr, rx, tx, time, uuid. */
    public String optionName() {
        return switch (this) {
            case READ -> "rd";
            case WRITE -> "wr";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * The rows' order by this column: numbers highest first, words in order; missing values last either way;
     * ties by host, then name.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<Row> order(boolean reversed) {
        Comparator<Comparable> values = numeric != reversed ? Comparator.<Comparable>naturalOrder().reversed()
                : Comparator.<Comparable>naturalOrder();
        Comparator<Row> byThis = Comparator.comparing(r -> (Comparable) key.apply(r),
                Comparator.nullsLast(values));
        return byThis.thenComparing(r -> r.host() == null ? "" : r.host())
                .thenComparing(r -> r.record().name());
    }

    public static TopColumn of(String name) {
        for (TopColumn c : values()) {
            if (c.optionName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new FormatNotAvailable("unknown field '" + name + "' (expected " + String.join(", ", new Names())
                + ")");
    }

    public static List<TopColumn> parse(String list) {
        List<TopColumn> columns = new ArrayList<>();
        for (String n : list.split(",")) {
            if (!n.isBlank()) {
                TopColumn c = of(n);
                if (!columns.contains(c)) {
                    columns.add(c);
                }
            }
        }
        return columns;
    }

    /** What top shows unless told: everything but the UUID (and the host, on one connection). */
    public static List<TopColumn> defaults(boolean hosted) {
        List<TopColumn> columns = new ArrayList<>(List.of(values()));
        columns.remove(UUID);
        if (!hosted) {
            columns.remove(HOST);
        }
        return columns;
    }

    static String decimal(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String integer(Integer v) {
        return v == null ? "-" : v.toString();
    }

    private static String source(String s) {
        return s == null ? "-" : s.equals("allocation") ? "alloc" : s;
    }

    static String kib(Long kib) {
        return kib == null ? "-" : bytes(kib * 1024);
    }

    /** Bytes as top scales them: 512, 1.5K, 12.3M, 512M, 1.2G (powers of 1024). */
    static String bytes(Long n) {
        if (n == null) {
            return "-";
        }
        if (n < 1024) {
            return n.toString();
        }
        String units = "KMGTPE";
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        return (v < 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v))
                + units.charAt(u);
    }

    /** top's TIME+: minutes:seconds.hundredths. */
    static String cpuTime(Long ns) {
        if (ns == null) {
            return "-";
        }
        long hundredths = ns / 10_000_000;
        return String.format(Locale.ROOT, "%d:%02d.%02d", hundredths / 6000, hundredths / 100 % 60, hundredths % 100);
    }

    /** Completion candidates for --fields and --sort. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (TopColumn c : values()) {
                names.add(c.optionName());
            }
            return names.iterator();
        }
    }
}
