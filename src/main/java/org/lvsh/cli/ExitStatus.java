package org.lvsh.cli;

/** lvsh's exit statuses, as the contract fixes them. */
public final class ExitStatus {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CONNECT = 3;
    /** Some hosts of a set answered, some did not. */
    public static final int PARTIAL = 4;

    private ExitStatus() {
    }
}
