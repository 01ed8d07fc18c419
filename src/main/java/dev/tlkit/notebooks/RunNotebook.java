package dev.tlkit.notebooks;

import dev.tlkit.checks.CheckResult;
import java.nio.file.Path;

/**
 * {@code ./kit run NOTEBOOK [--out DIR]}: executes a notebook headless on the kit's kernel and writes
 * the executed .ipynb and its HTML export; prints the verdict, the checks, time and peak memory.
 */
public final class RunNotebook {
    private RunNotebook() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--out"))) {
            System.err.println("usage: ./kit run NOTEBOOK [--out DIR]");
            System.exit(2);
        }
        Path notebook = Path.of(args[0]);
        Path out = args.length == 3 ? Path.of(args[2]) : Path.of("target", "executed");
        Path project = Path.of(System.getProperty("kit.project.dir", "."));
        NotebookRun run = NotebookExecutor.writingTo(out).withHtml()
                .withJupyterPath(dev.tlkit.kernel.KernelSpec.projectJupyterPath(project)).run(notebook);
        for (CheckResult check : run.checks()) {
            System.out.println("  " + check.line());
        }
        run.problems().forEach(p -> System.out.println("  problem: " + p));
        System.out.println(run.summary());
        String name = NotebookFiles.name(notebook);
        System.out.println("wrote " + out.resolve(name + ".ipynb") + " and " + out.resolve(name + ".html"));
        System.exit(run.passed() ? 0 : 1);
    }
}
