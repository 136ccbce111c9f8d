package org.lvsh.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * lvsh's own diagnostics (-d LEVEL on stderr, -l FILE appended), virsh's levels: 0 debug, 1 info, 2 notice,
 * 3 warning, 4 error. Only command names, URIs and timings are recorded, never arguments or credentials.
 */
public final class Diagnostics implements AutoCloseable {
    public static final int DEBUG = 0;
    public static final int INFO = 1;
    public static final int WARNING = 3;
    public static final int ERROR = 4;
    private static final String[] NAMES = {"debug", "info", "notice", "warning", "error"};

    private final Integer stderrLevel;
    private final PrintWriter err;
    private final PrintWriter file;

    public Diagnostics(Integer level, String logFile, PrintWriter err) {
        this.stderrLevel = level;
        this.err = err;
        this.file = logFile == null ? null : open(logFile);
    }

    public static Diagnostics silent(PrintWriter err) {
        return new Diagnostics(null, null, err);
    }

    private static PrintWriter open(String path) {
        try {
            return new PrintWriter(new OutputStreamWriter(new FileOutputStream(path, true), StandardCharsets.UTF_8),
                    true);
        } catch (IOException e) {
            throw Failure.usage("cannot open log file '" + path + "': " + e.getMessage());
        }
    }

    /** True under -d: failures then show the Java stack trace as well. */
    public boolean debugging() {
        return stderrLevel != null;
    }

    public boolean enabled(int level) {
        return stderrLevel != null && level >= stderrLevel || file != null;
    }

    public void log(int level, String message) {
        if (stderrLevel != null && level >= stderrLevel) {
            err.println("lvsh: " + NAMES[level] + ": " + message);
            err.flush();
        }
        if (file != null && (stderrLevel == null || level >= stderrLevel)) {
            file.println(OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " " + NAMES[level]
                    + ": " + message);
        }
    }

    public void stackTrace(Throwable t) {
        if (stderrLevel != null) {
            t.printStackTrace(err);
            err.flush();
        }
        if (file != null) {
            t.printStackTrace(file);
        }
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
