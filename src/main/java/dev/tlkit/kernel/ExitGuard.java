package dev.tlkit.kernel;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a notebook cell from ending the kernel's JVM: a cell whose code calls {@code System.exit},
 * {@code Runtime.exit} or {@code Runtime.halt} is refused before it runs, with an error that says
 * what to do instead. The check reads the cell's source (comments and string literals ignored).
 * A JVM-wide SecurityManager would also catch calls hidden in libraries, but it slowed every
 * training step by about 10% (measured in lesson 3), and SecurityManager is deprecated for removal.
 */
final class ExitGuard {
    private static final Pattern EXIT = Pattern.compile(
            "\\b(System\\s*\\.\\s*exit|Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(?:exit|halt))\\s*\\(([^()]*)\\)");

    private ExitGuard() {
    }

    /** Throws a {@link CellError} when {@code code} would stop the JVM. */
    static void check(String code) throws CellError {
        Matcher call = EXIT.matcher(codeOnly(code));
        if (call.find()) {
            String shown = call.group(1).replaceAll("\\s+", "") + "(" + call.group(2).strip() + ")";
            throw new CellError("SecurityException", shown + " was blocked", List.of(
                    shown + " was blocked: a notebook cell cannot stop the Java kernel.",
                    "To start over, use Kernel > Restart in Jupyter; to end a computation early, return or throw."));
        }
    }

    /** {@code code} with comments and the contents of string and character literals blanked out. */
    static String codeOnly(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                while (i < code.length() && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 2;
                out.append(' ');
            } else if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                i = end < 0 ? code.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != c && code.charAt(j) != '\n') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(code.length(), j + 1);
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
