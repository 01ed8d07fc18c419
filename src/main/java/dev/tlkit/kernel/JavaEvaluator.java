package dev.tlkit.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluates the Java code of a cell with JShell, snippet by snippet, and returns the value of the
 * cell's last expression (or {@link #NO_VALUE}). Errors come back as {@link CellError}s whose lines
 * name the cell line, not JShell's internal snippet numbers.
 */
final class JavaEvaluator implements AutoCloseable {
    /** Returned when a cell's last snippet is a statement or a declaration: nothing to show. */
    static final Object NO_VALUE = new Object();

    private final CellExecutionControl control;
    private final JShell shell;
    /** Snippet id to the cell line where that snippet starts, for the current cell. */
    private final Map<String, Integer> snippetLines = new HashMap<>();

    JavaEvaluator(String classpath, List<String> startupCode, ThreadGroup cellThreads) {
        this.control = new CellExecutionControl(cellThreads);
        this.shell = JShell.builder()
                .executionEngine(new Provider(control), Map.of())
                .compilerOptions("-Xlint:none")
                .build();
        if (!classpath.isBlank()) {
            shell.addToClasspath(classpath);
        }
        for (String code : startupCode) {
            try {
                eval(code, 1);
            } catch (CellError e) {
                throw new IllegalStateException("kernel start-up code failed: " + code + "\n" + String.join("\n", e.lines()));
            }
        }
    }

    /** Adds jars or class folders (joined with the platform's path separator) for the compiler and the runtime. */
    void addToClasspath(List<String> entries) {
        if (!entries.isEmpty()) {
            shell.addToClasspath(String.join(File.pathSeparator, entries));
        }
    }

    /** JShell's analysis of the session: completions, documentation, completeness. */
    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    /** The session's imports as written, e.g. {@code dev.tlkit.models.*} or {@code java.util.List}. */
    List<String> imports() {
        return shell.imports().filter(i -> !i.isStatic()).map(ImportSnippet::fullname).toList();
    }

    void stop() {
        control.stop();
    }

    /**
     * Evaluates {@code code}, whose first line is line {@code firstLine} of the cell.
     *
     * @return the value of the last expression, or {@link #NO_VALUE}
     */
    Object eval(String code, int firstLine) throws CellError {
        ExitGuard.check(code);
        control.forgetValues();
        control.clearStopped();
        snippetLines.clear();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Object last = NO_VALUE;
        String remaining = code;
        int consumed = 0;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            int snippetStart = consumed + leadingWhitespace(remaining);
            int line = firstLine + lineIndex(code, snippetStart);
            switch (info.completeness()) {
                case EMPTY:
                    return last;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    throw compilationError(line, code, snippetStart,
                            "the code is incomplete here: a ';', ')' or '}' is missing");
                default:
                    break;
            }
            int length = remaining.length() - info.remaining().length();
            last = evalSnippet(info.source() == null ? remaining : info.source(), code, snippetStart, line);
            if (remaining.substring(0, length).strip().endsWith(";")) {
                last = NO_VALUE; // like IPython: a statement ending in ';' shows no value
            }
            consumed += length;
            remaining = info.remaining();
        }
        return last;
    }

    private Object evalSnippet(String source, String cell, int snippetStart, int line) throws CellError {
        List<SnippetEvent> events = shell.eval(source);
        Object value = NO_VALUE;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a knock-on update of an earlier declaration
            }
            Snippet snippet = event.snippet();
            snippetLines.put(snippet.id(), line);
            if (control.wasStopped()) {
                throw new CellError("Interrupted", "the cell was interrupted",
                        List.of("Interrupted: the cell was stopped at cell line " + line + ".",
                                "Variables defined by earlier cells and lines are kept."));
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw rejected(snippet, cell, snippetStart);
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception());
            }
            if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                String missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                        .collect(Collectors.joining(", "));
                throw new CellError("CompilationError", "cannot find symbol " + missing, List.of(
                        "Compilation error at cell line " + line + ": cannot find symbol " + missing,
                        "Define it first, or import it (e.g. import java.util.*;)."));
            }
            value = isValue(snippet) ? control.valueFor(event.value()) : NO_VALUE;
        }
        return value;
    }

    private static boolean isValue(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private CellError rejected(Snippet snippet, String cell, int snippetStart) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
            int line = 1 + lineIndex(cell, snippetStart);
            return new CellError("CompilationError", "the snippet was rejected",
                    List.of("Compilation error at cell line " + line + ": JShell rejected this code."));
        }
        Diag first = diags.get(0);
        int position = snippetStart + (int) Math.max(0, first.getPosition());
        return compilationError(1 + lineIndex(cell, position), cell, position, first.getMessage(Locale.ENGLISH),
                diags.subList(1, diags.size()), snippetStart);
    }

    private CellError compilationError(int line, String cell, int position, String message) {
        return compilationError(line, cell, position, message, List.of(), 0);
    }

    private CellError compilationError(int line, String cell, int position, String message,
                                       List<Diag> more, int snippetStart) {
        List<String> lines = new ArrayList<>();
        lines.add("Compilation error at cell line " + line + ": " + firstLine(message));
        int lineStart = cell.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
        if (position < lineStart) {
            lineStart = 0;
        }
        int lineEnd = cell.indexOf('\n', lineStart);
        String sourceLine = cell.substring(lineStart, lineEnd < 0 ? cell.length() : lineEnd);
        lines.add("    " + sourceLine);
        lines.add("    " + " ".repeat(Math.max(0, Math.min(position - lineStart, sourceLine.length()))) + "^");
        message.lines().skip(1).forEach(l -> lines.add("  " + l));
        for (Diag diag : more) {
            int pos = snippetStart + (int) Math.max(0, diag.getPosition());
            lines.add("Also at cell line " + (1 + lineIndex(cell, pos)) + ": " + firstLine(diag.getMessage(Locale.ENGLISH)));
        }
        return new CellError("CompilationError", "line " + line + ": " + firstLine(message), lines);
    }

    private CellError runtimeError(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            String name = unresolved.getSnippet().name();
            return new CellError("UnresolvedReference", name + " is not defined yet",
                    List.of(name + " uses a declaration that is not defined yet: define it in a cell above, then re-run."));
        }
        List<String> lines = new ArrayList<>();
        Throwable t = exception;
        String prefix = "";
        String kind = null;
        while (t != null) {
            String className = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            if (kind == null) {
                kind = className.substring(className.lastIndexOf('.') + 1);
            }
            lines.add(prefix + className + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            for (StackTraceElement frame : t.getStackTrace()) {
                if (isInternalFrame(frame)) {
                    continue;
                }
                lines.add("\tat " + describe(frame));
            }
            t = t.getCause();
            prefix = "Caused by: ";
        }
        return new CellError(kind, exception.getMessage() == null ? kind : exception.getMessage(), lines);
    }

    private String describe(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            Integer start = snippetLines.get(file.substring(1));
            if (start != null) {
                return "cell line " + (start + Math.max(0, frame.getLineNumber() - 1));
            }
            return "an earlier cell (snippet " + file + ", line " + frame.getLineNumber() + ")";
        }
        return frame.toString();
    }

    private static boolean isInternalFrame(StackTraceElement frame) {
        String cls = frame.getClassName();
        return cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.")
                || cls.startsWith("jdk.jshell.") || cls.startsWith("java.util.concurrent.FutureTask")
                || cls.startsWith("dev.tlkit.kernel.CellExecutionControl") || cls.equals("java.lang.Thread");
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static int leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Zero-based index of the line that holds character {@code position}. */
    private static int lineIndex(String text, int position) {
        int lines = 0;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    @Override
    public void close() {
        shell.close();
    }

    /** Hands JShell our execution control. */
    private record Provider(CellExecutionControl control) implements ExecutionControlProvider {
        @Override
        public String name() {
            return "tlkit-cells";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
