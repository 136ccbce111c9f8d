package org.lvsh.output;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lvsh.model.DomainState;
import org.lvsh.model.TopFrame;
import org.lvsh.model.TopHost;

/**
 * top's text, as its batch mode prints a sample and its screen shows one: a line for the sample, a summary line
 * per host, then a column header and a row per domain (numbers right-aligned, as top aligns them).
 */
public final class TopText {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private TopText() {
    }

    /**
     * One sample's text.
     *
     * @param summary the sample and host lines (none under -q)
     * @param header  the column header (null under --no-headers)
     * @param legend  the line explaining '*' after a state (only when a row has one)
     */
    public record Block(List<String> summary, String header, List<String> rows, String legend) {
        /** Every line, as batch mode prints them. */
        public List<String> lines() {
            List<String> all = new ArrayList<>(summary);
            if (!summary.isEmpty()) {
                all.add("");
            }
            if (header != null) {
                all.add(header);
            }
            all.addAll(rows);
            if (legend != null) {
                all.add(legend);
            }
            return all;
        }
    }

    /**
     * @param rows    the rows to show, filtered and in order
     * @param columns the columns to show
     * @param summary whether to include the sample's and the hosts' lines
     * @param headers whether to include the column header (without it, the columns are as wide as their data)
     */
    public static Block block(TopFrame frame, List<TopFrame.Row> rows, List<TopColumn> columns, boolean summary,
                              boolean headers, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        if (summary) {
            lines.add(sampleLine(frame, zone));
            for (TopHost h : frame.hosts()) {
                lines.add(hostLine(h));
            }
        }
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size() && headers; c++) {
            widths[c] = DisplayWidth.of(columns.get(c).header());
        }
        List<List<String>> cells = new ArrayList<>(rows.size());
        boolean stale = false;
        for (TopFrame.Row r : rows) {
            List<String> row = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                String cell = columns.get(c).cell(r);
                row.add(cell);
                widths[c] = Math.max(widths[c], DisplayWidth.of(cell));
            }
            stale |= r.record().stale();
            cells.add(row);
        }
        List<String> header = new ArrayList<>();
        for (TopColumn c : columns) {
            header.add(c.header());
        }
        List<String> out = new ArrayList<>(cells.size());
        for (List<String> row : cells) {
            out.add(line(row, columns, widths));
        }
        return new Block(lines, headers ? line(header, columns, widths) : null, out,
                stale ? "* figures from an earlier sample: the host or the domain did not answer in time" : null);
    }

    /** "top - 12:00:01, sample 3, every 3.0 s, 2 hosts; domains: 5 total, 3 running, 1 paused, 1 shut off, 0 other" */
    static String sampleLine(TopFrame frame, ZoneId zone) {
        int running = 0;
        int paused = 0;
        int off = 0;
        int other = 0;
        for (TopFrame.Row r : frame.rows()) {
            DomainState s = r.record().state();
            if (s == DomainState.RUNNING) {
                running++;
            } else if (s == DomainState.PAUSED) {
                paused++;
            } else if (s == DomainState.SHUTOFF) {
                off++;
            } else {
                other++;
            }
        }
        int hosts = frame.hosts().size();
        return String.format(Locale.ROOT, "top - %s, sample %d, every %s s, %d host%s; domains: %d total, %d running, "
                        + "%d paused, %d shut off, %d other", CLOCK.format(frame.time().atZone(zone)), frame.sample(),
                seconds(frame.delayS()), hosts, hosts == 1 ? "" : "s", frame.rows().size(), running, paused, off,
                other);
    }

    /**
     * "Host a: %CPU 2.5, mem 16.0G total, 3.1G used, 12.9G free; domains 2 running of 3; sampled 0.0 s ago in
     * 1.2 ms", and why when it is stale; why there are no figures, when there are none.
     */
    static String hostLine(TopHost h) {
        String name = "Host " + DisplayWidth.safe(h.name()) + ": ";
        return switch (h.status()) {
            case FAILED -> name + "failed: " + DisplayWidth.oneLine(h.problem());
            case WAITING -> name + "no figures yet: " + DisplayWidth.oneLine(h.problem());
            case FRESH, STALE -> name + String.format(Locale.ROOT,
                    "%%CPU %s, mem %s total, %s used, %s free; domains %d running of %d; sampled %s s ago in %s ms",
                    TopColumn.decimal(h.cpuPct()), TopColumn.kib(h.totalKib()), TopColumn.kib(h.usedKib()),
                    TopColumn.kib(h.freeKib()), h.running(), h.domains(), oneDecimal(h.ageS()), oneDecimal(h.tookMs()))
                    + (h.status() == TopHost.Status.STALE ? " (stale: " + DisplayWidth.oneLine(h.problem()) + ")" : "");
        };
    }

    private static String oneDecimal(Double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Seconds as given: 3, 0.5, 1.25. */
    public static String seconds(double s) {
        return java.math.BigDecimal.valueOf(s).stripTrailingZeros().toPlainString();
    }

    private static String line(List<String> cells, List<TopColumn> columns, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - DisplayWidth.of(cell));
            b.append(' ');
            if (columns.get(c).numeric()) {
                b.append(pad).append(cell);
            } else if (c == cells.size() - 1) {
                b.append(cell); // no padding after the last column, as virsh's tables
            } else {
                b.append(cell).append(pad);
            }
            b.append(' ');
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        return b.substring(0, end);
    }
}
