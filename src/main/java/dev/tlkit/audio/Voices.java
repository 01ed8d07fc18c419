package dev.tlkit.audio;

import java.util.ArrayList;
import java.util.List;

/** The speakers of the speech lesson: English accents to train on, and new speakers to adapt to. */
public final class Voices {
    /** eSpeak NG's English accents that the source voices speak (the Scottish accent is kept apart). */
    private static final String[][] ENGLISH = {
            {"en-us", "American"}, {"en-gb", "British"}, {"en-gb-x-rp", "Received Pronunciation"},
            {"en-gb-x-gbclan", "Lancashire"}, {"en-gb-x-gbcwmd", "West Midlands"}, {"en-029", "Caribbean"},
            {"en-us-nyc", "New York"}};
    /** eSpeak NG's voice variants with a pitch and rate each: four speakers per accent. */
    private static final String[] VARIANTS = {"+m1", "+f2", "+m3", "+f4"};
    private static final int[][] PITCH_SPEED = {{40, 165}, {60, 175}, {45, 190}, {70, 155}};
    /** Other languages' voices reading English words: foreign accents. */
    private static final String[][] FOREIGN = {{"de", "German"}, {"fr-fr", "French"}, {"es", "Spanish"},
            {"it", "Italian"}, {"pl", "Polish"}, {"nl", "Dutch"}, {"pt", "Portuguese"}, {"hi", "Hindi"}};

    private Voices() {
    }

    /** 28 source speakers: seven English accents, four voices each, all eSpeak NG. */
    public static List<Voice> english() {
        List<Voice> voices = new ArrayList<>();
        for (String[] accent : ENGLISH) {
            for (int v = 0; v < VARIANTS.length; v++) {
                voices.add(Voice.espeak(accent[0] + VARIANTS[v], accent[1], PITCH_SPEED[v][0], PITCH_SPEED[v][1]));
            }
        }
        return voices;
    }

    /** A new speaker with an English accent the source voices do not have: Scottish (eSpeak NG). */
    public static Voice scottish() {
        return Voice.espeak("en-gb-scotland+m7", "Scottish", 50, 170);
    }

    /** A new speaker with a foreign accent: one of {@code de fr-fr es it pl nl pt hi} reading English. */
    public static Voice foreign(String language) {
        for (String[] accent : FOREIGN) {
            if (accent[0].equals(language)) {
                return Voice.espeak(language + "+f3", accent[1], 55, 170);
            }
        }
        throw new IllegalArgumentException("no foreign voice " + language + "; the kit has "
                + String.join(", ", List.of(FOREIGN).stream().map(a -> a[0]).toList()));
    }

    /** A speaker of the other synthesiser, flite, which no source voice uses: {@code kal16 awb rms slt}. */
    public static Voice flite(String name) {
        int pitch = switch (name) {
            case "slt" -> 170;
            case "kal16", "awb", "rms" -> 105;
            default -> throw new IllegalArgumentException("no flite voice " + name + "; the kit uses kal16, awb, rms, slt");
        };
        return Voice.flite(name, pitch, 170);
    }

    /**
     * {@code count} renditions of one speaker: the same voice a little higher or lower (up to 8%) and faster or
     * slower (up to 12%), like a person saying a word again.
     */
    public static List<Voice> renditions(Voice speaker, int count) {
        List<Voice> voices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double pitch = 1 + 0.04 * ((i % 5) - 2);
            double speed = 1 + 0.12 * (((i * 3) % 7) / 3.0 - 1);
            voices.add(speaker.at((int) Math.round(speaker.pitch() * pitch), (int) Math.round(speaker.speed() * speed)));
        }
        return voices;
    }
}
