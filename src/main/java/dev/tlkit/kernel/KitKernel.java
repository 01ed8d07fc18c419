package dev.tlkit.kernel;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The kit's Java kernel: JShell behind Jupyter's protocol, with the kit's module on its classpath,
 * IJava's magics ({@code %classpath}, {@code %jars}, {@code %load}), {@code %time}, display functions,
 * renderers for tables, charts and images, and completion, documentation and completeness from JShell.
 */
public final class KitKernel extends BaseKernel {
    /** Run before the first cell: IJava's {@code display} functions, imported statically. */
    static final List<String> STARTUP = List.of("import static dev.tlkit.kernel.NotebookFunctions.*;");
    /** The line magics this kernel knows; Tab after {@code %} offers them. */
    static final List<String> MAGICS = List.of("classpath", "jars", "load", "time");

    private final JavaEvaluator evaluator;
    private final CodeAssist assist;
    private final MemoryWatch memory;
    private final LanguageInfo languageInfo;

    public KitKernel(String classpath) {
        this.evaluator = new JavaEvaluator(classpath, STARTUP, new CellThreads(NotebookDisplay.of(this)));
        this.memory = MemoryWatch.ofThisProcess();
        this.assist = new CodeAssist(evaluator, new SourceJavadoc(KitKernel.class.getClassLoader()), MAGICS);
        this.languageInfo = new LanguageInfo.Builder("Java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
        KitRenderers.registerAll(getRenderer());
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " - transfer-learning kit kernel";
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        PrintStream jupyterOut = System.out;
        PrintStream jupyterErr = System.err;
        PrintStream out = new PrintStream(new LineBufferedStream(jupyterOut), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new LineBufferedStream(jupyterErr), false, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(err);
        try (AutoCloseable watch = memory.during(err)) {
            Object value = evalCell(code);
            if (value == JavaEvaluator.NO_VALUE || value == null) {
                return null;
            }
            return getRenderer().render(value);
        } finally {
            out.flush();
            err.flush();
            System.setOut(jupyterOut);
            System.setErr(jupyterErr);
        }
    }

    /** Runs a cell's magics and Java code in order; returns the value of its last Java expression. */
    Object evalCell(String code) throws CellError {
        return evalSegments(CellParser.split(code));
    }

    private Object evalSegments(List<CellParser.Segment> segments) throws CellError {
        Object last = JavaEvaluator.NO_VALUE;
        for (int i = 0; i < segments.size(); i++) {
            CellParser.Segment segment = segments.get(i);
            if (!segment.magic()) {
                last = evaluator.eval(segment.text(), segment.firstLine());
            } else if (segment.magicName().equals("time")) {
                // %time alone times the rest of the cell, %time code that line's code, as IPython's %%time and %time
                CellTimer timer = CellTimer.start();
                last = segment.magicRest().isEmpty() ? evalSegments(segments.subList(i + 1, segments.size()))
                        : evaluator.eval(segment.magicRest(), segment.firstLine());
                System.out.println(timer.report());
                return last;
            } else {
                last = applyMagic(segment);
            }
        }
        return last;
    }

    private Object applyMagic(CellParser.Segment segment) throws CellError {
        List<String> args = segment.magicArgs();
        switch (segment.magicName()) {
            case "jars":
                evaluator.addToClasspath(ClasspathMagics.jars(args));
                return JavaEvaluator.NO_VALUE;
            case "classpath":
                evaluator.addToClasspath(ClasspathMagics.classpath(args));
                return JavaEvaluator.NO_VALUE;
            case "load":
                return load(args, segment.firstLine());
            default:
                throw new CellError("MagicError", "unknown magic %" + segment.magicName(), List.of(
                        "Unknown line magic %" + segment.magicName() + " at cell line " + segment.firstLine() + ".",
                        "This kernel knows " + MAGICS.stream().map(m -> "%" + m).collect(Collectors.joining(", "))
                                + " (%classpath, %jars and %load as IJava has them)."));
        }
    }

    private Object load(List<String> args, int line) throws CellError {
        if (args.size() != 1) {
            throw new CellError("MagicError", "%load takes one file", List.of(
                    "%load at cell line " + line + " takes exactly one file, e.g. %load helpers.jsh"));
        }
        Path file = Path.of(args.get(0));
        try {
            return evalCell(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CellError("MagicError", "cannot read " + file, List.of(
                    "%load could not read " + file.toAbsolutePath() + " (" + e.getClass().getSimpleName() + ").",
                    "Relative paths start at the notebook's folder."));
        }
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return assist.complete(code, at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return assist.inspect(code, at, extraDetail).orElse(null);
    }

    @Override
    public String isComplete(String code) {
        return assist.isComplete(code, IS_COMPLETE_YES, IS_COMPLETE_BAD);
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellError error) {
            List<String> lines = new ArrayList<>();
            for (String line : error.lines()) {
                lines.add(errorStyler.secondary(line));
            }
            return lines;
        }
        return super.formatError(e);
    }

    @Override
    public void interrupt() {
        evaluator.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
    }
}
