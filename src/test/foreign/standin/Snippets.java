package standin;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * What the stand-ins for IJava and JJava share, as both kernels do it: JShell executing in the kernel's JVM with a
 * class loader that asks the kernel's own classpath first, the notebook's jars added to it, and a cell's last value
 * kept as an object so the kernel's renderer can show it richly. Knows no kernel API.
 */
public final class Snippets {
    private final ValueKeeper control = new ValueKeeper();
    private final JShell shell;

    /** JShell with {@code classpath} ({@code dir/*}: every jar of the folder) and the given start-up imports. */
    public Snippets(String classpath, List<String> startup) throws IOException {
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
        startup.forEach(shell::eval);
    }

    private static List<String> expand(String entry) throws IOException {
        if (entry.isBlank()) {
            return List.of();
        }
        if (!entry.endsWith("*")) {
            return List.of(entry);
        }
        List<String> jars = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(entry.substring(0, entry.length() - 1)),
                "*.jar")) {
            dir.forEach(p -> jars.add(p.toString()));
        }
        jars.sort(null);
        return jars;
    }

    /** Runs a cell; its last expression's value, if it has one (a statement ending in ';' has none). */
    public Optional<Object> eval(String code) throws Exception {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Optional<Object> last = Optional.empty();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw new IllegalArgumentException("incomplete code: " + remaining.strip());
            }
            last = Optional.empty();
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
                boolean value = event.snippet().kind() == Snippet.Kind.EXPRESSION
                        || event.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
                last = value ? control.take(event.value()) : Optional.empty();
            }
            if (info.source().strip().endsWith(";")) {
                last = Optional.empty();
            }
            remaining = info.remaining();
        }
        return last;
    }

    /** Keeps the objects snippets return, as IJava's and JJava's execution controls do. */
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

        Optional<Object> take(String key) {
            return key == null ? Optional.empty() : Optional.ofNullable(values.remove(key));
        }
    }
}
