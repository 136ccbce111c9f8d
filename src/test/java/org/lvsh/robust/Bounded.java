package org.lvsh.robust;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs in-process lvsh runs one at a time on a daemon thread, each bounded: a hang guard, not a performance
 * assertion (the bound is far above any run's cost). A run that does not finish is abandoned with its thread.
 */
final class Bounded implements AutoCloseable {
    /** What became of one run. */
    record Outcome<T>(T value, Throwable thrown, boolean hung) {
    }

    private final long seconds;
    private ExecutorService executor = newExecutor();

    Bounded(long seconds) {
        this.seconds = seconds;
    }

    <T> Outcome<T> run(Callable<T> task) {
        Future<T> future = executor.submit(task);
        try {
            return new Outcome<>(future.get(seconds, TimeUnit.SECONDS), null, false);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow();
            executor = newExecutor(); // the stuck thread is left behind; later runs get a fresh one
            return new Outcome<>(null, null, true);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-run");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
