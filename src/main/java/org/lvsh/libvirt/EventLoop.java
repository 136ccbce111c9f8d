package org.lvsh.libvirt;

import org.libvirt.Library;
import org.libvirt.LibvirtException;

/**
 * libvirt's default event loop on one daemon thread for the whole process. Keepalive, close callbacks and
 * domain events need it; it must be registered before a connection opens.
 */
public final class EventLoop {
    private static Thread thread;

    private EventLoop() {
    }

    public static synchronized void start() {
        if (thread != null) {
            return;
        }
        LibvirtFailure.call(() -> {
            Library.initEventLoop();
            return null;
        });
        thread = new Thread(EventLoop::run, "libvirt-events");
        thread.setDaemon(true);
        thread.start();
    }

    public static synchronized boolean running() {
        return thread != null;
    }

    public static synchronized void stop() {
        if (thread != null) {
            try {
                Library.stopEventLoop();
                thread.join(1000);
            } catch (LibvirtException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private static void run() {
        try {
            Library.runEventLoop();
        } catch (LibvirtException | InterruptedException e) {
            // The loop ends with the process; nothing to report to the user.
        }
    }
}
