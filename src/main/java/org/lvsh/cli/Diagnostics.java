package org.lvsh.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

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

    /** @param cwd what a relative log path is relative to: the caller's working directory */
    public Diagnostics(Integer level, String logFile, Path cwd, PrintWriter err) {
        this.stderrLevel = level;
        this.err = err;
        this.file = logFile == null ? null : open(logFile, cwd);
    }

    public static Diagnostics silent(PrintWriter err) {
        return new Diagnostics(null, null, null, err);
    }

    /**
     * Opens the log for appending. A new log is created 0600 (it records URIs and what ran). A symbolic link is
     * followed only when it is the user's own or root's (as /dev/stderr is): one that another user placed where
     * the log is to go (in /tmp, say) is refused, so lvsh never appends to a file of their choosing.
     */
    private static PrintWriter open(String path, Path cwd) {
        try {
            Path file = cwd == null ? Paths.get(path) : cwd.resolve(path);
            return new PrintWriter(new OutputStreamWriter(Channels.newOutputStream(channel(file)),
                    StandardCharsets.UTF_8), true);
        } catch (FileSystemException e) {
            throw Failure.usage("cannot open log file '" + path + "': "
                    + (e.getReason() != null ? e.getReason() : e.getMessage()));
        } catch (IOException | UnsupportedOperationException | java.nio.file.InvalidPathException e) {
            throw Failure.usage("cannot open log file '" + path + "': " + e.getMessage());
        }
    }

    private static SeekableByteChannel channel(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileAttribute<?> privately = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        try {
            return Files.newByteChannel(file, options, privately);
        } catch (IOException e) { // ELOOP, a plain IOException, when the file is a symbolic link
            if (!Files.isSymbolicLink(file)) {
                throw e;
            }
            String owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
            if (!owner.equals(System.getProperty("user.name")) && !owner.equals("root")) {
                throw new FileSystemException(file.toString(), null,
                        "a symbolic link of another user (" + owner + "), not followed");
            }
            return Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE), privately);
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
