package dev.tlkit.kernel;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Javadoc of classes, methods and fields read from the Java sources on a class loader: the kit's jar ships its
 * sources for this. JShell itself finds Javadoc only in the JDK's src.zip, so without this Shift-Tab on a kit
 * method would show its signature and nothing else.
 */
final class SourceJavadoc {
    private static final Pattern SENTENCE_END = Pattern.compile("\\.(?=\\s+[A-Z(])");

    /** A declaration's documentation: its first sentence and the whole comment, as plain text. */
    record Doc(String summary, String full) {
        /** A comment's text: the summary is its first sentence. */
        static Doc of(String text) {
            return new Doc(firstSentence(text), text);
        }
    }

    /**
     * Up to the first period that ends a sentence: followed by white space and a capital letter, or the end.
     * (Javadoc's own first sentence stops at "e.g. ", which the kit's comments use.)
     */
    static String firstSentence(String text) {
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }

    private final ClassLoader sources;
    private final Map<String, Optional<Parsed>> files = new HashMap<>();

    SourceJavadoc(ClassLoader sources) {
        this.sources = sources;
    }

    /**
     * The documentation of member {@code member} ({@code null} for the class itself) of class {@code owner}, a
     * simple, nested or qualified name resolved against {@code imports} (JShell's, e.g. {@code dev.tlkit.models.*}).
     * {@code parameterTypes} tells overloads apart (simple type names; {@code null}: not a method).
     */
    Optional<Doc> find(String owner, String member, List<String> parameterTypes, List<String> imports) {
        for (String candidate : candidates(owner, imports)) {
            Optional<Doc> doc = findQualified(candidate, member, parameterTypes, 0);
            if (doc.isPresent()) {
                return doc;
            }
        }
        return Optional.empty();
    }

    private Optional<Doc> findQualified(String qualified, String member, List<String> parameterTypes, int depth) {
        String[] parts = qualified.split("\\.");
        for (int top = parts.length; top >= 1 && depth < 4; top--) {
            String file = String.join("/", List.of(parts).subList(0, top)) + ".java";
            Optional<Parsed> parsed = parse(file);
            if (parsed.isEmpty()) {
                continue;
            }
            Optional<TreePath> type = parsed.get().type(List.of(parts).subList(top - 1, parts.length));
            if (type.isEmpty()) {
                return Optional.empty();
            }
            if (member == null) {
                return parsed.get().doc(type.get());
            }
            Optional<TreePath> declaration = parsed.get().member(type.get(), member, parameterTypes);
            Optional<Doc> doc = declaration.flatMap(parsed.get()::doc);
            if (doc.isPresent()) {
                return doc;
            }
            // an override without its own comment: the supertypes document it
            for (String supertype : parsed.get().supertypes(type.get())) {
                doc = findQualified(supertype, member, parameterTypes, depth + 1);
                if (doc.isPresent()) {
                    return doc;
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> candidates(String owner, List<String> imports) {
        List<String> names = new ArrayList<>();
        if (Character.isLowerCase(owner.charAt(0))) {
            names.add(owner);
            return names;
        }
        String first = owner.split("\\.")[0];
        for (String imported : imports) {
            if (imported.endsWith(".*")) {
                names.add(imported.substring(0, imported.length() - 1) + owner);
            } else if (imported.endsWith("." + first)) {
                names.add(imported.substring(0, imported.length() - first.length()) + owner);
            }
        }
        return names;
    }

    private Optional<Parsed> parse(String resource) {
        return files.computeIfAbsent(resource, r -> {
            try (InputStream in = sources.getResourceAsStream(r)) {
                return in == null ? Optional.empty() : Optional.of(Parsed.of(r, new String(in.readAllBytes(),
                        StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();   // unreadable sources: the signature alone is shown
            }
        });
    }

    /** One parsed source file. */
    private record Parsed(CompilationUnitTree unit, DocTrees docs) {
        static Parsed of(String name, String text) throws IOException {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
            JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostic -> { }, List.of("-proc:none"), null,
                    List.of(source));
            CompilationUnitTree unit = task.parse().iterator().next();
            return new Parsed(unit, DocTrees.instance(task));
        }

        Optional<TreePath> type(List<String> chain) {
            List<? extends Tree> members = unit.getTypeDecls();
            TreePath path = new TreePath(unit);
            for (String name : chain) {
                Optional<? extends Tree> found = members.stream()
                        .filter(t -> t instanceof ClassTree c && c.getSimpleName().contentEquals(name)).findFirst();
                if (found.isEmpty()) {
                    return Optional.empty();
                }
                path = new TreePath(path, found.get());
                members = ((ClassTree) found.get()).getMembers();
            }
            return Optional.of(path);
        }

        Optional<TreePath> member(TreePath type, String name, List<String> parameterTypes) {
            ClassTree owner = (ClassTree) type.getLeaf();
            String wanted = name.equals(owner.getSimpleName().toString()) ? "<init>" : name;
            Tree best = null;
            for (Tree member : owner.getMembers()) {
                if (member instanceof MethodTree method && method.getName().contentEquals(wanted) && parameterTypes != null
                        && method.getParameters().size() == parameterTypes.size()) {
                    List<String> types = method.getParameters().stream().map(p -> simpleType(p.getType().toString()))
                            .toList();
                    if (types.equals(parameterTypes.stream().map(Parsed::simpleType).toList())) {
                        return Optional.of(new TreePath(type, member));
                    }
                    best = best == null ? member : best;
                } else if (member instanceof VariableTree field && field.getName().contentEquals(name)
                        && parameterTypes == null) {
                    return Optional.of(new TreePath(type, member));
                } else if (member instanceof ClassTree nested && nested.getSimpleName().contentEquals(name)) {
                    best = best == null ? member : best;
                }
            }
            return Optional.ofNullable(best).map(tree -> new TreePath(type, tree));
        }

        List<String> supertypes(TreePath type) {
            ClassTree owner = (ClassTree) type.getLeaf();
            List<Tree> supers = new ArrayList<>(owner.getImplementsClause());
            if (owner.getExtendsClause() != null) {
                supers.add(owner.getExtendsClause());
            }
            String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
            List<String> names = new ArrayList<>();
            for (Tree s : supers) {
                String simple = s.toString().replaceAll("<.*", "");
                names.add(unit.getImports().stream().map(ImportTree::getQualifiedIdentifier).map(Object::toString)
                        .filter(i -> i.endsWith("." + simple)).findFirst().orElse(pkg + simple));
            }
            return names;
        }

        Optional<Doc> doc(TreePath path) {
            DocCommentTree comment = docs.getDocCommentTree(path);
            if (comment == null) {
                return Optional.empty();
            }
            String body = text(new ArrayList<DocTree>(comment.getFullBody()));
            String full = body + comment.getBlockTags().stream().map(t -> "\n" + plain(t.toString()))
                    .collect(Collectors.joining());
            return Optional.of(new Doc(firstSentence(body), full.strip()));
        }

        private static String text(List<? extends DocTree> trees) {
            return plain(trees.stream().map(Object::toString).collect(Collectors.joining()));
        }

        /** Javadoc markup as plain text: {@code x} and {@link A#b} as their text, HTML tags dropped. */
        static String plain(String javadoc) {
            String links = LINK.matcher(javadoc.replaceAll("\\{@(?:code|literal)\\s+([^}]*)}", "$1"))
                    .replaceAll(m -> Matcher.quoteReplacement(m.group(2) != null ? m.group(2)
                            : m.group(1).replaceFirst("^#", "").replace('#', '.')));
            return links.replaceAll("<[^>]+>", "")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                    .replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("(?<!\n)\n(?![\n@])", " ").strip();
        }

        private static final Pattern LINK = Pattern.compile("\\{@link(?:plain)?\\s+([^}\\s]*)(?:\\s+([^}]*))?}");

        static String simpleType(String type) {
            String raw = type.replaceAll("<.*>", "").strip();
            return raw.substring(raw.lastIndexOf('.') + 1);
        }
    }
}
