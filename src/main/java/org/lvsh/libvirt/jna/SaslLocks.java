package org.lvsh.libvirt.jna;

import com.sun.jna.Callback;
import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real mutexes for Cyrus SASL. SASL's own are no-ops until the application installs some with sasl_set_mutex,
 * before its first sasl_client_init, and libvirt never does. DIGEST-MD5 keeps one re-authentication cache for
 * the whole process behind such a mutex, so several connections authenticating at once (a host set over SASL)
 * corrupted the heap: "realloc(): invalid pointer" under sasl_client_step, about one run in 30 of {@code -H}
 * over 20 SASL hosts in the warm server. Locking and unlocking are libc's pthread calls themselves, so SASL's
 * frequent locks never enter Java; only making and freeing a mutex does, a few times per process.
 */
public final class SaslLocks {
    /** Room for a pthread_mutex_t on every glibc ABI (40 bytes on x86_64, 48 on arm64). */
    private static final int MUTEX_BYTES = 64;

    /** sasl_mutex_alloc_t. */
    interface Alloc extends Callback {
        Pointer invoke();
    }

    /** sasl_mutex_free_t. */
    interface Free extends Callback {
        void invoke(Pointer mutex);
    }

    private static final AtomicInteger MADE = new AtomicInteger();
    // Static: libvirt's SASL may call them as long as the process lives.
    static final Alloc ALLOC = () -> {
        MADE.incrementAndGet();
        long peer = Native.malloc(MUTEX_BYTES);
        if (peer == 0) {
            return null; // SASL reports SASL_NOMEM
        }
        Pointer m = new Pointer(peer);
        m.clear(MUTEX_BYTES); // all zero bytes: glibc's PTHREAD_MUTEX_INITIALIZER
        return m;
    };
    static final Free FREE = mutex -> {
        if (mutex != null) {
            Native.free(Pointer.nativeValue(mutex));
        }
    };

    private SaslLocks() {
    }

    /** How many mutexes SASL made with these: none until a SASL session was started in this process. */
    public static int made() {
        return MADE.get();
    }

    /**
     * Installs them. It must come before SASL makes its first mutex (a mutex made by the no-op allocator and then
     * locked by pthread crashes), so {@link Virt}'s class initialization does it, once, as libvirt is loaded and
     * before any call can open a connection. A system without libsasl2 needs none.
     */
    static void install() {
        try {
            NativeLibrary c = NativeLibrary.getInstance("c");
            Function setMutex = NativeLibrary.getInstance("libsasl2.so.2").getFunction("sasl_set_mutex");
            setMutex.invokeVoid(new Object[] {ALLOC, c.getFunction("pthread_mutex_lock"),
                c.getFunction("pthread_mutex_unlock"), FREE});
        } catch (UnsatisfiedLinkError e) {
            // libvirt built without SASL: nothing to guard
        }
    }
}
