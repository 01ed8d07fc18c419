package dev.tlkit.kernel;

import java.util.List;

/**
 * What went wrong in a cell, already worded for the learner: the kernel shows {@link #lines()} as the
 * traceback, and the title as the error's message.
 */
public final class CellError extends Exception {
    private final String kind;
    private final List<String> lines;

    CellError(String kind, String title, List<String> lines) {
        super(title, null, false, false);
        this.kind = kind;
        this.lines = List.copyOf(lines);
    }

    /** "CompilationError", "the user's exception class name", "Interrupted", or "MagicError". */
    public String kind() {
        return kind;
    }

    /** The lines shown under the cell, first line first. */
    public List<String> lines() {
        return lines;
    }
}
