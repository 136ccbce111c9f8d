package org.lvsh.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A thread that talked to a host never ends while the process runs (SASL's DIGEST-MD5 on OpenSSL 3.0 corrupts the
 * heap when one does, see ConnectionThreads): it goes back to the pool, idle, for the next host's work.
 */
class ConnectionThreadsTest {
    @Test
    void aThreadOutlivesItsTask() throws Exception {
        AtomicReference<Thread> first = new AtomicReference<>();
        ConnectionThreads.run("lvsh-host-a", () -> first.set(Thread.currentThread())).get(10, TimeUnit.SECONDS);
        Thread t = first.get();
        assertEquals("lvsh-host", t.getName(), "named for its task only while it runs");
        assertTrue(t.isDaemon());
        t.join(200); // it does not end once idle
        assertTrue(t.isAlive());
        AtomicReference<Thread> second = new AtomicReference<>();
        ConnectionThreads.run("lvsh-host-b", () -> second.set(Thread.currentThread())).get(10, TimeUnit.SECONDS);
        second.get().join(200);
        assertTrue(second.get().isAlive() && t.isAlive(), "idle threads stay, for the next host's work");
    }

    @Test
    void busyThreadsDoNotHoldUpOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> stuck = new AtomicReference<>();
        ConnectionThreads.run("lvsh-host-stuck", () -> {
            stuck.set(Thread.currentThread());
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicReference<Thread> other = new AtomicReference<>();
        ConnectionThreads.run("lvsh-host-other", () -> other.set(Thread.currentThread())).get(10, TimeUnit.SECONDS);
        assertNotEquals(stuck.get(), other.get());
        release.countDown();
    }
}
