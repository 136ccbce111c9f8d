package org.lvsh.top;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lvsh.model.DomainState;
import org.lvsh.model.TopFrame;
import org.lvsh.output.TopColumn;

/**
 * How top shows its samples: the columns, the order, the filter, whether shut-off domains are listed, the delay.
 * Options set it at the start; the keys change it in the full-screen view.
 */
final class View {
    private final List<TopColumn> available;
    private final List<TopColumn> shown;
    private TopColumn sort;
    private boolean reversed;
    private String filter;
    private boolean inactive = true;
    private double delay;

    /** @param available the columns that make sense here (HOST only on a set of hosts) */
    View(List<TopColumn> available, List<TopColumn> shown, TopColumn sort, String filter, double delay) {
        this.available = List.copyOf(available);
        this.shown = new ArrayList<>(shown);
        this.sort = sort;
        this.filter = filter == null || filter.isBlank() ? null : filter.strip();
        this.delay = delay;
    }

    List<TopColumn> available() {
        return available;
    }

    /** The columns shown, in their fixed order. */
    List<TopColumn> columns() {
        List<TopColumn> out = new ArrayList<>();
        for (TopColumn c : available) {
            if (shown.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    boolean shows(TopColumn c) {
        return shown.contains(c);
    }

    void toggle(TopColumn c) {
        if (!shown.remove(c)) {
            shown.add(c);
        }
    }

    TopColumn sort() {
        return sort;
    }

    boolean reversed() {
        return reversed;
    }

    /** A sort key pressed: that column, in its usual order (numbers highest first, names A to Z). */
    void sortBy(TopColumn c) {
        if (available.contains(c)) {
            sort = c;
            reversed = false;
        }
    }

    void reverse() {
        reversed = !reversed;
    }

    /** top's &lt; and &gt;: the sort column moves to the shown column on the left or right. */
    void moveSort(int step) {
        List<TopColumn> cols = columns();
        if (cols.isEmpty()) {
            return;
        }
        int i = cols.indexOf(sort);
        int next = i < 0 ? 0 : Math.floorMod(i + step, cols.size());
        sort = cols.get(next);
    }

    String filter() {
        return filter;
    }

    /** A filter: TEXT matches a host or domain name containing it, host=TEXT or name=TEXT only that; empty: none. */
    void filter(String text) {
        filter = text == null || text.isBlank() ? null : text.strip();
    }

    boolean inactive() {
        return inactive;
    }

    void toggleInactive() {
        inactive = !inactive;
    }

    double delay() {
        return delay;
    }

    void delay(double seconds) {
        delay = seconds;
    }

    /** The frame's rows this view shows, in its order. */
    List<TopFrame.Row> rows(TopFrame frame) {
        List<TopFrame.Row> rows = new ArrayList<>();
        for (TopFrame.Row r : frame.rows()) {
            if ((inactive || r.record().state() != DomainState.SHUTOFF) && matches(r)) {
                rows.add(r);
            }
        }
        rows.sort(sort.order(reversed));
        return rows;
    }

    private boolean matches(TopFrame.Row r) {
        if (filter == null) {
            return true;
        }
        String f = filter.toLowerCase(Locale.ROOT);
        String host = r.host() == null ? "" : r.host().toLowerCase(Locale.ROOT);
        String name = r.record().name().toLowerCase(Locale.ROOT);
        if (f.startsWith("host=")) {
            return host.contains(f.substring(5));
        }
        if (f.startsWith("name=")) {
            return name.contains(f.substring(5));
        }
        return host.contains(f) || name.contains(f);
    }
}
