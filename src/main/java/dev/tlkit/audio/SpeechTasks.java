package dev.tlkit.audio;

import dev.tlkit.data.Task;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The speech lesson's tasks: keyword recognition learned from English-accent voices, for a new speaker. */
public final class SpeechTasks {
    /** Renditions of every word by a new speaker: the first {@link #POOL} may be labelled, the rest are the test. */
    public static final int RENDITIONS = 10;
    public static final int POOL = 6;

    private SpeechTasks() {
    }

    /** The source: the 30 keywords read by 28 voices in seven English accents ({@link Voices#english()}). */
    public static ClipSet englishKeywords() {
        return englishRecipe().load();
    }

    /** The recipe of {@link #englishKeywords()}. */
    public static SpeechClips englishRecipe() {
        return SpeechClips.keywords("english-accents", Voices.english());
    }

    /** The recipe of a new speaker's clips: {@value #RENDITIONS} renditions of every keyword. */
    public static SpeechClips speakerRecipe(Voice speaker) {
        return SpeechClips.keywords(slug(speaker), Voices.renditions(speaker, RENDITIONS));
    }

    /** The new speakers of the speech lesson: a Scottish, a German-accented and a flite voice. */
    public static List<Voice> lessonSpeakers() {
        return List.of(Voices.scottish(), Voices.foreign("de"), Voices.flite("slt"));
    }

    /** Every clip set the speech lesson loads: its source voices and its new speakers (a hub synthesises them once). */
    public static List<SpeechClips> lessonRecipes() {
        return Stream.concat(Stream.of(englishRecipe()),
                lessonSpeakers().stream().map(SpeechTasks::speakerRecipe)).toList();
    }

    /**
     * Recognising the keywords said by {@code speaker}: the training pool is {@code source} followed by
     * {@value #POOL} renditions of every word by the speaker (draw k of them with
     * {@code Samplers.keepFirst(source.size())}); the test set is the speaker's other
     * {@code RENDITIONS - POOL} renditions of every word.
     */
    public static Task<ClipSet> newSpeaker(ClipSet source, Voice speaker) {
        SpeechClips recipe = speakerRecipe(speaker);
        Set<Voice> pool = Set.copyOf(recipe.voices().subList(0, POOL));
        String name = speaker.accent() + " speaker";
        ClipSet clips = recipe.load();
        return Task.of(name, (RENDITIONS - POOL) + " other renditions of every word by the " + name + " ("
                        + speaker.id() + ")",
                () -> source.plus(clips.where(pool::contains, name + ", labelled pool"),
                        source.name() + " + " + name),
                () -> clips.where(v -> !pool.contains(v), name + ", test"));
    }

    private static String slug(Voice speaker) {
        return "speaker-" + speaker.synthesiser().program() + "-" + speaker.name().replaceAll("[^A-Za-z0-9-]", "-");
    }
}
