package org.lvsh.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lvsh.libvirt.ConnectionFailure;
import org.lvsh.libvirt.DomainNotFound;
import org.lvsh.libvirt.LibvirtError;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.libvirt.Session;
import org.lvsh.output.DisplayWidth;
import org.lvsh.output.FormatNotAvailable;
import org.lvsh.output.Json;
import picocli.CommandLine.ParameterException;

/**
 * The one place that turns a failure into what the user sees: a single "error: ..." line (or a JSON error
 * object under --json) on stderr, and an exit status. Stack traces only under -d.
 */
public final class ErrorReport {
    private static final String DEMO_HINT = "; try -c test:///default for the built-in demo host";
    private static final String SHELL_DEMO_HINT = "; try 'connect test:///default' for the built-in demo host";

    private ErrorReport() {
    }

    /** What any throwable means for the user. */
    public static Failure toFailure(Throwable t) {
        return toFailure(t, false);
    }

    /** @param inShell in the interactive shell, where a connection is made with 'connect', not -c */
    public static Failure toFailure(Throwable t, boolean inShell) {
        Failure known = known(t, inShell);
        return known != null ? known : new Failure(ExitStatus.FAILED, "internal error: " + t, null);
    }

    /**
     * Whether the throwable is lvsh's own fault (a bug, a native library gone wrong) rather than something the
     * user, the host or libvirt caused: only those get a stack trace under -d, as the README promises.
     */
    static boolean internal(Throwable t) {
        return known(t, false) == null;
    }

    /** What a failure lvsh knows about means for the user; null for anything else (an internal error). */
    private static Failure known(Throwable t, boolean inShell) {
        if (t instanceof Failure f) {
            return f;
        }
        if (t instanceof ParameterException p) {
            return UsageErrors.toFailure(p);
        }
        if (t instanceof DomainNotFound d) {
            return new Failure(ExitStatus.FAILED, d.getMessage(), d.error());
        }
        if (t instanceof ConnectionFailure c) {
            return connection(c, inShell, true).beforeRunning(); // virsh connects before it runs anything
        }
        if (t instanceof Session.ConnectionLost lost) {
            return new Failure(ExitStatus.CONNECT, "the connection to " + lost.uri() + " was lost ("
                    + lost.getMessage() + "); use 'connect' to reconnect", null);
        }
        if (t instanceof LibvirtFailure l) {
            return new Failure(ExitStatus.FAILED, l.error().message(), l.error());
        }
        if (t instanceof org.lvsh.xml.XmlRefused x) {
            return Failure.failed(x.getMessage());
        }
        if (t instanceof FormatNotAvailable f) {
            return Failure.usage(f.getMessage());
        }
        return null;
    }

    private static Failure connection(ConnectionFailure c, boolean inShell, boolean hint) {
        LibvirtError e = c.error();
        if (e == null && c.kind() != ConnectionFailure.Kind.NO_TERMINAL
                && c.kind() != ConnectionFailure.Kind.INTERRUPTED) {
            return new Failure(ExitStatus.CONNECT, "failed to connect to the hypervisor: " + c.getMessage(), null);
        }
        return switch (c.kind()) {
            case INTERRUPTED -> new Failure(ExitStatus.CONNECT, "interrupted; no connection was made", e);
            case NO_TERMINAL -> new Failure(ExitStatus.CONNECT, "authentication required, but there is no terminal "
                    + "to ask for credentials on; use an auth file (?authfile=FILE in the URI, or "
                    + "LIBVIRT_AUTH_FILE)", e);
            case AUTHENTICATION -> new Failure(ExitStatus.CONNECT,
                    e.message().startsWith("authentication") ? e.message() : "authentication failed: " + e.message(),
                    e);
            // The demo host helps someone who named no host and whose default is not there; not someone whose
            // own host refused a password or a host key.
            case UNREACHABLE -> new Failure(ExitStatus.CONNECT, transportLast("failed to connect to the hypervisor: "
                    + e.message(), !hint || c.uri() != null ? "" : inShell ? SHELL_DEMO_HINT : DEMO_HINT), e);
        };
    }

    /**
     * libvirt quotes what the transport wrote inside its own sentence ("Cannot recv data: SSH'S LINES: Connection
     * reset by peer"). The sentence and its reason go first, on one line; the transport's lines follow.
     */
    static String transportLast(String message, String hint) {
        String[] lines = message.split("\r\n|\r|\n");
        if (lines.length < 2) {
            return message + hint;
        }
        String first = lines[0];
        String last = lines[lines.length - 1];
        // the sentence ends at libvirt's first ": " after ours; the reason follows the transport's last ": "
        int k = first.indexOf(": ", "failed to connect to the hypervisor: ".length());
        int j = last.lastIndexOf(": ");
        StringBuilder b = new StringBuilder(k < 0 ? first : first.substring(0, k));
        if (j >= 0) {
            b.append(": ").append(last, j + 2, last.length());
        }
        b.append(hint);
        java.util.List<String> quoted = new java.util.ArrayList<>(java.util.Arrays.asList(lines));
        quoted.set(0, k < 0 ? "" : first.substring(k + 2));
        quoted.set(quoted.size() - 1, j < 0 ? last : last.substring(0, j));
        for (String line : quoted) {
            if (!line.isBlank()) {
                b.append('\n').append(line);
            }
        }
        return b.toString();
    }

    /**
     * One host's failure in a run over several: "error: HOST: ...", or under --json {"host": ..., "error": ...}.
     * No hint about the demo host: the user named this host.
     */
    public static int reportForHost(String host, Throwable t, boolean json, PrintWriter err, Diagnostics diagnostics) {
        Failure f = t instanceof ConnectionFailure c ? connection(c, false, false) : toFailure(t, false);
        if (f.getMessage() == null) {
            return f.status();
        }
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("host", host);
            line.put("error", errorObject(f));
            err.println(Json.line(line));
        } else {
            printLines(err, "error: " + DisplayWidth.oneLine(host) + ": ", f.getMessage(), t);
        }
        err.flush();
        if (diagnostics.debugging() && internal(t)) {
            diagnostics.stackTrace(t);
        }
        return f.status();
    }

    /** Prints the failure (and, under -d, where it came from) and returns its exit status. */
    public static int report(Throwable t, boolean json, PrintWriter err, Diagnostics diagnostics) {
        return report(t, json, err, diagnostics, false);
    }

    /** As {@link #report(Throwable, boolean, PrintWriter, Diagnostics)}, worded for the shell when asked. */
    public static int report(Throwable t, boolean json, PrintWriter err, Diagnostics diagnostics, boolean inShell) {
        Failure f = toFailure(t, inShell);
        if (f.getMessage() == null) {
            return f.status(); // a silent failure
        }
        if (json) {
            err.println(Json.line(Map.of("error", errorObject(f))));
        } else {
            printLines(err, "error: ", f.getMessage(), t);
        }
        err.flush();
        if (diagnostics.debugging() && internal(t)) {
            diagnostics.stackTrace(t);
        }
        return f.status();
    }

    /**
     * One "error:" line. What a transport said when a connection would not open (ssh's host-key advice, say)
     * follows it line by line, indented, as ssh wrote it; everything else stays on the one line. Either way
     * control characters are made harmless.
     */
    private static void printLines(PrintWriter err, String prefix, String message, Throwable t) {
        if (!(t instanceof ConnectionFailure) || message.indexOf('\n') < 0 && message.indexOf('\r') < 0) {
            err.println(prefix + DisplayWidth.oneLine(message));
            return;
        }
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(message.split("\r\n|\r|\n")));
        lines.removeIf(String::isBlank);
        err.println(prefix + DisplayWidth.oneLine(lines.isEmpty() ? "" : lines.get(0)));
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            err.println("  " + DisplayWidth.oneLine(line));
        }
    }

    private static Map<String, Object> errorObject(Failure f) {
        Map<String, Object> error = new LinkedHashMap<>();
        LibvirtError e = f.error();
        error.put("code", e == null ? null : e.code());
        error.put("number", e == null ? null : e.number());
        error.put("domain", e == null ? null : e.domain());
        error.put("message", f.getMessage());
        return error;
    }
}
