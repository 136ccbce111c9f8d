package org.lvsh.output;

import java.util.ArrayList;
import java.util.List;

/**
 * virsh's table (vsh-table.c): a leading space per cell, columns padded to their display width plus two,
 * a dashed line under the header, no padding after the last column. Without headers the widths come from the
 * data alone, as in virsh -q.
 */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + header.size());
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(DisplayWidth.safe(String.valueOf(c)));
        }
        rows.add(row);
        return this;
    }

    public String render(boolean withHeader) {
        int n = header.size();
        int[] widths = new int[n];
        if (withHeader) {
            for (int i = 0; i < n; i++) {
                widths[i] = DisplayWidth.of(header.get(i));
            }
        }
        for (List<String> row : rows) {
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(row.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        if (withHeader) {
            line(out, header, widths);
            for (int w : widths) {
                out.append("-".repeat(w + 3));
            }
            out.append('\n');
        }
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            out.append(' ').append(cell);
            if (i < cells.size() - 1) {
                out.append(" ".repeat(widths[i] - DisplayWidth.of(cell) + 2));
            }
        }
        out.append('\n');
    }
}
