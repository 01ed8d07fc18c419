package dev.tlkit.hub;

import dev.tlkit.Environment;
import dev.tlkit.audio.ClipSet;
import dev.tlkit.audio.SpeechClips;
import dev.tlkit.audio.SpeechTasks;
import dev.tlkit.data.KitPaths;
import dev.tlkit.models.SentenceEncoder;

/**
 * Fills a course's shared, read-only caches once, so that no learner's kernel unpacks or synthesises them again
 * (one copy on disk, not one per learner): libtorch in DJL's engine cache, MiniLM's files and the speech lesson's
 * clips in the kit's data folder. {@code ./kit hub} runs it with {@code TLKIT_DATA} and {@code ENGINE_CACHE_DIR}
 * pointing into the hub's shared folder, and then makes that folder read-only for the learners.
 */
public final class SharedCaches {
    private SharedCaches() {
    }

    public static void main(String[] args) {
        if (System.getenv("TLKIT_USER_CACHE") != null) {
            System.err.println("SharedCaches fills the shared data folder (TLKIT_DATA): unset TLKIT_USER_CACHE");
            System.exit(2);
        }
        Environment environment = Environment.inspect();
        System.out.println("libtorch " + environment.engineVersion() + " in " + environment.libtorchDirectory());
        try (SentenceEncoder encoder = SentenceEncoder.miniLm()) {
            System.out.println("MiniLM unpacked: " + encoder.encode("a course").length + " numbers per sentence");
        }
        for (SpeechClips recipe : SpeechTasks.lessonRecipes()) {
            ClipSet clips = recipe.load();
            System.out.println(clips.size() + " clips of " + clips.name());
        }
        System.out.println("shared caches ready in " + KitPaths.dataCache());
    }
}
