package org.lvsh.cli;

import java.util.ArrayList;
import java.util.List;
import org.lvsh.libvirt.EventHub;

/** The shell's background event watches (event --background), stopped by event --stop, reconnects and exit. */
public final class BackgroundWatches {
    private final List<EventHub.Subscription> watches = new ArrayList<>();

    public synchronized void add(EventHub.Subscription s) {
        watches.add(s);
    }

    /** Stops every watch; returns how many there were. */
    public synchronized int stopAll() {
        for (EventHub.Subscription s : watches) {
            s.close();
        }
        int n = watches.size();
        watches.clear();
        return n;
    }
}
