package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** The stand-in's kernel: JShell snippets run in this JVM, a cell's last value rendered by the kernel's renderer. */
final class JShellKernel extends BaseKernel {
    private final ValueKeeper control = new ValueKeeper();
    private final JShell shell;

    JShellKernel(String classpath) throws IOException {
        shell = JShell.builder().executionEngine(new ExecutionControlProvider() {
            @Override
            public String name() {
                return "stand-in";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        }, Map.of()).build();
        for (String entry : classpath.split(File.pathSeparator)) {
            for (String jar : expand(entry)) {
                shell.addToClasspath(jar);
            }
        }
        shell.eval("import static io.github.spencerpark.ijava.runtime.Display.*;");
    }

    /** {@code dir/*} as IJava reads it: every jar of the folder. */
    private static List<String> expand(String entry) throws IOException {
        if (entry.isBlank()) {
            return List.of();
        }
        if (!entry.endsWith("*")) {
            return List.of(entry);
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(entry.substring(0, entry.length() - 1)),
                "*.jar")) {
            return java.util.stream.StreamSupport.stream(jars.spliterator(), false).map(Path::toString).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Object last = null;
        boolean hasValue = false;
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw new IllegalArgumentException("incomplete code: " + remaining.strip());
            }
            hasValue = false;
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                if (event.status() == Snippet.Status.REJECTED) {
                    throw new IllegalArgumentException("does not compile: " + event.snippet().source().strip() + "\n"
                            + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null))
                            .collect(Collectors.joining("\n")));
                }
                if (event.exception() != null) {
                    throw event.exception();
                }
                Snippet.Kind kind = event.snippet().kind();
                hasValue = kind == Snippet.Kind.EXPRESSION || event.snippet().subKind()
                        == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
                last = hasValue ? control.take(event.value()) : null;
            }
            if (info.source().strip().endsWith(";")) {
                hasValue = false;
            }
            remaining = info.remaining();
        }
        return hasValue && last != null ? getRenderer().render(last) : null;
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("Java").version(Runtime.version().toString()).mimetype("text/x-java-source")
                .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build();
    }

    /** Keeps the objects snippets return, as IJava's execution control does, so values render richly. */
    static final class ValueKeeper extends DirectExecutionControl {
        private final Map<String, Object> values = new ConcurrentHashMap<>();

        @Override
        protected String invoke(Method doitMethod) throws Exception {
            Object value = doitMethod.invoke(null);
            String key = UUID.randomUUID().toString();
            if (value != null) {
                values.put(key, value);
            }
            return key;
        }

        Object take(String key) {
            return key == null ? null : values.remove(key);
        }
    }
}
