package org.lvsh.libvirt;

import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that open, use and close the connections of a set of hosts: daemon threads kept for the whole life
 * of the process, an idle one reused, never one that ends. Debian 12's Cyrus SASL (2.1.28, on OpenSSL 3.0) gives
 * each DIGEST-MD5 session an OpenSSL library context of its own and frees it with the session; with several
 * sessions in one process the heap gets corrupted ("double free", "unaligned tcache chunk", a crash in
 * OSSL_LIB_CTX_free under sasl_dispose). libvirtd, whose worker threads never end, survives the same handshakes;
 * a thread of lvsh's per host and call, ending after it, did not: -H over 20 SASL hosts aborted in 6 runs of 250
 * with a thread per call, 1 in 250 on these threads (OpenSSL's cleanup of an ending thread touches what the
 * session freed). The rest was SASL's own mutexes, no-ops unless installed: {@link
 * org.lvsh.libvirt.jna.SaslLocks} gives it real ones (0 failures in 700 such runs since). Process-wide, like the
 * hazard.
 */
public final class ConnectionThreads {
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, Long.MAX_VALUE,
            TimeUnit.NANOSECONDS, new SynchronousQueue<>(), task -> {
                Thread t = new Thread(task, "lvsh-host");
                t.setDaemon(true); // one stuck in libvirt must not keep the process alive
                return t;
            });

    private ConnectionThreads() {
    }

    /** Runs {@code task} on an idle thread, or a new one; the thread carries {@code name} while it runs it. */
    public static Future<?> run(String name, Runnable task) {
        return POOL.submit(() -> {
            Thread self = Thread.currentThread();
            self.setName(name);
            try {
                task.run();
            } finally {
                self.setName("lvsh-host");
                Thread.interrupted(); // an interrupt meant for this task is not the next one's
            }
        });
    }
}
