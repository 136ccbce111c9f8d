package org.lvsh.repl;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** Whether a standard stream is a terminal. (System.console() cannot tell on every JDK lvsh runs on.) */
public final class Terminals {
    private interface C extends Library {
        C INSTANCE = Native.load("c", C.class);

        int isatty(int fd);
    }

    private Terminals() {
    }

    public static boolean isTerminal(int fd) {
        try {
            return C.INSTANCE.isatty(fd) == 1;
        } catch (LinkageError e) { // JNA unusable: its first failure, then NoClassDefFoundError at every call
            return false;
        }
    }
}
