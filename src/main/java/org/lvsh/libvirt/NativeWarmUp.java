package org.lvsh.libvirt;

import org.libvirt.Library;
import org.lvsh.libvirt.jna.ErrorCapture;

/**
 * Loads libvirt through JNA, and libvirt-java's binding (which the event loop of remote connections uses), on a
 * thread of its own while the main thread reads the command line. A run over several hosts has no head start
 * with a connection to open; without this, the first host to connect paid these loads after the command line
 * was read, and every other host waited on the same class initialization meanwhile.
 */
public final class NativeWarmUp {
    private NativeWarmUp() {
    }

    public static void begin() {
        Thread t = new Thread(NativeWarmUp::load, "lvsh-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void load() {
        try {
            ErrorCapture.install();
            Library.getVersion();
        } catch (Throwable e) {
            // only a warm-up: each host meets the same failure when it connects, and reports it
        }
    }
}
