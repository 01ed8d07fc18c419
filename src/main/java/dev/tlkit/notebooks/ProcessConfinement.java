package dev.tlkit.notebooks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** How {@link NotebookExecutor} starts a notebook's run when it must not trust the notebook (a grader's sandbox). */
public interface ProcessConfinement {
    /**
     * The run of {@code command} confined to reading {@code readable} (besides the system) and writing only
     * {@code writable}; closing it ends whatever the run left behind.
     */
    Confined confine(List<String> command, List<Path> readable, Path writable) throws IOException;

    /** One confined run. */
    interface Confined extends AutoCloseable {
        /** The command to start instead of the original one. */
        List<String> command();

        /** Which limit the run hit (e.g. "its memory limit of 2 GiB"), or empty. */
        String limitHit();

        @Override
        void close();
    }
}
