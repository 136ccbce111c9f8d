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
        return new Failure(ExitStatus.FAILED, "internal error: " + t, null);
    }

    private static Failure connection(ConnectionFailure c, boolean inShell, boolean hint) {
        LibvirtError e = c.error();
        if (e == null && c.kind() != ConnectionFailure.Kind.NO_TERMINAL) {
            return new Failure(ExitStatus.CONNECT, "failed to connect to the hypervisor: " + c.getMessage(), null);
        }
        return switch (c.kind()) {
            case NO_TERMINAL -> new Failure(ExitStatus.CONNECT, "authentication required, but there is no terminal "
                    + "to ask for credentials on; use an auth file (?authfile=FILE in the URI, or "
                    + "LIBVIRT_AUTH_FILE)", e);
            case AUTHENTICATION -> new Failure(ExitStatus.CONNECT,
                    e.message().startsWith("authentication") ? e.message() : "authentication failed: " + e.message(),
                    e);
            case UNREACHABLE -> new Failure(ExitStatus.CONNECT, "failed to connect to the hypervisor: " + e.message()
                    + (!hint || c.uri() != null && c.uri().startsWith("test:") ? "" : inShell ? SHELL_DEMO_HINT : DEMO_HINT), e);
        };
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
            err.println("error: " + DisplayWidth.oneLine(host) + ": " + DisplayWidth.oneLine(f.getMessage()));
        }
        err.flush();
        if (diagnostics.debugging() && !(t instanceof Failure) && !(t instanceof ParameterException)) {
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
            err.println("error: " + DisplayWidth.oneLine(f.getMessage()));
        }
        err.flush();
        if (diagnostics.debugging() && !(t instanceof Failure) && !(t instanceof ParameterException)) {
            diagnostics.stackTrace(t);
        }
        return f.status();
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
