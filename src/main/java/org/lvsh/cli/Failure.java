package org.lvsh.cli;

import org.lvsh.libvirt.LibvirtError;

/**
 * A failure to report to the user: one line of text, an exit status, and libvirt's error when there is one.
 * Commands throw it; one place ({@link ErrorReport}) prints it.
 */
public final class Failure extends RuntimeException {
    private final int status;
    private final transient LibvirtError error;

    public Failure(int status, String message, LibvirtError error) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static Failure usage(String message) {
        return new Failure(ExitStatus.USAGE, message, null);
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

    public LibvirtError error() {
        return error;
    }
}
