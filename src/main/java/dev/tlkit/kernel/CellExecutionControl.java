package dev.tlkit.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs JShell snippets in the kernel's own JVM, on a dedicated "cell" thread.
 *
 * <p>Unlike JShell's stock local execution, it keeps the value object a snippet returned (so the
 * kernel can render a chart or a table instead of its {@code toString()}), and it can stop a
 * running cell: first politely with {@link Thread#interrupt()} (the kit's training loops check
 * it), then, after a grace period, with {@link Thread#stop()}.
 */
final class CellExecutionControl extends DirectExecutionControl {
    static final long STOP_GRACE_MILLIS = 2_000;

    private final ThreadGroup cellThreads;
    private final Map<String, Object> values = new HashMap<>();
    private volatile Thread running;
    private volatile boolean stopped;
    private int cellCounter;

    /** Runs cells in threads of {@code cellThreads}. */
    CellExecutionControl(ThreadGroup cellThreads) {
        this.cellThreads = cellThreads;
    }

    /** The object behind a value key this control returned, or null. Keys live until {@link #forgetValues()}. */
    synchronized Object valueFor(String key) {
        return key == null ? null : values.get(key);
    }

    synchronized void forgetValues() {
        values.clear();
    }

    /** True when the last invocation ended because {@link #stop()} was called. */
    boolean wasStopped() {
        return stopped;
    }

    void clearStopped() {
        stopped = false;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        FutureTask<Object> task = new FutureTask<>(() -> doitMethod.invoke(null));
        Thread thread = new Thread(cellThreads, task, "cell-" + (++cellCounter));
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        running = thread;
        thread.start();
        try {
            Object value = task.get();
            String key = UUID.randomUUID().toString();
            synchronized (this) {
                values.put(key, value);
            }
            return key;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException ite) {
                if (ite.getCause() instanceof ThreadDeath || stopped) {
                    throw new StoppedException();
                }
                throw ite;
            }
            throw cause instanceof Exception ex ? ex : new RuntimeException(cause);
        } finally {
            running = null;
        }
    }

    /** Stops the running cell, if any. Safe to call from any thread. */
    @Override
    @SuppressWarnings("removal")
    public void stop() {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        stopped = true;
        thread.interrupt();
        try {
            thread.join(STOP_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.stop(); // deprecated, still effective on Java 17: the last resort for busy loops
        }
    }
}
