package dev.tlkit.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into Java code and IJava-style line magics ({@code %name args} at the start of a
 * line), in order, each with the cell line it starts on.
 */
final class CellParser {
    private CellParser() {
    }

    /** A piece of a cell: either Java code or one line magic. */
    record Segment(boolean magic, String text, int firstLine) {
        /** The magic's name, e.g. "jars" for {@code %jars lib/*.jar}. */
        String magicName() {
            String body = text.strip().substring(1);
            int space = indexOfWhitespace(body);
            return space < 0 ? body : body.substring(0, space);
        }

        /** Everything after the magic's name, as typed (e.g. the Java code of {@code %time code}). */
        String magicRest() {
            String body = text.strip().substring(1);
            int space = indexOfWhitespace(body);
            return space < 0 ? "" : body.substring(space).strip();
        }

        /** The magic's arguments, split on white space; double or single quotes group words. */
        List<String> magicArgs() {
            String body = text.strip().substring(1);
            int space = indexOfWhitespace(body);
            return space < 0 ? List.of() : splitArgs(body.substring(space));
        }
    }

    /** A line magic: {@code %} and a letter at the start of the line (after indentation). */
    static boolean isMagicLine(String line) {
        String stripped = line.stripLeading();
        return stripped.startsWith("%") && !stripped.startsWith("%%") && stripped.length() > 1
                && Character.isLetter(stripped.charAt(1));
    }

    static List<Segment> split(String cell) {
        List<Segment> segments = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder java = new StringBuilder();
        int javaStart = 1;
        for (int i = 0; i < lines.length; i++) {
            if (isMagicLine(lines[i])) {
                flush(segments, java, javaStart);
                segments.add(new Segment(true, lines[i], i + 1));
                javaStart = i + 2;
            } else {
                if (java.length() == 0) {
                    javaStart = i + 1;
                }
                java.append(lines[i]).append('\n');
            }
        }
        flush(segments, java, javaStart);
        return segments;
    }

    private static void flush(List<Segment> segments, StringBuilder java, int firstLine) {
        if (!java.toString().isBlank()) {
            segments.add(new Segment(false, java.toString(), firstLine));
        }
        java.setLength(0);
    }

    static List<String> splitArgs(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean inArg = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
