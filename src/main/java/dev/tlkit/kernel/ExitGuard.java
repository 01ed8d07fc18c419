package dev.tlkit.kernel;

import java.security.Permission;

/**
 * Keeps a notebook cell from ending the kernel's JVM with {@code System.exit}: the cell gets a
 * {@link SecurityException} that says what happened and what to do instead. Everything else is
 * allowed, and the kernel itself can still exit.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {

    static void install() {
        // Java 17 prints a deprecation notice to the kernel's log (not to the notebook) here.
        if (!(System.getSecurityManager() instanceof ExitGuard)) {
            System.setSecurityManager(new ExitGuard());
        }
    }

    @Override
    public void checkExit(int status) {
        if (CellExecutionControl.CELL_THREADS.parentOf(Thread.currentThread().getThreadGroup())) {
            throw new SecurityException("System.exit(" + status + ") was blocked: a notebook cell cannot stop the"
                    + " Java kernel. To start over, use Kernel > Restart in Jupyter.");
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // everything else is allowed
    }
}
