package dev.tlkit.exercises;

import dev.tlkit.notebooks.NotebookFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One student's notebook to grade. A class is a folder of student folders ({@code submissions/alice/04-...ipynb}):
 * the student is the folder a notebook lies in; notebooks given one by one, or lying in the graded folder itself,
 * belong to the student named by their folder.
 */
public record Submission(String student, Path notebook) {
    public Submission {
        if (student == null || student.isBlank()) {
            throw new IllegalArgumentException("a submission needs a student: " + notebook);
        }
    }

    /** The submissions under {@code targets}: notebook files, folders of notebooks, folders of student folders. */
    public static List<Submission> in(List<Path> targets) throws IOException {
        List<Submission> submissions = new ArrayList<>();
        for (Path target : targets) {
            Path t = target.toAbsolutePath().normalize();
            if (!Files.exists(t)) {
                throw new IOException("nothing to grade at " + target + ": give notebooks or folders of them");
            }
            if (!Files.isDirectory(t)) {
                submissions.add(new Submission(t.getParent().getFileName().toString(), t));
                continue;
            }
            NotebookFiles.in(t).forEach(nb -> submissions.add(new Submission(t.getFileName().toString(), nb)));
            try (Stream<Path> folders = Files.list(t)) {
                for (Path student : folders.filter(Files::isDirectory)
                        .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                    NotebookFiles.in(student).forEach(nb -> submissions.add(new Submission(student.getFileName().toString(), nb)));
                }
            }
        }
        return submissions;
    }

    /** A file-name-safe key of this submission: {@code student/notebook}. */
    String id() {
        return student + "/" + notebook.getFileName();
    }
}
