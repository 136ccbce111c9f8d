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
        out.flush();
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
