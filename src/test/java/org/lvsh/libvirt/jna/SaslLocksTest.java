package org.lvsh.libvirt.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The mutexes handed to SASL are real ones: libc's lock and unlock accept what the allocator makes, and a second
 * thread cannot take one that is held (SASL's default ones let every thread through at once).
 */
class SaslLocksTest {
    private static final int EBUSY = 16;
    private static final NativeLibrary C = NativeLibrary.getInstance("c");

    private static int call(String name, Pointer mutex) {
        Function f = C.getFunction(name);
        return f.invokeInt(new Object[] {mutex});
    }

    @Test
    void aMadeMutexExcludesASecondThread() throws Exception {
        Pointer m = SaslLocks.ALLOC.invoke();
        assertNotNull(m);
        try {
            assertEquals(0, call("pthread_mutex_lock", m));
            int other = CompletableFuture.supplyAsync(() -> call("pthread_mutex_trylock", m)).get();
            assertEquals(EBUSY, other);
            assertEquals(0, call("pthread_mutex_unlock", m));
            int after = CompletableFuture.supplyAsync(() -> {
                int r = call("pthread_mutex_trylock", m);
                if (r == 0) {
                    call("pthread_mutex_unlock", m);
                }
                return r;
            }).get();
            assertEquals(0, after);
        } finally {
            SaslLocks.FREE.invoke(m);
        }
    }
}
