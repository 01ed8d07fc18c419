package dev.tlkit.notebooks;

import dev.tlkit.checks.CheckResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What happened when a notebook was executed: whether every cell ran, the first failing cell and
 * its error, the check lines its cells printed, the wall time and the kernel's peak memory.
 *
 * @param failedCell 1-based number of the first failing cell (counting all cells), or 0
 * @param errorCells 1-based numbers of every cell with an error output
 * @param checkCells the 1-based cell number of every check in {@code checks}
 */
public record NotebookRun(Path notebook, Path executed, String status, int failedCell, String error,
                          List<Integer> errorCells, List<CheckResult> checks, List<Integer> checkCells, double seconds,
                          double peakRssMb) {

    public NotebookRun {
        errorCells = List.copyOf(errorCells);
        checks = List.copyOf(checks);
        checkCells = List.copyOf(checkCells);
        if (checkCells.size() != checks.size()) {
            throw new IllegalArgumentException(checks.size() + " checks but " + checkCells.size() + " cell numbers");
        }
    }

    /** Every cell ran without an error. */
    public boolean cellsRan() {
        return "ok".equals(status) && errorCells.isEmpty();
    }

    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    public long passedChecks() {
        return checks.stream().filter(CheckResult::passed).count();
    }

    /** The notebook convention: no error output, at least one check line, and no failed check. */
    public boolean passed() {
        return problems().isEmpty();
    }

    /** Why the notebook does not pass, one readable sentence each; empty when it passes. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String name = notebook.getFileName().toString();
        if (!"ok".equals(status) || failedCell > 0) {
            problems.add(name + ": cell " + failedCell + " failed (" + status + "): " + error);
        } else if (!errorCells.isEmpty()) {
            problems.add(name + ": cells " + errorCells + " have error output: " + error);
        }
        if (checks.isEmpty() && "ok".equals(status)) {
            problems.add(name + ": no check line (CHECK PASS/FAIL) was printed: a notebook must check its claims");
        }
        for (CheckResult failed : failedChecks()) {
            problems.add(name + ": " + failed.line());
        }
        return problems;
    }

    /** One line: name, verdict, checks, time and memory. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %s, %d/%d checks passed, %.1f s, peak RSS %.0f MB",
                notebook.getFileName(), passed() ? "PASSED" : "FAILED", passedChecks(), checks.size(), seconds, peakRssMb);
    }
}
