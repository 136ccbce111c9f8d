package org.lvsh.cli;

import org.lvsh.libvirt.LibvirtError;

/**
 * A failure to report to the user: one line of text, an exit status, and libvirt's error when there is one.
 * Commands throw it; one place ({@link ErrorReport}) prints it.
 */
public final class Failure extends RuntimeException {
    private final int status;
    private final transient LibvirtError error;
    private final boolean commandRan;

    public Failure(int status, String message, LibvirtError error) {
        this(status, message, error, true);
    }

    private Failure(int status, String message, LibvirtError error, boolean commandRan) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.commandRan = commandRan;
    }

    /** A usage error virsh finds in the command's own handler (a bad number, exclusive options). */
    public static Failure usage(String message) {
        return new Failure(ExitStatus.USAGE, message, null);
    }

    /**
     * A usage error virsh finds while parsing the line (unknown command or option, missing or repeated ones):
     * the command never ran, so no command of that line runs and no blank line follows.
     */
    public static Failure syntax(String message) {
        return new Failure(ExitStatus.USAGE, message, null, false);
    }

    /** The same failure, marked as found before the command could run (a connection that would not open). */
    Failure beforeRunning() {
        return new Failure(status, getMessage(), error, false);
    }

    /** A failure whose output already said it all (event with no event): the status, and no error line. */
    public static Failure silent(int status) {
        return new Failure(status, null, null);
    }

    public static Failure failed(String message) {
        return new Failure(ExitStatus.FAILED, message, null);
    }

    /** "what we tried" plus libvirt's reason, as "failed to get domain 'x': reason". */
    public static Failure failed(String what, LibvirtError error) {
        return new Failure(ExitStatus.FAILED, what + ": " + error.message(), error);
    }

    public int status() {
        return status;
    }

    /** False when the command never started: virsh then prints no blank line after the error. */
    public boolean commandRan() {
        return commandRan;
    }

    public LibvirtError error() {
        return error;
    }
}
