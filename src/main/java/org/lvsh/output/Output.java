package org.lvsh.output;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Where a command's result goes: virsh's text, or a structured rendering of the same record. Commands call
 * {@link #emit} once with their record and a text view; they never choose a format themselves.
 */
public final class Output {
    private final PrintWriter out;
    private final Format format;
    private final boolean quiet;
    private final boolean headers;
    private final java.util.function.Consumer<Emitted> capture;

    public Output(PrintWriter out, Format format, boolean quiet, boolean headers) {
        this(out, format, quiet, headers, null);
    }

    private Output(PrintWriter out, Format format, boolean quiet, boolean headers,
                   java.util.function.Consumer<Emitted> capture) {
        this.out = out;
        this.format = format;
        this.quiet = quiet;
        this.headers = headers;
        this.capture = capture;
    }

    /**
     * An output that keeps what is emitted instead of printing it: one host's part of a run over several hosts,
     * rendered with the others' once every host has answered (or missed its deadline).
     */
    public static Output capturing(PrintWriter out, Format format, boolean quiet, boolean headers,
                                   java.util.function.Consumer<Emitted> sink) {
        return new Output(out, format, quiet, headers, sink);
    }

    /** Renders virsh-style text onto an {@link Output}. */
    @FunctionalInterface
    public interface TextView {
        void render(Output out);
    }

    public void emit(Object data, TextView text) {
        emit(data, text, HostView.BLOCK);
    }

    /** As {@link #emit(Object, TextView)}, saying how the text joins other hosts' in a run over several. */
    public void emit(Object data, TextView text, HostView view) {
        if (capture != null) {
            capture.accept(new Emitted(data, text, view, this));
            return;
        }
        switch (format) {
            case TABLE -> text.render(this);
            case JSON -> out.println(Json.pretty(data));
            default -> out.print(Structured.render(format, data));
        }
        // not flushed here: the dispatcher flushes once the command is done, its blank line included, so that a
        // short answer leaves in one write as virsh's does (a reader that stops after one line, | head -1, then
        // takes all of it instead of failing the run with a broken pipe on the blank line)
    }

    /**
     * A stream of records emitted as they happen (events), one at a time, in this output's format, records of
     * different shapes mixed. CSV's header is {@code csvColumns}, written once, before the first row: a record
     * fills the columns it has keys for, and a nested value (an object, a list) is one cell holding its JSON, since
     * a stream cannot refuse a record halfway through.
     */
    public Stream stream(java.util.List<String> csvColumns) {
        return new Stream(out, format, headers, java.util.List.copyOf(csvColumns));
    }

    /** A stream of records of one shape ({@code type}): CSV's columns are its components' keys. */
    public Stream stream(Class<? extends Record> type) {
        java.util.List<String> columns = new java.util.ArrayList<>();
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            columns.add(Structured.snake(c.getName()));
        }
        return stream(columns);
    }

    /**
     * One record at a time: text is the command's own text (a line, or lines); JSON one object a line (NDJSON);
     * YAML one document per record, documents separated by "---" lines; CSV a header line once (none under
     * --no-headers or -q), then a row per record; names one a line. With a host (a run over several), the host
     * comes first: "HOST: " before the text, a "host" key first in the record, a "host" column first, HOST:NAME
     * for names. Safe to call from several threads.
     */
    public static final class Stream {
        private final PrintWriter out;
        private final Format format;
        private final boolean headers;
        private final java.util.List<String> csvColumns;
        private boolean started;
        private boolean hosted;

        private Stream(PrintWriter out, Format format, boolean headers, java.util.List<String> csvColumns) {
            this.out = out;
            this.format = format;
            this.headers = headers;
            this.csvColumns = csvColumns;
        }

        public Format format() {
            return format;
        }

        /** Writes one record (and flushes). @param host the record's host, null for a run on one connection */
        public synchronized void emit(String host, Object record, String text) {
            out.print(render(host, record, text));
            out.flush();
        }

        /**
         * The text {@link #emit} would write, ending in a newline, without writing it (the shell prints it above
         * its prompt). CSV's header comes with the first record rendered.
         */
        public synchronized String render(String host, Object record, String text) {
            String rendered = switch (format) {
                case TABLE -> (host == null ? "" : DisplayWidth.oneLine(host) + ": ") + text + "\n";
                case JSON -> Json.line(Structured.hosted(host, record)) + "\n";
                case YAML -> (started ? "---\n" : "") + Structured.yamlDocument(Structured.hosted(host, record));
                case CSV -> {
                    if (!started) {
                        hosted = host != null;
                    }
                    String header = started || !headers ? "" : Structured.csvHeader(columns());
                    yield header + Structured.csvRow(columns(), Structured.hosted(hosted ? host : null, record));
                }
                case NAME -> Structured.streamName(host, Structured.hosted(null, record));
            };
            started = true;
            return rendered;
        }

        private java.util.List<String> columns;

        /** The CSV columns, read from the record type once (top streams thousands of rows a second). */
        private java.util.List<String> columns() {
            if (columns == null) {
                columns = columnsOf();
            }
            return columns;
        }

        private java.util.List<String> columnsOf() {
            java.util.List<String> names = new java.util.ArrayList<>();
            if (hosted) {
                names.add("host");
            }
            names.addAll(csvColumns);
            return names;
        }
    }

    public Format format() {
        return format;
    }

    /** False under -q: virsh's "extra" lines (totals, separators, banners) are left out. */
    public boolean quiet() {
        return quiet;
    }

    /** Table headers: off under -q and --no-headers. */
    public boolean headers() {
        return headers;
    }

    public void println(String line) {
        out.println(line);
    }

    public void print(String text) {
        out.print(text);
    }

    /** printf that does not depend on the user's locale. */
    public void printf(String format, Object... args) {
        out.print(String.format(Locale.ROOT, format, args));
    }

    /** A line virsh prints only when not quiet (vshPrintExtra). */
    public void extra(String line) {
        if (!quiet) {
            out.println(line);
        }
    }

    public void table(Table table) {
        out.print(table.render(headers));
    }

    public PrintWriter writer() {
        return out;
    }
}
