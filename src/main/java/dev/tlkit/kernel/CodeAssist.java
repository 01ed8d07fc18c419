package dev.tlkit.kernel;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/**
 * What Jupyter asks of a kernel while a learner types: completions (Tab), documentation (Shift-Tab) and whether
 * the code typed so far is complete (console front ends). It reads JShell's analysis of the live session, so
 * variables of earlier cells and their imports count; a cell's magic lines are blanked out first.
 */
final class CodeAssist {
    /** At most this many overloads in one Shift-Tab tooltip. */
    private static final int MAX_SIGNATURES = 6;

    private final JavaEvaluator evaluator;
    private final SourceJavadoc javadoc;
    private final List<String> magics;

    CodeAssist(JavaEvaluator evaluator, SourceJavadoc javadoc, List<String> magics) {
        this.evaluator = evaluator;
        this.javadoc = javadoc;
        this.magics = List.copyOf(magics);
    }

    /** Completions of the word before {@code at}: a magic's name after {@code %}, else what JShell suggests. */
    ReplacementOptions complete(String code, int at) {
        int lineStart = code.lastIndexOf('\n', at - 1) + 1;
        String line = code.substring(lineStart, at);
        String stripped = line.stripLeading();
        if (stripped.startsWith("%") && stripped.substring(1).chars().allMatch(Character::isLetter)) {
            String typed = stripped.substring(1);
            List<String> names = magics.stream().filter(m -> m.startsWith(typed)).map(m -> "%" + m).toList();
            return new ReplacementOptions(names, at - stripped.length(), at);
        }
        int[] anchor = new int[1];
        List<Suggestion> suggestions = evaluator.analysis().completionSuggestions(javaOnly(code), at, anchor);
        Set<String> ordered = new LinkedHashSet<>();
        suggestions.stream().filter(Suggestion::matchesType).forEach(s -> ordered.add(s.continuation()));
        suggestions.forEach(s -> ordered.add(s.continuation()));
        return new ReplacementOptions(new ArrayList<>(ordered), anchor[0], at);
    }

    /**
     * The signatures and Javadoc of what is under the cursor (a method, a class, a field or a variable);
     * {@code detail}: the whole comment, not only its first sentence. Empty when there is nothing to show.
     */
    Optional<DisplayData> inspect(String code, int at, boolean detail) {
        String text = javaOnly(code);
        int end = at;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        List<String> attempts = new ArrayList<>();
        List<Integer> cursors = new ArrayList<>();
        if (end < text.length() && text.charAt(end) == '(') {
            attempts.add(text.substring(0, end + 1));
            cursors.add(end + 1);
        }
        attempts.add(text.substring(0, end));
        cursors.add(end);
        attempts.add(text.substring(0, end) + "(");
        cursors.add(end + 1);
        SourceCodeAnalysis analysis = evaluator.analysis();
        for (int i = 0; i < attempts.size(); i++) {
            List<Documentation> found = analysis.documentation(attempts.get(i), cursors.get(i), true);
            if (!found.isEmpty()) {
                return Optional.of(describe(found, detail));
            }
        }
        return Optional.empty();
    }

    private DisplayData describe(List<Documentation> found, boolean detail) {
        StringBuilder out = new StringBuilder();
        for (Documentation documentation : found.subList(0, Math.min(MAX_SIGNATURES, found.size()))) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(documentation.signature());
            Optional<SourceJavadoc.Doc> doc = documentation.javadoc() != null
                    ? Optional.of(SourceJavadoc.Doc.of(documentation.javadoc().strip()))
                    : Signature.parse(documentation.signature())
                            .flatMap(s -> javadoc.find(s.owner(), s.member(), s.parameterTypes(), evaluator.imports()));
            doc.ifPresent(d -> out.append('\n').append(detail ? d.full() : d.summary()));
        }
        if (found.size() > MAX_SIGNATURES) {
            out.append("\n\n... and ").append(found.size() - MAX_SIGNATURES).append(" more overloads");
        }
        return new DisplayData(out.toString());
    }

    /**
     * Jupyter's answer for console front ends: {@code complete}, {@code invalid}, or the indent of the next line
     * when a bracket, a string or a statement is still open. A cell ending in a magic line is complete.
     */
    String isComplete(String code, String complete, String invalid) {
        List<CellParser.Segment> segments = CellParser.split(code);
        if (segments.isEmpty() || segments.get(segments.size() - 1).magic()) {
            return complete;
        }
        SourceCodeAnalysis analysis = evaluator.analysis();
        String remaining = javaOnly(code);
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return complete;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "    ".repeat(Math.max(0, openBraces(code)));
                case UNKNOWN:
                    return invalid;
                default:
                    remaining = info.remaining();
            }
        }
        return complete;
    }

    private static int openBraces(String code) {
        int open = 0;
        for (char c : code.toCharArray()) {
            open += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        return open;
    }

    /** The cell with its magic lines blanked (same length, so offsets stay), for JShell's analysis. */
    static String javaOnly(String code) {
        String[] lines = code.split("\n", -1);
        StringBuilder java = new StringBuilder(code.length());
        for (int i = 0; i < lines.length; i++) {
            java.append(CellParser.isMagicLine(lines[i]) ? " ".repeat(lines[i].length()) : lines[i]);
            if (i < lines.length - 1) {
                java.append('\n');
            }
        }
        return java.toString();
    }

    /** The parts of a JShell documentation signature that name a declaration. */
    record Signature(String owner, String member, List<String> parameterTypes) {
        /**
         * Reads {@code Ret Owner.name(Type a, Type b)} (a method), {@code Owner.NAME:type} (a field),
         * {@code name:type} (a variable: its type's class), or a class's qualified name.
         */
        static Optional<Signature> parse(String signature) {
            int paren = signature.indexOf('(');
            if (paren < 0) {
                int colon = signature.indexOf(':');
                if (colon < 0) {
                    return Optional.of(new Signature(withoutGenerics(signature.strip()), null, null));
                }
                String name = signature.substring(0, colon);
                String type = withoutGenerics(signature.substring(colon + 1).strip());
                int dot = name.lastIndexOf('.');
                return dot < 0 ? Optional.of(new Signature(type, null, null))
                        : Optional.of(new Signature(withoutGenerics(name.substring(0, dot)), name.substring(dot + 1), null));
            }
            String head = signature.substring(0, paren);
            int space = lastTopLevel(head, ' ');
            String qualified = withoutGenerics(head.substring(space + 1));
            int dot = qualified.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            String params = signature.substring(paren + 1, signature.lastIndexOf(')'));
            List<String> types = new ArrayList<>();
            for (String parameter : splitTopLevel(params)) {
                String p = parameter.strip();
                if (!p.isEmpty()) {
                    int last = lastTopLevel(p, ' ');
                    types.add(last < 0 ? p : p.substring(0, last).strip());
                }
            }
            return Optional.of(new Signature(qualified.substring(0, dot), qualified.substring(dot + 1), types));
        }

        private static String withoutGenerics(String name) {
            String result = name;
            String previous;
            do {
                previous = result;
                result = result.replaceAll("<[^<>]*>", "");
            } while (!result.equals(previous));
            return result.replace("..", ".").strip();
        }

        private static int lastTopLevel(String text, char wanted) {
            int depth = 0;
            for (int i = text.length() - 1; i >= 0; i--) {
                char c = text.charAt(i);
                depth += c == '>' ? 1 : c == '<' ? -1 : 0;
                if (c == wanted && depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private static List<String> splitTopLevel(String text) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                depth += c == '<' ? 1 : c == '>' ? -1 : 0;
                if (c == ',' && depth == 0) {
                    parts.add(text.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(text.substring(start));
            return parts;
        }
    }
}
