package org.lvsh.output;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.lvsh.model.DomainSummary;

/** The columns list can show (--columns) and sort by (--sort-by). */
public enum DomainColumn {
    ID("Id", d -> DomainText.idText(d.id()), d -> d.id() == null ? null : (Comparable) d.id()),
    NAME("Name", DomainSummary::name, DomainSummary::name),
    STATE("State", d -> d.state().text(), d -> d.state().key()),
    UUID("UUID", DomainSummary::uuid, DomainSummary::uuid),
    PERSISTENT("Persistent", d -> yesNo(d.persistent()), DomainSummary::persistent),
    AUTOSTART("Autostart", d -> yesNo(d.autostart()), DomainSummary::autostart),
    MANAGED_SAVE("Managed save", d -> yesNo(d.managedSave()), DomainSummary::managedSave),
    TITLE("Title", d -> d.title() == null ? "" : d.title(), DomainSummary::title);

    private final String header;
    private final Function<DomainSummary, String> cell;
    private final Function<DomainSummary, Comparable> key;

    DomainColumn(String header, Function<DomainSummary, String> cell, Function<DomainSummary, Comparable> key) {
        this.header = header;
        this.cell = cell;
        this.key = key;
    }

    /** The option spelling: id, name, managed-save, ... */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @SuppressWarnings("unchecked")
    public Comparable<Object> sortKey(DomainSummary d) {
        return (Comparable<Object>) key.apply(d);
    }

    public static DomainColumn of(String name) {
        for (DomainColumn c : values()) {
            if (c.optionName().equals(name.toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return c;
            }
        }
        throw new FormatNotAvailable("unknown column '" + name + "' (expected id, name, state, uuid, persistent, "
                + "autostart, managed-save or title)");
    }

    public static List<DomainColumn> parse(List<String> names) {
        List<DomainColumn> columns = new ArrayList<>();
        for (String n : names) {
            if (!n.isBlank()) {
                columns.add(of(n.strip()));
            }
        }
        return columns;
    }

    /** virsh's table: Id, Name, State, and Title with --title. */
    public static List<DomainColumn> virshDefault(boolean title) {
        return title ? List.of(ID, NAME, STATE, TITLE) : List.of(ID, NAME, STATE);
    }

    public static Output.TextView table(List<DomainSummary> rows, List<DomainColumn> columns, boolean markSaved) {
        return out -> {
            Table t = new Table(headers(columns).toArray(String[]::new));
            for (List<String> cells : cells(rows, columns, markSaved)) {
                t.row(cells.toArray());
            }
            out.table(t);
        };
    }

    public static List<String> headers(List<DomainColumn> columns) {
        return columns.stream().map(c -> c.header).toList();
    }

    /** The cells of each row, as the table shows them. */
    public static List<List<String>> cells(List<DomainSummary> rows, List<DomainColumn> columns, boolean markSaved) {
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (DomainSummary d : rows) {
            List<String> row = new ArrayList<>(columns.size());
            for (DomainColumn c : columns) {
                row.add(c == STATE ? DomainText.stateText(d, markSaved) : c.cell.apply(d));
            }
            cells.add(row);
        }
        return cells;
    }

    private static String yesNo(Boolean b) {
        return b == null ? "-" : b ? "yes" : "no";
    }

    /** Completion candidates for --columns and --sort-by. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (DomainColumn c : values()) {
                names.add(c.optionName());
            }
            return names.iterator();
        }
    }
}
